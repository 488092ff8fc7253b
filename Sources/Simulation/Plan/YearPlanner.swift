public import FlowFormulation
public import FreightNetwork
public import LinearProgramming

/// Solves an investment plan over years (`YearProgram`): the build year of each project, under a total and
/// per-year budget, with capacity and transit-time targets.
public struct YearPlanner: Sendable {
    public var solver: any LPSolver
    /// Time limit and gap of the MIP solve.
    public var options: SolveOptions
    /// The network capacity increases are scaled against (nil: the same increase in every year).
    public var reference: Network?
    /// Re-solve with the budget, each target and the discount rate moved (``PlanSensitivity``); the nested
    /// re-solves run without it.
    public var computesSensitivity = true
    /// The relative step of the budget and target re-solves (0.1: ±10 %).
    public var sensitivityStep = 0.1
    /// The discount-rate step of the sensitivity re-solves, a fraction (0.02: ±2 percentage points).
    public var rateStep = 0.02
    /// The step of the transit-target re-solves, days (1: ±1 day).
    public var transitStepDays = 1.0

    public init(solver: any LPSolver, options: SolveOptions = SolveOptions(mipGap: 0.0001)) {
        self.solver = solver
        self.options = options
    }

    /// `network` with its China–Europe (freight) demands multiplied by `factor`; background traffic is kept.
    public static func grown(_ network: Network, by factor: Double) throws(NetworkError) -> Network {
        guard factor != 1 else { return network }
        return try network.applying(network.demands.indices.filter { !network.demands[$0].isBackground }.map { .scaleDemand($0, by: factor) })
    }

    /// The program's years: each year's scenario with its demand grown, and (with targets) the network its
    /// corridor capacity is measured on, less what the year's background traffic takes, as `corridor capacity`
    /// measures it.
    public func years(_ entries: [(year: PlanYear, scenario: PlanScenario)], targets: [PlanTarget]) throws(PlanError)
        -> [YearProgram.Year]
    {
        var result: [YearProgram.Year] = []
        let simulator = Simulator.planning(with: solver)
        for (year, scenario) in entries {
            var grownScenario = scenario
            do {
                grownScenario.network = try Self.grown(scenario.network, by: year.demandGrowth)
            } catch {
                throw .network(error)
            }
            var capacityNetwork = grownScenario.network
            if targets.contains(where: { $0.capacity != nil }), capacityNetwork.demands.contains(where: \.isBackground) {
                do {
                    let background = try simulator.run(grownScenario.network, scenario: scenario.name).background
                    capacityNetwork = capacityNetwork.reserving(background: background)
                } catch {
                    throw .solver(error)
                }
            }
            result.append(YearProgram.Year(year: year, scenario: grownScenario, capacityNetwork: capacityNetwork))
        }
        return result
    }

    /// The plan MIP (what ``plan(_:_:targets:)`` solves, and what `corridor plan --export-lp` writes).
    public func program(_ years: [YearProgram.Year], _ catalog: InvestmentCatalog, targets: [PlanTarget],
                        schedule: [Int?]? = nil, relaxed: Bool = false) throws(PlanError) -> YearProgram {
        do {
            return try YearProgram(years: years, catalog: catalog, targets: targets, reference: reference, schedule: schedule,
                                   relaxed: relaxed)
        } catch {
            throw .network(error)
        }
    }

    /// Solves the plan over `years` and reads back the schedule, each year's costs and the targets.
    public func plan(_ years: [YearProgram.Year], _ catalog: InvestmentCatalog, targets: [PlanTarget]) throws(PlanError)
        -> YearPlanResult
    {
        let clock = ContinuousClock()
        let start = clock.now
        var program = try program(years, catalog, targets: targets)
        let none = try self.program(years, catalog, targets: [], schedule: catalog.investments.map { _ in nil })
        let solution: LPSolution
        let nothing: LPSolution
        let shift: Double
        do {
            nothing = try solver.solve(none.program, options: options)
            // The MIP minimises the cost above building nothing: its gap then measures the projects' part, not
            // the years' generalised cost (which is 1,000 times larger and would hide it).
            let baseline = nothing.termination == .optimal ? nothing.objective ?? 0 : 0
            shift = -baseline
            program.shift(by: shift)
            solution = try solver.solve(program.program, options: options)
        } catch {
            throw .solver(error)
        }
        let hasSolution = solution.termination.hasSolution || (solution.termination == .timeLimit && !solution.primal.isEmpty)
        let penalty = hasSolution ? program.shortfallPenalty(solution) : 0
        var result = YearPlanResult(
            catalog: catalog, status: SolveStatus(solution.termination),
            objectiveValue: hasSolution ? solution.objective.map { $0 - penalty - shift } : nil,
            bestBound: hasSolution ? solution.bestBound.map { $0 - penalty - shift } : nil, relativeGap: solution.relativeGap,
            objectiveWithoutInvestment: nothing.termination == .optimal ? nothing.objective : nil,
            shortfallPenaltyUSD: penalty, projects: [], years: [], targets: [], capexUSD: 0, seconds: 0,
            rows: program.program.rowCount, columns: program.program.columnCount,
            integerColumns: program.program.columns.filter(\.isInteger).count, solver: solver.name)
        result.planTargets = targets
        if hasSolution { try read(&result, program: program, solution: solution, nothing: nothing, none: none) }
        if hasSolution, computesSensitivity { result.sensitivity = try sensitivity(of: result, years, catalog, targets: targets) }
        result.seconds = Planner.seconds(start.duration(to: clock.now))
        return result
    }

