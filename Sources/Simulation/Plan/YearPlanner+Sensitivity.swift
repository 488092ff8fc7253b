import FlowFormulation
import FreightNetwork

extension YearPlanner {
    /// The marginal values of a plan over years (``PlanSensitivity``): the whole plan re-solved with the total
    /// budget ± ``sensitivityStep`` (the budgets of single years kept), each target's capacity ± the same relative
    /// step, and the discount rate ± ``rateStep`` (which also moves the years' discounted weights).
    /// - Parameters:
    ///   - result: The plan as solved.
    ///   - years: The plan's years.
    ///   - catalog: The candidate projects, budget and economics.
    ///   - targets: The capacity targets.
    /// - Returns: The re-solves; their objectives are discounted totals in USD, without shortfall penalties.
    func sensitivity(
        of result: YearPlanResult, _ years: [YearProgram.Year], _ catalog: InvestmentCatalog, targets: [CapacityTarget]
    ) throws(PlanError) -> PlanSensitivity {
        var nested = self
        nested.computesSensitivity = false
        var sensitivity = PlanSensitivity(step: sensitivityStep, rateStep: rateStep)
        for factor in [1 - sensitivityStep, 1 + sensitivityStep] {
            var moved = catalog
            moved.budgetUSD *= factor
            let solved = try nested.plan(years, moved, targets: targets)
            sensitivity.budget.append(Self.resolve(solved, .budget, from: catalog.budgetUSD, to: moved.budgetUSD))
        }
        for (k, target) in targets.enumerated() {
            var row: [PlanSensitivity.Resolve] = []
            for factor in [1 - sensitivityStep, 1 + sensitivityStep] {
                var moved = targets
                moved[k].minimumTEU = target.minimumTEU * factor
                let solved = try nested.plan(years, catalog, targets: moved)
                row.append(Self.resolve(solved, .target(k), from: target.minimumTEU, to: moved[k].minimumTEU))
            }
            sensitivity.targets.append(row)
        }
        if let rate = catalog.discountRate {
            for moved in PlanSensitivity.rates(around: rate, step: rateStep) {
                var other = catalog
                other.discountRate = moved
                let solved = try nested.plan(years, other, targets: targets)
                sensitivity.discountRate.append(Self.resolve(solved, .discountRate, from: rate, to: moved))
            }
        }
        return sensitivity
    }

    /// One re-solve as a ``PlanSensitivity/Resolve``.
    static func resolve(_ solved: YearPlanResult, _ parameter: PlanSensitivity.Parameter, from base: Double, to value: Double)
        -> PlanSensitivity.Resolve
    {
        let found = solved.objectiveValue != nil
        var entry = PlanSensitivity.Resolve(
            parameter: parameter, baseValue: base, value: value, status: solved.status, objective: solved.objectiveValue,
            units: found ? solved.projects.map(\.units) : nil)
        entry.buildYears = found ? solved.projects.map(\.buildYear) : nil
        entry.objectiveWithoutInvestment = solved.objectiveWithoutInvestment
        entry.shortfallTEU = solved.targets.reduce(0) { $0 + $1.shortfallTEU }
        return entry
    }
}
