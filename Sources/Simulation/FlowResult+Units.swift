import FreightNetwork

/// Figures in the units sources publish: million tonnes a year (from `tonnes_per_teu`) and trains a day
/// (from `teu_per_train`), beside TEU/yr. Each is nil when the scenario does not give what it needs.
extension FlowResult {
    /// Days in the year trains/day are counted over.
    public static let daysPerYear = 365.0

    /// True when every demand has a mass per TEU, so that Mt/yr figures cover all freight.
    public var hasTonnage: Bool { !demands.isEmpty && demands.allSatisfy { $0.tonnesPerTEU != nil } }

    /// Delivered freight in million tonnes a year, when every demand has a mass per TEU.
    public var deliveredMegatonnes: Double? {
        guard hasTonnage else { return nil }
        return demands.reduce(0) { $0 + $1.deliveredTEU * ($1.tonnesPerTEU ?? 0) } / 1e6
    }

    /// Freight on `corridor`'s routes in million tonnes a year, when every demand has a mass per TEU.
    public func megatonnes(corridor: String) -> Double? {
        guard hasTonnage else { return nil }
        var tonnes = 0.0
        for demand in demands {
            for route in demand.routes where route.corridor == corridor {
                tonnes += route.teu * (demand.tonnesPerTEU ?? 0)
            }
        }
        return tonnes / 1e6
    }

    /// Trains a day on `corridor`'s routes: each route's TEU/yr over the TEU per train of its first link
    /// tagged with the corridor that has one, over 365 days; nil when a route carrying freight has none.
    public func trainsPerDay(corridor: String) -> Double? {
        let perTrain = Dictionary(links.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var trains = 0.0
        var any = false
        for demand in demands {
            for route in demand.routes where route.corridor == corridor && route.teu > 0 {
                let first = route.links.lazy.compactMap { perTrain[$0] }.first {
                    $0.corridor == corridor && $0.teuPerTrain != nil
                }
                guard let size = first?.teuPerTrain, size > 0 else { return nil }
                trains += route.teu / size
                any = true
            }
        }
        return any ? trains / Self.daysPerYear : nil
    }
}

extension LinkFlow {
    /// Trains a day the link's flow fills, when its TEU per train is known.
    public var trainsPerDay: Double? {
        guard let size = teuPerTrain, size > 0 else { return nil }
        return flowTEU / size / FlowResult.daysPerYear
    }
}

extension DemandResult {
    /// Delivered freight in million tonnes a year, when the demand has a mass per TEU.
    public var deliveredMegatonnes: Double? { tonnesPerTEU.map { deliveredTEU * $0 / 1e6 } }
}
