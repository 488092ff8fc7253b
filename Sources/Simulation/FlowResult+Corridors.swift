public import FreightNetwork

/// Delivered TEU on one corridor with what it costs and how long it takes there.
public struct CorridorSummary: Sendable, Hashable {
    public var corridor: String
    /// Delivered TEU/year whose route is on this corridor.
    public var teu: Double
    /// Share of all delivered TEU, 0…1.
    public var share: Double
    /// Flow-weighted tariffs plus handling of the corridor's routes, USD per TEU.
    public var avgCostUSDPerTEU: Double
    /// Flow-weighted transit time of the corridor's routes, days.
    public var avgTimeDays: Double
}

extension FlowResult {
    /// Per corridor: delivered TEU/year, share, average USD per TEU and days, in ``corridors`` order.
    public var corridorSummaries: [CorridorSummary] {
        var cost: [String: Double] = [:]
        var days: [String: Double] = [:]
        for demand in demands {
            for route in demand.routes {
                cost[route.corridor, default: 0] += route.teu * route.costUSDPerTEU
                days[route.corridor, default: 0] += route.teu * route.timeDays
            }
        }
        return corridors.map { c in
            CorridorSummary(
                corridor: c.corridor,
                teu: c.teu,
                share: c.share,
                avgCostUSDPerTEU: c.teu > 0 ? (cost[c.corridor] ?? 0) / c.teu : 0,
                avgTimeDays: c.teu > 0 ? (days[c.corridor] ?? 0) / c.teu : 0
            )
        }
    }

    /// The corridor each node mostly serves: the non-`shared` tag carrying most TEU on its links
    /// (by count of links when nothing flows), or "shared".
    public var nodeCorridors: [Node.ID: String] {
        var flow: [Node.ID: [String: Double]] = [:]
        var count: [Node.ID: [String: Double]] = [:]
        for link in links where link.corridor != "shared" {
            for end in [link.from, link.to] {
                flow[end, default: [:]][link.corridor, default: 0] += link.flowTEU
                count[end, default: [:]][link.corridor, default: 0] += 1
            }
        }
        var result: [Node.ID: String] = [:]
        for node in nodes {
            let byFlow = (flow[node.id] ?? [:]).filter { $0.value > 0 }
            let table = byFlow.isEmpty ? (count[node.id] ?? [:]) : byFlow
            result[node.id] = table.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "shared"
        }
        return result
    }

    /// The corridor of a binding constraint: the link's tag, or the node's ``nodeCorridors`` entry.
    public func corridor(of constraint: BindingConstraint, nodeCorridors: [Node.ID: String]) -> String {
        switch constraint.element {
        case .link: links.first { $0.id.rawValue == constraint.id }?.corridor ?? "shared"
        case .node: nodeCorridors[Node.ID(constraint.id)] ?? "shared"
        }
    }
}
