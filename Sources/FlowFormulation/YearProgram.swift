public import FreightNetwork
public import LinearProgramming

/// The mixed-integer program of an investment plan over years: what to build in which year.
///
/// With plan years t = 0…T−1 (calendar years Y_t, discounted weights w_t = weight_t / (1 + r)^(Y_t − Y_0)) and
/// projects i (capex C_i, capital recovery factor CRF_i, opex O_i, lead time L_i):
///
///     b[i,s]   units of i whose build starts in year s (integer; binary for a yes/no project)
///     a[i,t] = Σ_{s: Y_s + L_i ≤ Y_t} b[i,s]                   units in service in year t (row `avail`)
///     min_i ≤ Σ_s b[i,s] ≤ max_i                               a built project stays built
///     Σ_{i,s} C_i·b[i,s] ≤ budget;  Σ_i C_i·b[i,s] ≤ budget_s   (total and per-year budgets)
///     requires: a[i,t] ≤ max_i·a[j,t] (in service only with what it needs); excludes: ever(i) + ever(j) ≤ 1
///     year t: ``InvestmentProgram``'s min-cost flow block on the year's network, its build terms on a[·,t]
///     capacity target k, year t with Y_t ≥ by_k:  capacity_t(corridor_k) + short[k,t] ≥ minimum_k
///     transit target k (demand d, D_k days), year t with Y_t ≥ by_k:
///         TEU-days_t(d) + U_d·u[d,t] − over[k,t] ≤ D_k·teu_t(d)
///
///     minimise Σ_{i,s} b[i,s]·(Σ_{t ≥ s} w_t·C_i·CRF_i + Σ_{t: Y_t ≥ Y_s + L_i} w_t·O_i)
///            + Σ_t w_t·cost_t + Σ_{k,t} penalty·short[k,t] + Σ_{k,t} penalty·over[k,t]
///
/// Annualised capex is paid from the build year on; opex from the year the project is in service. A target
/// that cannot be met leaves a shortfall short[k,t] > 0, priced at ``shortfallPenaltyUSDPerTEU`` (far above
/// any project's cost per TEU/yr of capacity), so the solve reports by how much each target is missed
/// instead of an empty "infeasible".
///
/// A transit target reads the demand's own flow (its commodity is kept apart from the demands it would share
/// one with): TEU-days_t(d) (``InvestmentProgram/TransitDays``) are its delivered freight's link days and dwell,
/// so with everything delivered the row says Σ days·x ≤ D·teu, the flow-weighted average transit ≤ D. An
/// undelivered TEU counts as U_d = max(D, the days of the longest route the demand could take) days, so leaving
/// slow freight behind never helps meet the target: the target holds for the demand's whole volume. over[k,t]
/// (TEU-days/yr beyond the target) is priced at ``transitPenaltyUSDPerTEUDay``.
public struct YearProgram: Sendable {
    /// One plan year as the program sees it.
    public struct Year: Sendable {
        public var year: PlanYear
        /// The year's scenario, its freight demands already grown.
        public var scenario: PlanScenario
        /// The network the corridor capacity is measured on (the scenario's, less its background traffic).
        public var capacityNetwork: Network
        public init(year: PlanYear, scenario: PlanScenario, capacityNetwork: Network? = nil) {
            self.year = year
            self.scenario = scenario
            self.capacityNetwork = capacityNetwork ?? scenario.network
        }
    }

    /// One target row: target `target` in year `year`, the corridor's capacity column (capacity targets) or the
    /// demand's TEU-days (transit targets), and the shortfall column (TEU/yr short of a capacity target, TEU-days/yr
    /// beyond a transit target).
    public struct TargetRow: Sendable {
        public var target: Int
        public var year: Int
        public var capacity: LinearProgram.Variable?
        public var transit: InvestmentProgram.TransitDays?
        public var shortfall: LinearProgram.Variable
    }

