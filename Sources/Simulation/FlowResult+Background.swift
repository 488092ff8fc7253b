import FreightNetwork

/// What background traffic puts through one capacity-limited node or link.
public struct BackgroundLoad: Sendable, Hashable {
    public var element: BindingConstraint.Element
    public var id: String
    public var name: String
    /// Background TEU/year through the element (entering a node or originating there; on a link).
    public var backgroundTEU: Double
    /// All TEU/year through it: background plus China–Europe freight.
    public var flowTEU: Double
    /// Its capacity, TEU/year.
    public var capacityTEU: Double
}

extension FlowResult {
    /// Background TEU/year due, carried and lost (not carried, at its unmet penalty).
    public var backgroundTotals: (teu: Double, carriedTEU: Double, lostTEU: Double) {
        background.reduce((0, 0, 0)) { ($0.0 + $1.teu, $0.1 + $1.deliveredTEU, $0.2 + $1.unmetTEU) }
    }

    /// The capacity-limited nodes and links that background traffic uses, in node then link order: how
    /// much of each it takes, beside the whole flow and the capacity.
    public var backgroundLoads: [BackgroundLoad] {
        var onNode: [Node.ID: Double] = [:]
        var onLink: [Link.ID: Double] = [:]
        for flow in background {
            for route in flow.routes {
                for node in route.nodes { onNode[node, default: 0] += route.teu }
                for link in route.links { onLink[link, default: 0] += route.teu }
            }
        }
        let nodeLoads = nodes.compactMap { n -> BackgroundLoad? in
            guard let teu = onNode[n.id], teu > 0, let capacity = n.capacityTEU else { return nil }
            return BackgroundLoad(
                element: .node, id: n.id.rawValue, name: n.name, backgroundTEU: teu, flowTEU: n.throughputTEU,
                capacityTEU: capacity)
        }
        let linkLoads = links.compactMap { l -> BackgroundLoad? in
            guard let teu = onLink[l.id], teu > 0, let capacity = l.capacityTEU else { return nil }
            return BackgroundLoad(
                element: .link, id: l.id.rawValue, name: "\(l.from) → \(l.to)", backgroundTEU: teu, flowTEU: l.flowTEU,
                capacityTEU: capacity)
        }
        return nodeLoads + linkLoads
    }
}
