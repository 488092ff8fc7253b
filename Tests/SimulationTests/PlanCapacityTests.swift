import CorridorTestSupport
import FlowFormulation
import FreightNetwork
import GLPK
import LinearProgramming
import Simulation
import Testing

/// `corridor plan --objective max-capacity` and `--min-capacity`, against hand-enumerated portfolios.
@Suite("Investment plans: corridor capacity")
struct PlanCapacityTests {
    typealias F = Fixtures

    /// A → B (10) → C (25) on the middle corridor, a sea lane A → C; candidates X: A-B +20 (capex 5),
    /// Y: B-C +10 (capex 3), Z: a new middle link A → C of 8 (capex 4).
    /// Middle capacity = min(10 + 20x, 25 + 10y) + 8z.
    func instance(middleCost: Double, budget: Double) throws -> ([PlanScenario], InvestmentCatalog) {
        let network = try F.network(
            links: [
                F.link("A", "B", cost: middleCost, capacity: 10, corridor: "middle"),
                F.link("B", "C", cost: middleCost, capacity: 25, corridor: "middle"),
                F.link("A", "C", cost: 100, corridor: "sea", id: "SEA", mode: .sea),
            ],
            demands: [F.demand("A", "C", teu: 100)])
        let catalog = InvestmentCatalog(
            investments: [
                Investment(id: "X", capexUSD: 5, effects: [.linkCapacity(Link.ID("A-B"), teu: 20)]),
                Investment(id: "Y", capexUSD: 3, effects: [.linkCapacity(Link.ID("B-C"), teu: 10)]),
                Investment(id: "Z", capexUSD: 4, effects: [.newLink(F.link("A", "C", cost: 500, capacity: 8, corridor: "middle", id: "NEW"))]),
            ],
            budgetUSD: budget)
        return ([PlanScenario(name: "s", network: network, weight: 1)], catalog)
    }

    let middle = CorridorSelection(name: "middle", tags: ["middle"])

    @Test("max-capacity picks X+Z (33 TEU/yr) over X+Y (30), Y+Z (18) and X (30) within a budget of 9; without: 10")
    func maxCapacity() throws {
        let (scenarios, catalog) = try instance(middleCost: 1, budget: 9)
        var planner = Planner(solver: GLPKSolver(), valueProjects: true)
        planner.corridor = middle
        let plan = try planner.plan(scenarios, catalog, objective: .maxCapacity)
        #expect(plan.units == [1, 0, 1])
        #expect(isClose(try #require(plan.objectiveValue), 33))
        #expect(isClose(try #require(plan.objectiveWithoutInvestment), 10))
        let outcome = try #require(plan.scenarios.first)
        #expect(outcome.capacityWithoutTEU == 10 && outcome.capacityWithTEU == 33, "as the maximum flow of the built network")
        // Dropping X leaves Y+Z at most (budget 9): min(10, 35) + 8 = 18, a loss of 15.
        let x = try #require(plan.projects.first { $0.investment.id == "X" })
        #expect(isClose(try #require(x.objectiveIfSwitched), 18))
    }

    @Test("A capacity target binds a cost plan: with the middle corridor dear, nothing is built; with middle=30, X+Y (the cheaper)")
    func minimumCapacity() throws {
        let (scenarios, catalog) = try instance(middleCost: 200, budget: 20)
        let free = try Planner(solver: GLPKSolver(), valueProjects: false).plan(scenarios, catalog, objective: .expectedCost)
        #expect(free.units == [0, 0, 0])
        var planner = Planner(solver: GLPKSolver(), valueProjects: false)
        planner.corridor = middle
        planner.minimumCapacityTEU = 30
        let plan = try planner.plan(scenarios, catalog, objective: .expectedCost)
        // X+Y (capex 8) reaches min(30, 35) = 30; X+Z (capex 9) 33; the flows cost the same, capex breaks the tie.
        #expect(plan.units == [1, 1, 0])
        #expect(plan.scenarios.first?.capacityWithTEU == 30)
        planner.minimumCapacityTEU = 39
        let impossible = try planner.plan(scenarios, catalog, objective: .expectedCost)
        #expect(impossible.status == .infeasible, "all three give min(30, 35) + 8 = 38 < 39")
    }
}
