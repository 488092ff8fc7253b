import CorridorTestSupport
import FlowFormulation
import FreightNetwork
import GLPK
import LinearProgramming
import Simulation
import Testing

/// `corridor plan`'s MIP against brute force: every portfolio enumerated and each scenario solved as an LP.
@Suite("Investment plans (MIP)")
struct PlanTests {
    typealias F = Fixtures
    let solver = GLPKSolver()
    /// The corridor of the instances' links (every fixture link is tagged `main`).
    static let main = CorridorSelection(name: "main", tags: ["main"])

    /// A small deterministic generator (tests must not depend on the platform's random numbers).
    struct Generator {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * next() }
    }

    /// Two origins, a cheap capacity-limited route with a border, a ferry, a costly detour; two scenarios.
    static func instance(seed: UInt64) throws -> ([PlanScenario], InvestmentCatalog) {
        var g = Generator(state: seed)
        let nodes = [F.node("BOR", kind: .border, capacity: g.uniform(20, 60), handling: 5)]
        let links = [
            F.link("A", "BOR", cost: g.uniform(5, 15), capacity: g.uniform(30, 80)),
            F.link("BOR", "Z", cost: g.uniform(5, 15)),
            F.link("A", "P", cost: g.uniform(5, 10)),
            F.link("P", "Q", cost: g.uniform(10, 30), capacity: g.uniform(5, 20), mode: .ferry),
            F.link("Q", "Z", cost: g.uniform(5, 10)),
            F.link("A", "S", cost: g.uniform(40, 60), time: 3),
            F.link("S", "Z", cost: g.uniform(10, 20), capacity: g.uniform(10, 40)),
            F.link("C", "A", cost: g.uniform(1, 5)),
            F.link("C", "Q", cost: g.uniform(60, 90), capacity: g.uniform(5, 15)),
        ]
        let demands = [
            F.demand("A", "Z", teu: g.uniform(60, 120), vot: 2, penalty: g.uniform(150, 300)),
            F.demand("C", "Z", teu: g.uniform(20, 50), vot: 5, penalty: g.uniform(150, 300)),
        ]
        let base = try F.network(nodes: nodes, links: links, demands: demands)
        var disruptedLinks = links
        disruptedLinks[0].capacityTEU = (disruptedLinks[0].capacityTEU ?? 0) * 0.4
        disruptedLinks[3].capacityTEU = (disruptedLinks[3].capacityTEU ?? 0) * 0.7
        let disrupted = try F.network(nodes: nodes, links: disruptedLinks, demands: demands)
        let scenarios = [
            PlanScenario(name: "base", network: base, weight: 0.6),
            PlanScenario(name: "disrupted", network: disrupted, weight: 0.4),
        ]
        let catalog = InvestmentCatalog(
            investments: [
                Investment(id: "BORDER", capexUSD: g.uniform(50, 100), effects: [.nodeCapacity("BOR", teu: g.uniform(10, 40))]),
                Investment(id: "FERRY", capexUSD: g.uniform(20, 40), maxUnits: 3, effects: [.linkCapacity("P-Q", teu: g.uniform(4, 10))]),
                Investment(
                    id: "NEWLINE", capexUSD: g.uniform(80, 150),
                    effects: [.newNode(F.node("N", capacity: g.uniform(15, 40))), .newLink(F.link("A", "N", cost: 8)),
                              .newLink(F.link("N", "Z", cost: g.uniform(5, 20)))],
                    excludes: ["UPGRADE"]),
                Investment(id: "UPGRADE", capexUSD: g.uniform(30, 60),
                           effects: [.upgradeLink("A-S", costReductionUSDPerTEU: g.uniform(10, 30), timeReductionDays: 1)]),
                Investment(id: "SPUR", capexUSD: g.uniform(10, 30), effects: [.newLink(F.link("C", "P", cost: g.uniform(3, 8)))],
                           requires: ["FERRY"]),
            ],
            budgetUSD: g.uniform(120, 260))
        return (scenarios, catalog)
    }

    /// Every feasible portfolio of a catalog.
    static func portfolios(_ catalog: InvestmentCatalog) -> [[Int]] {
        var all: [[Int]] = [[]]
        for investment in catalog.investments {
            all = all.flatMap { prefix in (investment.minUnits...investment.maxUnits).map { prefix + [$0] } }
        }
        return all.filter { units in
            let capex = zip(catalog.investments, units).reduce(0) { $0 + $1.0.capexUSD * Double($1.1) }
            guard capex <= catalog.budgetUSD + 1e-9 else { return false }
            for (i, investment) in catalog.investments.enumerated() where units[i] > 0 {
                for id in investment.requires where units[catalog.index(of: id)!] == 0 { return false }
                for id in investment.excludes where units[catalog.index(of: id)!] > 0 { return false }
            }
            return true
        }
    }

    /// The objective of one portfolio, each scenario solved on its own.
    func evaluate(_ units: [Int], _ scenarios: [PlanScenario], _ catalog: InvestmentCatalog, _ objective: PlanObjective) throws -> Double {
        let simulator = Simulator(solver: solver)
        let total = scenarios.reduce(0) { $0 + $1.weight }
        var values: [Double] = []
        for scenario in scenarios {
            let local = InvestmentProgram.scaled(catalog, for: scenario.network, reference: scenarios[0].network)
            let network = try InvestmentProgram.apply(units, of: local, to: scenario.network)
            if objective == .maxCapacity {
                values.append(try #require(try CapacityAnalysis(network: network).capacity(of: Self.main).capacityTEU))
                continue
            }
            let result = try simulator.run(network, scenario: scenario.name, objective: objective == .maxThroughput ? .maxThroughput : .minCost)
            values.append(try #require(result.objectiveValue))
        }
        switch objective {
        case .expectedCost, .maxThroughput, .maxCapacity: return zip(scenarios, values).reduce(0) { $0 + $1.0.weight / total * $1.1 }
        case .worstCase: return values.max()!
        }
    }

    @Test("The MIP's optimum equals brute-force enumeration of every portfolio", arguments: [PlanObjective.expectedCost, .worstCase, .maxThroughput, .maxCapacity])
    func matchesEnumeration(objective: PlanObjective) throws {
        var chosenPortfolios: Set<[Int]> = []
        for seed in UInt64(1)...6 {
            let (scenarios, catalog) = try Self.instance(seed: seed)
            var planner = Planner(solver: solver, options: SolveOptions(mipGap: 0))
            planner.reference = scenarios[0].network
            planner.corridor = Self.main
            let solved = try planner.solve(scenarios, catalog, objective: objective)
            #expect(solved.solution.termination == .optimal)
            let mip = try #require(solved.program.annualObjective(solved.solution))
            var best = objective.maximises ? -Double.infinity : Double.infinity
            for units in Self.portfolios(catalog) {
                let value = try evaluate(units, scenarios, catalog, objective)
                best = objective.maximises ? max(best, value) : min(best, value)
            }
            #expect(isClose(mip, best, tolerance: 1e-6), "seed \(seed): MIP \(mip), enumeration \(best)")
            // The chosen portfolio is feasible and achieves the optimum on its own.
            let chosen = try #require(solved.units)
            #expect(Self.portfolios(catalog).contains(chosen))
            #expect(Self.portfolios(catalog).count > 10)
            chosenPortfolios.insert(chosen)
            #expect(isClose(try evaluate(chosen, scenarios, catalog, objective), best, tolerance: 1e-6))
        }
        // The instances are not trivial: different seeds choose different, non-empty portfolios.
        #expect(chosenPortfolios.count > 1)
        #expect(chosenPortfolios.contains { $0.contains { $0 > 0 } })
    }

    @Test("The LP relaxation's bound is never worse than the integer optimum")
    func relaxationBound() throws {
        for objective in PlanObjective.allCases {
            for seed in UInt64(1)...6 {
                let (scenarios, catalog) = try Self.instance(seed: seed)
                let planner = Planner(solver: solver, options: SolveOptions(mipGap: 0))
                let integerSolve = try planner.solve(scenarios, catalog, objective: objective)
                let relaxedSolve = try planner.solve(scenarios, catalog, objective: objective, relaxed: true)
                let integer = try #require(integerSolve.program.annualObjective(integerSolve.solution))
                let relaxed = try #require(relaxedSolve.program.annualObjective(relaxedSolve.solution))
                if objective == .maxThroughput {
                    #expect(relaxed >= integer - 1e-6 * max(1, abs(integer)))
                } else {
                    #expect(relaxed <= integer + 1e-6 * max(1, abs(integer)))
                }
            }
        }
    }

    @Test("The full plan: portfolio, values of projects, scenarios with and without, budget sensitivity")
    func fullPlan() throws {
        let (scenarios, catalog) = try Self.instance(seed: 3)
        var planner = Planner(solver: solver, options: SolveOptions(mipGap: 0))
        planner.reference = scenarios[0].network
        let plan = try planner.plan(scenarios, catalog, objective: .expectedCost)
        #expect(plan.status == .optimal)
        let value = try #require(plan.objectiveValue)
        #expect(plan.capexUSD <= catalog.budgetUSD + 1e-9)
        #expect(try #require(plan.relaxationBound) <= value + 1e-6 * value)
        #expect(try #require(plan.objectiveWithoutInvestment) >= value - 1e-6 * value)
        #expect(plan.scenarios.count == 2)
        // The scenarios' own min-cost solves with the portfolio reproduce the MIP's objective.
        let weighted = plan.scenarios.reduce(0) { $0 + $1.weight * ($1.with.objectiveValue ?? .nan) }
        #expect(isClose(weighted, value, tolerance: 1e-6))
        for project in plan.projects where project.objectiveIfSwitched != nil {
            #expect(try #require(project.objectiveIfSwitched) >= value - 1e-6 * value, "switching \(project.investment.id) cannot help")
        }
        #expect(try #require(plan.objectiveWithMoreBudget) <= value + 1e-6 * value)
        #expect(try #require(plan.marginalValueOfBudget) >= -1e-9)
    }

    @Test("Committed projects above the budget leave no portfolio: the MIP says infeasible")
    func infeasibleBudget() throws {
        var (scenarios, catalog) = try Self.instance(seed: 2)
        catalog.investments[0].minUnits = 1
        catalog.investments[1].minUnits = 3
        catalog.budgetUSD = catalog.investments[0].capexUSD
        let planner = Planner(solver: solver)
        let plan = try planner.plan(scenarios, catalog, objective: .expectedCost)
        #expect(plan.status == .infeasible)
        #expect(plan.objectiveValue == nil)
        _ = scenarios
    }
}
