public import FreightNetwork

/// The China–Europe freight moving one way: demand, delivered and unmet TEU/year, average cost and
/// days, and the corridors it uses (shares of this direction's delivered TEU).
public struct DirectionSummary: Sendable, Hashable {
    public var direction: Direction
    /// TEU/year wanted this way.
    public var demandTEU: Double
    public var deliveredTEU: Double
    public var unmetTEU: Double
    /// Flow-weighted tariffs plus handling of this direction's routes, USD per TEU; nil when nothing moves.
    public var avgCostUSDPerTEU: Double?
    /// Flow-weighted transit time (with congestion waits) of this direction's routes, days; nil when
    /// nothing moves.
    public var avgTimeDays: Double?
    /// Per corridor, largest first; `share` is of this direction's delivered TEU.
    public var corridors: [CorridorSummary]
}

extension FlowResult {
    /// One summary per direction that has China–Europe demand, westbound first (background traffic
    /// is never counted).
    public var directionSummaries: [DirectionSummary] {
        Direction.allCases.compactMap { direction in
            let mine = demands.filter { $0.direction == direction }
            guard !mine.isEmpty else { return nil }
            return Self.summary(direction, of: mine)
        }
    }

    /// True when the result carries demand in more than one direction (reports then add a split).
    public var hasBothDirections: Bool {
        Set(demands.map(\.direction)).count > 1
    }

    static func summary(_ direction: Direction, of demands: [DemandResult]) -> DirectionSummary {
        var teu: [String: Double] = [:]
        var cost: [String: Double] = [:]
        var days: [String: Double] = [:]
        for demand in demands {
            for route in demand.routes {
                teu[route.corridor, default: 0] += route.teu
                cost[route.corridor, default: 0] += route.teu * route.costUSDPerTEU
                days[route.corridor, default: 0] += route.teu * route.timeDays
            }
        }
        let moved = teu.sumInKeyOrder()
        let corridors = teu.keys.sorted().map { corridor in
            let carried = teu[corridor] ?? 0
            return CorridorSummary(
                corridor: corridor, teu: carried, share: moved > 0 ? carried / moved : 0,
                avgCostUSDPerTEU: carried > 0 ? (cost[corridor] ?? 0) / carried : 0,
                avgTimeDays: carried > 0 ? (days[corridor] ?? 0) / carried : 0)
        }
        .filter { $0.teu > 1e-9 }
        .sorted { ($0.teu, $1.corridor) > ($1.teu, $0.corridor) }
        return DirectionSummary(
            direction: direction,
            demandTEU: demands.reduce(0) { $0 + $1.teu },
            deliveredTEU: demands.reduce(0) { $0 + $1.deliveredTEU },
            unmetTEU: demands.reduce(0) { $0 + $1.unmetTEU },
            avgCostUSDPerTEU: moved > 1e-9 ? cost.sumInKeyOrder() / moved : nil,
            avgTimeDays: moved > 1e-9 ? days.sumInKeyOrder() / moved : nil,
            corridors: corridors)
    }
}
