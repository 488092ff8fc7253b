/// A validated, immutable freight network with dense indices for algorithms.
///
/// References and values are checked once, here, so nothing downstream has to.
/// Node and link order is the file order and is kept in every output.
public struct Network: Sendable {
    public let nodes: [Node]
    public let links: [Link]
    public let demands: [Demand]
    /// `outgoing[n]`: indices into ``links`` whose tail is `nodes[n]`.
    public let outgoing: [[Int]]
    /// `incoming[n]`: indices into ``links`` whose head is `nodes[n]`.
    public let incoming: [[Int]]
    /// `linkEnds[l]`: (tail, head) node indices of `links[l]`.
    public let linkEnds: [(from: Int, to: Int)]
    private let nodeIndex: [Node.ID: Int]
    private let linkIndex: [Link.ID: Int]
    /// USD per TEU-day that prices congestion waits in the program (a scenario's
    /// `congestion_value_of_time_usd_per_teu_day`); nil for the TEU-weighted mean over the demands.
    /// Networks derived from this one (edits, reservations, curves removed) keep it.
    public var congestionValueOfTime: Double?

    public init(nodes: [Node], links: [Link], demands: [Demand]) throws(NetworkError) {
        var nodeIndex: [Node.ID: Int] = [:]
        nodeIndex.reserveCapacity(nodes.count)
        for (index, node) in nodes.enumerated() {
            guard nodeIndex.updateValue(index, forKey: node.id) == nil else { throw .duplicateNode(node.id) }
            try Self.check(node)
        }
        var linkIndex: [Link.ID: Int] = [:]
        linkIndex.reserveCapacity(links.count)
        var outgoing = Array(repeating: [Int](), count: nodes.count)
        var incoming = Array(repeating: [Int](), count: nodes.count)
        var ends: [(from: Int, to: Int)] = []
        ends.reserveCapacity(links.count)
        for (index, link) in links.enumerated() {
            guard linkIndex.updateValue(index, forKey: link.id) == nil else { throw .duplicateLink(link.id) }
            guard let tail = nodeIndex[link.from] else { throw .unknownNode(link.from, referencedBy: "link \(link.id)") }
            guard let head = nodeIndex[link.to] else { throw .unknownNode(link.to, referencedBy: "link \(link.id)") }
            guard tail != head else { throw .selfLoop(link.id) }
            try Self.check(link)
            outgoing[tail].append(index)
            incoming[head].append(index)
            ends.append((tail, head))
        }
        var demandIDs: Set<Demand.ID> = []
        for demand in demands {
            guard demandIDs.insert(demand.id).inserted else { throw .duplicateDemand(demand.id) }
            guard nodeIndex[demand.from] != nil else { throw .unknownNode(demand.from, referencedBy: "demand \(demand.id)") }
            guard nodeIndex[demand.to] != nil else { throw .unknownNode(demand.to, referencedBy: "demand \(demand.id)") }
            try Self.check(demand)
            for end in [demand.from, demand.to] {
                if let node = nodeIndex[end].map({ nodes[$0] }),
                    let country = node.countries.first(where: demand.avoidedCountries.contains)
                {
                    throw .avoidedEndpoint(demand.id, node: end, country: country)
                }
            }
        }
        self.nodes = nodes
        self.links = links
        self.demands = demands
        self.outgoing = outgoing
        self.incoming = incoming
        self.linkEnds = ends
        self.nodeIndex = nodeIndex
        self.linkIndex = linkIndex
    }

    /// The nodes (dense indices, ascending) that `demand`'s freight may not pass through: those lying in
    /// one of its ``Demand/avoidedCountries``. Empty for a demand that avoids nothing.
    public func avoidedNodes(of demand: Demand) -> [Int] {
        guard !demand.avoidedCountries.isEmpty else { return [] }
        let avoided = Set(demand.avoidedCountries)
        return nodes.indices.filter { nodes[$0].countries.contains(where: avoided.contains) }
    }

    /// A demand's direction: the one written, or westbound when its origin lies east of its destination
    /// (or level with it) and eastbound otherwise (``Direction/of(fromLongitude:toLongitude:)``).
    public func direction(of demand: Demand) -> Direction {
        if let written = demand.direction { return written }
        guard let from = node(demand.from), let to = node(demand.to) else { return .westbound }
        return Direction.of(fromLongitude: from.longitude, toLongitude: to.longitude)
    }

