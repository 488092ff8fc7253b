import CorridorTestSupport
import FlowFormulation
import FreightNetwork
import GLPK
import LinearProgramming
import Scenarios
@testable import Simulation
import Testing

@Suite("The Lagrangian relaxation of the capacity rows and the volume algorithm's start")
struct VolumeStartTests {
    typealias F = Fixtures

    /// A→B→D (10 + 10, +5 handling at B), A-B capped at 60; A→C→D (20 + 20) through border C capped at 30;
    /// 100 TEU, penalty 100. Optimum 3,700: 60 via B, 30 via C, 10 unmet; duals 75 on A-B, 60 on C.
    func handNetwork() throws -> Network {
        try F.network(
            nodes: [F.node("B", handling: 5), F.node("C", kind: .border, capacity: 30)],
            links: [
                F.link("A", "B", cost: 10, capacity: 60), F.link("B", "D", cost: 10),
                F.link("A", "C", cost: 20), F.link("C", "D", cost: 20),
            ],
            demands: [F.demand("A", "D", teu: 100, penalty: 100)]
        )
    }

    /// Column generation on `master` without the volume start and with `volume` iterations of it.
    func solveBoth(_ master: PathProgram, volume: Int) throws -> (plain: ColumnGeneration.Outcome, started: ColumnGeneration.Outcome) {
        var plain = ColumnGeneration(factory: GLPKSolver(), options: SolveOptions())
        plain.volume = 0
        var started = plain
        started.volume = volume
        return (try plain.solve(master), try started.solve(master))
    }

    @Test("Hand-checked: L(0) routes everything on the cheap path; at the optimal duals L is the optimum")
    func handChecked() throws {
        let network = try handNetwork()
        let lagrangian = try #require(PathProgram(network: network, objective: .minCost).lagrangian)
        let ab = try #require(network.links.firstIndex { $0.id.rawValue == "A-B" })
        let c = try #require(network.nodes.firstIndex { $0.id.rawValue == "C" })
        #expect(lagrangian.capacities.map(\.isLink) == [true, false])
        #expect(lagrangian.capacities.map(\.index) == [ab, c])
        #expect(lagrangian.limits == [60, 30])
        // u = 0: all 100 TEU on A-B-D at 25: L = 2,500; A-B loaded 100 (limit 60), C 0.
        let free = lagrangian.evaluate([0, 0])
        #expect(isClose(free.value, 2_500))
        #expect(free.load == [100, 0])
        #expect(free.paths.count == 1 && free.paths[0]?.count == 2)
        // u = (75, 60): every choice costs 100 (B: 25 + 75, C: 40 + 60, unmet: 100); L = 10,000 − 4,500 − 1,800.
        #expect(isClose(lagrangian.evaluate([75, 60]).value, 3_700))
        // A dearer A-B only: routed via C at 40 + 0 = 40 < 25 + 75: L = 4,000 − 75·60 = −500, below the optimum.
        let viaC = lagrangian.evaluate([75, 0])
        #expect(isClose(viaC.value, -500))
        #expect(viaC.load == [0, 100])
        // A multiplier above the penalty's margin leaves the demand unmet (no origin row here: the unmet cost is 100).
        let unmet = lagrangian.evaluate([200, 200])
        #expect(unmet.paths == [nil])
        #expect(isClose(unmet.value, 10_000 - 200 * 60 - 200 * 30))
    }

    @Test("Max throughput and its second stage have no Lagrangian here (the volume start is for min cost)")
    func onlyMinCost() throws {
        let network = try handNetwork()
        #expect(PathProgram(network: network, objective: .maxThroughput).lagrangian == nil)
        #expect(PathProgram(network: network, objective: .minCost, maximumUnmet: 5).lagrangian == nil)
    }

    @Test(
        "Weak and strong duality on seeded random networks: L(u) ≤ optimum for any u ≥ 0, = at the master's duals",
        arguments: Array(UInt64(1)...UInt64(12))
    )
    func duality(seed: UInt64) throws {
        let network = try RandomCorridor.network(seed: seed, nodes: 10 + Int(seed % 4) * 4)
        let master = PathProgram(network: network, objective: .minCost)
        let lagrangian = try #require(master.lagrangian)
        var generation = ColumnGeneration(factory: GLPKSolver(), options: SolveOptions())
        generation.volume = 0
        let outcome = try generation.solve(master)
        let optimum = try #require(outcome.solution.objective)
        let atDuals = lagrangian.evaluate(lagrangian.multipliers(duals: outcome.solution.duals, rows: outcome.rows))
        #expect(isClose(atDuals.value, optimum, tolerance: 1e-6), "seed \(seed): L(u*) \(atDuals.value), optimum \(optimum)")
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<20 {
            let u = lagrangian.limits.map { _ in Double.random(in: 0...1, using: &rng) < 0.5 ? 0 : Double.random(in: 0...150, using: &rng) }
            let value = lagrangian.evaluate(u).value
            #expect(value <= optimum + 1e-6 * max(1, abs(optimum)), "seed \(seed): L(\(u)) = \(value) > \(optimum)")
        }
    }