    /// Fills in the projects, years and targets of `result` from the MIP's `solution` (and the no-project LP's,
    /// `nothing`, a solution of `none`: its columns are laid out without the targets' rows and columns).
    func read(_ result: inout YearPlanResult, program: YearProgram, solution: LPSolution, nothing: LPSolution, none: YearProgram)
        throws(PlanError)
    {
        let catalog = program.catalog
        let schedule = program.schedule(solution)
        let years = program.years
        for (i, investment) in catalog.investments.enumerated() {
            let first = schedule[i].firstIndex { $0 > 0 }
            let inService = program.available[i].firstIndex { solution[$0] > 0.5 }
            result.projects.append(.init(investment: investment, unitsByYear: schedule[i], buildYear: first.map { years[$0].year.year },
                                         inServiceYear: inService.map { years[$0].year.year }))
            result.capexUSD += investment.capexUSD * Double(schedule[i].reduce(0, +))
        }
        for (t, year) in years.enumerated() {
            let inService = program.available.map { Int(solution[$0[t]].rounded()) }
            var capex = 0.0, capital = 0.0, opex = 0.0
            for (i, investment) in catalog.investments.enumerated() {
                let started = schedule[i][...t].reduce(0, +)
                capex += investment.capexUSD * Double(schedule[i][t])
                capital += (catalog.annualisedCostUSDPerUnit(i) - investment.opexUSDPerYear) * Double(started)
                opex += investment.opexUSDPerYear * Double(inService[i])
            }
            let block = program.blocks[t]
            result.years.append(.init(
                year: year.year, scenario: year.scenario.name, discountedWeight: program.weights[t], capexStartedUSD: capex,
                annualisedCapexUSD: capital, opexUSD: opex, generalisedCostUSD: block.cost(solution),
                generalisedCostWithoutUSD: nothing.termination == .optimal ? none.blocks[t].cost(nothing) : nil,
                unmetTEU: block.unmet(solution), inService: inService))
        }
        for row in program.targetRows {
            let year = years[row.year]
            switch program.targets[row.target] {
            case .capacity(let target):
                let units = result.years[row.year].inService
                let local = InvestmentProgram.scaled(catalog, for: year.scenario.network, reference: reference)
                let built = try? InvestmentProgram.apply(units, of: local, to: year.capacityNetwork)
                let selection = CorridorSelection(name: target.corridor, tags: target.tags)
                let capacity = built.flatMap { try? CapacityAnalysis(network: $0).capacity(of: selection) }
                result.targets.append(.init(target: .capacity(target), year: year.year.year,
                                            capacityTEU: capacity.map { $0.capacityTEU ?? .infinity },
                                            shortfallTEU: max(0, solution[row.shortfall])))
            case .transit(let target):
                guard let days = row.transit else { continue }
                let delivered = days.delivered(solution)
                let average = delivered > 1e-6 ? days.teuDays(solution) / delivered : nil
                var outcome = YearPlanResult.TargetOutcome(target: .transit(target), year: year.year.year, capacityTEU: nil, shortfallTEU: 0)
                outcome.transitDays = average
                outcome.daysOver = average.map { max(0, $0 - target.maxDays) } ?? 0
                outcome.demandTEU = days.teu
                outcome.unmetTEU = max(0, days.teu - delivered)
                outcome.overTEUDays = max(0, solution[row.shortfall])
                result.targets.append(outcome)
            }
        }
    }
}
