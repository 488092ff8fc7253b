import CorridorTestSupport
import FlowFormulation
import FreightNetwork
import GLPK
import LinearProgramming
import Simulation
import Testing

/// `corridor plan` over years (``YearProgram``): build years, lead times, budgets and capacity targets, solved
/// by GLPK and checked against every build schedule evaluated without the MIP.
@Suite("Investment plans over years (MIP)")
struct YearPlanTests {
    typealias F = Fixtures
    let solver = GLPKSolver()

    /// A → Z: a middle link of 40 TEU/yr at USD 10/TEU, or the sea at `seaCost` (unlimited); 100 TEU/yr in the
    /// first year, grown by `growth` per year.
    func years(seaCost: Double, growth: [Double], first: Int = 2025, perYearBudget: [Double?]? = nil) throws -> [(year: PlanYear, scenario: PlanScenario)] {
        let network = try F.network(
            links: [
                F.link("A", "Z", cost: 10, capacity: 40, corridor: "middle", id: "MID"),
                F.link("A", "S", cost: seaCost / 2, corridor: "sea", mode: .sea),
                F.link("S", "Z", cost: seaCost / 2, corridor: "sea", mode: .sea),
            ],
            demands: [F.demand("A", "Z", teu: 100)])
        return growth.enumerated().map { t, factor in
            (PlanYear(year: first + t, demandGrowth: factor, budgetUSD: perYearBudget?[t]),
             PlanScenario(name: "y\(first + t)", network: network, weight: 1))
        }
    }

    /// X: +30 TEU/yr on the middle link, capex 1,000, lead 1 year; Y: the same for 3,000 with no lead time.
    func xy(budget: Double) -> InvestmentCatalog {
        InvestmentCatalog(
            investments: [project("X", teu: 30, capex: 1_000, life: 20, lead: 1), project("Y", teu: 30, capex: 3_000, life: 20, lead: 0)],
            budgetUSD: budget, discountRate: 0.06)
    }

    func project(_ id: String, teu: Double, capex: Double, life: Int, opex: Double = 0, lead: Double?, maxUnits: Int = 1) -> Investment {
        Investment(id: id, capexUSD: capex, maxUnits: maxUnits, effects: [.linkCapacity(Link.ID("MID"), teu: teu)], lifetimeYears: life,
                   opexUSDPerYear: opex, leadTimeYears: lead)
    }

    /// The discounted cost of one build schedule (`started[i][s]`: units of project i started in year s),
    /// evaluated without the MIP: each year's network with the units in service applied and solved by
    /// `corridor run`'s min-cost flow, plus annualised capex from the build year on and opex from the year in
    /// service. Nil when the schedule breaks a budget, a `requires` (in some year a project serves without what
    /// it requires) or an `excludes` (both ever built).
    func evaluate(_ started: [[Int]], _ plan: [YearProgram.Year], _ catalog: InvestmentCatalog) throws -> Double? {
        let rate = try #require(catalog.discountRate)
        let investments = catalog.investments
        let capex = zip(investments, started).reduce(0) { $0 + $1.0.capexUSD * Double($1.1.reduce(0, +)) }
        guard capex <= catalog.budgetUSD * (1 + 1e-12) else { return nil }
        let ever = started.map { $0.reduce(0, +) > 0 }
        for (i, investment) in investments.enumerated() {
            if ever[i] && investment.excludes.contains(where: { id in catalog.index(of: id).map { ever[$0] } ?? false }) { return nil }
        }
        var total = 0.0
        for (t, year) in plan.enumerated() {
            let spent = zip(investments, started).reduce(0) { $0 + $1.0.capexUSD * Double($1.1[t]) }
            if let budget = year.year.budgetUSD, spent > budget * (1 + 1e-12) { return nil }
            var yearCost = 0.0
            let units = investments.indices.map { i in
                (0...t).reduce(0) { served, s in
                    Double(plan[s].year.year) + (investments[i].leadTimeYears ?? 0) <= Double(year.year.year) ? served + started[i][s] : served
                }
            }
            for (i, investment) in investments.enumerated() {
                let owned = started[i][...t].reduce(0, +)
                yearCost += Double(owned) * investment.capexUSD * Appraisal.capitalRecoveryFactor(rate: rate, years: investment.lifetimeYears ?? 1)
                yearCost += Double(units[i]) * investment.opexUSDPerYear
                if units[i] > 0 && investment.requires.contains(where: { id in catalog.index(of: id).map { units[$0] == 0 } ?? true }) {
                    return nil
                }
            }
            let network = try InvestmentProgram.apply(units, of: catalog, to: year.scenario.network)
            let run = try Simulator(solver: solver).run(network, scenario: year.scenario.name)
            yearCost += try #require(run.objectiveValue)
            total += year.year.discountedWeight(rate: rate, firstYear: plan[0].year.year) * yearCost
        }
        return total
    }

