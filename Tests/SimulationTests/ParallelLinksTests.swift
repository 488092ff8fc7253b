import CorridorTestSupport
import FlowFormulation
import FreightNetwork
import GLPK
import LinearProgramming
@testable import Simulation
import Testing

/// Issue 16, item 4: tied parallel links made column generation add one path (and one capacity row) per
/// round, so 5,000 parallel links ran into the internal round cap and reported `iteration_limit`.
@Suite("Column generation on parallel links")
struct ParallelLinksTests {
    typealias F = Fixtures
    let arc = Simulator(solver: GLPKSolver(), method: .arc)
    let paths = Simulator(solver: GLPKSolver(), method: .paths)

    /// `count` links A→B, each 100 TEU/year at 10 USD/TEU and 1 day; one demand A→B (value of time 50, penalty 20,000).
    static func parallel(_ count: Int, teu: Double) throws -> Network {
        try F.network(
            links: (0..<count).map { F.link("A", "B", cost: 10, time: 1, capacity: 100, id: "L\($0)") },
            demands: [F.demand("A", "B", teu: teu, vot: 50, penalty: 20_000)]
        )
    }

    @Test("5,000 equal parallel links: auto picks column generation and solves it in a few rounds, both objectives")
    func fiveThousand() throws {
        // 600,000 TEU on 5,000 × 100 TEU: 500,000 carried at 10 + 50·1 = 60 USD, 100,000 unmet at 20,000 USD.
        let network = try Self.parallel(5_000, teu: 600_000)
        #expect(Simulator.chooseMethod(network) == .paths)
        let auto = Simulator(solver: GLPKSolver())
        let cost = try auto.run(network, scenario: "t")
        #expect(cost.status == .optimal)
        #expect(cost.programSize.method == .paths && cost.notes.isEmpty)
        #expect((cost.programSize.rounds ?? .max) <= 10)
        #expect(isClose(try #require(cost.objectiveValue), 500_000 * 60 + 100_000 * 20_000))
        #expect(isClose(cost.unmetTEU, 100_000, tolerance: 1e-9))
        let throughput = try auto.run(network, scenario: "t", objective: .maxThroughput)
        #expect(throughput.status == .optimal)
        #expect(throughput.programSize.method == .paths && throughput.notes.isEmpty)
        #expect((throughput.programSize.rounds ?? .max) <= 20)
        #expect(isClose(try #require(throughput.objectiveValue), 500_000))
        #expect(isClose(throughput.totalCostUSD + throughput.timeValueUSD, 500_000 * 60))
    }

    @Test("Tied parallel links on two hops and a detour: the arc form's optimum in a few rounds", arguments: Objective.allCases)
    func twoHops(objective: Objective) throws {
        // A⇉B: 30 × 100 TEU (every third dearer), B⇉C: 20 × 120 TEU; a detour A→D→C of 1,000 TEU; 9,000 TEU to carry.
        var links = (0..<30).map { F.link("A", "B", cost: $0 % 3 == 0 ? 12 : 10, capacity: 100, id: "ab\($0)") }
        links += (0..<20).map { F.link("B", "C", cost: 5, capacity: 120, id: "bc\($0)") }
        links += [F.link("A", "D", cost: 30, capacity: 1_000), F.link("D", "C", cost: 30)]
        let network = try F.network(links: links, demands: [F.demand("A", "C", teu: 9_000, vot: 10)])
        let a = try arc.run(network, scenario: "t", objective: objective)
        let p = try paths.run(network, scenario: "t", objective: objective)
        #expect(a.status == .optimal && p.status == .optimal)
        #expect(isClose(try #require(a.objectiveValue), try #require(p.objectiveValue), tolerance: 1e-9))
        #expect(isClose(a.totalCostUSD + a.timeValueUSD, p.totalCostUSD + p.timeValueUSD, tolerance: 1e-9))
        #expect(isClose(p.deliveredTEU, 2_400 + 1_000))
        // 31 and 33 rounds with one path and one capacity row per round.
        #expect((p.programSize.rounds ?? .max) <= 15, "rounds: \(p.programSize.rounds ?? -1)")
        expectInvariants(p, network)
    }

    @Test("Column generation stopped by its round cap gives way to the arc form, with a note, both objectives",
        arguments: Objective.allCases)
    func fallback(objective: Objective) throws {
        let network = try Self.parallel(40, teu: 5_000)
        var capped = paths
        capped.columnGenerationRounds = 1
        let r = try capped.run(network, scenario: "t", objective: objective)
        let a = try arc.run(network, scenario: "t", objective: objective)
        #expect(r.status == .optimal)
        #expect(r.programSize.method == .arc)
        #expect(r.notes == ["note: column generation did not converge in 1 rounds; solved with the arc form instead"])
        #expect(isClose(try #require(r.objectiveValue), try #require(a.objectiveValue), tolerance: 1e-12))
        let uncapped = try paths.run(network, scenario: "t", objective: objective)
        #expect(uncapped.programSize.method == .paths && uncapped.notes.isEmpty)
    }
}
