import CorridorTestSupport
import FlowFormulation
import FreightNetwork
import GLPK
import LinearProgramming
import Simulation
import Testing

/// `corridor plan` over scenarios with periods: storage candidates, capacity per period, mixed plans.
@Suite("Investment plans with periods (MIP)")
struct PlanPeriodTests {
    typealias F = Fixtures
    let solver = GLPKSolver()

    /// The network of the hand-checked storage test of ``PeriodProgramTests`` without its warehouse: two
    /// periods of 182.5 days; A → W (10 USD, 400 TEU/yr, closed in p2), W → B (20 USD, 200 TEU/yr = 100 per
    /// period); 200 TEU/yr A → B, 100 due in each period, late penalty 2 USD/TEU/day, unmet 10,000 USD/TEU.
    static func closure() throws -> (Network, PeriodSchedule) {
        var demand = F.demand("A", "B", teu: 200, vot: 0, penalty: 10_000)
        demand.latePenaltyUSDPerTEUDay = 2
        let network = try F.network(
            links: [F.link("A", "W", cost: 10, capacity: 400), F.link("W", "B", cost: 20, capacity: 200)],
            demands: [demand])
        var schedule = PeriodSchedule(periods: [.init(name: "p1", days: 182.5), .init(name: "p2", days: 182.5)], for: network)
        schedule.linkCapacityFactor[0] = [1, 0]
        return (network, schedule)
    }

    /// A warehouse at W of 50 TEU per unit (up to 3), USD 1 m per unit, holding 1 USD/TEU/day.
    /// The closure as an annual scenario and as a seasonal one, equally weighted, with the warehouse
    /// catalog at a USD 10 m budget.
    static func mixedClosure() throws -> ([PlanScenario], InvestmentCatalog) {
        let (network, schedule) = try closure()
        var catalog = warehouse
        catalog.budgetUSD = 10e6
        let scenarios = [
            PlanScenario(name: "annual", network: network, weight: 1),
            PlanScenario(name: "seasonal", network: network, weight: 1, periods: schedule),
        ]
        return (scenarios, catalog)
    }

    static let warehouse = InvestmentCatalog(
        investments: [
            Investment(id: "W-YARD", capexUSD: 1e6, maxUnits: 3, effects: [.storage("W", teu: 50, holdingCostUSDPerTEUDay: 1)])
        ], budgetUSD: 0)

    @Test(
        "A warehouse that bridges a closure is built as far as the budget allows, and no further (hand-checked)",
        arguments: [(0.5e6, 0, 1_003_000.0), (1.5e6, 1, 513_625), (2.5e6, 2, 24_250), (10e6, 2, 24_250)])
    func warehouseBridgesClosure(budget: Double, units: Int, cost: Double) throws {
        // Without storage nothing reaches W in p2: the 100 TEU due in p2 are lost (late would need W → B in p1
        // of the next year, full): 100 × 30 + 100 × 10,000 = 1,003,000 USD/yr.
        // One unit (50 TEU): 150 cross A → W in p1, 100 go on to B, 50 wait in W through p2 (182.5 USD each)
        // and arrive on time; the other 50 due in p2 are lost: 150 × 30 + 50 × 182.5 + 50 × 10,000 = 513,625.
        // Two units (100 TEU): everything arrives on time: 200 × 30 + 100 × 182.5 = 24,250.
        // A third unit saves nothing; the capex tie-break leaves it out.
        let (network, schedule) = try Self.closure()
        var catalog = Self.warehouse
        catalog.budgetUSD = budget
        let scenario = PlanScenario(name: "closure", network: network, weight: 1, periods: schedule)
        let planner = Planner(solver: solver, valueProjects: false)
        let result = try planner.plan([scenario], catalog, objective: .expectedCost)

        #expect(result.status == .optimal)
        #expect(result.units == [units])
        #expect(isClose(try #require(result.objectiveValue), cost, tolerance: 1e-7))
        #expect(isClose(try #require(result.objectiveWithoutInvestment), 1_003_000, tolerance: 1e-7))
        // The scenario re-solved as an ordinary seasonal network with the portfolio built agrees.
        let with = try #require(result.scenarios.first?.with)
        #expect(isClose(try #require(with.objectiveValue), cost, tolerance: 1e-7))
        #expect(with.periods?.count == 2)
        let stock = with.periods?.first?.stockTEU ?? -1
        #expect(isClose(stock, Double(units) * 50, tolerance: 1e-7))
    }

