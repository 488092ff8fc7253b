import CorridorTestSupport
import FlowFormulation
import FreightNetwork
import GLPK
import LinearProgramming
import Simulation
import Testing

/// The marginal values of `corridor plan` (``PlanSensitivity``): budget, target and discount rate re-solved by
/// GLPK, against hand-computed optima.
@Suite("Plan sensitivity (re-solves)")
struct PlanSensitivityTests {
    let solver = GLPKSolver()

    /// ``PlanEconomicsTests/instance(discountRate:)`` at 4 % with a budget of USD 11,000 (GOOD + SMALL just fit).
    /// CRF(4 %, 30) = 0.0578301: GOOD (saves 1,000/yr) costs 578.30/yr and is built, SMALL (saves 50/yr) costs
    /// 57.83/yr and is not. Objective 1,150 + 578.30 = USD 1,728.30/yr.
    @Test("Budget −10 % leaves out GOOD: the objective rises to 2,150, USD 421.70/yr for USD 1,100 less; +10 % changes nothing")
    func budget() throws {
        var (scenarios, catalog) = try PlanEconomicsTests.instance(discountRate: 0.04)
        catalog.budgetUSD = 11_000
        let plan = try Planner(solver: solver, options: SolveOptions(mipGap: 0)).plan(scenarios, catalog, objective: .expectedCost)
        #expect(plan.units == [1, 0])
        let base = try #require(plan.objectiveValue)
        #expect(isClose(base, 1_728.300991, tolerance: 1e-8))
        let budget = try #require(plan.sensitivity?.budget)
        #expect(isClose(budget[0].value, 9_900) && isClose(budget[1].value, 12_100))
        // 9,900: GOOD (10,000) does not fit; SMALL alone (2,100 + 57.83 = 2,157.83) is worse than nothing (2,150).
        #expect(budget[0].units == [0, 0])
        #expect(isClose(try #require(budget[0].objective), 2_150, tolerance: 1e-9))
        #expect(isClose(try #require(budget[0].slope(from: base)), 421.699009 / -1_100, tolerance: 1e-7))
        #expect(budget[1].units == [1, 0])
        #expect(abs(try #require(budget[1].slope(from: base))) < 1e-9)
        #expect(plan.objectiveWithMoreBudget == budget[1].objective)
    }