    public let catalog: InvestmentCatalog
    public let years: [Year]
    public let targets: [PlanTarget]
    public private(set) var program: LinearProgram
    /// `build[i][s]`: units of project i started in year s.
    public let build: [[LinearProgram.Variable]]
    /// `available[i][t]`: units of project i in service in year t.
    public let available: [[LinearProgram.Variable]]
    /// One flow block per year (``InvestmentProgram/Block``), in year order.
    public let blocks: [InvestmentProgram.Block]
    public let targetRows: [TargetRow]
    /// Discounted weights w_t of the years.
    public let weights: [Double]

    /// USD/yr of objective per TEU/yr a capacity target is missed by, per year.
    public static let shortfallPenaltyUSDPerTEU = 1e5
    /// USD/yr of objective per TEU-day/yr a transit target is missed by, per year.
    public static let transitPenaltyUSDPerTEUDay = 1e5

    /// - Parameters:
    ///   - years: The years, in order, each with its network, growth, weight and budget.
    ///   - catalog: The candidate projects, budget and economics.
    ///   - targets: The capacity and transit targets, each from its year on.
    ///   - reference: when given, capacity increases are scaled to each year (``InvestmentProgram/scaled(_:for:reference:)``).
    ///   - schedule: a fixed build year per project (index into `years`, nil: never), to evaluate one schedule.
    ///   - relaxed: build the LP relaxation.
    /// - Precondition: `years` is not empty and the catalog has economics (a discount rate, every lifetime).
    /// - Throws: `NetworkError` when a network with the candidates is invalid, or a transit target's demand is not a
    ///   China–Europe demand of a year it holds in.
    public init(
        years: [Year], catalog: InvestmentCatalog, targets: [PlanTarget] = [], reference: Network? = nil,
        schedule: [Int?]? = nil, relaxed: Bool = false
    ) throws(NetworkError) {
        precondition(!years.isEmpty, "a plan over years needs a year")
        self.catalog = catalog
        self.years = years
        self.targets = targets
        let rate = catalog.discountRate ?? 0
        let weights = years.map { $0.year.discountedWeight(rate: rate, firstYear: years[0].year.year) }
        self.weights = weights
        var lp = LinearProgram(name: "corridor_plan_years", sense: .minimize)
        let count = years.count

        var build: [[LinearProgram.Variable]] = []
        var available: [[LinearProgram.Variable]] = []
        var inService: [[LinearProgram.Variable]] = []
        var ever: [[LinearProgram.Term]] = []
        for (i, investment) in catalog.investments.enumerated() {
            let lead = investment.leadTimeYears ?? 0
            let capital = catalog.hasEconomics ? catalog.annualisedCostUSDPerUnit(i) - investment.opexUSDPerYear : 0
            let opex = catalog.hasEconomics ? investment.opexUSDPerYear : 0
            var row: [LinearProgram.Variable] = []
            for s in 0..<count {
                var cost = 0.0
                for t in s..<count {
                    cost += weights[t] * capital
                    if Double(years[s].year.year) + lead <= Double(years[t].year.year) + 1e-9 { cost += weights[t] * opex }
                }
                let upper = Double(investment.maxUnits)
                var bounds: Bounds = .range(0, upper)
                if let schedule { bounds = .fixed(schedule[i] == s ? Double(max(1, investment.minUnits)) : 0) }
                row.append(lp.addVariable(FlowProgram.clipped("b_\(investment.id)_\(years[s].year.year)"), bounds: bounds,
                                          cost: cost, isInteger: !relaxed))
            }
            build.append(row)
            ever.append(row.map { .init($0, 1) })
            lp.addConstraint(FlowProgram.clipped("units_\(investment.id)"), row.map { .init($0, 1) },
                             bounds: .range(Double(investment.minUnits), Double(investment.maxUnits)))
            var availableRow: [LinearProgram.Variable] = []
            var builtRow: [LinearProgram.Variable] = []
            for t in 0..<count {
                let a = lp.addVariable(FlowProgram.clipped("a_\(investment.id)_\(years[t].year.year)"),
                                       bounds: .range(0, Double(investment.maxUnits)))
                let started = (0...t).filter { Double(years[$0].year.year) + lead <= Double(years[t].year.year) + 1e-9 }
                lp.addConstraint(FlowProgram.clipped("avail_\(investment.id)_\(years[t].year.year)"),
                                 [.init(a, 1)] + started.map { .init(row[$0], -1) }, bounds: .fixed(0))
                availableRow.append(a)
                if investment.isBinary {
                    builtRow.append(a)
                } else {
                    let z = lp.addVariable(FlowProgram.clipped("z_\(investment.id)_\(years[t].year.year)"), bounds: .range(0, 1),
                                           isInteger: !relaxed)
                    lp.addConstraint(FlowProgram.clipped("built_lo_\(investment.id)_\(t)"), [(z, 1), (a, -1)], bounds: .upper(0))
                    lp.addConstraint(FlowProgram.clipped("built_hi_\(investment.id)_\(t)"),
                                     [(a, 1), (z, -Double(investment.maxUnits))], bounds: .upper(0))
                    builtRow.append(z)
                }
            }
            available.append(availableRow)
            inService.append(builtRow)
        }
        Self.addBudgetRows(&lp, catalog: catalog, years: years, build: build)
        Self.addPrerequisites(&lp, catalog: catalog, inService: inService, available: available, ever: &ever)

        var blocks: [InvestmentProgram.Block] = []
        var targetRows: [TargetRow] = []
        for (t, year) in years.enumerated() {
            let local = InvestmentProgram.scaled(catalog, for: year.scenario.network, reference: reference)
            let units = available.map { $0[t] }
            let built = inService.map { $0[t] }
            let active = targets.indices.filter { year.year.year >= targets[$0].byYear }
            var separate: [Int: Int] = [:]
            for k in active {
                guard let transit = targets[k].transit else { continue }
                let demands = year.scenario.network.demands
                guard let d = demands.firstIndex(where: { $0.id.rawValue == transit.demand }), !demands[d].isBackground else {
                    throw .invalidValue(entity: "target '\(transit.label)'", field: "demand", value: Double(year.year.year),
                                        expected: "a China–Europe demand of the year's network")
                }
                separate[k] = d
            }
            let block = try InvestmentProgram.addBlock(&lp, s: t, year.scenario, weight: weights[t], catalog: local, build: units,
                                                       built: built, objective: .expectedCost, worst: nil,
                                                       separate: Set(separate.values))
            blocks.append(block)
            var capacityOf: [[String]: LinearProgram.Variable] = [:]
            for k in active {
                switch targets[k] {
                case .capacity(let target):
                    let tags = target.tags.sorted()
                    let capacity: LinearProgram.Variable
                    if let known = capacityOf[tags] {
                        capacity = known
                    } else {
                        capacity = try InvestmentProgram.addCapacityBlock(&lp, s: t, network: year.capacityNetwork, catalog: local,
                                                                         build: units, tags: Set(tags), weight: 0)
                        capacityOf[tags] = capacity
                    }
                    let short = lp.addVariable(FlowProgram.clipped("short_\(k)_\(year.year.year)"), bounds: .lower(0),
                                               cost: Self.shortfallPenaltyUSDPerTEU)
                    lp.addConstraint(FlowProgram.clipped("target_\(k)_\(year.year.year)"), [.init(capacity, 1), .init(short, 1)],
                                     bounds: .lower(target.minimumTEU))
                    targetRows.append(TargetRow(target: k, year: t, capacity: capacity, transit: nil, shortfall: short))
                case .transit(let target):
                    guard let d = separate[k], let days = block.transit[d] else { continue }
                    let over = lp.addVariable(FlowProgram.clipped("over_\(k)_\(year.year.year)"), bounds: .lower(0),
                                              cost: Self.transitPenaltyUSDPerTEUDay)
                    let undelivered = max(target.maxDays, days.longestDays)
                    lp.addConstraint(FlowProgram.clipped("transit_\(k)_\(year.year.year)"),
                                     Self.merged(days.terms + [.init(days.unmet, undelivered), .init(over, -1)]),
                                     bounds: .upper(target.maxDays * days.teu - days.constant))
                    targetRows.append(TargetRow(target: k, year: t, capacity: nil, transit: days, shortfall: over))
                }
            }
        }
        self.build = build
        self.available = available
        self.blocks = blocks
        self.targetRows = targetRows
        self.program = lp
    }

