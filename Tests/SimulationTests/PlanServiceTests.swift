import CorridorTestSupport
import FlowFormulation
import FreightNetwork
import GLPK
import LinearProgramming
import Simulation
import Testing

/// Investment effects that change time and cost (`scale_time`, `set_time_days`, `scale_dwell`, `scale_cost`,
/// `add_delay`) in the plan's MIP, against brute force: every portfolio applied to the network and solved as
/// an LP.
@Suite("Investment plans: time and cost effects (MIP)")
struct PlanServiceTests {
    typealias F = Fixtures
    let solver = GLPKSolver()

    /// A border and a ferry on the fast route, a slow detour, two origins with different values of time;
    /// projects that cut (and one that trades) time and cost on the same links and nodes, so that the
    /// variants of every set of projects matter, and one that cuts an origin's dwell.
    static func instance(seed: UInt64) throws -> ([PlanScenario], InvestmentCatalog) {
        var g = PlanTests.Generator(state: seed)
        let nodes = [
            F.node(
                "BOR", kind: .border, capacity: g.uniform(40, 90), handling: g.uniform(5, 20), dwell: g.uniform(2, 5)),
            F.node("A", handling: 4, dwell: g.uniform(1, 3)),
            F.node("Q", kind: .port, handling: g.uniform(5, 15), dwell: g.uniform(1, 4)),
        ]
        let links = [
            F.link("A", "BOR", cost: g.uniform(5, 15), time: g.uniform(2, 4), capacity: g.uniform(50, 90)),
            F.link("BOR", "Z", cost: g.uniform(5, 15), time: g.uniform(1, 3)),
            F.link("A", "P", cost: g.uniform(5, 10), time: 1),
            F.link("P", "Q", cost: g.uniform(10, 30), time: g.uniform(2, 6), capacity: g.uniform(20, 50), mode: .ferry),
            F.link("Q", "Z", cost: g.uniform(5, 10), time: 1),
            F.link("A", "S", cost: g.uniform(20, 40), time: g.uniform(8, 12)),
            F.link("S", "Z", cost: g.uniform(10, 20), time: 2),
            F.link("C", "A", cost: g.uniform(1, 5), time: 1),
        ]
        let demands = [
            F.demand("A", "Z", teu: g.uniform(60, 120), vot: g.uniform(2, 8), penalty: g.uniform(300, 500)),
            F.demand("C", "Z", teu: g.uniform(20, 50), vot: g.uniform(5, 15), penalty: g.uniform(300, 500)),
        ]
        // The second scenario waits 3 days longer at the border.
        var slowerNodes = nodes
        slowerNodes[0].dwellDays += 3
        let scenarios = try [("base", nodes, 0.7), ("congested", slowerNodes, 0.3)].map { name, nodes, weight in
            PlanScenario(
                name: name, network: try F.network(nodes: nodes, links: links, demands: demands), weight: weight)
        }
        let catalog = InvestmentCatalog(
            investments: [
                Investment(
                    id: "DIGITAL", capexUSD: g.uniform(20, 50),
                    effects: [.service(.node("BOR"), .scaleTime(by: g.uniform(0.3, 0.7)))]),
                Investment(
                    id: "GREENLANE", capexUSD: g.uniform(20, 50),
                    effects: [.service(.node("BOR"), .addDelay(days: -1)), .service(.node("BOR"), .scaleCost(by: 0.5))]),
                Investment(
                    id: "VESSELS", capexUSD: g.uniform(30, 60), maxUnits: 2,
                    effects: [
                        .service(.link("P-Q"), .setTime(days: g.uniform(1, 2))),
                        .linkCapacity("P-Q", teu: g.uniform(5, 15)),
                    ]),
                Investment(
                    id: "PORT", capexUSD: g.uniform(20, 40), effects: [.service(.node("Q"), .scaleTime(by: 0.5))]),
                // Cheaper but slower: not dominated, so the old service must close when it is built.
                Investment(
                    id: "SLOWTRAIN", capexUSD: g.uniform(5, 15),
                    effects: [
                        .service(.link("A-BOR"), .scaleCost(by: 0.3)), .service(.link("A-BOR"), .addDelay(days: 1)),
                    ]),
                Investment(
                    id: "DRYPORT", capexUSD: g.uniform(10, 30), effects: [.service(.node("A"), .setTime(days: 0))]),
            ],
            budgetUSD: g.uniform(70, 150))
        return (scenarios, catalog)
    }

