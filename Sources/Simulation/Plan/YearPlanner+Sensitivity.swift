import FlowFormulation
import FreightNetwork

extension YearPlanner {
    /// The marginal values of a plan over years (``PlanSensitivity``): the whole plan re-solved with the total
    /// budget ± ``sensitivityStep`` (the budgets of single years kept), each capacity target ± the same relative
    /// step, each transit target ± ``transitStepDays`` (never below 0), and the discount rate ± ``rateStep`` (which
    /// also moves the years' discounted weights).
    /// - Parameters:
    ///   - result: The plan as solved.
    ///   - years: The plan's years.
    ///   - catalog: The candidate projects, budget and economics.
    ///   - targets: The capacity and transit targets.
    /// - Returns: The re-solves; their objectives are discounted totals in USD, without shortfall penalties.
    func sensitivity(
        of result: YearPlanResult, _ years: [YearProgram.Year], _ catalog: InvestmentCatalog, targets: [PlanTarget]
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
            switch target {
            case .capacity(let capacity):
                for factor in [1 - sensitivityStep, 1 + sensitivityStep] {
                    var moved = capacity
                    moved.minimumTEU = capacity.minimumTEU * factor
                    let solved = try nested.plan(years, catalog, targets: Self.replacing(targets, at: k, with: .capacity(moved)))
                    row.append(Self.resolve(solved, .target(k), from: capacity.minimumTEU, to: moved.minimumTEU))
                }
            case .transit(let transit):
                // Looser first, then tighter, as the capacity targets' −step, +step (a tighter target is fewer days).
                for days in [transit.maxDays + transitStepDays, transit.maxDays - transitStepDays] where days > 0 {
                    var moved = transit
                    moved.maxDays = days
                    let solved = try nested.plan(years, catalog, targets: Self.replacing(targets, at: k, with: .transit(moved)))
                    row.append(Self.resolve(solved, .transitTarget(k), from: transit.maxDays, to: days))
                }
            }
            sensitivity.targets.append(row)
        }
        if !result.missed.isEmpty {
            var unlimited = catalog
            unlimited.budgetUSD = catalog.investments.reduce(0) { $0 + $1.capexUSD * Double($1.maxUnits) }
            var free = years
            for t in free.indices { free[t].year.budgetUSD = nil }
            let solved = try nested.plan(free, unlimited, targets: targets)
            sensitivity.unlimitedBudget = Self.resolve(solved, .budget, from: catalog.budgetUSD, to: unlimited.budgetUSD)
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

    /// `targets` with the one at `k` replaced by `target`.
    static func replacing(_ targets: [PlanTarget], at k: Int, with target: PlanTarget) -> [PlanTarget] {
        var moved = targets
        moved[k] = target
        return moved
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
        entry.overTEUDays = solved.targets.reduce(0) { $0 + $1.overTEUDays }
        entry.missed = solved.missed.count
        for t in solved.missed where !entry.missedTargets.contains(t.target.label) { entry.missedTargets.append(t.target.label) }
        entry.capexUSD = found ? solved.capexUSD : nil
        return entry
    }
}
