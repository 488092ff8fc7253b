import FreightNetwork

extension ScenarioComparison {
    /// The corridors whose flow-weighted days fell by more than 0.05 days from `base` to `other` while the
    /// scenario cut the time of links (transit) or nodes (dwell) on their routes, in corridor order.
    func timeCuts(_ base: FlowResult, _ other: FlowResult) -> [ComparisonFinding.TimeCut] {
        let before = Dictionary(uniqueKeysWithValues: base.corridorSummaries.map { ($0.corridor, $0.avgTimeDays) })
        let after = Dictionary(uniqueKeysWithValues: other.corridorSummaries.map { ($0.corridor, $0.avgTimeDays) })
        var linkDays: [Link.ID: Double] = [:]
        for link in base.links { linkDays[link.id] = link.timeDays }
        var nodeDays: [Node.ID: Double] = [:]
        for node in base.nodes { nodeDays[node.id] = node.dwellDays }
        let links = Dictionary(other.links.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let nodes = Dictionary(other.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return corridors.compactMap { corridor -> ComparisonFinding.TimeCut? in
            guard let was = before[corridor], let now = after[corridor], was - now > 0.05 else { return nil }
            var onRoutes: (links: Set<Link.ID>, nodes: Set<Node.ID>) = ([], [])
            for demand in other.demands {
                for route in demand.routes where route.corridor == corridor && route.teu > 0 {
                    onRoutes.links.formUnion(route.links)
                    onRoutes.nodes.formUnion(route.nodes)
                }
            }
            var cut: [ComparisonFinding.ElementTime] = []
            for id in onRoutes.links {
                guard let link = links[id], let days = linkDays[id], link.timeDays < days - 1e-9 else { continue }
                cut.append(
                    .init(
                        element: .link, id: id.rawValue, name: "\(link.from) → \(link.to)", baseDays: days,
                        days: link.timeDays))
            }
            for id in onRoutes.nodes {
                guard let node = nodes[id], let days = nodeDays[id], node.dwellDays < days - 1e-9 else { continue }
                cut.append(
                    .init(element: .node, id: id.rawValue, name: node.name, baseDays: days, days: node.dwellDays))
            }
            guard !cut.isEmpty else { return nil }
            cut.sort { ($0.baseDays - $0.days, $1.id) > ($1.baseDays - $1.days, $0.id) }
            return .init(corridor: corridor, baseDays: was, otherDays: now, elements: cut)
        }
    }
}