    @Test("A mixed plan solves each scenario in its own form; storage does nothing in the annual one (hand-checked)")
    func mixedAnnualAndSeasonal() throws {
        // Annual: 200 TEU × 30 USD = 6,000 with or without storage. Seasonal: 24,250 with two units (above).
        // Equal weights: 0.5 × 6,000 + 0.5 × 24,250 = 15,125. Without projects: 0.5 × (6,000 + 1,003,000).
        let (scenarios, catalog) = try Self.mixedClosure()
        let result = try Planner(solver: solver, valueProjects: false).plan(scenarios, catalog, objective: .expectedCost)
        #expect(result.units == [2])
        #expect(isClose(try #require(result.objectiveValue), 15_125, tolerance: 1e-7))
        #expect(isClose(try #require(result.objectiveWithoutInvestment), 504_500, tolerance: 1e-7))
        #expect(result.scenarios.map { $0.with.periods == nil } == [true, false])
        #expect(isClose(result.scenarios[0].with.objectiveValue ?? .nan, 6_000, tolerance: 1e-7))

        let program = try InvestmentProgram(scenarios: scenarios, catalog: catalog)
        #expect(program.blocks.map { $0.flow != nil } == [true, false])
        #expect(program.blocks.map { $0.periods != nil } == [false, true])
    }

    @Test("Max throughput and worst case work on seasonal blocks too (hand-checked)")
    func otherObjectives() throws {
        // Max throughput: 100 TEU/yr delivered without storage, 150 with one unit, 200 with two.
        // Worst case over the annual (6,000) and seasonal (24,250 with two units) scenarios: 24,250.
        let (network, schedule) = try Self.closure()
        var catalog = Self.warehouse
        catalog.budgetUSD = 1.5e6
        let seasonal = PlanScenario(name: "seasonal", network: network, weight: 1, periods: schedule)
        let planner = Planner(solver: solver, valueProjects: false)
        let throughput = try planner.plan([seasonal], catalog, objective: .maxThroughput)
        #expect(throughput.units == [1])
        #expect(isClose(try #require(throughput.objectiveValue), 150, tolerance: 1e-7))
        #expect(isClose(try #require(throughput.objectiveWithoutInvestment), 100, tolerance: 1e-7))
        catalog.budgetUSD = 10e6
        let worst = try planner.plan(
            [PlanScenario(name: "annual", network: network, weight: 1), seasonal], catalog, objective: .worstCase)
        #expect(worst.units == [2])
        #expect(isClose(try #require(worst.objectiveValue), 24_250, tolerance: 1e-7))
    }

    @Test("An upgrade copy keeps the capacity of a link too dear to use without it (hand-checked)")
    func upgradeOfPrunedLink() throws {
        // A → B costs 600 USD/TEU, more than losing a TEU (500): the period program drops the link's columns,
        // and with them its capacity row. The upgrade (−200, to 400) shares that capacity, 100 TEU/yr:
        // 100 × 400 + 200 × 500 = 140,000 USD/yr (not 300 × 400 = 120,000). Without it all 300 are lost: 150,000.
        let network = try F.network(
            links: [F.link("A", "B", cost: 600, capacity: 100)], demands: [F.demand("A", "B", teu: 300, penalty: 500)])
        let schedule = PeriodSchedule(periods: [.init(name: "p1", days: 200), .init(name: "p2", days: 165)], for: network)
        let catalog = InvestmentCatalog(
            investments: [Investment(id: "FAST", capexUSD: 1, effects: [.upgradeLink("A-B", costReductionUSDPerTEU: 200, timeReductionDays: 0)])],
            budgetUSD: 1)
        let scenario = PlanScenario(name: "dear", network: network, weight: 1, periods: schedule)
        let result = try Planner(solver: solver, valueProjects: false).plan([scenario], catalog, objective: .expectedCost)
        #expect(result.units == [1])
        #expect(isClose(try #require(result.objectiveValue), 140_000, tolerance: 1e-7))
        #expect(isClose(try #require(result.objectiveWithoutInvestment), 150_000, tolerance: 1e-7))
        #expect(isClose(result.scenarios.first?.with.objectiveValue ?? .nan, 140_000, tolerance: 1e-7))
    }