    @Test(
        "The MIP's optimum with time and cost effects equals brute force over every portfolio",
        arguments: [PlanObjective.expectedCost, .worstCase, .maxThroughput])
    func matchesEnumeration(objective: PlanObjective) throws {
        var chosenPortfolios: Set<[Int]> = []
        var timeProjectsChosen = 0
        for seed in UInt64(1)...6 {
            let (scenarios, catalog) = try Self.instance(seed: seed)
            let planner = Planner(solver: solver, options: SolveOptions(mipGap: 0))
            let solved = try planner.solve(scenarios, catalog, objective: objective)
            #expect(solved.solution.termination == .optimal)
            let mip = try #require(solved.program.annualObjective(solved.solution))
            var best = objective.maximises ? -Double.infinity : Double.infinity
            let portfolios = PlanTests.portfolios(catalog)
            #expect(portfolios.count > 10)
            for units in portfolios {
                let value = try PlanTests().evaluate(units, scenarios, catalog, objective)
                best = objective.maximises ? max(best, value) : min(best, value)
            }
            #expect(isClose(mip, best, tolerance: 1e-6), "seed \(seed): MIP \(mip), enumeration \(best)")
            let chosen = try #require(solved.units)
            #expect(isClose(try PlanTests().evaluate(chosen, scenarios, catalog, objective), best, tolerance: 1e-6))
            // Every scenario's block costs what the network with the portfolio applied costs.
            if objective == .expectedCost {
                for (s, scenario) in scenarios.enumerated() {
                    let network = try InvestmentProgram.apply(chosen, of: catalog, to: scenario.network)
                    let alone = try Simulator(solver: solver).run(network, scenario: scenario.name)
                    let block = solved.program.blocks[s].cost(solved.solution)
                    #expect(
                        isClose(block, try #require(alone.objectiveValue), tolerance: 1e-6),
                        "seed \(seed), \(scenario.name)")
                }
            }
            chosenPortfolios.insert(chosen)
            timeProjectsChosen += chosen.count { $0 > 0 }
        }
        if objective != .maxThroughput {
            #expect(chosenPortfolios.count > 1, "different seeds choose different portfolios")
            #expect(timeProjectsChosen > 0, "time and cost cuts are worth building")
        }
    }

    @Test("A time cut alone is valued: with time worth money the plan builds it, with time worth nothing it does not")
    func timeOnlyCut() throws {
        func plan(vot: Double) throws -> [Int] {
            let network = try F.network(
                nodes: [F.node("BOR", kind: .border, dwell: 4)],
                links: [F.link("A", "BOR", cost: 10, time: 2), F.link("BOR", "Z", cost: 10, time: 2)],
                demands: [F.demand("A", "Z", teu: 100, vot: vot)])
            let catalog = InvestmentCatalog(
                investments: [
                    Investment(id: "DIGITAL", capexUSD: 10, effects: [.service(.node("BOR"), .setTime(days: 1))])
                ],
                budgetUSD: 100)
            let solved = try Planner(solver: solver, options: SolveOptions(mipGap: 0))
                .solve([PlanScenario(name: "one", network: network, weight: 1)], catalog, objective: .expectedCost)
            // Built when time is worth money: 100 TEU × (USD 20 + 5 days instead of 8 × vot) per year.
            let cost = try #require(solved.program.annualObjective(solved.solution))
            #expect(isClose(cost, 100 * (20 + vot * 5), tolerance: 1e-6))
            return try #require(solved.units)
        }
        #expect(try plan(vot: 50) == [1])
        #expect(try plan(vot: 0) == [0])
    }

