public import FreightNetwork

/// Something a single-failure sweep closes: a link, a node, a border between two countries, a country.
public struct FailureTarget: Sendable, Hashable {
    /// The kinds of target, as written after `--targets`.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A link as written in the file: both directions of a bidirectional link.
        case link = "links"
        /// A node (origins and destinations of demands only when asked for).
        case node = "nodes"
        /// Every rail, road and ferry link between two countries (sea lanes are not borders).
        case border = "borders"
        /// Every node of a country.
        case country = "countries"

        /// The singular used in reports: `link`, `node`, `border`, `country`.
        public var element: String {
            switch self {
            case .link: "link"
            case .node: "node"
            case .border: "border"
            case .country: "country"
            }
        }
    }

    public var kind: Kind
    /// What the report calls it.
    public var element: SweepElement
    /// Dense indices of the links it closes.
    public var links: [Int]
    /// Dense indices of the nodes it closes.
    public var nodes: [Int]

    /// The disruption that closes the target.
    public var disruption: Disruption {
        var disruption = Disruption()
        for link in links { disruption.close(link: link) }
        for node in nodes { disruption.close(node: node) }
        return disruption
    }

    /// The targets of `kinds` in `network`, kinds in the order given, elements in network order.
    ///
    /// Elements the scenario already closed are left out. Unless `includeEndpoints`, so are the nodes
    /// where a demand starts or ends, and the links that are the only way out of such an origin or
    /// into such a destination: closing one removes its demand by definition. With `modes`, only
    /// links of those modes are closed, nodes only when one of their open links has such a mode,
    /// and borders and countries are not filtered.
    public static func all(
        in network: Network, kinds: [Kind], includeEndpoints: Bool = false, modes: Set<Mode>? = nil
    ) -> [FailureTarget] {
        var targets: [FailureTarget] = []
        for kind in kinds {
            switch kind {
            case .link: targets += links(network, includeEndpoints: includeEndpoints, modes: modes)
            case .node: targets += nodes(network, includeEndpoints: includeEndpoints, modes: modes)
            case .border: targets += borders(network)
            case .country: targets += countries(network)
            }
        }
        return targets
    }

    /// True when link `l` is the only open link out of a demand's origin or into a demand's destination
    /// (China–Europe demands: a background flow's ends, such as a border gate, are failures like any other).
    static func isSoleAccess(_ l: Int, _ network: Network) -> Bool {
        let (from, to) = network.linkEnds[l]
        let origins = Set(network.freightDemands.map(\.from))
        let destinations = Set(network.freightDemands.map(\.to))
        if origins.contains(network.nodes[from].id), network.outgoing[from].count(where: { network.isOpen(link: $0) }) == 1 {
            return true
        }
        if destinations.contains(network.nodes[to].id), network.incoming[to].count(where: { network.isOpen(link: $0) }) == 1
        {
            return true
        }
        return false
    }

    private static func links(_ network: Network, includeEndpoints: Bool, modes: Set<Mode>?) -> [FailureTarget] {
        var order: [Link.ID] = []
        var members: [Link.ID: [Int]] = [:]
        var access: Set<Link.ID> = []
        for (l, link) in network.links.enumerated()
        where network.isOpen(link: l) && modes.map({ $0.contains(link.mode) }) ?? true {
            if members[link.baseID] == nil { order.append(link.baseID) }
            members[link.baseID, default: []].append(l)
            if !includeEndpoints, isSoleAccess(l, network) { access.insert(link.baseID) }
        }
        return order.filter { !access.contains($0) }.map { id in
            let indices = members[id] ?? []
            let first = network.links[indices[0]]
            let arrow = indices.count > 1 ? "↔" : "→"
            let name = "\(first.from) \(arrow) \(first.to)"
            return FailureTarget(
                kind: .link, element: SweepElement(kind: "link", id: id.rawValue, name: name), links: indices, nodes: []
            )
        }
    }

    private static func nodes(_ network: Network, includeEndpoints: Bool, modes: Set<Mode>?) -> [FailureTarget] {
        let endpoints = Set(network.freightDemands.flatMap { [$0.from, $0.to] })
        return network.nodes.enumerated().compactMap { n, node in
            guard !node.isClosed, includeEndpoints || !endpoints.contains(node.id) else { return nil }
            if let modes {
                let links = network.incoming[n] + network.outgoing[n]
                guard links.contains(where: { network.isOpen(link: $0) && modes.contains(network.links[$0].mode) }) else {
                    return nil
                }
            }
            return FailureTarget(
                kind: .node, element: SweepElement(kind: "node", id: node.id.rawValue, name: node.name), links: [],
                nodes: [n])
        }
    }

    private static func borders(_ network: Network) -> [FailureTarget] {
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (l, link) in network.links.enumerated() where link.mode != .sea && network.isOpen(link: l) {
            let (from, to) = network.linkEnds[l]
            let a = network.nodes[from].countries
            let b = network.nodes[to].countries
            guard let first = a.first, let second = b.first, Set(a).isDisjoint(with: b) else { continue }
            let key = [first, second].sorted().joined(separator: "-")
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(l)
        }
        return order.map { key in
            let indices = members[key] ?? []
            var crossings: [String] = []
            for l in indices {
                let (from, to) = network.linkEnds[l]
                let pair = [network.nodes[from].id.rawValue, network.nodes[to].id.rawValue].sorted().joined(
                    separator: "–")
                if !crossings.contains(pair) { crossings.append(pair) }
            }
            let shown = crossings.prefix(4).joined(separator: ", ") + (crossings.count > 4 ? ", …" : "")
            return FailureTarget(
                kind: .border, element: SweepElement(kind: "border", id: key, name: shown), links: indices, nodes: [])
        }
    }

    private static func countries(_ network: Network) -> [FailureTarget] {
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (n, node) in network.nodes.enumerated() where !node.isClosed {
            for country in node.countries {
                if members[country] == nil { order.append(country) }
                members[country, default: []].append(n)
            }
        }
        return order.map { country in
            let indices = members[country] ?? []
            let names = indices.prefix(3).map { network.nodes[$0].id.rawValue }.joined(separator: ", ")
            let name =
                "\(indices.count) node\(indices.count == 1 ? "" : "s"): \(names)\(indices.count > 3 ? ", …" : "")"
            return FailureTarget(
                kind: .country, element: SweepElement(kind: "country", id: country, name: name), links: [],
                nodes: indices)
        }
    }
}