    /// The total budget row (capex in USD m, as ``InvestmentProgram``'s) and one row per year with a budget.
    static func addBudgetRows(
        _ lp: inout LinearProgram, catalog: InvestmentCatalog, years: [Year], build: [[LinearProgram.Variable]]
    ) {
        let capex = catalog.investments.map { $0.capexUSD / 1e6 }
        lp.addConstraint("budget", zip(capex, build).flatMap { c, row in row.map { LinearProgram.Term($0, c) } },
                         bounds: .upper(catalog.budgetUSD / 1e6))
        for (s, year) in years.enumerated() {
            guard let budget = year.year.budgetUSD else { continue }
            lp.addConstraint("budget_\(year.year.year)", zip(capex, build).map { LinearProgram.Term($1[s], $0) },
                             bounds: .upper(budget / 1e6))
        }
    }

    /// `requires` per year (in service only with what it needs) and `excludes` over the horizon.
    static func addPrerequisites(
        _ lp: inout LinearProgram, catalog: InvestmentCatalog, inService: [[LinearProgram.Variable]],
        available: [[LinearProgram.Variable]], ever: inout [[LinearProgram.Term]]
    ) {
        for (i, investment) in catalog.investments.enumerated() where !investment.isBinary && !investment.excludes.isEmpty {
            let e = lp.addVariable(FlowProgram.clipped("ever_\(investment.id)"), bounds: .range(0, 1), isInteger: true)
            lp.addConstraint(FlowProgram.clipped("ever_hi_\(investment.id)"),
                             ever[i] + [.init(e, -Double(investment.maxUnits))], bounds: .upper(0))
            ever[i] = [.init(e, 1)]
        }
        for (i, investment) in catalog.investments.enumerated() {
            for id in investment.requires {
                guard let j = catalog.index(of: id) else { continue }
                for t in available[i].indices {
                    lp.addConstraint(FlowProgram.clipped("req_\(investment.id)_\(id)_\(t)"),
                                     [(inService[i][t], 1), (inService[j][t], -1)], bounds: .upper(0))
                }
            }
            for id in investment.excludes {
                guard let j = catalog.index(of: id), j > i || !catalog.investments[j].excludes.contains(investment.id) else { continue }
                lp.addConstraint(FlowProgram.clipped("excl_\(investment.id)_\(id)"), ever[i] + ever[j], bounds: .upper(1))
            }
        }
    }

