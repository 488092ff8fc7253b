public import FreightNetwork
public import LinearProgramming

/// What a plan optimises over its scenarios.
public enum PlanObjective: String, Sendable, Hashable, CaseIterable {
    /// Minimise the weighted mean of the scenarios' annual generalised cost (tariffs, time value, unmet penalties).
    case expectedCost = "expected-cost"
    /// Maximise the weighted mean of the TEU/year delivered.
    case maxThroughput = "max-throughput"
    /// Minimise the largest annual generalised cost over the scenarios.
    case worstCase = "worst-case"
    /// Maximise the weighted mean of one corridor's capacity (its maximum flow, TEU/year).
    case maxCapacity = "max-capacity"

    /// Whether a larger objective is better.
    public var maximises: Bool { self == .maxThroughput || self == .maxCapacity }
}

/// One scenario of a plan: its network (before any investment) and its weight.
public struct PlanScenario: Sendable {
    public var name: String
    public var network: Network
    public var weight: Double
    /// The scenario's periods (a seasonal scenario, solved in the time-expanded form of ``PeriodProgram``),
    /// or nil for an annual steady state.
    public var periods: PeriodSchedule?
    public init(name: String, network: Network, weight: Double, periods: PeriodSchedule? = nil) {
        self.name = name
        self.network = network
        self.weight = weight
        self.periods = periods
    }
}

/// The two-stage mixed-integer program of an investment plan.
///
/// Build variables y[i] (units of project i, integer in min…max; binary for a yes/no project) are shared by
/// all scenarios; each scenario s has its own copy of ``FlowProgram``'s min-cost flow block, built on the
/// scenario's network with every candidate link and node added (so the same reachability pruning applies),
/// in which
///
///     capacity rows:   Σ flow − Σ_i Δ[i,e]·y[i] ≤ capacity(e)          (existing link or node e)
///     new link/node:   Σ flow − c·y[i] ≤ 0, or Σ flow − M·y[i] ≤ 0 when unlimited (M = the scenario's total demand)
///     upgraded link:   a parallel copy with the lower tariff/time sharing the link's capacity row, Σ flow ≤ M·y[i]
///     time/cost change: a variant of each link it reaches per set S of such projects, open only when exactly S
///                      is built (see ``ServiceVariants``)
///     storage (periods): Σ_k s[k,n,p] − Σ_i Δ[i,n]·y[i] ≤ storage(n)     (TEU, a stock; annual blocks ignore it)
///     budget:          Σ_i capex[i]·y[i] ≤ budget
///     prerequisites:   z[i] ≤ z[j] for i requires j;  z[i] + z[j] ≤ 1 for i excludes j
///                      (z[i] = y[i] for yes/no projects, else a binary with z ≤ y ≤ max·z)
///
/// A scenario with periods gets a copy of ``PeriodProgram``'s block instead: its capacity rows per period get
/// −Δ·days(p)/365·factor(p)·y terms (the rule of ``PeriodProgram/periodCapacity(_:days:factor:)``), new links and
/// nodes get factor 1 and no extra days, an upgrade copy those of the upgraded link, and the gates bound the
/// flow over the year. A built upgrade also closes the link it replaces (Σ flow on it ≤ M·(1 − z[i])): with
/// periods a slower service is not dominated, as its later arrivals may suit the due dates, and the plan must
/// cost what the network with the upgrade applied (one service, faster) costs.
///
/// The objective is Σ_s w_s·cost_s (expected cost), max z with z ≥ cost_s (worst case), or Σ_s w_s·delivered_s.
/// With economics (the catalog's `InvestmentCatalog/discountRate`) the cost objectives add each project's
/// annualised cost, Σ_i (capex[i]·CRF[i] + opex[i])·y[i] (USD/yr), so a project is built only when its annual
/// benefit covers it; the budget row still bounds capex. Without economics, and for the objectives that
/// maximise TEU, capex enters only through the budget row (plus a tiny tie-break, ``costTieBreak``, that
/// prefers the cheaper of two equally good portfolios).
public struct InvestmentProgram: Sendable {
    /// One scenario's flow block inside the program.
    public struct Block: Sendable {
        public var scenario: PlanScenario
        /// The scenario's network with every candidate link and node added.
        public var network: Network
        /// The min-cost flow program of ``network`` (annual scenarios; nil for a seasonal one); its variable j
        /// is the program's variable `offset + j`.
        public var flow: FlowProgram?
        /// The time-expanded min-cost program of ``network`` (seasonal scenarios; nil for an annual one), its
        /// schedule extended to the candidates; its variable j is the program's variable `offset + j`.
        public var periods: PeriodProgram?
        public var columnOffset: Int
        /// `upgradeOf[l]`: for a parallel upgrade copy, (investment, the upgraded link's index).
        public var upgradeOf: [Int: (investment: Int, link: Int)]
        /// Total demand, TEU/year (for a seasonal scenario: the TEU due over the year).
        public var demandTEU: Double
        /// The corridor's capacity column (TEU/year) when the block has one: the whole block for
        /// max capacity, beside the flow block for a capacity target.
        public var capacity: LinearProgram.Variable? = nil
        /// The TEU-days of the demands (by index) the block keeps as commodities of their own (transit targets).
        public var transit: [Int: TransitDays] = [:]
        /// A seasonal block's flow conservation rows (``PeriodProgram/balanceRows``) as rows of the program;
        /// empty for an annual block.
        public var balanceRows: [LinearProgram.Constraint] = []

