public import FreightNetwork

/// Corridor capacities: maximum flows and their minimum cuts on one corridor's links at a time.
///
/// The graph splits every node into an entry and an exit joined by an edge of the node's capacity,
/// so a node's throughput (inflow plus what originates there) is bounded exactly as in the
/// min-cost model; a link is an edge from its tail's exit to its head's entry. A super source
/// feeds every source's entry and every sink's exit drains to a super sink, both unlimited.
/// Closed links and nodes are left out. Links are those tagged with a selected corridor or
/// `shared`.
public struct CapacityAnalysis: Sendable {
    public let network: Network
    /// Node indices freight starts from (by default the origins of the demands in the network's
    /// `FreightNetwork/Network/mainDirection`, in demand order).
    public let sources: [Int]
    /// Node indices freight goes to (by default the demands' destinations that are not sources).
    public let sinks: [Int]

    /// - Parameters:
    ///   - network: The network whose capacity is measured.
    ///   - from: Source node ids; empty for the origins of the main direction's demands.
    ///   - to: Sink node ids; empty for the destinations of the main direction's demands.
    /// - Throws: ``CapacityError`` for an unknown id, or when no source or sink is open.
    public init(network: Network, from: [String] = [], to: [String] = []) throws(CapacityError) {
        self.network = network
        func indices(_ ids: [String], _ fallback: [Node.ID]) throws(CapacityError) -> [Int] {
            var result: [Int] = []
            for id in ids.isEmpty ? fallback.map(\.rawValue) : ids {
                guard let index = network.index(of: Node.ID(id)) else { throw .unknownNode(id) }
                if !result.contains(index) && !network.nodes[index].isClosed { result.append(index) }
            }
            return result
        }
        // Both ways on one network: the capacity asked about is the main direction's (China → Europe in
        // the bundled data), from its origins to its destinations; the other direction's demands start
        // where this one's end.
        // Where that direction has no open origin or destination, every demand's (as with one direction).
        let main = network.mainDirection
        func ends(_ demands: [Demand]) throws(CapacityError) -> (sources: [Int], sinks: [Int]) {
            let sources = try indices(from, demands.map(\.from))
            return (sources, try indices(to, demands.map(\.to)).filter { !sources.contains($0) })
        }
        var (sources, sinks) = try ends(network.freightDemands.filter { network.direction(of: $0) == main })
        if sources.isEmpty || sinks.isEmpty { (sources, sinks) = try ends(network.freightDemands) }
        guard !sources.isEmpty else { throw .noEndpoints(from.isEmpty ? "demand origin" : "--from node") }
        guard !sinks.isEmpty else { throw .noEndpoints(to.isEmpty ? "demand destination" : "--to node") }
        self.sources = sources
        self.sinks = sinks
    }

    /// The same sources and sinks on the capacity the background traffic of a flow leaves: each node's
    /// and link's capacity less the TEU/year `background`'s routes put through it (see
    /// `Network.reserving(linkTEU:nodeTEU:)`); `self` when there is no background traffic.
    public func reserving(_ background: [DemandResult]) -> CapacityAnalysis {
        CapacityAnalysis(reserved: network.reserving(background: background), sources: sources, sinks: sinks)
    }

    private init(reserved network: Network, sources: [Int], sinks: [Int]) {
        self.network = network
        self.sources = sources
        self.sinks = sinks
    }

    /// The capacity of `selection` and its minimum cut.
    /// - Throws: ``CapacityError/cutMismatch(corridor:flow:cut:)`` if the cut does not sum to the
    ///   flow within 1e-6 relative (checked on every run).
    public func capacity(of selection: CorridorSelection) throws(CapacityError) -> CorridorCapacity {
        // A linear scan of a few short tags: cheaper than hashing every link's tag.
        let tags = selection.tags + [CorridorSelection.sharedTag]
        let count = network.nodes.count
        let (source, sink) = (2 * count, 2 * count + 1)
        var graph = MaxFlowGraph(
            nodes: 2 * count + 2, edgeCapacity: count + network.links.count + sources.count + sinks.count)
        var nodeEdge = [Int?](repeating: nil, count: count)
        for (n, node) in network.nodes.enumerated() where !node.isClosed {
            nodeEdge[n] = graph.addEdge(from: 2 * n, to: 2 * n + 1, capacity: node.capacityTEU ?? .infinity)
        }
        var linkEdge = [Int?](repeating: nil, count: network.links.count)
        for (l, link) in network.links.enumerated() where network.isOpen(link: l) && tags.contains(link.corridor) {
            let (from, to) = network.linkEnds[l]
            linkEdge[l] = graph.addEdge(from: 2 * from + 1, to: 2 * to, capacity: link.capacityTEU ?? .infinity)
        }
        for s in sources { graph.addEdge(from: source, to: 2 * s, capacity: .infinity) }
        for t in sinks { graph.addEdge(from: 2 * t + 1, to: sink, capacity: .infinity) }
        var result = CorridorCapacity(
            selection: selection, capacityTEU: nil, unlimitedPath: nil, cut: [], linkFlows: [],
            sources: sources.map { network.nodes[$0].id.rawValue }, sinks: sinks.map { network.nodes[$0].id.rawValue })

        if let path = graph.unboundedPath(from: source, to: sink) {
            // The path's node edges name the nodes it passes, in order.
            var nodes: [String] = []
            for edge in path where graph.target[edge] < 2 * count && graph.target[edge] % 2 == 1 {
                nodes.append(network.nodes[graph.target[edge] / 2].id.rawValue)
            }
            result.unlimitedPath = nodes
            return result
        }
        let value = graph.maximize(from: source, to: sink)
        let side = graph.sourceSide(from: source)
        for (n, edge) in nodeEdge.enumerated() {
            guard let edge, side[2 * n], !side[2 * n + 1] else { continue }
            let node = network.nodes[n]
            result.cut.append(
                .init(kind: .node, id: node.id.rawValue, name: node.name, capacityTEU: graph.capacity[edge]))
        }
        for (l, edge) in linkEdge.enumerated() {
            guard let edge else { continue }
            let (from, to) = network.linkEnds[l]
            guard side[2 * from + 1], !side[2 * to] else { continue }
            let link = network.links[l]
            let name = "\(network.nodes[from].name) → \(network.nodes[to].name)"
            result.cut.append(.init(kind: .link, id: link.id.rawValue, name: name, capacityTEU: graph.capacity[edge]))
        }
        let cutTotal = result.cut.reduce(0) { $0 + $1.capacityTEU }
        guard abs(cutTotal - value) <= 1e-6 * max(1, value) else {
            throw .cutMismatch(corridor: selection.name, flow: value, cut: cutTotal)
        }
        result.capacityTEU = value
        result.linkFlows = linkEdge.map { $0.map { graph.flow(on: $0) } ?? 0 }
        return result
    }
}
