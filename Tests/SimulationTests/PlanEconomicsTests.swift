import CorridorTestSupport
import FlowFormulation
import FreightNetwork
import GLPK
import LinearProgramming
import Simulation
import Testing

/// `corridor plan` with economics: annualised capex and opex in the objective, solved by GLPK.
@Suite("Investment plans with economics (MIP)")
struct PlanEconomicsTests {
    typealias F = Fixtures
    let solver = GLPKSolver()

    /// Two separate flows, each with a cheap capped link and a dearer detour (value of time 0):
    ///   A→Z 100 TEU: A-Z USD 10/TEU for 50 TEU, else A-B-Z USD 30/TEU;
    ///   C→Y  10 TEU: C-Y USD 10/TEU for 5 TEU,  else C-D-Y USD 20/TEU.
    /// Nothing built: 50×10 + 50×30 + 5×10 + 5×20 = USD 2,150/yr.
    /// GOOD (+50 TEU on A-Z, capex 10,000, 30 yr) saves 50 × 20 = USD 1,000/yr; at 6 % its annualised cost is
    /// 10,000 × 0.0726489 = USD 726.49/yr. SMALL (+5 TEU on C-Y, capex 1,000, 30 yr) saves 5 × 10 = USD 50/yr
    /// against 1,000 × 0.0726489 = USD 72.65/yr.
    /// Objective of each portfolio: none 2,150; GOOD 1,150 + 726.49 = 1,876.49; SMALL 2,100 + 72.65 = 2,172.65;
    /// both 1,100 + 799.14 = 1,899.14. The optimum builds GOOD only: USD 1,876.49/yr.
    static func instance(discountRate: Double?) throws -> ([PlanScenario], InvestmentCatalog) {
        let links = [
            F.link("A", "Z", cost: 10, capacity: 50), F.link("A", "B", cost: 20), F.link("B", "Z", cost: 10),
            F.link("C", "Y", cost: 10, capacity: 5), F.link("C", "D", cost: 10), F.link("D", "Y", cost: 10),
        ]
        let demands = [F.demand("A", "Z", teu: 100), F.demand("C", "Y", teu: 10)]
        let network = try F.network(links: links, demands: demands)
        let catalog = InvestmentCatalog(
            investments: [
                Investment(id: "GOOD", capexUSD: 10_000, effects: [.linkCapacity("A-Z", teu: 50)], lifetimeYears: 30),
                Investment(id: "SMALL", capexUSD: 1_000, effects: [.linkCapacity("C-Y", teu: 5)], lifetimeYears: 30),
            ],
            budgetUSD: 1e6, discountRate: discountRate)
        return ([PlanScenario(name: "only", network: network, weight: 1)], catalog)
    }

    @Test("A project saving less than its annualised cost is not built; one saving more is (hand-checked optimum)",
          arguments: [PlanObjective.expectedCost, .worstCase])
    func buildsOnlyWhatEarnsItsCapital(objective: PlanObjective) throws {
        let (scenarios, catalog) = try Self.instance(discountRate: 0.06)
        let planner = Planner(solver: solver, options: SolveOptions(mipGap: 0))
        let solved = try planner.solve(scenarios, catalog, objective: objective)
        #expect(solved.solution.termination == .optimal)
        #expect(solved.units == [1, 0])
        #expect(isClose(try #require(solved.program.annualObjective(solved.solution)), 1_876.489115, tolerance: 1e-7))
        #expect(isClose(solved.program.annualisedCost(solved.solution), 726.489115, tolerance: 1e-7))
    }

    @Test("Without a discount rate capex enters only the budget row: both projects are built (USD 1,100/yr)")
    func withoutEconomics() throws {
        let (scenarios, catalog) = try Self.instance(discountRate: nil)
        #expect(!catalog.hasEconomics)
        let solved = try Planner(solver: solver, options: SolveOptions(mipGap: 0)).solve(scenarios, catalog, objective: .expectedCost)
        #expect(solved.units == [1, 1])
        #expect(isClose(try #require(solved.program.annualObjective(solved.solution)), 1_100, tolerance: 1e-9))
        #expect(solved.program.annualisedCost(solved.solution) == 0)
    }

