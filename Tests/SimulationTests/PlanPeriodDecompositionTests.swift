import CorridorTestSupport
import FlowFormulation
import Foundation
import FreightNetwork
import GLPK
import LinearProgramming
import Scenarios
import Testing

@testable import Simulation

/// Seasonal plans by branch-and-bound over the projects with each LP by the period decomposition
/// (``PeriodBranchAndBound``, the default) against GLPK's branch-and-cut on the whole MIP (`--method arc`):
/// the same portfolio and optimum, and the same re-solves.
@Suite("Seasonal plans by decomposition: the whole MIP's optimum")
struct PlanPeriodDecompositionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Plans by both methods; expects the same status, portfolio and objectives (1e-7 relative), re-solves
    /// included.
    func expectSamePlan(
        _ scenarios: [PlanScenario], _ catalog: InvestmentCatalog, objective: PlanObjective = .expectedCost,
        values: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        var fast = Planner(solver: GLPKSolver(), valueProjects: values)
        fast.computesSensitivity = values
        var full = fast
        full.method = .arc
        let a = try fast.plan(scenarios, catalog, objective: objective)
        let b = try full.plan(scenarios, catalog, objective: objective)
        #expect(a.status == b.status, sourceLocation: sourceLocation)
        #expect(a.units == b.units, sourceLocation: sourceLocation)
        func same(_ x: Double?, _ y: Double?, _ what: String) {
            guard let x, let y else {
                #expect(x == nil && y == nil, "\(what): \(String(describing: x)) vs \(String(describing: y))", sourceLocation: sourceLocation)
                return
            }
            #expect(isClose(x, y, tolerance: 1e-7), "\(what): \(x) vs \(y)", sourceLocation: sourceLocation)
        }
        same(a.objectiveValue, b.objectiveValue, "objective")
        same(a.objectiveWithoutInvestment, b.objectiveWithoutInvestment, "without investment")
        same(a.relaxationBound, b.relaxationBound, "relaxation")
        for (p, q) in zip(a.projects, b.projects) {
            same(p.objectiveIfSwitched, q.objectiveIfSwitched, "\(p.investment.id) switched")
            #expect(p.portfolioIfSwitched == q.portfolioIfSwitched, sourceLocation: sourceLocation)
            same(p.objectiveWithOneUnitFewer, q.objectiveWithOneUnitFewer, "\(p.investment.id) one unit fewer")
        }
        let moved = (a.sensitivity?.budget ?? []) + (a.sensitivity?.discountRate ?? [])
        let movedFull = (b.sensitivity?.budget ?? []) + (b.sensitivity?.discountRate ?? [])
        #expect(moved.count == movedFull.count, sourceLocation: sourceLocation)
        for (p, q) in zip(moved, movedFull) {
            same(p.objective, q.objective, "sensitivity \(p.value)")
            #expect(p.units == q.units, sourceLocation: sourceLocation)
        }
    }

    /// The search itself on the plan's MIP: it proves an optimum (no fallback), equal to GLPK's on the whole MIP.
    func expectSearchProves(
        _ scenarios: [PlanScenario], _ catalog: InvestmentCatalog, objective: PlanObjective = .expectedCost,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let planner = Planner(solver: GLPKSolver())
        let program = try planner.program(scenarios, catalog, objective: objective)
        #expect(!program.periodBalanceRows.isEmpty, sourceLocation: sourceLocation)
        let options = planner.options.forTimeExpanded
        let search = PeriodBranchAndBound(inner: GLPKSolver(), factory: GLPKSolver(), balanceRows: program.periodBalanceRows)
        let fast = try #require(search.search(program.program, options: options), sourceLocation: sourceLocation)
        let full = try GLPKSolver().solve(program.program, options: options)
        #expect(fast.termination == .optimal, sourceLocation: sourceLocation)
        #expect(fast.log.hasPrefix("period branch-and-bound:"), sourceLocation: sourceLocation)
        #expect(program.units(fast) == program.units(full), sourceLocation: sourceLocation)
        let x = try #require(program.annualObjective(fast)), y = try #require(program.annualObjective(full))
        #expect(isClose(x, y, tolerance: 1e-7), "\(x) vs \(y)", sourceLocation: sourceLocation)
    }

    /// The hand-checked closure of ``PlanPeriodTests`` (a warehouse of up to 3 units of 50 TEU) at `budget`.
    func closurePlan(budget: Double, economics: Bool = false) throws -> ([PlanScenario], InvestmentCatalog) {
        let (network, schedule) = try PlanPeriodTests.closure()
        var catalog = PlanPeriodTests.warehouse
        catalog.budgetUSD = budget
        if economics {
            catalog.discountRate = 0.06
            catalog.investments[0].lifetimeYears = 30
            catalog.investments[0].capexUSD = 4e6
        }
        return ([PlanScenario(name: "closure", network: network, weight: 1, periods: schedule)], catalog)
    }

    @Test(
        "The hand-checked closure at every budget (general integer units), with and without economics",
        arguments: [(0.5e6, false), (1.5e6, false), (2.5e6, false), (10e6, false), (10e6, true)])
    func closures(budget: Double, economics: Bool) throws {
        let (scenarios, catalog) = try closurePlan(budget: budget, economics: economics)
        try expectSamePlan(scenarios, catalog)
        try expectSearchProves(scenarios, catalog)
    }

    /// The quarterly Caspian fixture (warehouse at Alat, Caspian winter in q4/q1) with two candidates that the
    /// budget lets in one at a time: a second yard at Alat and more ferry capacity Kuryk–Alat.
    func quarters(budget: Double) throws -> ([PlanScenario], InvestmentCatalog) {
        let path = Self.root.appendingPathComponent("Tests/CorridorEndToEndTests/Fixtures/caspian-quarters-warehouse.yaml")
        let scenario = try ScenarioLoader.load(path: path.path)
        let catalog = InvestmentCatalog(
            investments: [
                Investment(
                    id: "ALT-YARD", capexUSD: 30e6, effects: [.storage("ALT", teu: 12_000, holdingCostUSDPerTEUDay: 4.2)],
                    lifetimeYears: 30),
                Investment(
                    id: "KUR-FERRY", capexUSD: 40e6, maxUnits: 2, effects: [.linkCapacity("KUR-ALT", teu: 20_000)],
                    lifetimeYears: 25),
            ], budgetUSD: budget, discountRate: 0.06)
        return ([PlanScenario(name: "quarters", network: scenario.network, weight: 1, periods: scenario.periods)], catalog)
    }

    @Test("The quarterly Caspian fixture with a yard and ferries: the whole MIP's portfolio and optimum")
    func quarters() throws {
        let (scenarios, catalog) = try quarters(budget: 45e6)
        try expectSearchProves(scenarios, catalog)
        try expectSamePlan(scenarios, catalog, values: false)
    }

    @Test("Max throughput and worst case on the closure: the whole MIP's optimum")
    func otherObjectives() throws {
        let (scenarios, catalog) = try closurePlan(budget: 1.5e6)
        try expectSearchProves(scenarios, catalog, objective: .maxThroughput)
        try expectSearchProves(scenarios, catalog, objective: .worstCase)
    }

    @Test("A node the budget rules out is not solved; an annual scenario beside a seasonal one is a master block")
    func mixedAndBudget() throws {
        let (scenarios, catalog) = try PlanPeriodTests.mixedClosure()
        try expectSearchProves(scenarios, catalog)
        try expectSamePlan(scenarios, catalog)
        let program = try Planner(solver: GLPKSolver()).program(scenarios, catalog, objective: .expectedCost)
        let rows = PeriodBranchAndBound.integerRows(program.program)
        #expect(rows.contains(program.budgetRow.index))
        let integers = program.program.columns.indices.filter { program.program.columns[$0].isInteger }
        let over = integers.map { _ in Bounds.range(11, 11) }
        #expect(!PeriodBranchAndBound.satisfiable(rows, program: program.program, integers: integers, bounds: over))
        let within = integers.map { program.program.columns[$0].bounds }
        #expect(PeriodBranchAndBound.satisfiable(rows, program: program.program, integers: integers, bounds: within))
    }
}
