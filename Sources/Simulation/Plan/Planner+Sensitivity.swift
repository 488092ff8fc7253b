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
        for factor in computesSensitivity ? [1 - budgetStep, 1 + budgetStep] : [1 + budgetStep] {
            var moved = catalog
            moved.budgetUSD *= factor
            let solved = try solve(scenarios, moved, objective: objective)
            sensitivity.budget.append(resolve(solved, .budget, from: catalog.budgetUSD, to: moved.budgetUSD))
        }
        if let more = sensitivity.budget.last, more.objective != nil {
            result.objectiveWithMoreBudget = more.objective
            result.portfolioWithMoreBudget = more.units
        }
        guard computesSensitivity else { return }
        if let target = minimumCapacityTEU, objective != .maxCapacity {
            var row: [PlanSensitivity.Resolve] = []
            for factor in [1 - budgetStep, 1 + budgetStep] {
                var moved = self
                moved.minimumCapacityTEU = target * factor
                let solved = try moved.solve(scenarios, catalog, objective: objective)
                row.append(resolve(solved, .target(0), from: target, to: target * factor))
            }
            sensitivity.targets = [row]
        }
        if catalog.hasEconomics, !objective.maximises, let rate = catalog.discountRate {
            let without = result.scenarios.reduce(0) { $0 + $1.weight * ($1.without.objectiveValue ?? .nan) }
            let withChosen = result.scenarios.reduce(0) { $0 + $1.weight * ($1.with.objectiveValue ?? .nan) }
            for moved in PlanSensitivity.rates(around: rate, step: rateStep) {
                var other = catalog
                other.discountRate = moved
                let solved = try solve(scenarios, other, objective: objective)
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
