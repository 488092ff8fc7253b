import CorridorTestSupport
import FlowFormulation
import Foundation
import FreightNetwork
import GLPK
import LinearProgramming
import Scenarios
import Simulation
import Testing

/// The bundled scenario at `name`, loaded from the package's `Scenarios/` folder.
private func bundled(_ name: String) throws -> Scenario {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    return try ScenarioLoader.load(path: root.appendingPathComponent("Scenarios/\(name)").path)
}

/// Two routes from A to D: via B (A-B capped at 100, 20 USD/TEU in all) and via C (C-D capped at
/// 50, 40 USD/TEU); 120 TEU to carry, 1,000 USD per TEU left unmet. By hand: 100 via B, 20 via C,
/// total cost 2,800. Closing A-B, B-D or B leaves 50 via C: 70 lost, cost 2,000, generalised cost
/// 72,000 (+69,200). Closing A-C, C-D or C leaves 100 via B: 20 lost, cost 2,000, +19,200.
func twoRoutes() throws -> Network {
    try Fixtures.network(
        links: [
            Fixtures.link("A", "B", cost: 10, capacity: 100), Fixtures.link("B", "D", cost: 10),
            Fixtures.link("A", "C", cost: 20), Fixtures.link("C", "D", cost: 20, capacity: 50),
        ],
        demands: [Fixtures.demand("A", "D", teu: 120, penalty: 1_000)]
    )
}

@Suite("Disruption sweeps", .tags(.sweep))
struct SweepTests {
    @Test("Single failures on a hand-checked network: lost TEU, costs and the ranking")
    func handChecked() throws {
        let network = try twoRoutes()
        let engine = SweepEngine(network: network, factory: GLPKSolver())
        let targets = FailureTarget.all(in: network, kinds: [.link, .node])
        #expect(targets.map(\.element.id) == ["A-B", "B-D", "A-C", "C-D", "B", "C"])  // A and D are endpoints
        let run = try engine.singleFailures(
            scenario: "two routes", file: "-", targets: targets, kinds: [.link, .node], includeEndpoints: false,
            rankBy: .lostTEU, pairTop: 2, threads: 2)
        #expect(isClose(try #require(run.intact.objectiveUSD), 2_800))
        #expect(run.intact.deliveredTEU == 120)
        let ranking = CriticalityRanking(run)
        #expect(ranking.singles.map { run.targets[$0.targets[0]].id } == ["A-B", "B-D", "B", "A-C", "C-D", "C"])
        let worst = ranking.singles[0]
        #expect(isClose(worst.lostTEU, 70))
        #expect(isClose(worst.addedCostUSD, -800))
        #expect(isClose(try #require(worst.addedObjectiveUSD), 69_200))
        #expect(isClose(ranking.singles[3].lostTEU, 20))
        #expect(isClose(try #require(ranking.singles[3].addedObjectiveUSD), 19_200))
        // The pair of the two most critical (A-B and B-D) closes the same route as either alone.
        let pair = try #require(ranking.pairs.first)
        #expect(isClose(pair.lostTEU, 70))
        #expect(isClose(try #require(pair.interactionUSD), -69_200))
        // A-B binds in the intact network (100 of 100); with route B closed, C-D does (50 of 50).
        let ab = try #require(run.capacities.firstIndex { $0.id == "A-B" })
        let cd = try #require(run.capacities.firstIndex { $0.id == "C-D" })
        #expect(run.intact.binding == [ab])
        #expect(worst.metrics.binding == [cd])
    }

