import CorridorTestSupport
import FlowFormulation
import FreightNetwork
import GLPK
import LinearProgramming
import Simulation
import Testing

/// The LP as GLPK writes it (what `corridor run --export-lp` writes), to compare programs.
private func text(_ program: LinearProgram) throws -> String { try GLPKSolver().exportCPLEXLP(program) }

@Suite("Prepared runs: the program exported is the program solved")
struct PreparedRunTests {
    @Test("Arc form: the prepared program is the FlowProgram, and solving it is run(network)", arguments: Objective.allCases)
    func arc(objective: Objective) throws {
        let network = try twoRoutes()
        let simulator = Simulator(solver: GLPKSolver(), method: .arc)
        let prepared = try simulator.prepare(network, objective: objective)
        #expect(try text(prepared.program) == text(FlowProgram(network: network, objective: objective).program))
        let viaPrepared = try simulator.run(prepared, scenario: "t")
        let direct = try simulator.run(network, scenario: "t", objective: objective)
        #expect(viaPrepared.status == .optimal)
        #expect(viaPrepared.objectiveValue == direct.objectiveValue)
        #expect(viaPrepared.deliveredTEU == direct.deliveredTEU)
        #expect(viaPrepared.links.map(\.flowTEU) == direct.links.map(\.flowTEU))
    }

    @Test("Periods: the prepared program is the time-expanded PeriodProgram", arguments: Objective.allCases)
    func periods(objective: Objective) throws {
        let network = try twoRoutes()
        let schedule = PeriodSchedule(periods: Array(calendarMonths.prefix(3)), for: network)
        let simulator = Simulator(solver: GLPKSolver())
        let prepared = try simulator.prepare(network, periods: schedule, objective: objective)
        let expected = PeriodProgram(network: network, schedule: schedule, objective: objective).program
        #expect(try text(prepared.program) == text(expected))
        let viaPrepared = try simulator.run(prepared, scenario: "t")
        let direct = try simulator.run(network, periods: schedule, scenario: "t", objective: objective)
        #expect(viaPrepared.periods?.count == 3)
        #expect(viaPrepared.objectiveValue == direct.objectiveValue)
    }

    @Test("Column generation: the program asked for is the arc form, and the run gives the arc form's optimum")
    func paths() throws {
        let network = try twoRoutes()
        let prepared = try Simulator(solver: GLPKSolver(), method: .paths).prepare(network, objective: .maxThroughput)
        #expect(try text(prepared.program) == text(FlowProgram(network: network, objective: .maxThroughput).program))
        let result = try Simulator(solver: GLPKSolver(), method: .paths).run(prepared, scenario: "t")
        #expect(result.programSize.method == .paths)
        #expect(isClose(result.deliveredTEU, 120))
    }
}

@Suite("Shards of merged parts")
struct ShardPartsTests {
    private func parts(_ shards: [(Int, Int)]) -> [(file: String, shard: Shard)] {
        shards.enumerated().map { ("p\($0.offset)", Shard(index: $0.element.0, count: $0.element.1)) }
    }

    @Test("Every shard once with one count passes; a missing shard fails unless partial")
    func missing() throws {
        try Shard.checkParts(parts([(1, 2), (0, 2)]), partial: false)
        try Shard.checkParts(parts([(1, 3)]), partial: true)
        let missing = #expect(throws: SweepMergeError.self) { try Shard.checkParts(parts([(1, 3)]), partial: false) }
        #expect(missing?.description == "missing shards 0/3, 2/3; rerun them, or add --partial")
    }

    @Test("Different counts and a shard twice fail, naming the parts, even with partial")
    func inconsistent() {
        let counts = #expect(throws: SweepMergeError.self) { try Shard.checkParts(parts([(0, 2), (0, 3)]), partial: true) }
        #expect(counts?.description == "p1 is shard 0/3 but p0 is shard 0/2: different shard counts")
        let twice = #expect(throws: SweepMergeError.self) { try Shard.checkParts(parts([(1, 2), (1, 2)]), partial: true) }
        #expect(twice?.description == "p1 and p0 are both shard 1/2")
    }
}

@Suite("Sweep cases")
struct SweepCasesTests {
    @Test("Single failures: the targets are FailureTarget.all's, modes limiting links only when given")
    func targets() throws {
        let network = try twoRoutes()
        var single = SweepCases.SingleFailures(
            kinds: [.node, .link], includeEndpoints: true, modes: [], rankBy: .lostTEU, pairTop: nil)
        let all = FailureTarget.all(in: network, kinds: [.node, .link], includeEndpoints: true)
        #expect(single.targets(in: network).map(\.element) == all.map(\.element))
        single.modes = [.sea]
        #expect(single.targets(in: network).isEmpty)
    }

    @Test("The engine runs the cases asked for: single failures per target, or the samples of the seed")
    func engine() throws {
        let network = try twoRoutes()
        let engine = SweepEngine(network: network, factory: GLPKSolver())
        let single = SweepCases.SingleFailures(
            kinds: [.link], includeEndpoints: true, modes: [], rankBy: .lostTEU, pairTop: 2)
        let failures = try engine.run(
            .singleFailures(single), scenario: "t", file: "-", uncertainty: [], threads: 1)
        #expect(failures.kind == .singleFailures && failures.pairTop == 2)
        #expect(failures.cases.count(where: { $0.count == 1 }) == 4)
        #expect(failures.cases.contains { $0.count == 2 })
        let uncertainty = [
            CapacityUncertainty(label: "A-B", source: "t:1", links: [Link.ID("A-B")], nodes: [], closedProbability: 0.5)
        ]
        let samples = try engine.run(
            .monteCarlo(samples: 5, seed: 7), scenario: "t", file: "-", uncertainty: uncertainty, threads: 1)
        #expect(samples.kind == .monteCarlo && samples.seed == 7 && samples.caseCount == 5)
        #expect(samples.completedCount == 5)
    }
}
