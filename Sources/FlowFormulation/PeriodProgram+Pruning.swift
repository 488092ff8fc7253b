import FreightNetwork

extension PeriodProgram {
    /// Links of `usable` that an optimal min-cost solution may use for a commodity.
    ///
    /// Every route through link a costs at least min over origins o of (origin cost + d(o, tail a)) + cost(a) + d(head a, t) per TEU,
    /// with d the cheapest static generalised cost, each link's lowered by its most negative extra days in any
    /// period (`leastExtraDays[l]`, ≤ 0: a period-scoped cut; factors and positive extra days only add cost or
    /// remove links). When that bound exceeds the largest unmet penalty of the commodity's demands, carrying a TEU
    /// through a costs more than losing it, so any flow through a can be replaced by lost freight at lower
    /// cost and no optimum uses it: dropping the link is exact. Not used for max throughput (cost is not
    /// what stage 1 optimises).
    static func affordableLinks(
        _ usable: [Int], commodity: Commodity, sink: Int, _ network: Network, leastExtraDays: [Double] = []
    ) -> [Int] {
        let demands = commodity.demands.map { network.demands[$0] }
        let penalty = demands.map(\.unmetPenaltyUSDPerTEU).max() ?? 0
        var start = [Int: Double]()
        for demand in demands {
            guard let o = network.index(of: demand.from) else { continue }
            start[o] = min(start[o] ?? .infinity, FlowProgram.originCost(demand, network))
        }
        let vot = commodity.valueOfTimeUSDPerTEUDay
        let cost = Dictionary(
            uniqueKeysWithValues: usable.map { l in
                let cut = leastExtraDays.indices.contains(l) ? min(0, leastExtraDays[l]) : 0
                return (l, FlowProgram.linkCost(l, vot: vot, network) + vot * cut)
            })
        let from = cheapest(usable, cost, start: start, forward: true, network)
        let to = cheapest(usable, cost, start: [sink: 0], forward: false, network)
        let limit = penalty * (1 + 1e-9) + 1e-6
        return usable.filter { l in
            let (a, b) = network.linkEnds[l]
            return from[a] + (cost[l] ?? 0) + to[b] <= limit
        }
    }

    /// Cheapest generalised cost from (forward) or to (backward) the `start` nodes, each with its initial
    /// cost, over `links` (Dijkstra, O(n²)).
    private static func cheapest(
        _ links: [Int], _ cost: [Int: Double], start: [Int: Double], forward: Bool, _ network: Network
    ) -> [Double] {
        var adjacency = [[(next: Int, cost: Double)]](repeating: [], count: network.nodes.count)
        for l in links {
            let (a, b) = network.linkEnds[l]
            if forward { adjacency[a].append((b, cost[l] ?? 0)) } else { adjacency[b].append((a, cost[l] ?? 0)) }
        }
        var distance = [Double](repeating: .infinity, count: network.nodes.count)
        var done = [Bool](repeating: false, count: network.nodes.count)
        for (n, c) in start { distance[n] = c }
        while true {
            var best = -1
            for n in distance.indices
            where !done[n] && distance[n].isFinite && (best < 0 || distance[n] < distance[best]) { best = n }
            guard best >= 0 else { break }
            done[best] = true
            for edge in adjacency[best] where distance[best] + edge.cost < distance[edge.next] {
                distance[edge.next] = distance[best] + edge.cost
            }
        }
        return distance
    }
}