        /// ``flow``'s program with the service variants priced and the origin columns added (see
        /// ``ServiceVariants``), when the scenario has any.
        var priced: LinearProgram? = nil

        /// The block's own program: ``priced``, ``flow``'s or ``periods``'.
        var local: LinearProgram {
            priced ?? flow?.program ?? periods?.program ?? LinearProgram(name: "empty", sense: .minimize)
        }

        public func variable(_ v: LinearProgram.Variable) -> LinearProgram.Variable {
            LinearProgram.Variable(index: columnOffset + v.index)
        }

        /// Annual generalised cost of the block in a solution, USD/year; for a max-capacity block (no flow
        /// program) the corridor's capacity, TEU/year.
        public func cost(_ solution: LPSolution) -> Double {
            if flow == nil && periods == nil, let capacity { return solution[capacity] }
            let local = local
            var total = local.objectiveConstant
            for (j, column) in local.columns.enumerated() where column.cost != 0 {
                total += column.cost * solution[LinearProgram.Variable(index: columnOffset + j)]
            }
            return total
        }

        /// TEU/year not delivered in a solution (lost, for a seasonal scenario).
        public func unmet(_ solution: LPSolution) -> Double {
            let columns = flow?.unmet ?? periods?.lost.flatMap { $0 } ?? []
            return columns.reduce(0) { $0 + solution[variable($1)] }
        }
    }

    public let catalog: InvestmentCatalog
    public let objective: PlanObjective
    public private(set) var program: LinearProgram
    /// `build[i]`: units of project i.
    public let build: [LinearProgram.Variable]
    public let budgetRow: LinearProgram.Constraint
    public let blocks: [Block]
    /// Normalised scenario weights (sum 1).
    public let weights: [Double]

