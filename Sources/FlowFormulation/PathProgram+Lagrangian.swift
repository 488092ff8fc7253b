import FreightNetwork
import LinearProgramming

extension PathProgram {
    /// The Lagrangian relaxation of a min-cost path program's capacity rows.
    ///
    /// With a multiplier u ≥ 0 (objective units per TEU/year) on every limited link and node, each
    /// demand d is routed whole on its cheapest path at the link costs plus u, or left unmet when
    /// the unmet column is cheaper (its cost less the multiplier of its origin's throughput row, in
    /// which it counts −1):
    ///
    ///     L(u) = constant + Σ_d teu(d)·min(c_d(u), c_unmet(d) − u_origin(d)) − Σ_k u_k·limit_k
    ///
    /// By weak duality L(u) is a lower bound on the path program's optimum for every u ≥ 0, and it
    /// equals the optimum at the optimal duals of the capacity rows. The load of a capacity under the
    /// routing, less its limit, is a subgradient of L at u.
    public struct Lagrangian: Sendable {
        /// The relaxed program.
        public let program: PathProgram
        /// Each relaxed capacity: link (true) or node (false) and its index; links first, in index order.
        public let capacities: [(isLink: Bool, index: Int)]
        /// Each capacity's right-hand side (TEU/year; ``PathProgram/linkLimit`` or ``PathProgram/nodeLimit``).
        public let limits: [Double]
        /// Per link and node: its position in ``capacities`` (nil: not limited).
        let linkSlot: [Int?]
        let nodeSlot: [Int?]
        /// Rows standing for the capacities in ``PathProgram/price(duals:rows:map:)``: after the program's own.
        let rows: CapacityRows
        /// Per demand: the cost of its unmet column, and its origin's slot.
        let unmetCost: [Double]
        let originSlot: [Int?]

        init(_ program: PathProgram) {
            let network = program.network
            let base = program.program.rowCount
            let limited =
                program.linkLimit.enumerated().compactMap { l, limit in limit.map { (isLink: true, index: l, limit: $0) } }
                + program.nodeLimit.enumerated().compactMap { n, limit in limit.map { (isLink: false, index: n, limit: $0) } }
            var linkSlot = [Int?](repeating: nil, count: network.links.count)
            var nodeSlot = [Int?](repeating: nil, count: network.nodes.count)
            var rows = program.noCapacityRows
            for (k, capacity) in limited.enumerated() {
                rows[(capacity.isLink, capacity.index)] = LinearProgram.Constraint(index: base + k)
                if capacity.isLink { linkSlot[capacity.index] = k } else { nodeSlot[capacity.index] = k }
            }
            self.program = program
            capacities = limited.map { (isLink: $0.isLink, index: $0.index) }
            limits = limited.map(\.limit)
            self.linkSlot = linkSlot
            self.nodeSlot = nodeSlot
            self.rows = rows
            unmetCost = program.unmet.map { program.program[$0].cost }
            originSlot = network.demands.map { demand in network.index(of: demand.from).flatMap { nodeSlot[$0] } }
        }

        /// L at `multipliers` and the routing that attains it.
        public struct Evaluation: Sendable {
            /// L(u), objective units including the program's constant: a lower bound on its optimum.
            public var value: Double
            /// Per capacity: the row's left-hand side under the routing (TEU/year).
            public var load: [Double]
            /// Per demand in order: the links of its path, or nil when it is left unmet.
            public var paths: [[Int]?]
        }

        /// The multipliers a master's `duals` put on its present capacity `rows` (0 for absent rows).
        public func multipliers(duals: [Double], rows present: CapacityRows) -> [Double] {
            capacities.map { capacity in
                guard let row = present[capacity], duals.indices.contains(row.index) else { return 0 }
                return max(0, -duals[row.index])
            }
        }

        /// Evaluates L at `multipliers` (one per capacity, each ≥ 0), the shortest-path searches run by `map`
        /// (see ``PathProgram/price(duals:rows:map:)``; the result does not depend on it).
        public func evaluate(
            _ multipliers: [Double],
            map: (_ count: Int, _ body: @escaping @Sendable (Int) -> [PricedPath]) -> [[PricedPath]] = { count, body in
                (0..<count).map(body)
            }
        ) -> Evaluation {
            precondition(multipliers.count == limits.count, "\(multipliers.count) multipliers for \(limits.count) capacities")
            let network = program.network
            let base = program.program.rowCount
            var duals = [Double](repeating: 0, count: base + limits.count)
            for (k, u) in multipliers.enumerated() { duals[base + k] = -u }
            var routed = [PricedPath?](repeating: nil, count: network.demands.count)
            for priced in program.price(duals: duals, rows: rows, map: map) { routed[priced.demand] = priced }
            var load = [Double](repeating: 0, count: limits.count)
            var value = program.program.objectiveConstant
            var paths = [[Int]?](repeating: nil, count: network.demands.count)
            for (d, demand) in network.demands.enumerated() {
                let unmet = unmetCost[d] - (originSlot[d].map { multipliers[$0] } ?? 0)
                // The demand row's dual is 0 here, so the reduced cost is the path's cost at u.
                if let path = routed[d], path.reducedCost < unmet {
                    value += demand.teu * path.reducedCost
                    for l in path.links {
                        if let k = linkSlot[l] { load[k] += demand.teu }
                        if let k = nodeSlot[network.linkEnds[l].to] { load[k] += demand.teu }
                    }
                    paths[d] = path.links
                } else {
                    value += demand.teu * unmet
                    if let k = originSlot[d] { load[k] -= demand.teu }
                }
            }
            for (k, u) in multipliers.enumerated() { value -= u * limits[k] }
            return Evaluation(value: value, load: load, paths: paths)
        }
    }

    /// The Lagrangian relaxation of the capacity rows; nil unless minimising cost without a throughput row.
    public var lagrangian: Lagrangian? {
        objective == .minCost && throughputRow == nil ? Lagrangian(self) : nil
    }
}
