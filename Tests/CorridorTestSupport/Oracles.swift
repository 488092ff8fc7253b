public import FreightNetwork

/// Independent reference solvers for tests: no LP involved.
public enum Oracles {
    /// Cheapest generalised cost per TEU from `origin` to every node (Bellman–Ford over open links),
    /// counting the origin's handling/dwell and every entered node's, for a value of time.
    public static func cheapest(from origin: Node.ID, vot: Double, in network: Network) -> [Node.ID: Double] {
        guard let o = network.index(of: origin) else { return [:] }
        var dist = [Double](repeating: .infinity, count: network.nodes.count)
        let start = network.nodes[o]
        dist[o] = start.handlingCostUSDPerTEU + vot * start.dwellDays
        for _ in 0..<network.nodes.count {
            var changed = false
            for (l, link) in network.links.enumerated() where !link.isClosed {
                let (a, b) = network.linkEnds[l]
                guard dist[a].isFinite else { continue }
                let head = network.nodes[b]
                let d = dist[a] + link.costUSDPerTEU + vot * link.timeDays + head.handlingCostUSDPerTEU + vot * head.dwellDays
                if d < dist[b] - 1e-12 {
                    dist[b] = d
                    changed = true
                }
            }
            if !changed { break }
        }
        var result: [Node.ID: Double] = [:]
        for (i, node) in network.nodes.enumerated() { result[node.id] = dist[i] }
        return result
    }

    /// The optimum of an uncapacitated network: each demand on its cheapest path, or unmet when the penalty is lower.
    public static func uncapacitatedMinCost(_ network: Network) -> Double {
        network.demands.reduce(0) { total, demand in
            let cost = cheapest(from: demand.from, vot: demand.valueOfTimeUSDPerTEUDay, in: network)[demand.to] ?? .infinity
            return total + demand.teu * min(cost, demand.unmetPenaltyUSDPerTEU)
        }
    }

    /// Minimum s–t cut capacity over link capacities, by enumerating every node subset (tiny networks only).
    ///
    /// Unlimited links count as infinite. Node capacities are not considered.
    public static func minCut(from s: Node.ID, to t: Node.ID, in network: Network) -> Double {
        guard let si = network.index(of: s), let ti = network.index(of: t) else { return 0 }
        let others = network.nodes.indices.filter { $0 != si && $0 != ti }
        var best = Double.infinity
        for mask in 0..<(1 << others.count) {
            var inS = [Bool](repeating: false, count: network.nodes.count)
            inS[si] = true
            for (bit, n) in others.enumerated() where mask & (1 << bit) != 0 { inS[n] = true }
            var cut = 0.0
            for (l, link) in network.links.enumerated() where !link.isClosed {
                let (a, b) = network.linkEnds[l]
                if inS[a] && !inS[b] { cut += link.capacityTEU ?? .infinity }
            }
            best = min(best, cut)
        }
        return best
    }

    /// Single-commodity min-cost flow by successive shortest paths (Bellman–Ford on the residual graph).
    ///
    /// Sends up to `amount` TEU from s to t over link capacities and costs (tariff + vot·time, no node terms);
    /// units that cannot be sent, or whose path costs more than `penalty`, are left unmet at `penalty` each.
    /// Returns the total cost.
    public static func minCostFlow(
        from s: Node.ID, to t: Node.ID, amount: Double, vot: Double, penalty: Double, in network: Network
    ) -> Double {
        guard let si = network.index(of: s), let ti = network.index(of: t) else { return amount * penalty }
        struct Arc { var to: Int; var cap: Double; var cost: Double; var rev: Int }
        var graph = [[Arc]](repeating: [], count: network.nodes.count)
        for (l, link) in network.links.enumerated() where !link.isClosed {
            let (a, b) = network.linkEnds[l]
            let cost = link.costUSDPerTEU + vot * link.timeDays
            graph[a].append(Arc(to: b, cap: link.capacityTEU ?? 1e18, cost: cost, rev: graph[b].count))
            graph[b].append(Arc(to: a, cap: 0, cost: -cost, rev: graph[a].count - 1))
        }
        var remaining = amount
        var total = 0.0
        while remaining > 1e-9 {
            var dist = [Double](repeating: .infinity, count: graph.count)
            var prev = [(node: Int, arc: Int)?](repeating: nil, count: graph.count)
            dist[si] = 0
            for _ in 0..<graph.count {
                var changed = false
                for u in graph.indices where dist[u].isFinite {
                    for (i, arc) in graph[u].enumerated() where arc.cap > 1e-9 && dist[u] + arc.cost < dist[arc.to] - 1e-12 {
                        dist[arc.to] = dist[u] + arc.cost
                        prev[arc.to] = (u, i)
                        changed = true
                    }
                }
                if !changed { break }
            }
            guard dist[ti].isFinite, dist[ti] < penalty else { break }
            var push = remaining
            var v = ti
            while let p = prev[v] {
                push = min(push, graph[p.node][p.arc].cap)
                v = p.node
            }
            v = ti
            while let p = prev[v] {
                graph[p.node][p.arc].cap -= push
                let back = graph[p.node][p.arc].rev
                graph[v][back].cap += push
                v = p.node
            }
            total += push * dist[ti]
            remaining -= push
        }
        return total + remaining * penalty
    }
}
