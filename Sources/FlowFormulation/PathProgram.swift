public import FreightNetwork
public import LinearProgramming

/// The path formulation of the same flow problem: the master LP of column (and row) generation.
///
/// With demands d, paths p ∈ P_d (origin to destination, over open links), links a, nodes n:
///
///     minimise   Σ_p f_p·Σ_{a∈p} cost(a, vot_d) + Σ_d teu(d)·origin(d) + Σ_d u_d·(penalty(d) − origin(d))
///     s.t.       Σ_{p∈P_d} f_p + u_d = teu(d)                                       (demand[d])
///                Σ_{p∋a} f_p ≤ capacity(a)                                          (link capacity)
///                Σ_p (times p enters n)·f_p + Σ_{d: o_d=n} (teu(d) − u_d) ≤ capacity(n) (node throughput)
///                f ≥ 0,  0 ≤ u_d ≤ teu(d)
///
/// `cost(a, vot)` is ``FlowProgram/linkCost(_:vot:_:)`` (tariff, time, head handling and dwell), and
/// `origin(d)` ``FlowProgram/originCost(_:_:)``, so every flow has the arc form's cost and any
/// optimum of one form is an optimum of the other. Capacity rows have the arc form's meaning, so
/// their duals are the same shadow prices. Max throughput (stage 1) maximises Σ_d (teu(d) − u_d)
/// with path costs 0; stage 2 is the min-cost master with the row Σ_d u_d ≤ `maximumUnmet`.
///
/// ``program`` holds the demand rows (and stage 2's throughput row) and the unmet columns only.
/// Path columns are added by ``column(demand:links:number:rows:)`` as pricing finds them, and
/// capacity rows by ``linkRow(_:paths:)`` and ``nodeRow(_:paths:)`` once a master solution
/// exceeds them: a capacity absent from the master is satisfied and has dual 0. Units as in ``FlowProgram``.
public struct PathProgram: Sendable {
    public let network: Network
    public let objective: Objective
    /// Pricing classes: demands sharing origin and value of time (one shortest-path search each).
    public let commodities: [Commodity]
    /// The master LP without path columns.
    public let program: LinearProgram
    /// `unmet[d]`: TEU/year of demand d not delivered.
    public let unmet: [LinearProgram.Variable]
    /// `demandRow[d]`: Σ paths + unmet = teu(d).
    public let demandRow: [LinearProgram.Constraint]
    /// `linkLimit[l]`: TEU/year a limited link some commodity can use may carry; nil: no row ever.
    public let linkLimit: [Double?]
    /// `nodeLimit[n]`: the right-hand side (capacity − TEU/year originating there) of a limited node
    /// some flow or origin touches; nil: no row ever.
    public let nodeLimit: [Double?]
    /// `originUnmet[n]`: unmet columns of the demands originating at node n.
    public let originUnmet: [[LinearProgram.Variable]]
    /// Stage 2 of max throughput: Σ unmet ≤ maximum.
    public let throughputRow: LinearProgram.Constraint?
    /// `openLink[l]`: the link and both its ends are open (only these carry paths).
    public let openLink: [Bool]
    /// Per link: tariff plus head handling (USD/TEU), and time plus head dwell (days); cost(a, vot) = first + vot·second.
    let moneyAndDays: [(money: Double, days: Double)]
    /// The network's outgoing links in flat arrays, for the pricing searches.
    let outgoingLinks: OutgoingLinks

    /// - Parameters:
    ///   - network: The network to formulate.
    ///   - objective: `.minCost`, or `.maxThroughput` for stage 1 (maximise delivered TEU).
    ///   - maximumUnmet: stage 2 of max throughput: minimise cost with Σ unmet ≤ this (TEU/year);
    ///     the objective must then be `.minCost`.
    public init(network: Network, objective: Objective = .minCost, maximumUnmet: Double? = nil) {
        precondition(maximumUnmet == nil || objective == .minCost, "stage 2 minimises cost")
        self.network = network
        self.objective = objective
        let commodities = Commodity.aggregate(network)
        self.commodities = commodities
        let reach = Reachability(network: network)
        openLink = reach.openLink
        outgoingLinks = OutgoingLinks(network)
        moneyAndDays = network.links.indices.map { l in
            let head = network.nodes[network.linkEnds[l].to]
            return (network.links[l].costUSDPerTEU + head.handlingCostUSDPerTEU, network.links[l].timeDays + head.dwellDays)
        }

        var usable = [Bool](repeating: false, count: network.links.count)
        for commodity in commodities {
            let sinks = commodity.demands.compactMap { network.index(of: network.demands[$0].to) }
            for l in reach.usableLinks(from: commodity.origin, to: sinks, in: network, avoiding: commodity.avoidedNodes) {
                usable[l] = true
            }
        }

        let name = maximumUnmet != nil ? "corridor_paths_max_throughput_cost" : "corridor_paths_\(objective.rawValue)"
        var lp = LinearProgram(name: name, sense: objective == .minCost ? .minimize : .maximize)
        let unmet = FlowProgram.addUnmetColumns(&lp, network, objective)
        demandRow = network.demands.enumerated().map { d, demand in
            lp.addConstraint(
                FlowProgram.clipped("dem_\(demand.id.rawValue)"), [.init(unmet[d], 1)], bounds: .fixed(demand.teu))
        }
        linkLimit = network.links.enumerated().map { l, link in usable[l] ? link.capacityTEU : nil }
        var entered = [Bool](repeating: false, count: network.nodes.count)
        for l in network.links.indices where usable[l] { entered[network.linkEnds[l].to] = true }
        var originUnmet = [[LinearProgram.Variable]](repeating: [], count: network.nodes.count)
        var originating = [Double](repeating: 0, count: network.nodes.count)
        for (d, demand) in network.demands.enumerated() {
            guard let o = network.index(of: demand.from) else { continue }
            originUnmet[o].append(unmet[d])
            originating[o] += demand.teu
        }
        nodeLimit = network.nodes.enumerated().map { n, node in
            guard let capacity = node.capacityTEU, entered[n] || !originUnmet[n].isEmpty else { return nil }
            return capacity - originating[n]
        }
        self.originUnmet = originUnmet
        throughputRow = maximumUnmet.map { lp.addConstraint("throughput", unmet.map { .init($0, 1) }, bounds: .upper($0)) }
        self.unmet = unmet
        program = lp
    }