    /// Every build schedule of the catalog over `years` years: per project, every way to start at most its
    /// `maxUnits` units (`[i][s]`).
    func schedules(_ catalog: InvestmentCatalog, years: Int) -> [[[Int]]] {
        func starts(_ units: Int, _ years: Int) -> [[Int]] {
            guard years > 0 else { return [[]] }
            return (0...units).flatMap { first in starts(units - first, years - 1).map { [first] + $0 } }
        }
        var all: [[[Int]]] = [[]]
        for investment in catalog.investments {
            all = all.flatMap { partial in starts(investment.maxUnits, years).map { partial + [$0] } }
        }
        return all
    }

    /// The MIP's optimum over `plan` against the best of every schedule evaluated by ``evaluate(_:_:_:)``.
    func checkAgainstBruteForce(_ plan: [YearProgram.Year], _ catalog: InvestmentCatalog) throws -> YearPlanResult {
        let result = try YearPlanner(solver: solver, options: SolveOptions(mipGap: 0)).plan(plan, catalog, targets: [])
        #expect(result.status == .optimal)
        var best: (cost: Double, schedule: [[Int]])?
        for schedule in schedules(catalog, years: plan.count) {
            guard let cost = try evaluate(schedule, plan, catalog) else { continue }
            if best == nil || cost < best!.cost - 1e-9 { best = (cost, schedule) }
        }
        let optimum = try #require(best)
        let value = try #require(result.objectiveValue)
        #expect(isClose(value, optimum.cost, tolerance: 1e-9), "MIP \(value), brute force \(optimum.cost) with \(optimum.schedule)")
        // The MIP's own schedule, evaluated the same way, costs the optimum; the years' figures add up to it.
        #expect(isClose(try #require(try evaluate(result.projects.map(\.unitsByYear), plan, catalog)), optimum.cost, tolerance: 1e-9))
        #expect(isClose(result.years.reduce(0) { $0 + $1.discountedWeight * $1.totalUSD }, value, tolerance: 1e-9))
        return result
    }

    @Test("Three projects over three years with lead times and a per-year budget: the MIP's optimum equals the best of all 64 build schedules")
    func bruteForce() throws {
        // Middle saves USD 30/TEU against the sea (40 - 10); demand 100, 120, 150 TEU/yr.
        let catalog = InvestmentCatalog(
            investments: [
                project("P", teu: 30, capex: 2_000, life: 20, opex: 20, lead: 1),
                project("Q", teu: 20, capex: 3_000, life: 10, lead: 0),
                project("R", teu: 50, capex: 9_000, life: 30, opex: 50, lead: 2),
            ],
            budgetUSD: 12_000, discountRate: 0.06)
        let planner = YearPlanner(solver: solver)
        let plan = try planner.years(try years(seaCost: 40, growth: [1, 1.2, 1.5], perYearBudget: [2_500, nil, nil]), targets: [])
        let result = try checkAgainstBruteForce(plan, catalog)
        // Timing matters here: the optimum builds something, and not everything in the first year.
        let chosen = result.projects.map(\.buildYear)
        #expect(chosen != [2025, 2025, 2025] && chosen.contains { $0 != nil })
    }