    @Test("Max throughput counts TEU: the annualised cost is not in its objective")
    func throughputIgnoresCost() throws {
        let (scenarios, catalog) = try Self.instance(discountRate: 0.06)
        let program = try Planner(solver: solver).program(scenarios, catalog, objective: .maxThroughput)
        #expect(program.annualisedCostPerUnit(0) == 0)
        let cost = try Planner(solver: solver).program(scenarios, catalog, objective: .expectedCost)
        #expect(isClose(cost.annualisedCostPerUnit(0), 726.489115, tolerance: 1e-7))
    }

    @Test("The plan appraises each project against the portfolio and the portfolio against nothing built")
    func appraisals() throws {
        let (scenarios, catalog) = try Self.instance(discountRate: 0.06)
        let plan = try Planner(solver: solver, options: SolveOptions(mipGap: 0)).plan(scenarios, catalog, objective: .expectedCost)
        #expect(plan.units == [1, 0])
        let good = try #require(plan.projects[0].appraisal)
        // GOOD: dropping it from {GOOD} costs 2,150 − 1,150 = 1,000/yr; BCR = 1,000 / 726.489 = 1.376483;
        // NPV = 1,000 × 13.764831 − 10,000 = 3,764.83.
        #expect(isClose(good.benefitUSDPerYear, 1_000, tolerance: 1e-9))
        #expect(isClose(try #require(good.benefitCostRatio), 1.376483, tolerance: 1e-6))
        #expect(isClose(good.netPresentValueUSD, 3_764.831151, tolerance: 1e-8))
        #expect(isClose(try #require(good.paybackYears), 10, tolerance: 1e-9))
        // SMALL (not chosen): one unit added to {GOOD} saves 50/yr; NPV = 50 × 13.764831 − 1,000 = −311.758.
        let small = try #require(plan.projects[1].appraisal)
        #expect(plan.projects[1].appraisedUnits == 1)
        #expect(isClose(small.benefitUSDPerYear, 50, tolerance: 1e-9))
        #expect(isClose(small.netPresentValueUSD, -311.758442, tolerance: 1e-8))
        #expect(try #require(small.benefitCostRatio) < 1)
        // The portfolio: 2,150 → 1,150, the one project's figures.
        let portfolio = try #require(plan.portfolioAppraisal)
        #expect(isClose(portfolio.benefitUSDPerYear, 1_000, tolerance: 1e-9))
        #expect(isClose(portfolio.netPresentValueUSD, good.netPresentValueUSD, tolerance: 1e-9))
        #expect(isClose(try #require(plan.annualisedCostUSD), 726.489115, tolerance: 1e-7))
    }

    @Test("With economics the MIP's optimum equals enumeration of every portfolio (generalised cost + annualised cost)")
    func matchesEnumeration() throws {
        var changed = false
        for seed in UInt64(1)...6 {
            var (scenarios, catalog) = try PlanTests.instance(seed: seed)
            // Capex × 50 so that the annualised cost (about 7 % of it a year at 6 % over 30 years) weighs.
            for i in catalog.investments.indices {
                catalog.investments[i].capexUSD *= 50
                catalog.investments[i].lifetimeYears = 20 + 5 * i
                catalog.investments[i].opexUSDPerYear = Double(i)
            }
            catalog.budgetUSD *= 50
            var planner = Planner(solver: solver, options: SolveOptions(mipGap: 0))
            planner.reference = scenarios[0].network
            let plain = try planner.solve(scenarios, catalog, objective: .expectedCost)
            catalog.discountRate = 0.06
            let solved = try planner.solve(scenarios, catalog, objective: .expectedCost)
            #expect(solved.solution.termination == .optimal)
            let mip = try #require(solved.program.annualObjective(solved.solution))
            var best = Double.infinity
            for units in PlanTests.portfolios(catalog) {
                let generalised = try PlanTests().evaluate(units, scenarios, catalog, .expectedCost)
                let annualised = units.indices.reduce(0) { $0 + catalog.annualisedCostUSDPerUnit($1) * Double(units[$1]) }
                best = min(best, generalised + annualised)
            }
            #expect(isClose(mip, best, tolerance: 1e-6), "seed \(seed): MIP \(mip), enumeration \(best)")
            if plain.units != solved.units { changed = true }
        }
        // The annualised cost changes the choice on at least one instance.
        #expect(changed)
    }
}
