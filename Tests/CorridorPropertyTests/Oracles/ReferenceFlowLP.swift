import FreightNetwork

/// The min-cost and max-throughput programs of docs/model.md, written again from the documentation for
/// the tests, one commodity per demand (no aggregation, no reachability pruning), and solved by
/// ``ReferenceSimplex`` — nothing of `FlowFormulation` or GLPK is used.
enum ReferenceFlowLP {
    /// The min-cost optimum in USD/year: tariffs, time value, handling and dwell of every node a
    /// TEU enters or leaves from, and the unmet penalty.
    static func minCost(_ network: Network) -> ReferenceSimplex.Outcome {
        solve(network, maximiseDelivered: false)
    }

    /// The maximal delivered TEU/year under the capacities.
    static func maxDelivered(_ network: Network) -> ReferenceSimplex.Outcome {
        switch solve(network, maximiseDelivered: true) {
        case .optimal(let unmet): .optimal(network.demands.reduce(0) { $0 + $1.teu } - unmet)
        case let other: other
        }
    }

    /// Builds and solves either program; for max throughput the objective is the total unmet TEU.
    private static func solve(_ network: Network, maximiseDelivered: Bool) -> ReferenceSimplex.Outcome {
        let nodes = network.nodes
        let open: [Int] = network.links.indices.filter { l in
            let (a, b) = network.linkEnds[l]
            return !network.links[l].isClosed && !nodes[a].isClosed && !nodes[b].isClosed
        }
        let demands = Array(network.demands.enumerated())
        // Columns: flow[d][k] for the k-th open link, then unmet[d].
        let flowColumn = { (d: Int, k: Int) in d * open.count + k }
        let unmetColumn = { (d: Int) in demands.count * open.count + d }
        var lp = ReferenceSimplex(columns: demands.count * open.count + demands.count)
        var constant = 0.0

        for (d, demand) in demands {
            let origin = network.index(of: demand.from)!
            let sink = network.index(of: demand.to)!
            let vot = demand.valueOfTimeUSDPerTEUDay
            let originNode = nodes[origin]
            let originCost = originNode.handlingCostUSDPerTEU + vot * originNode.dwellDays
            if !maximiseDelivered {
                for (k, l) in open.enumerated() {
                    let link = network.links[l]
                    let head = nodes[network.linkEnds[l].to]
                    lp.cost[flowColumn(d, k)] =
                        link.costUSDPerTEU + vot * link.timeDays + head.handlingCostUSDPerTEU + vot * head.dwellDays
                }
                // Delivered TEU (teu − unmet) pay the origin's handling and dwell; unmet ones the penalty.
                constant += demand.teu * originCost
                lp.cost[unmetColumn(d)] = demand.unmetPenaltyUSDPerTEU - originCost
            } else {
                lp.cost[unmetColumn(d)] = 1
            }
            // unmet ≤ teu; a closed origin or destination delivers nothing.
            let blocked = originNode.isClosed || nodes[sink].isClosed
            lp.add([(unmetColumn(d), 1)], equal: blocked, demand.teu)
            if blocked { lp.add([(unmetColumn(d), -1)], equal: false, -demand.teu) }
            // Balance at every node: out − in = (teu − unmet) at the origin, −(teu − unmet) at the sink.
            for n in nodes.indices {
                var terms: [(Int, Double)] = []
                for (k, l) in open.enumerated() {
                    if network.linkEnds[l].from == n { terms.append((flowColumn(d, k), 1)) }
                    if network.linkEnds[l].to == n { terms.append((flowColumn(d, k), -1)) }
                }
                var rhs = 0.0
                if n == origin {
                    terms.append((unmetColumn(d), 1))
                    rhs += demand.teu
                }
                if n == sink {
                    terms.append((unmetColumn(d), -1))
                    rhs -= demand.teu
                }
                if !terms.isEmpty { lp.add(terms, equal: true, rhs) }
            }
        }
        // Link capacity: all demands together.
        for (k, l) in open.enumerated() {
            guard let capacity = network.links[l].capacityTEU else { continue }
            lp.add(demands.map { (flowColumn($0.offset, k), 1.0) }, equal: false, capacity)
        }
        // Node throughput: TEU entering over links plus TEU originating (teu − unmet) ≤ capacity.
        for (n, node) in nodes.enumerated() where !node.isClosed {
            guard let capacity = node.capacityTEU else { continue }
            var terms: [(Int, Double)] = []
            var originating = 0.0
            for (d, demand) in demands {
                for (k, l) in open.enumerated() where network.linkEnds[l].to == n {
                    terms.append((flowColumn(d, k), 1))
                }
                if network.index(of: demand.from) == n {
                    terms.append((unmetColumn(d), -1))
                    originating += demand.teu
                }
            }
            if !terms.isEmpty { lp.add(terms, equal: false, capacity - originating) }
        }
        switch lp.minimize() {
        case .optimal(let value): return .optimal(value + constant)
        case let other: return other
        }
    }
}