    @Test("A cheaper but slower service replaces the old one when built, also for freight that preferred the old")
    func replacesTheOldService() throws {
        let network = try F.network(
            links: [F.link("A", "Z", cost: 100, time: 2)],
            demands: [
                F.demand("A", "Z", teu: 10, vot: 1, id: "slow"), F.demand("A", "Z", teu: 10, vot: 100, id: "fast"),
            ])
        let catalog = InvestmentCatalog(
            investments: [
                Investment(
                    id: "SLOWTRAIN", capexUSD: 1,
                    effects: [.service(.link("A-Z"), .scaleCost(by: 0.5)), .service(.link("A-Z"), .addDelay(days: 3))])
            ],
            budgetUSD: 10)
        let scenario = PlanScenario(name: "one", network: network, weight: 1)
        let forced = try Planner(solver: solver, options: SolveOptions(mipGap: 0))
            .solve([scenario], catalog, objective: .expectedCost, units: [0: 1...1])
        // Built, both demands take the slow service: 10 × (50 + 1 × 5) + 10 × (50 + 100 × 5) = 6,050 USD/yr
        // (keeping the old service for the fast demand would give 10 × 55 + 10 × (100 + 200) = 3,550).
        #expect(isClose(try #require(forced.program.annualObjective(forced.solution)), 6_050, tolerance: 1e-6))
        let free = try Planner(solver: solver, options: SolveOptions(mipGap: 0)).solve(
            [scenario], catalog, objective: .expectedCost)
        #expect(free.units == [0], "not built: 10 × 102 + 10 × 300 = 4,020 USD/yr is cheaper")
    }

    @Test("Seasonal: every portfolio of time and cost effects costs what the seasonal scenario with it built costs")
    func seasonalPortfolios() throws {
        // Three periods; A → W is half open in p3 with 10 extra days, W → B halved in p2. Effects on A → W
        // (faster), on W's dwell and handling (the head of A → W), on the origin A, and a cheaper but slower
        // W → B: every variant, origin column and gate of a seasonal block is used by some portfolio.
        var demand = F.demand("A", "B", teu: 300, vot: 4, penalty: 900)
        demand.latePenaltyUSDPerTEUDay = 6
        let network = try F.network(
            nodes: [F.node("A", handling: 5, dwell: 3), F.node("W", capacity: 500, handling: 20, dwell: 12)],
            links: [
                F.link("A", "W", cost: 10, time: 20, capacity: 400),
                F.link("W", "B", cost: 60, time: 15, capacity: 250),
                F.link("A", "B", cost: 200, time: 30),
            ],
            demands: [demand])
        let days: [Double] = [120, 120, 125]
        var schedule = PeriodSchedule(
            periods: days.enumerated().map { .init(name: "p\($0 + 1)", days: $1) }, for: network)
        (schedule.linkCapacityFactor, schedule.linkExtraDays) = (
            [[1, 1, 0.5], [1, 0.5, 1], [1, 1, 1]], [[0, 0, 10], [0, 0, 0], [0, 0, 0]]
        )
        schedule.demandShare = [[0.2, 0.5, 0.3]]
        let catalog = InvestmentCatalog(
            investments: [
                Investment(id: "FAST", capexUSD: 1, effects: [.service(.link("A-W"), .scaleTime(by: 0.25))]),
                Investment(
                    id: "DIGITAL", capexUSD: 1,
                    effects: [.service(.node("W"), .setTime(days: 2)), .service(.node("W"), .scaleCost(by: 0.5))]),
                Investment(id: "DRYPORT", capexUSD: 1, effects: [.service(.node("A"), .addDelay(days: -3))]),
                Investment(
                    id: "SLOW", capexUSD: 1,
                    effects: [.service(.link("W-B"), .scaleCost(by: 0.2)), .service(.link("W-B"), .addDelay(days: 40))]),
            ], budgetUSD: 100)
        let scenario = PlanScenario(name: "seasons", network: network, weight: 1, periods: schedule)
        let planner = Planner(solver: solver, valueProjects: false)
        var costs: Set<Int> = []
        for mask in 0..<16 {
            let portfolio = (0..<4).map { mask >> $0 & 1 }
            let fixed = Dictionary(uniqueKeysWithValues: portfolio.enumerated().map { ($0, $1...$1) })
            let solve = try planner.solve([scenario], catalog, objective: .expectedCost, units: fixed)
            let mip = try #require(solve.program.annualObjective(solve.solution))
            let built = try InvestmentProgram.apply(portfolio, of: catalog, to: network)
            let seasonal = try Simulator(solver: solver).run(
                built, periods: InvestmentProgram.extended(schedule, from: network, to: built), scenario: "by hand")
            let byHand = try #require(seasonal.objectiveValue)
            #expect(isClose(mip, byHand, tolerance: 1e-7), "portfolio \(portfolio): MIP \(mip), by hand \(byHand)")
            costs.insert(Int(byHand.rounded()))
        }
        #expect(costs.count > 8, "the projects matter: \(costs.sorted())")
    }
}