    @Test("Project values, appraisals and sensitivity re-solves are the same on 1 and 3 threads")
    func threads() throws {
        let (scenarios, catalog) = try PlanEconomicsTests.instance(discountRate: 0.04)
        var planner = Planner(solver: solver, options: SolveOptions(mipGap: 0))
        let one = try planner.plan(scenarios, catalog, objective: .expectedCost)
        planner.threads = 3
        let three = try planner.plan(scenarios, catalog, objective: .expectedCost)
        #expect(one.units == three.units && one.objectiveValue == three.objectiveValue)
        #expect(one.projects.count == 2 && one.projects.count == three.projects.count)
        for (a, b) in zip(one.projects, three.projects) {
            #expect(a.objectiveIfSwitched != nil && a.objectiveIfSwitched == b.objectiveIfSwitched)
            #expect(a.appraisal != nil && a.appraisal == b.appraisal)
        }
        let (s1, s3) = (try #require(one.sensitivity), try #require(three.sensitivity))
        #expect(s1.budget.map(\.objective) == s3.budget.map(\.objective) && s1.budget.count == 2)
        #expect(s1.discountRate.map(\.objective) == s3.discountRate.map(\.objective) && s1.discountRate.count == 2)
        #expect(s1.discountRate.map(\.units) == s3.discountRate.map(\.units))
    }

    /// At 2 %, CRF(2 %, 30) = 0.0446499: SMALL costs 44.65/yr < 50 saved, so both are built: 1,100 + 11,000 × 0.0446499
    /// = USD 1,591.15/yr; at 6 % (CRF 0.0726489) GOOD alone: 1,150 + 726.49 = USD 1,876.49/yr.
    @Test("Discount rate ±2 pp re-solves with the annuity computed by hand; at 2 % the portfolio changes")
    func discountRate() throws {
        var (scenarios, catalog) = try PlanEconomicsTests.instance(discountRate: 0.04)
        catalog.budgetUSD = 11_000
        let plan = try Planner(solver: solver, options: SolveOptions(mipGap: 0)).plan(scenarios, catalog, objective: .expectedCost)
        let rates = try #require(plan.sensitivity?.discountRate)
        #expect(rates.count == 2)
        #expect(isClose(rates[0].value, 0.02, tolerance: 1e-12) && isClose(rates[1].value, 0.06, tolerance: 1e-12))
        #expect(rates[0].units == [1, 1])
        #expect(isClose(try #require(rates[0].objective), 1_100 + 11_000 * 0.044649922, tolerance: 1e-8))
        #expect(rates[1].units == [1, 0])
        #expect(isClose(try #require(rates[1].objective), 1_876.489115, tolerance: 1e-8))
        // Both at 2 %: benefit 2,150 − 1,100 = 1,050/yr × annuity factor 22.396456 − 11,000 = NPV 12,516.28.
        let both = try #require(rates[0].appraisal)
        #expect(isClose(both.netPresentValueUSD, 12_516.278329, tolerance: 1e-8))
        #expect(isClose(try #require(both.benefitCostRatio), 2.137843, tolerance: 1e-6))
        // The plan's own portfolio (GOOD) at 2 %: 1,000 × 22.396456 − 10,000 = 12,396.46.
        #expect(isClose(try #require(rates[0].chosenAppraisal).netPresentValueUSD, 12_396.455551, tolerance: 1e-8))
        // GOOD at 6 %: 1,000 × 13.764831 − 10,000 = 3,764.83.
        #expect(isClose(try #require(rates[1].appraisal).netPresentValueUSD, 3_764.831151, tolerance: 1e-8))
    }

    @Test("Discount rate 0: only the rate above is re-solved")
    func rateAtZero() {
        #expect(PlanSensitivity.rates(around: 0, step: 0.02) == [0.02])
        #expect(PlanSensitivity.rates(around: 0.01, step: 0.02) == [0, 0.03])
    }

    /// ``YearPlanTests/targetForcesProject()`` with the target at 70: X (lead 1, +30) started in 2026 meets it in 2027.
    /// At 77 (+10 %) Y (no lead time, +30, capex 3,000) must be built too in 2027: 3,000 × CRF(6 %, 20) / 1.06² more.
    @Test("A target +10 % that needs a second project costs its discounted annualised capex; −10 % costs nothing")
    func yearTarget() throws {
        let catalog = YearPlanTests().xy(budget: 10_000)
        let planner = YearPlanner(solver: solver)
        let target = PlanTarget.capacity(CapacityTarget(corridor: "middle", tags: ["middle"], minimumTEU: 70, byYear: 2027))
        let years = try planner.years(try YearPlanTests().years(seaCost: 5, growth: [1, 1, 1]), targets: [target])
        let result = try planner.plan(years, catalog, targets: [target])
        #expect(result.projects.map(\.buildYear) == [2026, nil])
        let base = try #require(result.objectiveValue)
        let row = try #require(result.sensitivity?.targets.first)
        #expect(row.map(\.value) == [63, 77])
        #expect(row[0].buildYears == [2026, nil])
        #expect(abs(try #require(row[0].slope(from: base))) < 1e-9)
        #expect(row[1].buildYears == [2026, 2027])
        let extra = 3_000 * Appraisal.capitalRecoveryFactor(rate: 0.06, years: 20) / (1.06 * 1.06)
        #expect(isClose(try #require(row[1].objective) - base, extra, tolerance: 1e-9))
        #expect(isClose(try #require(row[1].slope(from: base)), extra / 7, tolerance: 1e-9))
        // The discount rate moves the weights and the annuity: X in 2026 costs 1,000 × CRF(r, 20) in 2026 and 2027.
        for entry in try #require(result.sensitivity?.discountRate) {
            let r = entry.value
            let capital = 1_000 * Appraisal.capitalRecoveryFactor(rate: r, years: 20) * (1 / (1 + r) + 1 / ((1 + r) * (1 + r)))
            #expect(entry.buildYears == [2026, nil])
            #expect(isClose(try #require(entry.objective), try #require(entry.objectiveWithoutInvestment) + capital, tolerance: 1e-9))
        }
    }
}
