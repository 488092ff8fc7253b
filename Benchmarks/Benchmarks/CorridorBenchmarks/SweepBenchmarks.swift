import Benchmark
import FlowFormulation
import Foundation
import FreightNetwork
import GLPK
import LinearProgramming
import Scenarios
import Simulation
import Synchronization

// Disruption sweeps (issue 4): a warm re-solve of one case against a cold build-and-solve of the same
// case, and a sweep of many cases on 1 and on 2 threads, on the reference network and on a synthetic
// network of 2,000 nodes.
//
// The intact network is solved once per benchmark process (the first sample builds the fixture,
// before `startMeasurement()`), so only the cases are timed.

extension BenchmarkSize {
    /// 2,000 nodes, 8,000 directed links, 20 demands from 10 origin hubs (10 commodities), written by
    /// the library generator (`corridor generate`).
    static let sweep2k = BenchmarkSize(label: "2k", nodes: 2_000, links: 8_000, demands: 20)
}

/// A network ready to sweep: its engine, the intact optimum and the cases.
struct SweepFixture: Sendable {
    let engine: SweepEngine
    let intact: SweepEngine.Intact
    /// The cases the benchmarks solve, in a fixed order.
    let cases: [Disruption]

    /// The reference network, `Scenarios/baseline-2021.yaml`: every single failure of a link or node
    /// (`corridor sweep --single-failures`).
    static let reference: SweepFixture? = {
        let path = repositoryRoot.appendingPathComponent("Scenarios/baseline-2021.yaml").path
        guard let scenario = try? ScenarioLoader.load(path: path) else {
            note("skipping the reference sweep benchmarks: \(path) does not load")
            return nil
        }
        let engine = SweepEngine(network: scenario.network, factory: GLPKSolver())
        guard let intact = try? engine.solveIntact() else { return nil }
        let targets = FailureTarget.all(in: scenario.network, kinds: [.link, .node])
        return SweepFixture(engine: engine, intact: intact, cases: targets.map(\.disruption))
    }()

    /// The synthetic 2,000-node network: closing each of the first 16 links whose capacity binds in
    /// the intact optimum (busy links, so every case reroutes freight).
    static let synthetic: SweepFixture? = {
        let network = BenchmarkSize.sweep2k.network()
        let engine = SweepEngine(network: network, factory: GLPKSolver(), options: primalSimplex)
        guard let intact = IntactCache.intact(of: engine) else { return nil }
        let busy = intact.metrics.binding.map { engine.capacities[$0] }.filter { $0.kind == "link" }.prefix(16)
        let cases = busy.compactMap { element -> Disruption? in
            guard let link = network.index(of: Link.ID(element.id)) else { return nil }
            var disruption = Disruption()
            disruption.close(link: link)
            return disruption
        }
        return SweepFixture(engine: engine, intact: intact, cases: cases)
    }()
}

/// The intact optimal basis of a fixture, kept in the temporary directory between benchmark processes.
///
/// package-benchmark runs every benchmark in a process of its own, and the 2,000-node network's
/// cold solve takes ~45 s: the first process solves it and saves the basis (named by the LP's
/// digest), the others re-solve from it in 0 iterations. The basis is the one a cold solve finds
/// (it is deterministic), so the cases start from the same point either way.
enum IntactCache {
    static func intact(of engine: SweepEngine) -> SweepEngine.Intact? {
        let program = engine.formulation.program
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("corridor-benchmark-basis-\(ProgramDigest.of(program)).bin")
        if let data = try? Data(contentsOf: file), data.count == program.rowCount + program.columnCount {
            let statuses = data.map { LPBasis.Status(rawValue: $0) ?? .basic }
            let basis = LPBasis(
                rows: Array(statuses[..<program.rowCount]), columns: Array(statuses[program.rowCount...]))
            if let intact = try? engine.solveIntact(from: basis), intact.metrics.iterations == 0 { return intact }
        }
        guard let intact = try? engine.solveIntact() else { return nil }
        let bytes = (intact.basis.rows + intact.basis.columns).map(\.rawValue)
        try? Data(bytes).write(to: file, options: .atomic)
        return intact
    }
}

/// Which case the next sample of a per-case benchmark takes (samples cycle through the cases).
private let nextCase = Atomic<Int>(0)

/// The sweep benchmarks; called from `benchmarks` in `CorridorBenchmarks.swift`.
func sweepBenchmarks() {
    // Reference network (72 nodes, 160 single failures): quick, so many samples.
    let quick = configuration(warmupIterations: 2, maxDuration: .seconds(5), maxIterations: 200)
    // 2,000 nodes: building the fixture (the intact network's cold solve, ~45 s) happens in the first
    // sample and counts against maxDuration; then a cold case takes ~45 s, a warm one ~0.1-0.3 s and
    // the sweep of 16 warm cases a few seconds.
    let slowCold = configuration(warmupIterations: 0, maxDuration: .seconds(150), maxIterations: 2)
    let slowWarm = configuration(warmupIterations: 0, maxDuration: .seconds(120), maxIterations: 48)
    let slowSweep = configuration(warmupIterations: 0, maxDuration: .seconds(120), maxIterations: 6)

    for (label, caseConfiguration, coldConfiguration, sweepConfiguration) in [
        ("reference", quick, quick, quick),
        ("2k", slowWarm, slowCold, slowSweep),
    ] {
        @Sendable func fixture() -> SweepFixture? { label == "2k" ? SweepFixture.synthetic : SweepFixture.reference }
        // One case re-solved warm on an open session: bounds changed, intact basis restored, dual simplex.
        Benchmark("Case/\(label)/warm", configuration: caseConfiguration) { benchmark in
            guard let f = fixture(), !f.cases.isEmpty else { return }
            try f.engine.withWarmCases(from: f.intact) { solve in
                benchmark.startMeasurement()
                for _ in benchmark.scaledIterations {
                    let index = nextCase.wrappingAdd(1, ordering: .relaxed).oldValue % f.cases.count
                    let answer = solve(f.cases[index])
                    precondition(answer.status == .optimal, "Case/\(label)/warm: \(String(describing: answer.status))")
                    blackHole(answer)
                }
                benchmark.stopMeasurement()
            }
        }

        // The same case built and solved cold: the disrupted network formulated anew, primal simplex.
        Benchmark("Case/\(label)/cold", configuration: coldConfiguration) { benchmark in
            guard let f = fixture(), !f.cases.isEmpty else { return }
            let solver = GLPKSolver()
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                let index = nextCase.wrappingAdd(1, ordering: .relaxed).oldValue % f.cases.count
                let answer = try f.engine.solveCold(f.cases[index], solver: solver)
                precondition(answer.status == .optimal, "Case/\(label)/cold: \(String(describing: answer.status))")
                blackHole(answer)
            }
        }

        // Every case of the fixture, warm, on 1 and on 2 threads (one session per thread).
        for threads in [1, 2] {
            Benchmark("Sweep/\(label)/\(threads) thread\(threads == 1 ? "" : "s")", configuration: sweepConfiguration) {
                benchmark in
                guard let f = fixture(), !f.cases.isEmpty else { return }
                let cases = f.cases
                benchmark.startMeasurement()
                for _ in benchmark.scaledIterations {
                    let answers = try f.engine.solve(
                        Array(cases.indices), disruption: { cases[$0] }, from: f.intact, threads: threads)
                    precondition(answers.allSatisfy { $0?.status == .optimal }, "Sweep/\(label)/\(threads)")
                    blackHole(answers)
                }
            }
        }
    }
}
