public import FlowFormulation
public import FreightNetwork
public import LinearProgramming

/// Solves an investment plan (`InvestmentProgram`) and explains its choice with re-solves.
public struct Planner: Sendable {
    public var solver: any LPSolver
    /// Time limit and gap of every MIP solve.
    public var options: SolveOptions
    /// Re-solve with each project switched (forced out if chosen, forced in otherwise).
    public var valueProjects: Bool
    /// Relative budget increase for the marginal value of budget.
    public var budgetStep: Double
    /// The discount-rate step of the sensitivity re-solves, a fraction (0.02: ±2 percentage points).
    public var rateStep: Double = 0.02
    /// Re-solve with the budget ± ``budgetStep``, the capacity target ± the same step and the discount rate ±
    /// ``rateStep`` (``PlanSensitivity``); false: only the budget + ``budgetStep`` re-solve.
    public var computesSensitivity = true
    /// The network capacity increases are scaled against (see `InvestmentProgram/scaled(_:for:reference:)`);
    /// nil: increases are the same in every scenario.
    public var reference: Network?
    /// The corridor whose capacity `max-capacity` maximises or `minimumCapacityTEU` constrains; its capacity
    /// before and after is reported per scenario.
    public var corridor: CorridorSelection?
    /// A capacity target for the corridor in every scenario, TEU/year.
    public var minimumCapacityTEU: Double?
    /// Per scenario, the background traffic of its min-cost flow without projects
    /// (``backgroundRoutes(_:)``): the corridor's capacity is what it leaves, as `corridor capacity` measures
    /// it. Nil: capacities are gross.
    public var capacityBackground: [[DemandResult]]?
    /// Threads for the re-solves that explain the plan (project values, appraisals, sensitivity), each with
    /// GLPK problems of its own; the results are the same on any number.
    public var threads = 1
    /// How the plans with seasonal scenarios (two or more periods) are solved: ``SolutionMethod/arc``, each
    /// MIP whole by the solver (GLPK's branch-and-cut on the time-expanded program); otherwise by
    /// branch-and-bound over the build variables with each node's LP solved by the period decomposition
    /// (`PeriodBranchAndBound`; the whole MIP when it proves nothing).
    public var method: SolutionMethod = .auto
    /// Where ``plan(_:_:objective:)`` counts its solves (``PlanMethod``); nil outside a plan.
    var tally: PlanMethodTally? = nil
    /// Nodes after which the seasonal branch-and-bound falls back to the whole MIP (`PeriodBranchAndBound`).
    var nodeLimit = 512

    public init(solver: any LPSolver, options: SolveOptions = SolveOptions(mipGap: 0.0001), valueProjects: Bool = true,
                budgetStep: Double = 0.1) {
        self.solver = solver
        self.options = options
        self.valueProjects = valueProjects
        self.budgetStep = budgetStep
    }

    /// The program's solution: status, objective and portfolio (nil units when no solution).
    public struct Solve: Sendable {
        public var program: InvestmentProgram
        public var solution: LPSolution
        /// How it was solved: ``PlanMethod/Kind/arc`` also when the branch-and-bound fell back.
        public var kind: PlanMethod.Kind = .arc
        public var units: [Int]? { solution.termination.hasSolution || solution.termination == .timeLimit && !solution.primal.isEmpty ? program.units(solution) : nil }
    }

    /// The plan MIP over `scenarios` with this planner's reference network and capacity target (what
    /// ``solve(_:_:objective:units:relaxed:)`` solves, and what `corridor plan --export-lp` writes).
    public func program(
        _ scenarios: [PlanScenario], _ catalog: InvestmentCatalog, objective: PlanObjective,
        units: [Int: ClosedRange<Int>] = [:], relaxed: Bool = false
    ) throws(PlanError) -> InvestmentProgram {
        do {
            return try InvestmentProgram(
                scenarios: scenarios, catalog: catalog, objective: objective, units: units, relaxed: relaxed, reference: reference,
                corridor: Set(corridor?.tags ?? []), minimumCapacityTEU: minimumCapacityTEU,
                capacityNetworks: capacityBackground.map { background in
                    scenarios.enumerated().map { s, scenario in scenario.network.reserving(background: background[s]) }
                })
        } catch {
            throw .network(error)
        }
    }