    @Test(
        "The volume start changes the master's columns, not the optimum: the same objective as without it and the arc form",
        arguments: Array(UInt64(1)...UInt64(24))
    )
    func sameOptimum(seed: UInt64) throws {
        let network = try RandomCorridor.network(seed: seed, nodes: 10 + Int(seed % 4) * 4)
        let master = PathProgram(network: network, objective: .minCost)
        let (a, b) = try solveBoth(master, volume: 40)
        #expect(a.solution.termination == .optimal && b.solution.termination == .optimal)
        #expect(a.volumeIterations == 0 && b.volumeIterations == 40)
        let arc = try Simulator(solver: GLPKSolver(), method: .arc).run(network, scenario: "t")
        let (x, y, z) = (try #require(a.solution.objective), try #require(b.solution.objective), try #require(arc.objectiveValue))
        #expect(isClose(x, y, tolerance: 1e-6) && isClose(y, z, tolerance: 1e-6), "seed \(seed): \(x), \(y), arc \(z)")
        for priced in master.price(duals: b.solution.duals, rows: b.rows) {
            #expect(priced.reducedCost >= -1e-6 * max(1, abs(b.solution.dual(master.demandRow[priced.demand]))))
        }
    }

    @Test("A generated network: the start finds paths and rows, and the optimum is the same (volume 60 against none)")
    func generated() throws {
        let network = try NetworkGenerator(.init(nodes: 300, links: 1_200, demands: 30, origins: 5, seed: 7)).network()
        let master = PathProgram(network: network, objective: .minCost)
        let (a, b) = try solveBoth(master, volume: 60)
        let (x, y) = (try #require(a.solution.objective), try #require(b.solution.objective))
        #expect(isClose(x, y, tolerance: 1e-9), "\(x) against \(y)")
        let lagrangian = try #require(master.lagrangian)
        let start = ColumnGeneration.volumeStart(
            lagrangian, duals: [], rows: master.noCapacityRows, target: x, iterations: 60)
        #expect(start.paths.count > network.demands.count / 2 && !start.rows.isEmpty)
        #expect(start.bound <= x + 1e-9 * abs(x))
        // Deterministic: the same paths and rows again.
        let again = ColumnGeneration.volumeStart(
            lagrangian, duals: [], rows: master.noCapacityRows, target: x, iterations: 60)
        #expect(again.paths == start.paths && again.rows.map(\.index) == start.rows.map(\.index) && again.bound == start.bound)
    }

    @Test("By default the start runs from 100,000 commodities × links (generated L: 200,000), not at M (40,000)")
    func threshold() throws {
        let m = try NetworkGenerator(.init(nodes: 1_000, links: 4_000, demands: 100, origins: 10, seed: 7)).network()
        #expect(ColumnGeneration.volumeIterations(PathProgram(network: m, objective: .minCost)) == 0)
        let large = try NetworkGenerator(.init(nodes: 2_500, links: 10_000, demands: 50, origins: 10, seed: 7)).network()
        let master = PathProgram(network: large, objective: .minCost)
        #expect(master.commodities.count * large.links.count >= ColumnGeneration.volumeSize)
        #expect(ColumnGeneration.volumeIterations(master) == ColumnGeneration.volumeIterations)
    }
}

@Suite("Simulator: the volume start's iterations in the program size")
struct SimulatorVolumeStartTests {
    @Test("Set: the paths method runs it and says so (same optimum); max throughput never; by size: not on small networks")
    func simulator() throws {
        let network = try RandomCorridor.network(seed: 3, nodes: 18)
        var simulator = Simulator(solver: GLPKSolver(), method: .paths)
        let plain = try simulator.run(network, scenario: "t")
        simulator.volumeIterations = 30
        let started = try simulator.run(network, scenario: "t")
        let throughput = try simulator.run(network, scenario: "t", objective: .maxThroughput)
        #expect(plain.programSize.volumeIterations == nil && started.programSize.volumeIterations == 30)
        #expect(throughput.programSize.volumeIterations == nil)
        #expect(isClose(try #require(plain.objectiveValue), try #require(started.objectiveValue), tolerance: 1e-9))
    }
}