    /// - Parameters:
    ///   - scenarios: The scenarios the portfolio is chosen for, with their weights.
    ///   - catalog: The candidate projects, budget and economics.
    ///   - objective: What the plan minimises or maximises.
    ///   - reference: when given, capacity increases are scaled to each scenario (``scaled(_:for:reference:)``).
    ///   - units: optional fixed unit ranges per project (to force a project out, or evaluate a portfolio).
    ///   - relaxed: build the LP relaxation (continuous y and z).
    ///   - corridor: the corridor tags whose capacity ``PlanObjective/maxCapacity`` maximises, or that
    ///     `minimumCapacityTEU` constrains (`addCapacityBlock(_:s:network:catalog:build:tags:weight:)`).
    ///   - minimumCapacityTEU: with the cost and throughput objectives, the corridor's capacity must reach this
    ///     in every scenario (TEU/year).
    ///   - capacityNetworks: per scenario, the network whose capacities the corridor's maximum flow uses (the
    ///     scenario's less what its background traffic takes); nil: each scenario's own network.
    public init(
        scenarios: [PlanScenario], catalog: InvestmentCatalog, objective: PlanObjective = .expectedCost,
        units: [Int: ClosedRange<Int>] = [:], relaxed: Bool = false, reference: Network? = nil,
        corridor: Set<String> = [], minimumCapacityTEU: Double? = nil, capacityNetworks: [Network]? = nil
    ) throws(NetworkError) {
        self.catalog = catalog
        self.objective = objective
        let totalWeight = scenarios.reduce(0) { $0 + max(0, $1.weight) }
        let weights = scenarios.map { totalWeight > 0 ? max(0, $0.weight) / totalWeight : 1 / Double(scenarios.count) }
        self.weights = weights
        var lp = LinearProgram(name: "corridor_plan_\(objective.rawValue)", sense: objective.maximises ? .maximize : .minimize)

        // Stage 1: build decisions.
        var build: [LinearProgram.Variable] = []
        var built: [LinearProgram.Variable] = []
        for (i, investment) in catalog.investments.enumerated() {
            let range = units[i] ?? investment.minUnits...investment.maxUnits
            let lower = max(range.lowerBound, investment.minUnits)
            let upper = min(range.upperBound, investment.maxUnits)
            let tieBreak = investment.capexUSD * (objective.maximises ? -Self.throughputTieBreak : Self.costTieBreak)
            let annualised = objective.maximises ? 0 : catalog.annualisedCostUSDPerUnit(i)
            let y = lp.addVariable(
                FlowProgram.clipped("y_\(investment.id)"), bounds: upper > lower ? .range(Double(lower), Double(upper)) : .fixed(Double(max(lower, min(upper, lower)))),
                cost: annualised + tieBreak, isInteger: !relaxed)
            build.append(y)
            if investment.isBinary {
                built.append(y)
            } else {
                let z = lp.addVariable(FlowProgram.clipped("z_\(investment.id)"), bounds: .range(0, 1), isInteger: !relaxed)
                lp.addConstraint(FlowProgram.clipped("built_lo_\(investment.id)"), [(z, 1), (y, -1)], bounds: .upper(0))
                lp.addConstraint(FlowProgram.clipped("built_hi_\(investment.id)"), [(y, 1), (z, -Double(investment.maxUnits))], bounds: .upper(0))
                built.append(z)
            }
        }
        let budgetRow = lp.addConstraint(
            "budget", zip(catalog.investments, build).map { LinearProgram.Term($1, $0.capexUSD / 1e6) },
            bounds: .upper(catalog.budgetUSD / 1e6))
        for (i, investment) in catalog.investments.enumerated() {
            for id in investment.requires {
                guard let j = catalog.index(of: id) else { continue }
                lp.addConstraint(FlowProgram.clipped("req_\(investment.id)_\(id)"), [(built[i], 1), (built[j], -1)], bounds: .upper(0))
            }
            for id in investment.excludes {
                guard let j = catalog.index(of: id), j > i || !catalog.investments[j].excludes.contains(investment.id) else { continue }
                lp.addConstraint(FlowProgram.clipped("excl_\(investment.id)_\(id)"), [(built[i], 1), (built[j], 1)], bounds: .upper(1))
            }
        }
        let worst = objective == .worstCase ? lp.addVariable("worst_cost", bounds: .free, cost: 1) : nil

        // Stage 2: one flow block per scenario.
        var blocks: [Block] = []
        for (s, scenario) in scenarios.enumerated() {
            let local = Self.scaled(catalog, for: scenario.network, reference: reference)
            let capacityNetwork = capacityNetworks.map { $0[s] } ?? scenario.network
            var block: Block
            if objective == .maxCapacity {
                let offset = lp.columnCount
                let total = try Self.addCapacityBlock(
                    &lp, s: s, network: capacityNetwork, catalog: local, build: build, tags: corridor, weight: weights[s])
                block = Block(scenario: scenario, network: scenario.network, flow: nil, periods: nil, columnOffset: offset,
                              upgradeOf: [:], demandTEU: scenario.network.demands.reduce(0) { $0 + $1.teu }, capacity: total)
            } else if let schedule = scenario.periods {
                block = try Self.addPeriodBlock(&lp, s: s, scenario, schedule: schedule, weight: weights[s], catalog: local,
                                                build: build, built: built, objective: objective, worst: worst)
            } else {
                block = try Self.addBlock(&lp, s: s, scenario, weight: weights[s], catalog: local, build: build,
                                          built: built, objective: objective, worst: worst)
            }
            if objective != .maxCapacity, let minimum = minimumCapacityTEU {
                let total = try Self.addCapacityBlock(
                    &lp, s: s, network: capacityNetwork, catalog: local, build: build, tags: corridor, weight: 0)
                lp.addConstraint(FlowProgram.clipped("s\(s)_capacity_target"), [.init(total, 1)], bounds: .lower(minimum))
                block.capacity = total
            }
            blocks.append(block)
        }
        self.build = build
        self.budgetRow = budgetRow
        self.blocks = blocks
        self.program = lp
    }