    /// Builds and solves one plan MIP.
    public func solve(
        _ scenarios: [PlanScenario], _ catalog: InvestmentCatalog, objective: PlanObjective,
        units: [Int: ClosedRange<Int>] = [:], relaxed: Bool = false
    ) throws(PlanError) -> Solve {
        let program = try program(scenarios, catalog, objective: objective, units: units, relaxed: relaxed)
        do {
            let timeExpanded = scenarios.contains { $0.periods != nil }
            let options = timeExpanded ? options.forTimeExpanded : options
            let balanceRows = program.periodBalanceRows
            if method != .arc, !balanceRows.isEmpty, let factory = solver as? any LPSessionFactory {
                let search = PeriodBranchAndBound(
                    inner: solver, factory: factory, balanceRows: balanceRows, nodeLimit: nodeLimit)
                let solved = try search.solveCounting(program.program, options: options)
                tally?.record(searched: true, nodes: solved.nodes)
                return Solve(
                    program: program, solution: solved.solution, kind: solved.nodes == nil ? .arc : .periodBranchAndBound)
            }
            let solution = try solver.solve(program.program, options: options)
            tally?.record(searched: false, nodes: nil)
            return Solve(program: program, solution: solution)
        } catch {
            throw .solver(error)
        }
    }

    /// Plans over `scenarios`; ``PlanResult/method`` says how its programs were solved.
    public func plan(_ scenarios: [PlanScenario], _ catalog: InvestmentCatalog, objective: PlanObjective) throws(PlanError) -> PlanResult {
        var planner = self
        let tally = PlanMethodTally()
        planner.tally = tally
        var result = try planner.planned(scenarios, catalog, objective: objective)
        result.method = tally.method(result.method.kind)
        return result
    }

    /// ``plan(_:_:objective:)`` with ``tally`` set; its ``PlanResult/method`` has the kind of the plan's MIP only.
    private func planned(
        _ scenarios: [PlanScenario], _ catalog: InvestmentCatalog, objective: PlanObjective
    ) throws(PlanError) -> PlanResult {
        let clock = ContinuousClock()
        let start = clock.now
        let main = try solve(scenarios, catalog, objective: objective)
        let relaxation = try solve(scenarios, catalog, objective: objective, relaxed: true)
        let none = Dictionary(uniqueKeysWithValues: catalog.investments.indices.map { ($0, catalog.investments[$0].minUnits...catalog.investments[$0].minUnits) })
        let nothing = try solve(scenarios, catalog, objective: objective, units: none, relaxed: true)
        let chosen = main.units ?? catalog.investments.map(\.minUnits)
        var result = PlanResult(
            objective: PlanResult.Objective(program: objective), catalog: catalog, status: SolveStatus(main.solution.termination),
            objectiveValue: main.units == nil ? nil : main.program.annualObjective(main.solution),
            bestBound: main.solution.bestBound.map { $0 - ((main.solution.objective ?? $0) - (main.program.annualObjective(main.solution) ?? $0)) }, relativeGap: main.solution.relativeGap,
            relaxationBound: relaxation.solution.termination == .optimal ? relaxation.program.annualObjective(relaxation.solution) : nil,
            objectiveWithoutInvestment: nothing.solution.termination == .optimal ? nothing.program.annualObjective(nothing.solution) : nil,
            units: chosen,
            capexUSD: zip(catalog.investments, chosen).reduce(0) { $0 + $1.0.capexUSD * Double($1.1) },
            scenarios: [], projects: [], budgetStep: budgetStep,
            seconds: 0, rows: main.program.program.rowCount, columns: main.program.program.columnCount,
            integerColumns: main.program.program.columns.filter(\.isInteger).count, solver: solver.name,
            method: PlanMethod(kind: main.kind))
        guard main.units != nil else {
            result.seconds = Self.seconds(start.duration(to: clock.now))
            return result
        }

        result.scenarios = try outcomes(scenarios, catalog, chosen: chosen, program: main.program)
        if catalog.hasEconomics {
            result.annualisedCostUSD = chosen.indices.reduce(0) { $0 + catalog.annualisedCostUSDPerUnit($1) * Double(chosen[$1]) }
        }
        result.projects =
            valueProjects
            ? try projectValues(scenarios, catalog, objective: objective, chosen: chosen)
            : catalog.investments.enumerated().map { .init(investment: $1, units: chosen[$0], scenarioCostsIfSwitched: []) }
        try appraise(&result, scenarios, weights: main.program.weights)

        // Marginal values: budget, target and discount rate, each re-solved.
        try sensitivity(&result, scenarios, objective: objective, weights: main.program.weights)
        result.seconds = Self.seconds(start.duration(to: clock.now))
        return result
    }