    /// The direction with the most China–Europe demand (TEU/year); westbound on a tie or with none.
    public var mainDirection: Direction {
        var teu: [Direction: Double] = [:]
        for demand in demands where !demand.isBackground { teu[direction(of: demand), default: 0] += demand.teu }
        return (teu[.eastbound] ?? 0) > (teu[.westbound] ?? 0) ? .eastbound : .westbound
    }

    /// The China–Europe demands: ``demands`` without the background traffic (``Demand/isBackground``).
    public var freightDemands: [Demand] { demands.filter { !$0.isBackground } }

    /// The network left to China–Europe freight once background traffic has taken its share: the same
    /// nodes and links without the background flows, each limited capacity less the TEU/year they put
    /// through it (`linkTEU[l]`, `nodeTEU[n]`, by dense index; never below 0).
    public func reserving(linkTEU: [Double], nodeTEU: [Double]) -> Network {
        var nodes = self.nodes
        var links = self.links
        for n in nodes.indices { nodes[n].capacityTEU = nodes[n].capacityTEU.map { max(0, $0 - nodeTEU[n]) } }
        for l in links.indices { links[l].capacityTEU = links[l].capacityTEU.map { max(0, $0 - linkTEU[l]) } }
        // The same records with smaller capacities and fewer demands: every check passed already.
        guard let network = try? rebuilt(nodes: nodes, links: links, demands: freightDemands) else { return self }
        return network
    }

    /// The dense index of a node, or `nil` when the id is unknown.
    public func index(of node: Node.ID) -> Int? { nodeIndex[node] }
    /// The dense index of a link, or `nil` when the id is unknown.
    public func index(of link: Link.ID) -> Int? { linkIndex[link] }
    /// The node with an id.
    public func node(_ id: Node.ID) -> Node? { nodeIndex[id].map { nodes[$0] } }
    /// The link with an id.
    public func link(_ id: Link.ID) -> Link? { linkIndex[id].map { links[$0] } }

    private static func check(_ node: Node) throws(NetworkError) {
        let name = "node \(node.id)"
        try require(node.latitude, in: -90...90, name, "lat", "degrees in -90...90")
        try require(node.longitude, in: -180...180, name, "lon", "degrees in -180...180")
        if let c = node.capacityTEU { try nonNegative(c, name, "capacity_teu") }
        try nonNegative(node.handlingCostUSDPerTEU, name, "handling_cost_usd_per_teu")
        try nonNegative(node.dwellDays, name, "dwell_days")
        if let s = node.storageCapacityTEU { try nonNegative(s, name, "storage_capacity_teu") }
        try nonNegative(node.holdingCostUSDPerTEUDay, name, "holding_cost_usd_per_teu_day")
    }

    private static func check(_ link: Link) throws(NetworkError) {
        let name = "link \(link.id)"
        try nonNegative(link.distanceKm, name, "distance_km")
        if let c = link.capacityTEU { try nonNegative(c, name, "capacity_teu") }
        try nonNegative(link.costUSDPerTEU, name, "cost_usd_per_teu")
        try nonNegative(link.timeDays, name, "time_days")
    }

    private static func check(_ demand: Demand) throws(NetworkError) {
        let name = "demand \(demand.id)"
        try nonNegative(demand.teu, name, "teu")
        try nonNegative(demand.valueOfTimeUSDPerTEUDay, name, "value_of_time_usd_per_teu_day")
        try nonNegative(demand.unmetPenaltyUSDPerTEU, name, "unmet_penalty_usd_per_teu")
        if let late = demand.latePenaltyUSDPerTEUDay { try nonNegative(late, name, "late_penalty_usd_per_teu_day") }
    }

    private static func nonNegative(_ v: Double, _ entity: String, _ field: String) throws(NetworkError) {
        guard v.isFinite, v >= 0 else {
            throw .invalidValue(entity: entity, field: field, value: v, expected: "a finite number ≥ 0")
        }
    }

    private static func require(
        _ v: Double,
        in range: ClosedRange<Double>,
        _ entity: String,
        _ field: String,
        _ expected: String
    ) throws(NetworkError) {
        guard v.isFinite, range.contains(v) else {
            throw .invalidValue(entity: entity, field: field, value: v, expected: expected)
        }
    }
}