    @Test("Closing a demand's origin (with --include-endpoints) loses that demand")
    func closingAnOrigin() throws {
        let network = try twoRoutes()
        let engine = SweepEngine(network: network, factory: GLPKSolver())
        let origin = try #require(
            FailureTarget.all(in: network, kinds: [.node], includeEndpoints: true).first { $0.element.id == "A" })
        let intact = try engine.solveIntact()
        let answer = try #require(
            try engine.solve([0], disruption: { _ in origin.disruption }, from: intact, threads: 1)[0])
        #expect(answer.deliveredTEU == 0)
        #expect(answer.avgTimeDays == nil)
        #expect(isClose(try #require(answer.objectiveUSD), 120_000))
    }

    /// The acceptance check of the solver core: re-solves from the intact basis give the optima of
    /// disrupted networks formulated anew and solved cold, on a sample of real cases.
    @Test("Warm re-solves give the same optima as cold solves (bundled network, sample of cases)")
    func warmEqualsCold() throws {
        let scenario = try bundled("caspian-winter-risk.yaml")
        let engine = SweepEngine(network: scenario.network, factory: GLPKSolver())
        let targets = FailureTarget.all(in: scenario.network, kinds: [.link, .node, .border])
        let sampler = MonteCarloSampler(uncertainty: scenario.uncertainty, network: scenario.network, seed: 11)
        let cases =
            stride(from: 0, to: targets.count, by: 7).map { targets[$0].disruption } + (0..<8).map(sampler.disruption)
        let intact = try engine.solveIntact()
        let warm = try engine.solve(Array(cases.indices), disruption: { cases[$0] }, from: intact, threads: 2)
        let solver = GLPKSolver()
        for (index, disruption) in cases.enumerated() {
            let cold = try engine.solveCold(disruption, solver: solver)
            let answer = try #require(warm[index])
            #expect(answer.status == .optimal && cold.status == .optimal)
            #expect(
                isClose(try #require(answer.objectiveUSD), try #require(cold.objectiveUSD), tolerance: 1e-8),
                "case \(index)")
            #expect(isClose(answer.deliveredTEU, cold.deliveredTEU, tolerance: 1e-6), "case \(index)")
        }
    }

    @Test("Answers do not depend on threads, order or shards, to the last bit")
    func deterministic() throws {
        let scenario = try bundled("caspian-winter-risk.yaml")
        let engine = SweepEngine(network: scenario.network, factory: GLPKSolver())
        let sampler = MonteCarloSampler(uncertainty: scenario.uncertainty, network: scenario.network, seed: 5)
        let serial = try engine.monteCarlo(
            scenario: scenario.name, file: "f", sampler: sampler, samples: 40, threads: 1)
        let parallel = try engine.monteCarlo(
            scenario: scenario.name, file: "f", sampler: sampler, samples: 40, threads: 2)
        #expect(serial == parallel)
        #expect(serial.isComplete && !serial.interrupted)
        let intact = try engine.solveIntact()
        let again = try engine.solveIntact(from: intact.basis)  // as another process would, from a saved basis
        #expect(again.metrics.iterations == 0 && again.basis == intact.basis)
        #expect(again.metrics.objectiveUSD == intact.metrics.objectiveUSD)
        let backwards = try engine.solve(
            Array((0..<40).reversed()), disruption: sampler.disruption, from: intact, threads: 1)
        #expect(Array(backwards.reversed()) == serial.results)
        let parts = try (0..<3).map { index in
            try engine.monteCarlo(
                scenario: scenario.name, file: "f", sampler: sampler, samples: 40, shard: Shard(index: index, count: 3),
                threads: 2)
        }
        #expect(parts.allSatisfy { !$0.isComplete && !$0.interrupted })
        #expect(try SweepRun.merged(parts) == serial)
    }

    @Test("Sharded single failures with pairs merge into the unsharded run")
    func shardedPairs() throws {
        let network = try twoRoutes()
        let engine = SweepEngine(network: network, factory: GLPKSolver())
        let targets = FailureTarget.all(in: network, kinds: [.link, .node])
        func run(_ shard: Shard) throws -> SweepRun {
            try engine.singleFailures(
                scenario: "two", file: "-", targets: targets, kinds: [.link, .node], includeEndpoints: false,
                rankBy: .objective, pairTop: 4, shard: shard, threads: 2)
        }
        let whole = try run(.whole)
        #expect(whole.caseCount == targets.count + 6)
        let parts = try [run(Shard(index: 0, count: 2)), run(Shard(index: 1, count: 2))]
        #expect(try SweepRun.merged(parts) == whole)
        #expect(throws: SweepMergeError.self) { try SweepRun.merged([parts[0], parts[0]]) }
    }

    @Test("A stop request keeps the finished cases and marks the run interrupted")
    func stops() throws {
        let network = try twoRoutes()
        let engine = SweepEngine(network: network, factory: GLPKSolver())
        let targets = FailureTarget.all(in: network, kinds: [.link])
        let run = try engine.singleFailures(
            scenario: "two", file: "-", targets: targets, kinds: [.link], includeEndpoints: false, rankBy: .lostTEU,
            pairTop: nil, threads: 1, control: SweepControl(shouldStop: { true }))
        #expect(run.interrupted && run.completedCount == 0)
    }

    @Test("Monte Carlo states: reproducible per (seed, index), groups move together, closures at their rate")
    func sampler() throws {
        let network = try twoRoutes()
        let uncertainty = [
            CapacityUncertainty(
                label: "link A-B", source: "t:1", links: [Link.ID("A-B")], nodes: [], closedProbability: 0.3, group: "g"
            ),
            CapacityUncertainty(
                label: "link C-D", source: "t:2", links: [Link.ID("C-D")], nodes: [], closedProbability: 0.3,
                capacityFactor: .uniform(low: 0.5, high: 0.7), group: "g"),
            CapacityUncertainty(
                label: "node B", source: "t:3", links: [], nodes: [Node.ID("B")], capacityFactor: .fixed(0.5)),
        ]
        let sampler = MonteCarloSampler(uncertainty: uncertainty, network: network, seed: 42)
        let again = MonteCarloSampler(uncertainty: uncertainty, network: network, seed: 42)
        #expect((0..<50).map(sampler.factors) == (0..<50).map(again.factors))
        #expect(sampler.factors(0) != sampler.factors(1))
        #expect(sampler.draws(0).count == 2)  // one per group, one per ungrouped entry
        var closed = 0
        for index in 0..<2_000 {
            let f = sampler.factors(index)
            #expect((f[0] == 0) == (f[1] == 0))  // the group closes together
            if f[1] != 0 { #expect((0.5...0.7).contains(f[1])) }
            #expect(f[2] == 0.5)
            if f[0] == 0 { closed += 1 }
        }
        #expect(abs(Double(closed) / 2_000 - 0.3) < 0.04)
        let state = sampler.disruption(0)
        #expect(state.nodeFactors[try #require(network.index(of: Node.ID("B")))] == 0.5)
    }

    /// Ignoring the user's seed (seeding every sample with 0) must fail here: the runs are compared
    /// with their `seed` field set equal, so only the samples and their answers can tell them apart.
    @Test("Monte Carlo: another seed draws other samples, the same seed the same ones (seed field left out)")
    func seedChangesSamples() throws {
        let network = try twoRoutes()
        let engine = SweepEngine(network: network, factory: GLPKSolver())
        let uncertainty = [
            CapacityUncertainty(
                label: "link A-B", source: "t:1", links: [Link.ID("A-B")], nodes: [], closedProbability: 0.3,
                capacityFactor: .uniform(low: 0.2, high: 1)),
            CapacityUncertainty(
                label: "link C-D", source: "t:2", links: [Link.ID("C-D")], nodes: [], closedProbability: 0.3),
        ]
        func run(seed: UInt64) throws -> SweepRun {
            let sampler = MonteCarloSampler(uncertainty: uncertainty, network: network, seed: seed)
            var run = try engine.monteCarlo(scenario: "two", file: "-", sampler: sampler, samples: 20, threads: 1)
            #expect(run.seed == seed)
            run.seed = nil  // compare the samples, not the seed that labels them
            return run
        }

        let first = try run(seed: 2_024)
        let again = try run(seed: 2_024)
        let other = try run(seed: 2_025)
        let zero = try run(seed: 0)

        #expect(first.isComplete && other.isComplete)
        #expect(first == again)
        #expect(first.sampleFactors != other.sampleFactors)
        #expect(first.results != other.results)
        #expect(first.sampleFactors != zero.sampleFactors && other.sampleFactors != zero.sampleFactors)
        let sampler = MonteCarloSampler(uncertainty: uncertainty, network: network, seed: 2_024)
        let otherSampler = MonteCarloSampler(uncertainty: uncertainty, network: network, seed: 2_025)
        #expect((0..<20).map(sampler.draws) != (0..<20).map(otherSampler.draws))
        var a = SeededRandom(seed: 2_024, index: 0)
        var b = SeededRandom(seed: 2_025, index: 0)
        #expect(a.next() != b.next())
    }

    @Test("Distributions: mean and type-7 percentiles")
    func distribution() throws {
        let d = try #require(MonteCarloSummary.Distribution([5, 1, 4, 2, 3]))
        #expect(d.mean == 3 && d.p50 == 3 && d.minimum == 1 && d.maximum == 5)
        #expect(isClose(d.p5, 1.2) && isClose(d.p95, 4.8))
        #expect(MonteCarloSummary.Distribution([]) == nil)
        #expect(CapacityFactorDistribution.triangular(low: 0, mode: 0.5, high: 1).quantile(0.5) == 0.5)
        #expect(CapacityFactorDistribution.discrete(values: [1, 0.5], probabilities: [0.7, 0.3]).quantile(0.2) == 0.5)
    }
}

extension Tag {
    /// Tests of disruption sweeps (`corridor sweep`).
    @Tag static var sweep: Self
}