    @Test("Every portfolio of a seasonal plan costs what the seasonal scenario with it built by hand costs")
    func portfolioInvariant() throws {
        // Three unequal periods; A → W is closed in p2 and half open in p3 with 10 extra days, W → B halved in
        // p2, W's throughput 500 TEU/yr. Candidates: storage (two units), +200 TEU/yr on W → B (scaled per period
        // like the capacity), +300 TEU/yr at W, a cheaper A → W (a copy with A → W's factors and delays),
        // a new link A → B (50 TEU/yr per unit).
        var demand = F.demand("A", "B", teu: 300, vot: 1, penalty: 500)
        demand.latePenaltyUSDPerTEUDay = 3
        let network = try F.network(
            nodes: [F.node("W", capacity: 500)],
            links: [F.link("A", "W", cost: 10, time: 20, capacity: 400), F.link("W", "B", cost: 20, time: 5, capacity: 250)],
            demands: [demand])
        var schedule = PeriodSchedule(
            periods: [.init(name: "p1", days: 120), .init(name: "p2", days: 120), .init(name: "p3", days: 125)], for: network)
        schedule.linkCapacityFactor[0] = [1, 0, 0.5]
        schedule.linkExtraDays[0] = [0, 0, 10]
        schedule.linkCapacityFactor[1] = [1, 0.5, 1]
        schedule.demandShare[0] = [0.2, 0.5, 0.3]
        let catalog = InvestmentCatalog(
            investments: [
                Investment(id: "STORE", capexUSD: 1, maxUnits: 2, effects: [.storage("W", teu: 40, holdingCostUSDPerTEUDay: 0.5)]),
                Investment(id: "WB", capexUSD: 1, effects: [.linkCapacity("W-B", teu: 200)]),
                Investment(id: "HUB", capexUSD: 1, effects: [.nodeCapacity("W", teu: 300)]),
                Investment(id: "FAST", capexUSD: 1, effects: [.upgradeLink("A-W", costReductionUSDPerTEU: 4, timeReductionDays: 6)]),
                Investment(id: "DIRECT", capexUSD: 1, effects: [.newLink(F.link("A", "B", cost: 150, time: 40, capacity: 50))]),
            ], budgetUSD: 100)
        let scenario = PlanScenario(name: "seasons", network: network, weight: 1, periods: schedule)
        let planner = Planner(solver: solver, valueProjects: false)
        let simulator = Simulator(solver: solver)
        var costs: Set<Int> = []
        for store in 0...2 {
            for mask in 0..<16 {
                let portfolio = [store] + (0..<4).map { mask >> $0 & 1 }
                let fixed = Dictionary(uniqueKeysWithValues: portfolio.enumerated().map { ($0, $1...$1) })
                let solve = try planner.solve([scenario], catalog, objective: .expectedCost, units: fixed)
                let mip = try #require(solve.program.annualObjective(solve.solution))
                let built = try InvestmentProgram.apply(portfolio, of: catalog, to: network)
                let seasonal = try simulator.run(
                    built, periods: InvestmentProgram.extended(schedule, from: network, to: built), scenario: "by hand")
                let byHand = try #require(seasonal.objectiveValue)
                #expect(isClose(mip, byHand, tolerance: 1e-7), "portfolio \(portfolio): MIP \(mip), by hand \(byHand)")
                costs.insert(Int(byHand.rounded()))
            }
        }
        // The candidates matter: the portfolios do not all cost the same.
        #expect(costs.count > 10)
    }
}