    /// Each scenario with and without the portfolio `chosen`, simulated as ordinary networks.
    func outcomes(
        _ scenarios: [PlanScenario], _ catalog: InvestmentCatalog, chosen: [Int], program: InvestmentProgram
    ) throws(PlanError) -> [PlanResult.ScenarioOutcome] {
        let simulator = Simulator.planning(with: solver)
        let minimum = catalog.investments.map(\.minUnits)
        var outcomes: [PlanResult.ScenarioOutcome] = []
        for (s, scenario) in scenarios.enumerated() {
            let withNetwork = try network(scenario, catalog, units: chosen)
            let withoutNetwork = try network(scenario, catalog, units: minimum)
            let with = try simulate(simulator, withNetwork, scenario)
            let without = try simulate(simulator, withoutNetwork, scenario)
            var outcome = PlanResult.ScenarioOutcome(
                name: scenario.name, weight: program.weights[s], demandTEU: program.blocks[s].demandTEU,
                without: without, with: with)
            if let corridor {
                outcome.corridor = corridor.name
                let background = capacityBackground?[s] ?? []
                outcome.capacityWithoutTEU = try? CapacityAnalysis(network: withoutNetwork.reserving(background: background))
                    .capacity(of: corridor).capacityTEU ?? .infinity
                outcome.capacityWithTEU = try? CapacityAnalysis(network: withNetwork.reserving(background: background))
                    .capacity(of: corridor).capacityTEU ?? .infinity
            }
            outcomes.append(outcome)
        }
        return outcomes
    }

    /// Each scenario's background traffic as its min-cost flow (without projects) routes it, for
    /// ``capacityBackground``; empty for a scenario without background traffic.
    public func backgroundRoutes(_ scenarios: [PlanScenario]) throws(PlanError) -> [[DemandResult]] {
        let simulator = Simulator.planning(with: solver)
        var routes: [[DemandResult]] = []
        for scenario in scenarios {
            guard scenario.network.demands.contains(where: \.isBackground) else {
                routes.append([])
                continue
            }
            do {
                routes.append(try simulator.run(scenario.network, scenario: scenario.name).background)
            } catch {
                throw .solver(error)
            }
        }
        return routes
    }

    /// The scenario's network with `units` of each project built (capacity increases scaled to the scenario).
    func network(_ scenario: PlanScenario, _ catalog: InvestmentCatalog, units: [Int]) throws(PlanError) -> Network {
        let local = InvestmentProgram.scaled(catalog, for: scenario.network, reference: reference)
        do {
            return try InvestmentProgram.apply(units, of: local, to: scenario.network)
        } catch {
            throw .network(error)
        }
    }

    /// `network` (the scenario's with some projects built) simulated, with the scenario's periods if it has any.
    func simulate(_ simulator: Simulator, _ network: Network, _ scenario: PlanScenario) throws(PlanError) -> FlowResult {
        do {
            guard let schedule = scenario.periods else { return try simulator.run(network, scenario: scenario.name) }
            let extended = InvestmentProgram.extended(schedule, from: scenario.network, to: network)
            return try simulator.run(network, periods: extended, scenario: scenario.name)
        } catch {
            throw .solver(error)
        }
    }

    /// The value of each project: switch it (out if chosen, in otherwise) and re-optimise the rest.
    func projectValues(
        _ scenarios: [PlanScenario], _ catalog: InvestmentCatalog, objective: PlanObjective, chosen: [Int]
    ) throws(PlanError) -> [PlanResult.ProjectOutcome] {
        let planner = self
        return try WorkerThreads.map(catalog.investments.count, threads: threads) {
            (i: Int) throws(PlanError) -> PlanResult.ProjectOutcome in
            let investment = catalog.investments[i]
            let forcedOut = chosen[i] > 0
            if forcedOut && investment.minUnits > 0 {
                return .init(investment: investment, units: chosen[i], scenarioCostsIfSwitched: [])
            }
            let range = forcedOut ? 0...0 : 1...investment.maxUnits
            let switched = try planner.solve(scenarios, catalog, objective: objective, units: [i: range])
            let costs = switched.units == nil ? [] : switched.program.blocks.map { $0.cost(switched.solution) }
            var fewer: Double?
            if chosen[i] > 1, chosen[i] > investment.minUnits {
                let oneLess = try planner.solve(scenarios, catalog, objective: objective, units: [i: 0...(chosen[i] - 1)])
                fewer = oneLess.units == nil ? nil : oneLess.program.annualObjective(oneLess.solution)
            }
            return .init(
                investment: investment, units: chosen[i],
                objectiveIfSwitched: switched.units == nil ? nil : switched.program.annualObjective(switched.solution),
                switchStatus: SolveStatus(switched.solution.termination), portfolioIfSwitched: switched.units,
                scenarioCostsIfSwitched: costs, objectiveWithOneUnitFewer: fewer)
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}

/// Why a plan could not be solved.
public enum PlanError: Error, Sendable {
    case network(NetworkError)
    case solver(SolverError)
}