    /// Whether path columns carry their generalised cost (min-cost and stage 2) or none (stage 1).
    public var costsPaths: Bool { objective == .minCost }

    /// Generalised cost of one TEU on `links` for a value of time (USD/TEU), origin costs excluded.
    public func pathCost(_ links: [Int], valueOfTime: Double) -> Double {
        links.reduce(0) { $0 + FlowProgram.linkCost($1, vot: valueOfTime, network) }
    }

    /// The capacity rows a master holds, by link and node index (nil: absent).
    public struct CapacityRows: Sendable {
        public var link: [LinearProgram.Constraint?]
        public var node: [LinearProgram.Constraint?]

        /// The row of a link (`isLink`) or node capacity; nil when absent.
        public subscript(capacity: (isLink: Bool, index: Int)) -> LinearProgram.Constraint? {
            get { capacity.isLink ? link[capacity.index] : node[capacity.index] }
            set {
                if capacity.isLink { link[capacity.index] = newValue } else { node[capacity.index] = newValue }
            }
        }
    }

    /// No capacity row yet.
    public var noCapacityRows: CapacityRows {
        CapacityRows(
            link: [LinearProgram.Constraint?](repeating: nil, count: network.links.count),
            node: [LinearProgram.Constraint?](repeating: nil, count: network.nodes.count))
    }

    /// The column of path `links` (link indices from the origin to the destination) for demand `d`.
    ///
    /// Its coefficients: 1 in the demand row, 1 in each present capacity row of a link it uses, and
    /// 1 in the present throughput row of each node it enters. The name is `p_<demand>_<number>`.
    public func column(demand d: Int, links: [Int], number: Int, rows: CapacityRows) -> LinearProgram.NewColumn {
        var coefficients: [(LinearProgram.Constraint, Double)] = [(demandRow[d], 1)]
        for l in links {
            if let row = rows.link[l] { coefficients.append((row, 1)) }
            if let row = rows.node[network.linkEnds[l].to] { coefficients.append((row, 1)) }
        }
        let demand = network.demands[d]
        return LinearProgram.NewColumn(
            name: FlowProgram.clipped("p_\(demand.id.rawValue)_\(number)"),
            cost: costsPaths ? pathCost(links, valueOfTime: demand.valueOfTimeUSDPerTEUDay) : 0,
            coefficients: coefficients
        )
    }

    /// The capacity row of limited link `l` over the path columns `paths` that use it (once each).
    public func linkRow(_ l: Int, paths: [LinearProgram.Variable]) -> LinearProgram.NewRow {
        guard let limit = linkLimit[l] else { preconditionFailure("link \(l) has no capacity row") }
        return LinearProgram.NewRow(
            name: FlowProgram.clipped("cap_link_\(network.links[l].id.rawValue)"), bounds: .upper(limit),
            terms: paths.map { ($0, 1) })
    }

    /// The throughput row of limited node `n` over the path columns entering it (once per entry)
    /// and the unmet columns of demands originating there (coefficient −1).
    public func nodeRow(_ n: Int, paths: [LinearProgram.Variable]) -> LinearProgram.NewRow {
        guard let limit = nodeLimit[n] else { preconditionFailure("node \(n) has no throughput row") }
        return LinearProgram.NewRow(
            name: FlowProgram.clipped("cap_node_\(network.nodes[n].id.rawValue)"), bounds: .upper(limit),
            terms: paths.map { ($0, 1) } + originUnmet[n].map { ($0, -1) })
    }
}