    /// Objective weight of one USD of capex for the cost objectives (USD/yr per USD): a tie-break, so that among
    /// portfolios of equal annual cost the cheaper is chosen (USD 3.7 bn of capex adds USD 3,700/yr, invisible
    /// at the report's precision).
    public static let costTieBreak = 1e-6
    /// The same tie-break for max throughput, in TEU/yr per USD (USD 3.7 bn subtracts 0.0037 TEU/yr).
    public static let throughputTieBreak = 1e-12

    /// The solution's objective without the capex tie-break: the annual cost (or TEU/yr) itself; with
    /// economics and a cost objective it includes the annualised cost of the projects built
    /// (``annualisedCost(_:)``).
    public func annualObjective(_ solution: LPSolution) -> Double? {
        guard let objective = solution.objective else { return nil }
        return objective - zip(build.indices, build).reduce(0) { $0 + (program[$1.1].cost - annualisedCostPerUnit($1.0)) * solution[$1.1] }
    }

    /// The annualised cost (capex × CRF + opex) in the objective per unit of project `i`, USD/yr: 0 without
    /// economics and for the objectives that maximise (they count TEU, not USD).
    public func annualisedCostPerUnit(_ i: Int) -> Double {
        objective.maximises ? 0 : catalog.annualisedCostUSDPerUnit(i)
    }

    /// The annualised cost of the projects a solution builds, USD/yr (the part of ``annualObjective(_:)`` that
    /// is not the scenarios' generalised cost).
    public func annualisedCost(_ solution: LPSolution) -> Double {
        zip(build.indices, build).reduce(0) { $0 + annualisedCostPerUnit($1.0) * solution[$1.1] }
    }

    /// The flow conservation rows of the seasonal blocks with two or more periods, which the period
    /// decomposition prices (`PeriodDecomposition` in `Simulation`); empty when there are none.
    public var periodBalanceRows: [LinearProgram.Constraint] {
        blocks.filter { ($0.periods?.periodCount ?? 0) > 1 }.flatMap(\.balanceRows)
    }

    /// Units of each project in a solution (rounded).
    public func units(_ solution: LPSolution) -> [Int] {
        build.map { Int(solution[$0].rounded()) }
    }
}
