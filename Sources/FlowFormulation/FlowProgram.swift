public import FreightNetwork
public import LinearProgramming

/// The LP of one network: min-cost multi-commodity flow or max throughput, plus the map back.
///
/// With commodities k (demands sharing origin and value of time), links a, nodes n, demands d:
///
///     minimise   Σ_k Σ_a x[k,a]·(tariff(a) + vot(k)·time(a) + handling(head a) + vot(k)·dwell(head a))
///              + Σ_d teu(d)·(handling(o_d) + vot·dwell(o_d))                       (constant)
///              + Σ_d u[d]·(penalty(d) − handling(o_d) − vot·dwell(o_d))
///     s.t.       out_k(n) − in_k(n) + Σ_{d∈k, n=o_d} u[d] − Σ_{d∈k, n=t_d} u[d]
///                    = Σ_{d∈k, n=o_d} teu(d) − Σ_{d∈k, n=t_d} teu(d)                 (balance[k,n])
///                Σ_k x[k,a] ≤ capacity(a)                                            (link capacity)
///                Σ_k Σ_{a into n} x[k,a] + Σ_{d: o_d=n} (teu(d) − u[d]) ≤ capacity(n) (node throughput)
///                x ≥ 0,  0 ≤ u[d] ≤ teu(d)
///
/// An element with a congestion curve adds its segment columns and row (``CongestionRows``), whose
/// cost v̄·D(F) prices its extra TEU-days at ``congestionValueOfTime(_:)``.
///
/// Units: x and u in TEU/year, costs in USD/TEU, times in days, the objective in USD/year.
/// Max throughput maximises Σ_d (teu(d) − u[d]) under the same rows (stage 1); ``cheapestAtThroughput(maximumUnmet:)``
/// then fixes that total and minimises the cost above (stage 2).
/// Same network, same program, row for row and column for column.
public struct FlowProgram: Sendable {
    public let network: Network
    public let objective: Objective
    public let commodities: [Commodity]
    /// Whether demands sharing origin and value of time were merged into one commodity.
    public let aggregateDemands: Bool
    /// Demands (indices) kept as commodities of their own although ``aggregateDemands`` is true.
    public let separateDemands: Set<Int>
    /// The LP to solve.
    public private(set) var program: LinearProgram
    /// `flow[k]`: the commodity's columns as (link index, column), in link order.
    public let flow: [[(link: Int, variable: LinearProgram.Variable)]]
    /// `unmet[d]`: TEU/year of demand d not delivered.
    public let unmet: [LinearProgram.Variable]
    /// `linkCapacity[l]`: the capacity row of link l, when it is limited and used.
    public let linkCapacity: [LinearProgram.Constraint?]
    /// `nodeCapacity[n]`: the throughput row of node n, when it is limited and used.
    public let nodeCapacity: [LinearProgram.Constraint?]
    /// Generalised cost per TEU of each flow column's link for its commodity (USD/TEU), by commodity.
    public let unitCost: [[Double]]
    /// `linkCongestion[l]`: the congestion row and segment columns of link l, when it congests and is used.
    public let linkCongestion: [CongestionRows?]
    /// `nodeCongestion[n]`: the congestion row and segment columns of node n, when it congests and is used.
    public let nodeCongestion: [CongestionRows?]

    /// - Parameters:
    ///   - network: The network to formulate.
    ///   - objective: `.minCost`, or `.maxThroughput` (maximise delivered TEU).
    ///   - aggregateDemands: Merge demands sharing origin and value of time (exact; default true).
    ///   - separateDemands: Demands (indices) kept as commodities of their own, so that their flow can be read.
    public init(network: Network, objective: Objective = .minCost, aggregateDemands: Bool = true, separateDemands: Set<Int> = []) {
        self.network = network
        self.objective = objective
        self.aggregateDemands = aggregateDemands
        self.separateDemands = separateDemands
        let commodities = Commodity.aggregate(network, aggregate: aggregateDemands, separate: separateDemands)
        self.commodities = commodities
        let reach = Reachability(network: network)
        let labels = Self.labels(commodities, network)
        var lp = LinearProgram(name: "corridor_\(objective == .minCost ? "min_cost" : "max_throughput")", sense: .minimize)
        if objective == .maxThroughput { lp.sense = .maximize }

        var flow: [[(link: Int, variable: LinearProgram.Variable)]] = []
        var unitCost: [[Double]] = []
        for (k, commodity) in commodities.enumerated() {
            let sinks = commodity.demands.compactMap { network.index(of: network.demands[$0].to) }
            let usable = reach.usableLinks(
                from: commodity.origin, to: sinks, in: network, avoiding: commodity.avoidedNodes)
            var columns: [(link: Int, variable: LinearProgram.Variable)] = []
            var costs: [Double] = []
            for l in usable {
                let cost = Self.linkCost(l, vot: commodity.valueOfTimeUSDPerTEUDay, network)
                let name = Self.clipped("x_\(labels[k])_\(network.links[l].id.rawValue)")
                columns.append((l, lp.addVariable(name, bounds: .lower(0), cost: objective == .minCost ? cost : 0)))
                costs.append(cost)
            }
            flow.append(columns)
            unitCost.append(costs)
        }

        let unmet = Self.addUnmetColumns(&lp, network, objective)

        Self.addBalanceRows(&lp, network, commodities, flow, unmet, labels)
        var linkRows = [LinearProgram.Constraint?](repeating: nil, count: network.links.count)
        var linkTerms = [[LinearProgram.Term]](repeating: [], count: network.links.count)
        for columns in flow { for c in columns { linkTerms[c.link].append(.init(c.variable, 1)) } }
        for (l, link) in network.links.enumerated() {
            guard let capacity = link.capacityTEU, !linkTerms[l].isEmpty else { continue }
            let name = Self.clipped("cap_link_\(link.id.rawValue)")
            linkRows[l] = lp.addConstraint(name, linkTerms[l], bounds: .upper(capacity))
        }
        self.linkCapacity = linkRows
        self.nodeCapacity = Self.addNodeRows(&lp, network, flow, unmet)
        let congestion = Self.addCongestion(
            &lp, network, objective, linkTerms: linkTerms, nodeTerms: Self.nodeTerms(network, flow, unmet))
        self.linkCongestion = congestion.links
        self.nodeCongestion = congestion.nodes
        self.flow = flow
        self.unmet = unmet
        self.unitCost = unitCost
        self.program = lp
    }

