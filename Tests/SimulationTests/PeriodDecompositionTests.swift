import CorridorTestSupport
import FlowFormulation
import Foundation
import FreightNetwork
import GLPK
import LinearProgramming
import Scenarios
import Testing

@testable import Simulation

/// The decomposition of a min-cost program over periods (``PeriodDecomposition``, the default) against the
/// full time-expanded program (`--method arc`): the same optimum on every instance, or the full program.
@Suite("Periods by decomposition: the optimum of the full time-expanded program")
struct PeriodDecompositionTests {
    typealias F = Fixtures
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let decomposed = "period decomposition:"

    /// Solves by both methods; expects both optimal with objectives within 1e-9 relative and the period
    /// invariants; returns (decomposition, full program).
    @discardableResult
    func expectSameOptimum(
        _ network: Network, _ schedule: PeriodSchedule, decomposes: Bool = true, invariants: Bool = true,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> (FlowResult, FlowResult) {
        let fast = try Simulator(solver: GLPKSolver()).run(network, periods: schedule, scenario: "t")
        let full = try Simulator(solver: GLPKSolver(), method: .arc).run(network, periods: schedule, scenario: "t")
        #expect(fast.status == full.status, sourceLocation: sourceLocation)
        #expect(
            fast.solverLog.hasPrefix(Self.decomposed) == decomposes, "\(fast.solverLog)", sourceLocation: sourceLocation
        )
        #expect(!full.solverLog.hasPrefix(Self.decomposed), sourceLocation: sourceLocation)
        // Reports name the method: the full program is the arc form; a decomposed one counts its master solves.
        #expect(full.programSize.methodName == "arc" && full.programSize.rounds == nil, sourceLocation: sourceLocation)
        if !decomposes { #expect(!fast.programSize.periodDecomposition, sourceLocation: sourceLocation) }
        if fast.programSize.periodDecomposition {
            #expect((fast.programSize.rounds ?? 0) > 0, sourceLocation: sourceLocation)
        }
        if full.status == .optimal {
            let a = try #require(fast.programObjectiveValue ?? fast.objectiveValue)
            let b = try #require(full.programObjectiveValue ?? full.objectiveValue)
            #expect(isClose(a, b, tolerance: 1e-9), "\(a) vs \(b)", sourceLocation: sourceLocation)
            if invariants { expectPeriodInvariants(fast, network, sourceLocation: sourceLocation) }
        }
        return (fast, full)
    }

    func load(_ path: String) throws -> Scenario {
        try ScenarioLoader.load(path: Self.root.appendingPathComponent(path).path)
    }

    @Test(
        "The fixtures with periods (four corridors in odd shares; quarters with a warehouse): the full program's optimum",
        arguments: [
            "Tests/CorridorEndToEndTests/Fixtures/seasonal-four-corridors.yaml",
            "Tests/CorridorEndToEndTests/Fixtures/caspian-quarters-warehouse.yaml",
        ])
    func fixtures(_ path: String) throws {
        let scenario = try load(path)
        try expectSameOptimum(scenario.network, try #require(scenario.periods))
    }

    @Test("Bundled baseline in quarters with a Caspian winter (congestion, 34 commodities): the full program's optimum")
    func baselineQuarters() throws {
        let network = try load("Scenarios/baseline-2021.yaml").network
        let quarters = [("q1", 90.0), ("q2", 91.0), ("q3", 92.0), ("q4", 92.0)].map {
            PeriodSchedule.Period(name: $0.0, days: $0.1)
        }
        var schedule = PeriodSchedule(periods: quarters, for: network)
        for id in ["AKU-ALT", "KUR-ALT", "TMB-ALT"] {
            let l = try #require(network.index(of: Link.ID(id)))
            schedule.linkCapacityFactor[l] = [0.5, 1, 1, 0]
            schedule.linkExtraDays[l] = [2, 0, 0, 0]
        }
        let (fast, _) = try expectSameOptimum(network, schedule)
        #expect(fast.programSize.methodName == "period-decomposition", "\(fast.programSize)")
    }

    /// Closures (a link's factor 0; a node's factor 0, whose row forces its columns to 0), a warehouse and
    /// late freight, hand-checked.
    ///
    /// Two halves of 182.5 days, 100 TEU due at B in each (value of time 0, late 2 USD/TEU-day). A→B costs 10
    /// and is closed in h2; A→W→B costs 5 + 5, and W takes nothing in h1. h1's TEU go direct (1,000 USD); h2's
    /// go by W in h2 (1,000 USD): sending them direct in h1 does not help (B has no storage and freight is not
    /// delivered early), and late into the next h1 costs 365 USD/TEU more. 2,000 USD/yr.
    @Test("Closures of a link and of a node, a warehouse and late freight: the hand-checked optimum")
    func closures() throws {
        let network = try F.network(
            nodes: [
                Node(
                    id: Node.ID("W"), name: "W", country: "XX", kind: .hub, latitude: 0, longitude: 0,
                    storageCapacityTEU: 50, holdingCostUSDPerTEUDay: 1)
            ],
            links: [F.link("A", "B", cost: 10), F.link("A", "W", cost: 5), F.link("W", "B", cost: 5)],
            demands: [
                Demand(
                    from: Node.ID("A"), to: Node.ID("B"), teu: 200, valueOfTimeUSDPerTEUDay: 0,
                    unmetPenaltyUSDPerTEU: 10_000, latePenaltyUSDPerTEUDay: 2)
            ])
        var schedule = PeriodSchedule(
            periods: [.init(name: "h1", days: 182.5), .init(name: "h2", days: 182.5)], for: network)
        schedule.linkCapacityFactor[0] = [1, 0]
        let w = try #require(network.index(of: Node.ID("W")))
        schedule.nodeCapacityFactor[w] = [0, 1]
        let (fast, _) = try expectSameOptimum(network, schedule)
        #expect(isClose(try #require(fast.objectiveValue), 2_000))
    }

    @Test("Max throughput, both stages decomposed: the full program's throughput and cheapest cost at it")
    func maxThroughput() throws {
        let scenario = try load("Tests/CorridorEndToEndTests/Fixtures/caspian-quarters-warehouse.yaml")
        let schedule = try #require(scenario.periods)
        let formulation = PeriodProgram(network: scenario.network, schedule: schedule, objective: .maxThroughput)
        let decomposing = PeriodDecomposingSolver(
            inner: GLPKSolver(), factory: GLPKSolver(), balanceRows: formulation.balanceRows)
        let options = SolveOptions().forTimeExpanded
        let first = try decomposing.solve(formulation.program, options: options)
        let full = try GLPKSolver().solve(formulation.program, options: options)
        #expect(first.log.hasPrefix(Self.decomposed))
        let throughput = try #require(full.objective)
        #expect(isClose(try #require(first.objective), throughput, tolerance: 1e-9))
        // Stage 1's duals (TEU gained per TEU of capacity) are a maximum's: the capacity rows' are ≥ 0.
        for row in formulation.linkCapacity.joined().compactMap({ $0 }) { #expect(first.dual(row) >= -1e-9) }
        let demand = formulation.due.joined().reduce(0, +)
        let stage2 = formulation.cheapestAtThroughput(
            maximumUnmet: LexicographicSolve.maximumUnmet(demandTEU: demand, deliveredTEU: throughput))
        let second = try decomposing.solve(stage2, options: options)
        #expect(second.log.hasPrefix(Self.decomposed))
        let cheapest = try #require(try GLPKSolver().solve(stage2, options: options).objective)
        #expect(isClose(try #require(second.objective), cheapest, tolerance: 1e-9))

        let r = try Simulator(solver: GLPKSolver()).run(
            scenario.network, periods: schedule, scenario: "t", objective: .maxThroughput)
        #expect(r.status == .optimal && r.solverLog.components(separatedBy: Self.decomposed).count == 3)
        // The reported throughput is the freight's (background traffic is in the program's, not in the report's).
        let arc = try Simulator(solver: GLPKSolver(), method: .arc).run(
            scenario.network, periods: schedule, scenario: "t", objective: .maxThroughput)
        #expect(isClose(try #require(r.objectiveValue), try #require(arc.objectiveValue), tolerance: 1e-9))
        #expect(isClose(r.deliveredTEU, arc.deliveredTEU, tolerance: 1e-9))
        expectPeriodInvariants(r, scenario.network)
    }

    @Test("One period: the full program, as before")
    func onePeriod() throws {
        let network = try F.network(
            links: [F.link("A", "B", cost: 5, capacity: 365)], demands: [F.demand("A", "B", teu: 500, vot: 1)])
        let year = PeriodSchedule(periods: [.init(name: "year", days: 365)], for: network)
        let one = try Simulator(solver: GLPKSolver()).run(network, periods: year, scenario: "t")
        #expect(one.status == .optimal && !one.solverLog.hasPrefix(Self.decomposed))
    }

    @Test("Unproven (the rounds stop before an optimum): nil, and the simulator solves the full program")
    func unprovenIsNil() throws {
        let scenario = try load("Tests/CorridorEndToEndTests/Fixtures/seasonal-four-corridors.yaml")
        let formulation = PeriodProgram(network: scenario.network, schedule: try #require(scenario.periods))
        var decomposition = PeriodDecomposition(factory: GLPKSolver(), options: SolveOptions())
        decomposition.roundLimit = 1
        #expect(try decomposition.solve(formulation) == nil)
        decomposition.roundLimit = PeriodDecomposition(factory: GLPKSolver(), options: SolveOptions()).roundLimit
        let outcome = try #require(try decomposition.solve(formulation))
        #expect(outcome.rounds > 1 && outcome.solution.termination == .optimal)
    }

    /// Random small networks over 2–4 periods (deterministic seeds): closures, negative and positive extra
    /// days, transits longer than a period, warehouses, node capacities, late penalties, countries avoided,
    /// several origins per commodity, congestion; the decomposition's optimum is the full program's.
    @Test("Random small networks with periods: the full program's optimum", arguments: 0..<40)
    func random(_ seed: Int) throws {
        var random = InstanceRandom(seed: UInt64(seed) &+ 17)
        let countries = ["AA", "BB", "CC"]
        let names = (0..<6).map { "N\($0)" }
        let nodes = names.enumerated().map { i, id in
            var node = F.node(
                id, capacity: random.chance(0.3) ? random.uniform(100, 600) : nil, handling: random.uniform(0, 5),
                dwell: random.chance(0.3) ? random.uniform(0, 3) : 0, country: countries[i % 3])
            if random.chance(0.35) {
                node.storageCapacityTEU = random.uniform(10, 200)
                node.holdingCostUSDPerTEUDay = random.chance(0.2) ? 0 : random.uniform(0.1, 3)
            }
            return node
        }
        var links: [Link] = []
        var pairs = Set<[Int]>()
        while links.count < 12 {
            let a = random.index(6), b = random.index(6)
            guard a != b, pairs.insert([a, b]).inserted else { continue }
            var link = F.link(
                names[a], names[b], cost: random.chance(0.15) ? 0 : random.uniform(1, 100),
                time: random.chance(0.2) ? random.uniform(100, 250) : random.uniform(3, 40),
                capacity: random.chance(0.5) ? random.uniform(50, 500) : nil)
            if link.capacityTEU != nil && random.chance(0.25) {
                link.congestion = CongestionCurve([
                    .init(utilisation: 0.5, extraDays: 0), .init(utilisation: 1, extraDays: 3),
                ])
            }
            links.append(link)
        }
        var demands: [Demand] = []
        for i in 0..<4 {
            let a = random.index(6), b = (a + 1 + random.index(5)) % 6
            let avoid = countries.filter { $0 != countries[a % 3] && $0 != countries[b % 3] }
            demands.append(
                Demand(
                    id: Demand.ID("d\(i)"), from: Node.ID(names[a]), to: Node.ID(names[b]),
                    teu: random.uniform(50, 300), valueOfTimeUSDPerTEUDay: random.chance(0.3) ? 0 : 2,
                    unmetPenaltyUSDPerTEU: random.uniform(100, 3_000),
                    latePenaltyUSDPerTEUDay: random.chance(0.5) ? random.uniform(0, 5) : nil,
                    avoidedCountries: random.chance(0.2) ? avoid : []))
        }
        // A second origin for the first demand's destination and costs (one commodity, two origins).
        let first = demands[0]
        let second = (try #require(names.firstIndex(of: first.to.rawValue)) + 2) % 6
        if names[second] != first.from.rawValue && !first.avoidedCountries.contains(countries[second % 3]) {
            demands.append(
                Demand(
                    id: Demand.ID("d4"), from: Node.ID(names[second]), to: first.to, teu: random.uniform(20, 100),
                    valueOfTimeUSDPerTEUDay: first.valueOfTimeUSDPerTEUDay,
                    unmetPenaltyUSDPerTEU: first.unmetPenaltyUSDPerTEU,
                    latePenaltyUSDPerTEUDay: first.latePenaltyUSDPerTEUDay, avoidedCountries: first.avoidedCountries))
        }
        let network = try Network(nodes: nodes, links: links, demands: demands)
        let lengths: [[Double]] = [[182.5, 182.5], [120, 245], [90, 91, 92, 92], [100, 60, 205]]
        let periods = lengths[random.index(lengths.count)].enumerated().map {
            PeriodSchedule.Period(name: "p\($0.offset)", days: $0.element)
        }
        let P = periods.count
        var schedule = PeriodSchedule(periods: periods, for: network)
        for l in network.links.indices {
            schedule.linkCapacityFactor[l] = (0..<P).map { _ in [1, 1, 1, 0.5, 0][random.index(5)] }
            schedule.linkExtraDays[l] = (0..<P).map { _ in [0, 0, 0, 5, -3, 60][random.index(6)] }
        }
        for n in network.nodes.indices {
            schedule.nodeCapacityFactor[n] = (0..<P).map { _ in [1, 1, 1, 0.7, 0][random.index(5)] }
        }
        for d in network.demands.indices {
            let weights = (0..<P).map { _ in random.uniform(0, 1) }
            let total = weights.reduce(0, +)
            schedule.demandShare[d] = weights.map { $0 / total }
        }
        try expectSameOptimum(network, schedule, invariants: false)
    }
}

/// The test support's SplitMix64 (`SeededGenerator`) with the draws the random instances need.
private struct InstanceRandom {
    var generator: SeededGenerator
    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }
    mutating func next() -> UInt64 { generator.next() }
    mutating func uniform(_ a: Double, _ b: Double) -> Double {
        a + (b - a) * Double(next() >> 11) / Double(1 << 53)
    }
    mutating func index(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ p: Double) -> Bool { uniform(0, 1) < p }
}