    @Test("Units started in different years, requires and excludes: the MIP's optimum equals the best of all 320 build schedules")
    func bruteForceUnits() throws {
        // F: up to 3 units of +10 TEU/yr (a ferry each); G requires F in service; H excludes G.
        var g = project("G", teu: 25, capex: 1_500, life: 15, lead: 0)
        g.requires = ["F"]
        var h = project("H", teu: 25, capex: 2_500, life: 40, opex: 10, lead: 1)
        h.excludes = ["G"]
        let catalog = InvestmentCatalog(
            investments: [project("F", teu: 10, capex: 600, life: 25, opex: 15, lead: 1, maxUnits: 3), g, h],
            budgetUSD: 4_000, discountRate: 0.06)
        let planner = YearPlanner(solver: solver)
        let plan = try planner.years(try years(seaCost: 40, growth: [1, 1.3, 1.6], perYearBudget: [700, 2_200, nil]), targets: [])
        #expect(schedules(catalog, years: 3).count == 20 * 4 * 4)
        let result = try checkAgainstBruteForce(plan, catalog)
        // The per-year budgets (700, then 2,200) spread F's units over two years: the best schedule (equal to the
        // brute force's above) starts units of F in more than one year.
        #expect(result.projects[0].unitsByYear.filter { $0 > 0 }.count > 1, "\(result.projects.map(\.unitsByYear))")
    }

    @Test("A capacity target forces a project nothing else would build: X (lead 1) in 2026 for middle ≥ 60 by 2027")
    func targetForcesProject() throws {
        // The sea is cheaper than the middle link: no project saves anything.
        let catalog = xy(budget: 10_000)
        let planner = YearPlanner(solver: solver)
        let entries = try years(seaCost: 5, growth: [1, 1, 1])
        let free = try planner.plan(try planner.years(entries, targets: []), catalog, targets: [])
        #expect(free.projects.map(\.buildYear) == [nil, nil])
        let target = PlanTarget.capacity(CapacityTarget(corridor: "middle", tags: ["middle"], minimumTEU: 60, byYear: 2027))
        let result = try planner.plan(try planner.years(entries, targets: [target]), catalog, targets: [target])
        // X in 2026 (in service 2027) costs 1,000 × CRF(6 %, 20) = 87.18/yr in 2026 and 2027 (weights 0.943, 0.890):
        // 159.8; Y in 2027 costs 3,000 × 0.08718 × 0.890 = 232.8; X in 2025 adds 2025's 87.18.
        #expect(result.projects.map(\.buildYear) == [2026, nil])
        #expect(result.projects.map(\.inServiceYear) == [2027, nil])
        #expect(result.targets.count == 1, "the target holds in 2027 only")
        let outcome = try #require(result.targets.first)
        #expect(outcome.year == 2027 && outcome.met && outcome.capacityTEU == 70)
        let crf = Appraisal.capitalRecoveryFactor(rate: 0.06, years: 20)
        let expected = try #require(free.objectiveValue) + 1_000 * crf * (1 / 1.06 + 1 / (1.06 * 1.06))
        #expect(isClose(try #require(result.objectiveValue), expected, tolerance: 1e-9))
    }

    @Test("A target the budget cannot meet is reported with its shortfall: middle ≥ 200 with one project affordable reaches 70, 130 short")
    func infeasibleTarget() throws {
        let catalog = xy(budget: 3_500)
        let planner = YearPlanner(solver: solver)
        let target = PlanTarget.capacity(CapacityTarget(corridor: "middle", tags: ["middle"], minimumTEU: 200, byYear: 2026))
        let result = try planner.plan(try planner.years(try years(seaCost: 5, growth: [1, 1, 1]), targets: [target]), catalog,
                                      targets: [target])
        #expect(result.status == .optimal, "a missed target is an outcome, not an infeasible MIP")
        #expect(result.missed.map(\.year) == [2026, 2027])
        // One project fits USD 3,500: 70 in 2026 and 2027, 130 short each year; X started in 2025 (lead 1) is in
        // service in 2026 and costs a third of Y.
        #expect(result.missed.map(\.shortfallTEU) == [130, 130])
        #expect(result.missed.map(\.capacityTEU) == [70, 70])
        #expect(result.projects.map(\.buildYear) == [2025, nil])
        #expect(result.missed.first?.target.label == "middle capacity >= 200 TEU/yr by 2026")
        #expect(result.shortfallPenaltyUSD == 260 * YearProgram.shortfallPenaltyUSDPerTEU)
    }
}
