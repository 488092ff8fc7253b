import FlowFormulation
import FreightNetwork
import LinearProgramming

extension Planner {
    /// The plan's marginal values (``PlanSensitivity``): the MIP re-solved with the budget ± ``budgetStep``, the
    /// capacity target (``minimumCapacityTEU``) ± the same relative step, and, when the objective counts the
    /// annualised cost, the discount rate ± ``rateStep`` with the portfolio appraised at each rate. Without
    /// ``computesSensitivity`` only the budget + ``budgetStep`` re-solve (the marginal value of budget).
    /// - Parameters:
    ///   - result: The plan; its ``PlanResult/sensitivity`` is filled in (and, for compatibility, its
    ///     ``PlanResult/objectiveWithMoreBudget``).
    ///   - scenarios: The plan's scenarios.
    ///   - objective: The plan's objective.
    ///   - weights: The scenarios' normalised weights, as in the program.
    func sensitivity(
        _ result: inout PlanResult, _ scenarios: [PlanScenario], objective: PlanObjective, weights: [Double]
    ) throws(PlanError) {
        let catalog = result.catalog
        var sensitivity = PlanSensitivity(step: budgetStep, rateStep: rateStep)
        // Every re-solve at once, on ``threads`` threads; then each read in turn.
        let budgetFactors = computesSensitivity ? [1 - budgetStep, 1 + budgetStep] : [1 + budgetStep]
        let target = computesSensitivity && objective != .maxCapacity ? minimumCapacityTEU : nil
        let targetFactors = target == nil ? [] : [1 - budgetStep, 1 + budgetStep]
        let rate = catalog.hasEconomics && !objective.maximises ? catalog.discountRate : nil
        let rates = computesSensitivity ? rate.map { PlanSensitivity.rates(around: $0, step: rateStep) } ?? [] : []
        let planner = self
        var solves = try WorkerThreads.map(budgetFactors.count + targetFactors.count + rates.count, threads: threads) {
            (k: Int) throws(PlanError) -> Solve in
            var moved = catalog
            var other = planner
            if k < budgetFactors.count {
                moved.budgetUSD *= budgetFactors[k]
            } else if k < budgetFactors.count + targetFactors.count, let target {
                other.minimumCapacityTEU = target * targetFactors[k - budgetFactors.count]
            } else {
                moved.discountRate = rates[k - budgetFactors.count - targetFactors.count]
            }
            return try other.solve(scenarios, moved, objective: objective)
        }[...]
        for factor in budgetFactors {
            let solved = solves.removeFirst()
            sensitivity.budget.append(resolve(solved, .budget, from: catalog.budgetUSD, to: catalog.budgetUSD * factor))
        }
        if let more = sensitivity.budget.last, more.objective != nil {
            result.objectiveWithMoreBudget = more.objective
            result.portfolioWithMoreBudget = more.units
        }
        guard computesSensitivity else { return }
        if let target {
            var row: [PlanSensitivity.Resolve] = []
            for factor in targetFactors {
                let solved = solves.removeFirst()
                row.append(resolve(solved, .target(0), from: target, to: target * factor))
            }
            sensitivity.targets = [row]
        }
        if let rate {
            let without = result.scenarios.reduce(0) { $0 + $1.weight * ($1.without.objectiveValue ?? .nan) }
            let withChosen = result.scenarios.reduce(0) { $0 + $1.weight * ($1.with.objectiveValue ?? .nan) }
            for moved in rates {
                var other = catalog
                other.discountRate = moved
                let solved = solves.removeFirst()
                var entry = resolve(solved, .discountRate, from: rate, to: moved)
                entry.chosenAppraisal = Self.portfolioAppraisal(
                    other, units: result.units, benefit: without - withChosen, rate: moved)
                if let units = entry.units {
                    let cost = units == result.units ? withChosen : try expectedCost(scenarios, other, units: units, weights: weights)
                    entry.appraisal = Self.portfolioAppraisal(other, units: units, benefit: without - cost, rate: moved)
                }
                sensitivity.discountRate.append(entry)
            }
        }
        result.sensitivity = sensitivity
    }

    /// One re-solve as a ``PlanSensitivity/Resolve``.
    private func resolve(_ solved: Solve, _ parameter: PlanSensitivity.Parameter, from base: Double, to value: Double)
        -> PlanSensitivity.Resolve
    {
        PlanSensitivity.Resolve(
            parameter: parameter, baseValue: base, value: value, status: SolveStatus(solved.solution.termination),
            objective: solved.units == nil ? nil : solved.program.annualObjective(solved.solution), units: solved.units)
    }

    /// The appraisal of the projects `units` builds beyond the committed ones, with the annual `benefit` (USD/yr)
    /// at `rate`; nil when nothing is built beyond them.
    static func portfolioAppraisal(_ catalog: InvestmentCatalog, units: [Int], benefit: Double, rate: Double) -> Appraisal? {
        let parts = catalog.investments.enumerated().compactMap { i, investment in
            units[i] > investment.minUnits ? investment.appraisalPart(units: units[i] - investment.minUnits) : nil
        }
        return parts.isEmpty ? nil : Appraisal(parts: parts, benefitUSDPerYear: benefit, discountRate: rate)
    }
}
