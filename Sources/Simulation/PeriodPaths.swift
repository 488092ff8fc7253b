import FlowFormulation
import FreightNetwork
import LinearProgramming

/// Splits each commodity's time-expanded flow into paths from (origin, period shipped) to (destination,
/// period delivered), deterministically, to tell which corridor carried the freight shipped in each period.
///
/// The time-expanded graph has a vertex per (node, period); each flow column contributes one arc per
/// arrival share (from (tail, p) to (head, p′) carrying fraction × TEU) and each stock column an arc
/// (n, p) → (n, p + 1). It conserves TEU at every vertex, so the greedy walk of ``PathDecomposition``
/// (largest remaining arc first, cycles cancelled) applies.
struct PeriodPaths {
    let formulation: PeriodProgram
    let solution: LPSolution
    static let tolerance = 1e-6

    private struct Arc {
        var head: Int
        var link: Int?
        var flow: Double
    }

    /// TEU shipped per period by the main corridor of their route, largest first, per period.
    func shippedByCorridor() -> [[CorridorShare]] {
        let network = formulation.network
        let P = formulation.periodCount
        var teu = [[String: Double]](repeating: [:], count: P)
        for (k, commodity) in formulation.commodities.enumerated() {
            var arcs = [[Arc]](repeating: [], count: network.nodes.count * P)
            for c in formulation.flow[k] {
                let x = max(0, solution[c.variable])
                guard x > 0 else { continue }
                let (from, to) = network.linkEnds[c.link]
                for a in c.arrivals { arcs[from * P + c.period].append(Arc(head: to * P + a.period, link: c.link, flow: x * a.fraction)) }
            }
            for c in formulation.stock[k] {
                let s = max(0, solution[c.variable])
                if s > 0 { arcs[c.node * P + c.period].append(Arc(head: c.node * P + (c.period + 1) % P, link: nil, flow: s)) }
            }
            var need = formulation.delivery[k].map { max(0, solution[$0]) }
            let sink = formulation.sink[k]
            for p in 0..<P {
                var supply = commodity.demands.reduce(0) { $0 + max(0, solution[formulation.shipped[$1][p]]) }
                var guardCount = 0
                walking: while supply > Self.tolerance, guardCount < 20 * (arcs.count + 1) {
                    guardCount += 1
                    var vertex = commodity.origin * P + p
                    var path: [(vertex: Int, arc: Int)] = []
                    var position: [Int: Int] = [vertex: 0]
                    while true {
                        if vertex / P == sink, !path.isEmpty, need[vertex % P] > Self.tolerance {
                            let amount = min(path.map { arcs[$0.vertex][$0.arc].flow }.min() ?? 0, need[vertex % P], supply)
                            for step in path { arcs[step.vertex][step.arc].flow -= amount }
                            need[vertex % P] -= amount
                            supply -= amount
                            let links = path.compactMap { arcs[$0.vertex][$0.arc].link }
                            let corridor = RouteBuilder.route(links, teu: amount, origin: commodity.origin, network).corridor
                            teu[p][corridor, default: 0] += amount
                            continue walking
                        }
                        var best: Int?
                        for (i, arc) in arcs[vertex].enumerated() where arc.flow > Self.tolerance {
                            if let b = best, arcs[vertex][b].flow >= arc.flow { continue }
                            best = i
                        }
                        guard let next = best else { break walking }
                        let head = arcs[vertex][next].head
                        if let start = position[head] {
                            let cycle = Array(path[start...]) + [(vertex, next)]
                            let amount = cycle.map { arcs[$0.vertex][$0.arc].flow }.min() ?? 0
                            for step in cycle { arcs[step.vertex][step.arc].flow -= amount }
                            continue walking
                        }
                        path.append((vertex, next))
                        position[head] = path.count
                        vertex = head
                    }
                }
            }
        }
        return teu.map { table in
            let total = table.values.reduce(0, +)
            guard total > FlowDecoder.dust else { return [] }
            return table.map { CorridorShare(corridor: $0.key, teu: $0.value, share: $0.value / total) }
                .sorted { ($0.teu, $1.corridor) > ($1.teu, $0.corridor) }
        }
    }
}
