import FreightNetwork

extension PathProgram {
    /// A capacity-respecting start for column generation: paths found greedily, and the capacities they fill.
    public struct Start: Sendable {
        /// (demand, links) of each path, in the order found.
        public var paths: [(demand: Int, links: [Int])]
        /// Limited links and nodes the paths fill (to within 1e-9 relative): link (true) or node (false), index.
        public var saturated: [(isLink: Bool, index: Int)]
    }

    /// Routes each demand, in file order, on successive cheapest paths (generalised cost) over what
    /// capacity is left, taking each path's bottleneck, at most `pathsPerDemand` paths per demand
    /// (in practice until it is routed or blocked: at M and L none needs more than 12; 4 cost L 30
    /// more rounds).
    ///
    /// A heuristic start only: column generation then proves optimality (or improves on it); the
    /// start decides nothing about the answer, only how many rounds it takes.
    public func greedyStart(pathsPerDemand: Int = 32) -> Start {
        var linkLeft = linkLimit.map { $0 ?? .infinity }
        var nodeLeft = network.nodes.map { $0.capacityTEU ?? .infinity }
        var paths: [(demand: Int, links: [Int])] = []
        for commodity in commodities where !network.nodes[commodity.origin].isClosed {
            let vot = commodity.valueOfTimeUSDPerTEUDay
            let cost = moneyAndDays.map { $0.money + vot * $0.days }
            let blocked = commodity.blockedNodes(count: network.nodes.count)
            func passable(_ l: Int) -> Bool {
                blocked.map { !$0[network.linkEnds[l].from] && !$0[network.linkEnds[l].to] } ?? true
            }
            for d in commodity.demands {
                guard let sink = network.index(of: network.demands[d].to) else { continue }
                var remaining = network.demands[d].teu
                for _ in 0..<pathsPerDemand where remaining > 0 && nodeLeft[commodity.origin] > 0 {
                    let weight: [Double] = network.links.indices.map { l in
                        openLink[l] && passable(l) && linkLeft[l] > 0 && nodeLeft[network.linkEnds[l].to] > 0
                            ? cost[l] : .infinity
                    }
                    let tree = outgoingLinks.search(from: commodity.origin, weight: weight, targets: [sink])
                    guard let links = OutgoingLinks.path(to: sink, predecessor: tree.predecessor, ends: network.linkEnds)
                    else { break }
                    var amount = min(remaining, nodeLeft[commodity.origin])
                    for l in links { amount = min(amount, linkLeft[l], nodeLeft[network.linkEnds[l].to]) }
                    for l in links {
                        linkLeft[l] -= amount
                        nodeLeft[network.linkEnds[l].to] -= amount
                    }
                    nodeLeft[commodity.origin] -= amount
                    remaining -= amount
                    paths.append((d, links))
                }
            }
        }
        func full(_ left: Double, _ capacity: Double?) -> Bool {
            guard let capacity else { return false }
            return left <= 1e-9 * max(1, abs(capacity))
        }
        var saturated: [(isLink: Bool, index: Int)] = []
        for l in network.links.indices where linkLimit[l] != nil && full(linkLeft[l], linkLimit[l]) { saturated.append((true, l)) }
        for n in network.nodes.indices where nodeLimit[n] != nil && full(nodeLeft[n], network.nodes[n].capacityTEU) {
            saturated.append((false, n))
        }
        return Start(paths: paths, saturated: saturated)
    }
}
