import FreightNetwork

/// A network with one origin as a plain graph for combinatorial oracles (no LP at all).
///
/// Every open node n becomes `n.in → n.out` (its throughput: capacity, handling + vot·dwell), every
/// open link `a → b` becomes `a.out → b.in`, and a super source S, a sink T and a node z per
/// demand are added: `S → origin.in` carries the originating TEU, `destination.out → z` the
/// demand's delivered TEU, `S → z` its unmet TEU at its penalty, and `z → T` its volume. A flow of
/// Σ teu from S to T fills every `z → T`, so delivered + unmet = volume for each demand: it is then
/// a solution of the documented program for a single commodity.
struct SplitGraph {
    struct Arc {
        var from: Int
        var to: Int
        var capacity: Double
        var cost: Double
        var flow = 0.0
        /// What the arc stands for, to compare with `corridor`'s report.
        var role: Role
    }

    enum Role: Equatable {
        case link(Int)
        case node(Int)
        case origin
        case delivered(Int)
        case unmet(Int)
        case demand(Int)
    }

    let source: Int
    let sink: Int
    private(set) var arcs: [Arc] = []
    private(set) var outgoing: [[Int]]

    /// `network` must have all demands from one origin; `vot` prices time (one commodity).
    init(_ network: Network, vot: Double, includeUnmet: Bool) {
        let n = network.nodes.count
        source = 2 * n
        sink = 2 * n + 1
        outgoing = [[Int]](repeating: [], count: 2 * n + 2 + network.demands.count)
        let unlimited = Double.infinity
        for (i, node) in network.nodes.enumerated() where !node.isClosed {
            add(
                Arc(
                    from: 2 * i, to: 2 * i + 1, capacity: node.capacityTEU ?? unlimited,
                    cost: node.handlingCostUSDPerTEU + vot * node.dwellDays, role: .node(i)))
        }
        for (l, link) in network.links.enumerated() where !link.isClosed {
            let (a, b) = network.linkEnds[l]
            guard !network.nodes[a].isClosed, !network.nodes[b].isClosed else { continue }
            add(
                Arc(
                    from: 2 * a + 1, to: 2 * b, capacity: link.capacityTEU ?? unlimited,
                    cost: link.costUSDPerTEU + vot * link.timeDays, role: .link(l)))
        }
        let total = network.demands.reduce(0) { $0 + $1.teu }
        if let first = network.demands.first, let origin = network.index(of: first.from) {
            add(Arc(from: source, to: 2 * origin, capacity: total, cost: 0, role: .origin))
        }
        for (d, demand) in network.demands.enumerated() {
            let t = network.index(of: demand.to)!
            let z = 2 * n + 2 + d
            add(Arc(from: 2 * t + 1, to: z, capacity: demand.teu, cost: 0, role: .delivered(d)))
            if includeUnmet {
                add(Arc(from: source, to: z, capacity: demand.teu, cost: demand.unmetPenaltyUSDPerTEU, role: .unmet(d)))
            }
            add(Arc(from: z, to: sink, capacity: demand.teu, cost: 0, role: .demand(d)))
        }
    }

    private mutating func add(_ arc: Arc) {
        outgoing[arc.from].append(arcs.count)
        outgoing[arc.to].append(arcs.count)
        arcs.append(arc)
    }

    /// Residual capacity of arc `a` when walked from `node` (forward, or backward along its flow).
    private func residual(_ a: Int, from node: Int) -> (to: Int, capacity: Double, cost: Double) {
        let arc = arcs[a]
        return arc.from == node ? (arc.to, arc.capacity - arc.flow, arc.cost) : (arc.from, arc.flow, -arc.cost)
    }

    /// Sends `amount` from S to T at least cost by successive shortest paths (Bellman–Ford on the
    /// residual graph; all costs ≥ 0 at the start). Returns the total cost, or `nil` when `amount`
    /// cannot be sent.
    mutating func minCostFlow(amount: Double) -> Double? {
        var remaining = amount
        var total = 0.0
        let tolerance = 1e-9 * max(1, amount)
        while remaining > tolerance {
            var distance = [Double](repeating: .infinity, count: outgoing.count)
            var via = [Int?](repeating: nil, count: outgoing.count)
            distance[source] = 0
            for _ in 0..<outgoing.count {
                var changed = false
                for u in outgoing.indices where distance[u].isFinite {
                    for a in outgoing[u] {
                        let step = residual(a, from: u)
                        guard step.capacity > tolerance else { continue }
                        let candidate = distance[u] + step.cost
                        if candidate < distance[step.to] - 1e-12 * max(1, abs(candidate)) {
                            distance[step.to] = candidate
                            via[step.to] = a
                            changed = true
                        }
                    }
                }
                if !changed { break }
            }
            guard distance[sink].isFinite else { return nil }
            var push = remaining
            var node = sink
            while let a = via[node] {
                let back = arcs[a].to == node ? arcs[a].from : arcs[a].to
                push = min(push, residual(a, from: back).capacity)
                node = back
            }
            node = sink
            while let a = via[node] {
                let back = arcs[a].to == node ? arcs[a].from : arcs[a].to
                arcs[a].flow += arcs[a].to == node ? push : -push
                node = back
            }
            total += push * distance[sink]
            remaining -= push
        }
        return total
    }

    /// The maximum flow from S to T (Edmonds–Karp) and the source side of a minimum cut: the
    /// nodes still reachable in the residual graph. Its cut capacity equals the flow.
    mutating func maxFlow() -> (value: Double, sourceSide: [Bool]) {
        var value = 0.0
        while true {
            var via = [Int?](repeating: nil, count: outgoing.count)
            var seen = [Bool](repeating: false, count: outgoing.count)
            seen[source] = true
            var queue = [source]
            var head = 0
            while head < queue.count {
                let u = queue[head]
                head += 1
                for a in outgoing[u] {
                    let step = residual(a, from: u)
                    guard step.capacity > 1e-9, !seen[step.to] else { continue }
                    seen[step.to] = true
                    via[step.to] = a
                    queue.append(step.to)
                }
            }
            guard seen[sink] else { return (value, seen) }
            var push = Double.infinity
            var node = sink
            while let a = via[node] {
                let back = arcs[a].to == node ? arcs[a].from : arcs[a].to
                push = min(push, residual(a, from: back).capacity)
                node = back
            }
            node = sink
            while let a = via[node] {
                let back = arcs[a].to == node ? arcs[a].from : arcs[a].to
                arcs[a].flow += arcs[a].to == node ? push : -push
                node = back
            }
            value += push
        }
    }
}
