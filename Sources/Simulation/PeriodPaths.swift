import FlowFormulation
import FreightNetwork
import LinearProgramming

/// Splits each commodity's time-expanded flow into paths from (origin, period shipped) to (destination,
/// period delivered), deterministically: the routes of each demand, and which corridor carried the freight
/// shipped in each period. A path from an origin serves that origin's demands in proportion to what each
/// shipped in the period. A route may pass a node twice when freight loops to wait out a closure.
///
/// The time-expanded graph has a vertex per (node, period); each flow column contributes one arc per
/// arrival share (from (tail, p) to (head, p′) carrying fraction × TEU) and each stock column an arc
/// (n, p) → (n, p + 1). It conserves TEU at every vertex, so the greedy walk of ``PathDecomposition``
/// (largest remaining arc first, cycles cancelled) applies.
struct PeriodPaths {
    let formulation: PeriodProgram
    let solution: LPSolution
    /// Days a route's TEU spends beyond the static times: `link[l][p]` entering link l in period p (the
    /// period's extra days and its congestion wait), `node[n][p]` passing node n (or leaving it as origin) in p.
    var extraDays: (link: [[Double]], node: [[Double]])? = nil
    static let tolerance = 1e-6

    private struct Arc {
        var head: Int
        var link: Int?
        var flow: Double
    }

    /// Routes per demand (over the year) and TEU shipped per period by the main corridor of their route.
    struct Outcome {
        var routes: [[Route]]
        var corridors: [[CorridorShare]]
    }

    /// Decomposes every commodity; see the type's comment.
    func decompose() -> Outcome {
        let network = formulation.network
        let P = formulation.periodCount
        var walk = Walk(
            teu: [[String: Double]](repeating: [:], count: P),
            routes: [[Route]](repeating: [], count: network.demands.count))
        for (k, commodity) in formulation.commodities.enumerated() {
            // Background traffic gets its routes but stays out of the corridors' TEU.
            let corridorTEU = walk.teu
            defer { if commodity.demands.contains(where: { network.demands[$0].isBackground }) { walk.teu = corridorTEU } }
            walk.arcs = arcs(of: k)
            walk.need = formulation.delivery[k].map { max(0, solution[$0]) }
            for origin in formulation.origins[k] {
                let here = commodity.demands.filter { network.index(of: network.demands[$0].from) == origin }
                for p in 0..<P {
                    let shipped = here.map { max(0, solution[formulation.shipped[$0][p]]) }
                    serve(here, shipped: shipped, from: origin, in: p, to: formulation.sink[k], &walk)
                }
            }
        }
        let corridors = walk.teu.map { table -> [CorridorShare] in
            let total = table.sumInKeyOrder()
            guard total > ResultAssembler.dust else { return [] }
            return table.map { CorridorShare(corridor: $0.key, teu: $0.value, share: $0.value / total) }
                .sorted { ($0.teu, $1.corridor) > ($1.teu, $0.corridor) }
        }
        return Outcome(routes: walk.routes, corridors: corridors)
    }

    /// The state of the decomposition: the commodity's remaining arcs and deliveries, and what is found.
    private struct Walk {
        var teu: [[String: Double]]
        var routes: [[Route]]
        /// `arcs[n * P + p]`: the remaining arcs out of vertex (n, p).
        var arcs: [[Arc]] = []
        /// `need[p]`: TEU still to deliver at the commodity's destination in period p.
        var need: [Double] = []
    }

    /// The time-expanded arcs of commodity k's solution (flow columns by arrival share, stock columns).
    private func arcs(of k: Int) -> [[Arc]] {
        let network = formulation.network
        let P = formulation.periodCount
        var arcs = [[Arc]](repeating: [], count: network.nodes.count * P)
        for c in formulation.flow[k] {
            let x = max(0, solution[c.variable])
            guard x > 0 else { continue }
            let (from, to) = network.linkEnds[c.link]
            for a in c.arrivals {
                arcs[from * P + c.period].append(Arc(head: to * P + a.period, link: c.link, flow: x * a.fraction))
            }
        }
        for c in formulation.stock[k] {
            let s = max(0, solution[c.variable])
            if s > 0 {
                arcs[c.node * P + c.period].append(Arc(head: c.node * P + (c.period + 1) % P, link: nil, flow: s))
            }
        }
        return arcs
    }

    /// Walks the TEU the demands `here` shipped from `origin` in period p to the sink: largest remaining
    /// arc first, cancelling the cycles met; each path found serves the demands in proportion to what each
    /// has left to route.
    private func serve(_ here: [Int], shipped: [Double], from origin: Int, in p: Int, to sink: Int, _ walk: inout Walk) {
        let network = formulation.network
        let P = formulation.periodCount
        var left = shipped
        var supply = left.reduce(0, +)
        var guardCount = 0
        walking: while supply > Self.tolerance, guardCount < 20 * (walk.arcs.count + 1) {
            guardCount += 1
            var vertex = origin * P + p
            var path: [(vertex: Int, arc: Int)] = []
            var position: [Int: Int] = [vertex: 0]
            while true {
                if vertex / P == sink, !path.isEmpty, walk.need[vertex % P] > Self.tolerance {
                    let amount = min(
                        path.map { walk.arcs[$0.vertex][$0.arc].flow }.min() ?? 0, walk.need[vertex % P], supply)
                    for step in path { walk.arcs[step.vertex][step.arc].flow -= amount }
                    walk.need[vertex % P] -= amount
                    supply -= amount
                    let links = path.compactMap { walk.arcs[$0.vertex][$0.arc].link }
                    let extra = extraDays.map { extra in
                        path.reduce(extra.node[origin][p]) { days, step in
                            let arc = walk.arcs[step.vertex][step.arc]
                            guard let l = arc.link else { return days }
                            return days + extra.link[l][step.vertex % P] + extra.node[arc.head / P][arc.head % P]
                        }
                    } ?? 0
                    let total = left.reduce(0, +)
                    for (i, d) in here.enumerated() where left[i] > 0 {
                        let part = amount * left[i] / total
                        var route = RouteBuilder.route(links, teu: part, origin: origin, network)
                        route.timeDays += extra
                        walk.routes[d].append(route)
                        walk.teu[p][route.corridor, default: 0] += part
                    }
                    left = left.map { $0 * (1 - amount / total) }
                    continue walking
                }
                var best: Int?
                for (i, arc) in walk.arcs[vertex].enumerated() where arc.flow > Self.tolerance {
                    if let b = best, walk.arcs[vertex][b].flow >= arc.flow { continue }
                    best = i
                }
                guard let next = best else { break walking }
                let head = walk.arcs[vertex][next].head
                if let start = position[head] {
                    let cycle = Array(path[start...]) + [(vertex, next)]
                    let amount = cycle.map { walk.arcs[$0.vertex][$0.arc].flow }.min() ?? 0
                    for step in cycle { walk.arcs[step.vertex][step.arc].flow -= amount }
                    continue walking
                }
                path.append((vertex, next))
                position[head] = path.count
                vertex = head
            }
        }
    }
}