    /// Generalised cost of one TEU on link `l` for a value of time: tariff, time, and the head node's handling and dwell.
    public static func linkCost(_ l: Int, vot: Double, _ network: Network) -> Double {
        let link = network.links[l]
        let head = network.nodes[network.linkEnds[l].to]
        return link.costUSDPerTEU + vot * link.timeDays + head.handlingCostUSDPerTEU + vot * head.dwellDays
    }

    /// One unmet column `u_DEMAND` per demand (0…teu), and the objective constant, shared by the arc and path forms.
    ///
    /// Min cost: u costs the penalty less the origin's handling and dwell, which the constant charges on
    /// every TEU. Max throughput: u costs −1 and the constant is the total demand (delivered = teu − u).
    static func addUnmetColumns(_ lp: inout LinearProgram, _ network: Network, _ objective: Objective)
        -> [LinearProgram.Variable]
    {
        var unmet = [LinearProgram.Variable]()
        var constant = 0.0
        for demand in network.demands {
            let origin = originCost(demand, network)
            let cost: Double
            switch objective {
            case .minCost:
                cost = demand.unmetPenaltyUSDPerTEU - origin
                constant += demand.teu * origin
            case .maxThroughput:
                cost = -1
                constant += demand.teu
            }
            unmet.append(lp.addVariable(clipped("u_\(demand.id.rawValue)"), bounds: .range(0, demand.teu), cost: cost))
        }
        lp.objectiveConstant = constant
        return unmet
    }

    /// Generalised cost of one TEU originating for a demand: the origin's handling and dwell.
    public static func originCost(_ demand: Demand, _ network: Network) -> Double {
        guard let origin = network.node(demand.from) else { return 0 }
        return origin.handlingCostUSDPerTEU + demand.valueOfTimeUSDPerTEUDay * origin.dwellDays
    }

    /// Stage 2 of max throughput, on stage 1's LP: the objective swapped for generalised cost (the min-cost
    /// program's, column for column) and the row Σ unmet ≤ `maximumUnmet` appended.
    ///
    /// The rows and columns are this program's, in order, so every handle of this formulation (``flow``,
    /// ``unmet``, the capacity rows) reads stage 2's solution as well as stage 1's.
    /// - Parameter maximumUnmet: total unmet TEU/year allowed (stage 1's optimum, with a tiny tolerance).
    public func cheapestAtThroughput(maximumUnmet: Double) -> LinearProgram {
        let costing = FlowProgram(
            network: network, objective: .minCost, aggregateDemands: aggregateDemands, separateDemands: separateDemands)
        var lp = program
        lp.replaceObjective(with: costing.program)
        lp.name = "corridor_max_throughput_cost"
        lp.addConstraint("throughput", unmet.map { LinearProgram.Term($0, 1) }, bounds: .upper(maximumUnmet))
        return lp
    }

    private static func labels(_ commodities: [Commodity], _ network: Network) -> [String] {
        var perOrigin: [Int: Int] = [:]
        for c in commodities { perOrigin[c.origin, default: 0] += 1 }
        var used: Set<String> = []
        return commodities.enumerated().map { k, c in
            let id = network.nodes[c.origin].id.rawValue
            var label = id
            if perOrigin[c.origin, default: 0] > 1 {
                let vot = c.valueOfTimeUSDPerTEUDay
                let text = vot == vot.rounded() && abs(vot) < 1e15 ? String(Int(vot)) : String(vot)
                label = c.demands.count == 1 ? "\(id)_\(network.demands[c.demands[0]].id.rawValue)" : "\(id)_vot\(text)"
            }
            // Long ids (64 characters each, or a default demand id FROM-TO) would make column
            // names too long for solvers: such a commodity is named by its origin and number.
            if label.utf8.count > 128 { label = "\(id.prefix(64))_k\(k)" }
            if used.contains(label) { label += "_k\(k)" }
            used.insert(label)
            return label
        }
    }

    /// Longest row or column name, in bytes (GLPK's limit; CPLEX LP and MPS readers accept it).
    public static let maximumNameLength = 255

    /// `name` cut to at most ``maximumNameLength`` bytes, on a character boundary.
    ///
    /// Only names built from very long ids are cut (the loader allows 64 characters per id); the
    /// LP stays valid, and names are for people and files, so a cut name is still useful.
    static func clipped(_ name: String) -> String {
        guard name.utf8.count > maximumNameLength else { return name }
        var result = ""
        for character in name {
            guard result.utf8.count + character.utf8.count <= maximumNameLength else { break }
            result.append(character)
        }
        return result
    }
}
