import FreightNetwork

extension ScenarioComparison {
    /// The corridors whose flow-weighted days moved by more than 0.05 days from `base` to `other` while
    /// the scenario cut the time of links (transit) or nodes (dwell) on their routes, in corridor order,
    /// with the congestion waits that grew on those routes (which can outweigh the cuts: freight drawn by
    /// the faster route queues at its ports and borders).
    func timeCuts(_ base: FlowResult, _ other: FlowResult) -> [ComparisonFinding.TimeCut] {
        let before = Dictionary(uniqueKeysWithValues: base.corridorSummaries.map { ($0.corridor, $0.avgTimeDays) })
        let after = Dictionary(uniqueKeysWithValues: other.corridorSummaries.map { ($0.corridor, $0.avgTimeDays) })
        // The times the scenario sets: reported times less the congestion waits at the flows.
        var linkDays: [Link.ID: (set: Double, wait: Double)] = [:]
        for link in base.links { linkDays[link.id] = (link.timeDays - (link.congestionDays ?? 0), link.congestionDays ?? 0) }
        var nodeDays: [Node.ID: (set: Double, wait: Double)] = [:]
        for node in base.nodes { nodeDays[node.id] = (node.dwellDays - (node.congestionDays ?? 0), node.congestionDays ?? 0) }
        let links = Dictionary(other.links.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let nodes = Dictionary(other.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return corridors.compactMap { corridor -> ComparisonFinding.TimeCut? in
            guard let was = before[corridor], let now = after[corridor], abs(was - now) > 0.05 else { return nil }
            var onRoutes: (links: Set<Link.ID>, nodes: Set<Node.ID>) = ([], [])
            for demand in other.demands {
                for route in demand.routes where route.corridor == corridor && route.teu > 0 {
                    onRoutes.links.formUnion(route.links)
                    onRoutes.nodes.formUnion(route.nodes)
                }
            }
            var cut: [ComparisonFinding.ElementTime] = []
            var waits: [ComparisonFinding.ElementTime] = []
            // An element's time as the scenario sets it (reported time less its wait) and its wait, against the base's.
            func examine(
                _ element: BindingConstraint.Element, _ id: String, _ name: String, reported: Double, wait: Double?,
                base: (set: Double, wait: Double)
            ) {
                let wait = wait ?? 0
                if reported - wait < base.set - 1e-9 {
                    cut.append(.init(element: element, id: id, name: name, baseDays: base.set, days: reported - wait))
                }
                if wait > base.wait + 0.01 {
                    waits.append(.init(element: element, id: id, name: name, baseDays: base.wait, days: wait))
                }
            }
            for id in onRoutes.links {
                guard let link = links[id], let days = linkDays[id] else { continue }
                examine(.link, id.rawValue, "\(link.from) → \(link.to)", reported: link.timeDays, wait: link.congestionDays, base: days)
            }
            for id in onRoutes.nodes {
                guard let node = nodes[id], let days = nodeDays[id] else { continue }
                examine(.node, id.rawValue, node.name, reported: node.dwellDays, wait: node.congestionDays, base: days)
            }
            guard !cut.isEmpty else { return nil }
            cut.sort { ($0.baseDays - $0.days, $1.id) > ($1.baseDays - $1.days, $0.id) }
            waits.sort { ($0.days - $0.baseDays, $1.id) > ($1.days - $1.baseDays, $0.id) }
            return .init(corridor: corridor, baseDays: was, otherDays: now, elements: cut, congestion: waits)
        }
    }
}
