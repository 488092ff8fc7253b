public import FlowFormulation
public import FreightNetwork
import LinearProgramming

extension Planner {
    /// The scenarios' weighted annual generalised cost with `units` of each project built, USD/yr: each scenario's
    /// network with those projects applied, solved as `corridor run` solves it (min cost; with its periods if it
    /// has any), weighted by `weights` (normalised, as in the program).
    public func expectedCost(
        _ scenarios: [PlanScenario], _ catalog: InvestmentCatalog, units: [Int], weights: [Double]
    ) throws(PlanError) -> Double {
        let simulator = Simulator.planning(with: solver)
        var total = 0.0
        for (s, scenario) in scenarios.enumerated() {
            let result = try simulate(simulator, try network(scenario, catalog, units: units), scenario)
            guard let cost = result.objectiveValue else {
                let message = "scenario \(scenario.name) has no min-cost flow (\(result.status.rawValue)) with the portfolio \(units)"
                throw .solver(SolverError(backend: solver.name, code: -1, message: message))
            }
            total += weights[s] * cost
        }
        return total
    }

    /// Fills in each project's and the portfolio's ``Appraisal`` when the plan has economics.
    ///
    /// A project's annual benefit is marginal against the chosen portfolio P, held fixed (nothing re-optimised
    /// but the flows): for a chosen project, E[cost | P without it] − E[cost | P]; for another, E[cost | P] −
    /// E[cost | P with one unit of it] (exclusions are ignored: it values the network, not a feasible plan). E is
    /// ``expectedCost(_:_:units:weights:)``. At an optimum of a cost objective every chosen project that could be
    /// dropped alone has benefit ≥ annualised cost (else dropping it would lower the objective), up to the MIP gap.
    /// The portfolio's benefit is E[cost | committed only] − E[cost | P] (the scenarios' without → with).
    func appraise(_ result: inout PlanResult, _ scenarios: [PlanScenario], weights: [Double]) throws(PlanError) {
        let catalog = result.catalog
        guard catalog.hasEconomics, let rate = catalog.discountRate else { return }
        let chosen = result.units
        let withCost = result.scenarios.reduce(0) { $0 + $1.weight * ($1.with.objectiveValue ?? .nan) }
        let withoutCost = result.scenarios.reduce(0) { $0 + $1.weight * ($1.without.objectiveValue ?? .nan) }
        // The projects with a capital or running cost to appraise, each switched against the portfolio.
        let appraised = catalog.investments.indices.compactMap { i -> (index: Int, part: Appraisal.Part)? in
            guard i < result.projects.count, let part = catalog.investments[i].appraisalPart(units: max(chosen[i], 1)) else {
                return nil
            }
            return (i, part)
        }
        let planner = self
        let toggles = appraised.map { i, _ in
            var toggled = chosen
            toggled[i] = chosen[i] > 0 ? 0 : 1
            return toggled
        }
        let costs = try WorkerThreads.map(toggles.count, threads: threads) { (k: Int) throws(PlanError) -> Double in
            try planner.expectedCost(scenarios, catalog, units: toggles[k], weights: weights)
        }
        for ((i, part), cost) in zip(appraised, costs) {
            let benefit = chosen[i] > 0 ? cost - withCost : withCost - cost
            result.projects[i].appraisal = Appraisal(parts: [part], benefitUSDPerYear: benefit, discountRate: rate)
            result.projects[i].appraisedUnits = max(chosen[i], 1)
        }
        let parts = catalog.investments.enumerated().compactMap { i, investment in
            chosen[i] > investment.minUnits ? investment.appraisalPart(units: chosen[i] - investment.minUnits) : nil
        }
        if !parts.isEmpty {
            result.portfolioAppraisal = Appraisal(parts: parts, benefitUSDPerYear: withoutCost - withCost, discountRate: rate)
        }
    }
}
