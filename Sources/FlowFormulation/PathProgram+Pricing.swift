import FreightNetwork
import LinearProgramming

extension PathProgram {
    /// A path found by pricing: the demand it serves, its links from origin to destination, and
    /// its reduced cost in minimisation terms (objective units per TEU/year; negative improves).
    public struct PricedPath: Sendable, Hashable {
        public var demand: Int
        public var links: [Int]
        public var reducedCost: Double
    }

    /// The pricing step: for every commodity, one shortest-path search under the master's duals;
    /// for every demand, its shortest path and that path's reduced cost.
    ///
    /// With sense s (+1 minimise, −1 maximise), a path's reduced cost in minimisation terms is
    /// Σ_{a∈p} w_a − s·π_d with w_a = s·cost(a) − s·(y_a + z_head(a)), where π, y, z are the duals of
    /// the demand, link-capacity and node-throughput rows. Capacity rows are ≤ rows, so at an
    /// optimum s·y ≤ 0 and s·z ≤ 0 and every w_a ≥ cost(a)·[s = +1] ≥ 0: Dijkstra applies. Duals of
    /// the wrong sign (solver noise) count as 0.
    ///
    /// - Parameters:
    ///   - duals: the master's row duals (indexed like its rows), or `nil` for the first round:
    ///     plain generalised costs, every reachable demand's cheapest path, reduced cost 0.
    ///   - rows: the capacity rows the master holds (an absent one has dual 0).
    /// - Returns: per demand with a path, in demand order; demands without any open path are left out.
    public func price(duals: [Double]?, rows: CapacityRows) -> [PricedPath] {
        price(duals: duals, rows: rows) { count, body in (0..<count).map(body) }
    }

    /// ``price(duals:rows:)`` with the commodities' searches run by `map`, which must return
    /// `body(0), …, body(count − 1)` in that order (say on several threads: each search reads only
    /// `self` and the duals). The result is the same whatever `map` runs them on.
    public func price(
        duals: [Double]?, rows: CapacityRows,
        map: (_ count: Int, _ body: @escaping @Sendable (Int) -> [PricedPath]) -> [[PricedPath]]
    ) -> [PricedPath] {
        let sense: Double = objective == .minCost ? 1 : -1
        var dualWeight = [Double](repeating: 0, count: network.links.count)
        if let duals {
            func dual(_ row: LinearProgram.Constraint?) -> Double {
                guard let row, duals.indices.contains(row.index) else { return 0 }
                return min(0, sense * duals[row.index])
            }
            for l in network.links.indices where openLink[l] {
                dualWeight[l] = -(dual(rows.link[l]) + dual(rows.node[network.linkEnds[l].to]))
            }
        }
        let usesCost = costsPaths || duals == nil
        let weights = dualWeight
        let program = self
        let perCommodity = map(commodities.count) { k in
            program.price(commodity: k, dualWeight: weights, usesCost: usesCost, duals: duals, sense: sense)
        }
        return perCommodity.flatMap { $0 }.sorted { $0.demand < $1.demand }
    }

    /// One commodity's shortest-path search under `dualWeight` (per link, see ``price(duals:rows:)``) and
    /// its demands' paths, in demand order; none when its origin is closed.
    private func price(
        commodity k: Int, dualWeight: [Double], usesCost: Bool, duals: [Double]?, sense: Double
    ) -> [PricedPath] {
        let commodity = commodities[k]
        guard !network.nodes[commodity.origin].isClosed else { return [] }
        let vot = commodity.valueOfTimeUSDPerTEUDay
        let blocked = commodity.blockedNodes(count: network.nodes.count)
        var weight = [Double](repeating: .infinity, count: network.links.count)
        for l in network.links.indices where openLink[l] {
            if let blocked, blocked[network.linkEnds[l].from] || blocked[network.linkEnds[l].to] { continue }
            weight[l] = (usesCost ? moneyAndDays[l].money + vot * moneyAndDays[l].days : 0) + dualWeight[l]
        }
        let sinks = commodity.demands.compactMap { network.index(of: network.demands[$0].to) }
        let tree = outgoingLinks.search(from: commodity.origin, weight: weight, targets: sinks)
        var priced: [PricedPath] = []
        for d in commodity.demands {
            guard let sink = network.index(of: network.demands[d].to),
                let links = OutgoingLinks.path(to: sink, predecessor: tree.predecessor, ends: network.linkEnds)
            else { continue }
            let reduced = duals.map { tree.distance[sink] - sense * $0[demandRow[d].index] } ?? 0
            priced.append(PricedPath(demand: d, links: links, reducedCost: reduced))
        }
        return priced
    }
}

extension PathProgram {
    /// The reduced cost, in minimisation terms, of path `links` for demand `d` under `duals` (see ``price(duals:rows:)``).
    public func reducedCost(demand d: Int, links: [Int], duals: [Double], rows: CapacityRows) -> Double {
        let sense: Double = objective == .minCost ? 1 : -1
        func dual(_ row: LinearProgram.Constraint?) -> Double {
            guard let row, duals.indices.contains(row.index) else { return 0 }
            return min(0, sense * duals[row.index])
        }
        let vot = network.demands[d].valueOfTimeUSDPerTEUDay
        var total = 0.0
        for l in links {
            total += (costsPaths ? moneyAndDays[l].money + vot * moneyAndDays[l].days : 0)
            total -= dual(rows.link[l]) + dual(rows.node[network.linkEnds[l].to])
        }
        let pi = duals.indices.contains(demandRow[d].index) ? duals[demandRow[d].index] : 0
        return total - sense * pi
    }
}

extension PathProgram {
    /// The paths that differ from `path` in one link: each other open link between the same two
    /// nodes (a parallel link) in place of one of its links, with its reduced cost at `duals`
    /// (minimisation terms, objective units per TEU/year; see ``price(duals:rows:)``).
    ///
    /// Pricing finds one cheapest path per demand; when many parallel links tie (say 5,000 links of
    /// equal cost and capacity between two nodes), adding one per round would take a round per link.
    /// Their variants enter together instead. In link order, the path's own link and closed links left out.
    public func parallelVariants(of path: PricedPath, duals: [Double], rows: CapacityRows) -> [PricedPath] {
        var variants: [PricedPath] = []
        for (position, l) in path.links.enumerated() {
            let (from, to) = network.linkEnds[l]
            for other in network.outgoing[from] where other != l && openLink[other] && network.linkEnds[other].to == to {
                var links = path.links
                links[position] = other
                let reduced = reducedCost(demand: path.demand, links: links, duals: duals, rows: rows)
                variants.append(PricedPath(demand: path.demand, links: links, reducedCost: reduced))
            }
        }
        return variants
    }
}
