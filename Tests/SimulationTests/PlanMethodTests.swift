import CorridorTestSupport
import FlowFormulation
import FreightNetwork
import GLPK
import LinearProgramming
import Testing

@testable import Simulation

/// ``PlanResult/method``: which method produced a plan, and how many of its programs the seasonal
/// branch-and-bound solved and how many fell back to GLPK's whole MIP.
@Suite("Plan method: decomposition, arc and fallbacks counted")
struct PlanMethodTests {
    /// The hand-checked closure (a warehouse of up to 3 units of 50 TEU) at a USD 2.5 m budget: 2 units.
    func closure() throws -> ([PlanScenario], InvestmentCatalog) {
        let (network, schedule) = try PlanPeriodTests.closure()
        var catalog = PlanPeriodTests.warehouse
        catalog.budgetUSD = 2.5e6
        return ([PlanScenario(name: "closure", network: network, weight: 1, periods: schedule)], catalog)
    }

    /// The programs of the closure's plan: the MIP, its relaxation, the plan without projects, the yard forced
    /// out and with one unit fewer, and the budget ±10 %.
    static let closureSolves = 7

    @Test("A seasonal plan: every program by branch-and-bound with period decomposition, none falls back")
    func decomposition() throws {
        let (scenarios, catalog) = try closure()
        let plan = try Planner(solver: GLPKSolver()).plan(scenarios, catalog, objective: .expectedCost)
        #expect(plan.units == [2])
        #expect(plan.method.kind == .periodBranchAndBound)
        #expect(plan.method.kind.rawValue == "branch-and-bound with period decomposition")
        #expect(plan.method.solves == Self.closureSolves)
        #expect(plan.method.decompositionSolves == Self.closureSolves)
        #expect(plan.method.fallbacks == 0)
        // Each search solves its root at least; the plan's MIP branches on the fractional yard.
        #expect(plan.method.nodes > Self.closureSolves)
    }

    @Test("--method arc: every program whole by GLPK, no search, the same plan")
    func arc() throws {
        let (scenarios, catalog) = try closure()
        var planner = Planner(solver: GLPKSolver())
        planner.method = .arc
        let plan = try planner.plan(scenarios, catalog, objective: .expectedCost)
        #expect(plan.units == [2])
        #expect(plan.method == PlanMethod(kind: .arc, solves: Self.closureSolves))
        #expect(!plan.method.triedDecomposition)
    }

    @Test("A search that proves nothing (node limit 1) falls back to the whole MIP, counted; the plan is the same")
    func fallbacks() throws {
        let (scenarios, catalog) = try closure()
        var planner = Planner(solver: GLPKSolver())
        planner.nodeLimit = 1
        let plan = try planner.plan(scenarios, catalog, objective: .expectedCost)
        #expect(plan.units == [2])
        #expect(isClose(plan.objectiveValue ?? .nan, 24_250, tolerance: 1e-7))
        // The MIPs whose root is fractional need a second node and fall back, the plan's own among them; the
        // LPs (the relaxation, the plan without projects) and integral roots do not.
        #expect(plan.method.kind == .arc)
        #expect(plan.method.solves == Self.closureSolves)
        #expect(plan.method.fallbacks >= 1)
        #expect(plan.method.decompositionSolves >= 2)
        #expect(plan.method.decompositionSolves + plan.method.fallbacks == Self.closureSolves)
        #expect(plan.method.nodes == plan.method.decompositionSolves)
    }

    @Test("An annual plan is solved whole: arc, no search")
    func annual() throws {
        let (network, _) = try PlanPeriodTests.closure()
        var catalog = PlanPeriodTests.warehouse
        catalog.budgetUSD = 2.5e6
        let plan = try Planner(solver: GLPKSolver())
            .plan([PlanScenario(name: "annual", network: network, weight: 1)], catalog, objective: .expectedCost)
        #expect(plan.method.kind == .arc)
        #expect(plan.method.solves > 0)
        #expect(!plan.method.triedDecomposition)
    }

    @Test("The search counts its nodes, and none when it falls back")
    func searchCounts() throws {
        let (scenarios, catalog) = try closure()
        let planner = Planner(solver: GLPKSolver())
        let program = try planner.program(scenarios, catalog, objective: .expectedCost)
        let options = planner.options.forTimeExpanded
        var search = PeriodBranchAndBound(inner: GLPKSolver(), factory: GLPKSolver(), balanceRows: program.periodBalanceRows)
        let proved = try search.solveCounting(program.program, options: options)
        let nodes = try #require(proved.nodes)
        #expect(nodes >= 3)
        search.nodeLimit = nodes - 1
        let fellBack = try search.solveCounting(program.program, options: options)
        #expect(fellBack.nodes == nil)
        #expect(program.units(fellBack.solution) == program.units(proved.solution))
    }
}