    /// `terms` with the terms of one column summed into one (a row may name a column once).
    static func merged(_ terms: [LinearProgram.Term]) -> [LinearProgram.Term] {
        var order: [Int] = []
        var sum: [Int: Double] = [:]
        for term in terms {
            if sum[term.variable.index] == nil { order.append(term.variable.index) }
            sum[term.variable.index, default: 0] += term.coefficient
        }
        return order.map { LinearProgram.Term(LinearProgram.Variable(index: $0), sum[$0] ?? 0) }
    }

    /// Adds `usd` to the objective's constant (to measure the MIP gap against a baseline).
    public mutating func shift(by usd: Double) { program.objectiveConstant += usd }

    /// Units of each project started in each year of a solution (rounded): `[i][s]`.
    public func schedule(_ solution: LPSolution) -> [[Int]] {
        build.map { row in row.map { Int(solution[$0].rounded()) } }
    }

    /// The penalty part of a solution's objective: Σ penalty·shortfall, USD/yr.
    public func shortfallPenalty(_ solution: LPSolution) -> Double {
        targetRows.reduce(0) { $0 + program[$1.shortfall].cost * solution[$1.shortfall] }
    }

    /// The discounted capex part of a solution's objective: annualised capex and opex of the schedule, USD.
    public func projectCost(_ solution: LPSolution) -> Double {
        build.joined().reduce(0) { $0 + program[$1].cost * solution[$1] }
    }
}
