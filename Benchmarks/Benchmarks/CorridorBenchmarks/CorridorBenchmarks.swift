import Benchmark
import FlowFormulation
import Foundation
import FreightNetwork
import GLPK
import LinearProgramming
import Reports
import Scenarios
import Simulation

/// Metrics for every benchmark: wall clock and CPU for reading, instructions (0 where the VM has no
/// hardware counters), and the deterministic malloc count and peak resident memory.
let corridorMetrics: [BenchmarkMetric] = [
    .wallClock, .cpuTotal, .instructions, .mallocCountTotal, .peakMemoryResident,
]

/// The tolerances of the static thresholds checked in under `Benchmarks/Thresholds/` (p90 of each
/// benchmark, written by `scripts/thresholds update`, checked by `scripts/thresholds check`): a
/// relative deviation in percent either way, so that an improvement past it fails the check too and
/// the thresholds are updated with the change that made it. Only the metrics with a tolerance here
/// are written to the thresholds files: the malloc count (exact for one sample, but the harness's own
/// threads and the p90 of a histogram move it by up to about 1 %) and instructions (where the machine
/// has hardware counters). Times are too noisy on shared machines to guard.
var thresholdTolerances: [BenchmarkMetric: BenchmarkThresholds] {
    [
        .mallocCountTotal: .init(relative: [.p90: 2.0]),
        .instructions: .init(relative: [.p90: 5.0]),
    ]
}

/// Every time in microseconds and mallocs as plain counts, so that S, M and L read alike.
func configuration(warmupIterations: Int, maxDuration: Duration, maxIterations: Int) -> Benchmark.Configuration {
    .init(
        metrics: corridorMetrics,
        timeUnits: .microseconds,
        units: [.mallocCountTotal: .count, .instructions: .count],
        warmupIterations: warmupIterations,
        maxDuration: maxDuration,
        maxIterations: maxIterations,
        thresholds: thresholdTolerances
    )
}

/// Primal simplex without presolve, as `corridor run` solves.
let primalSimplex = SolveOptions(algorithm: .primalSimplex, presolve: false)

/// Configuration by cost: milliseconds get many samples; a solve at M (≈ 25 s) gets 3, at L one.
func configuration(_ size: BenchmarkSize, solves: Bool) -> Benchmark.Configuration {
    if size.nodes <= 100 || (!solves && size.nodes <= 1_000) {
        configuration(warmupIterations: 2, maxDuration: .seconds(3), maxIterations: 100)
    } else if !solves {
        configuration(warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 10)
    } else if size.nodes <= 1_000 {
        configuration(warmupIterations: 0, maxDuration: .seconds(75), maxIterations: 3)
    } else {
        configuration(warmupIterations: 0, maxDuration: .seconds(1), maxIterations: 1)
    }
}

/// The main package's root: four levels above this file (Benchmarks/Benchmarks/CorridorBenchmarks/<file>).
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

func note(_ text: String) {
    FileHandle.standardError.write(Data("CorridorBenchmarks: \(text)\n".utf8))
}

/// Parse, build, solve, decode and end to end, for one size.
func scaleBenchmarks(_ size: BenchmarkSize) {
    let label = size.label
    Benchmark("Parse/\(label)", configuration: configuration(size, solves: false)) { benchmark in
        let path = size.file()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try ScenarioLoader.load(path: path))
        }
    }

    Benchmark("Build/\(label)", configuration: configuration(size, solves: false)) { benchmark in
        let network = size.cachedNetwork
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(FlowProgram(network: network, objective: .minCost))
        }
    }

    Benchmark("Solve/\(label)", configuration: configuration(size, solves: true)) { benchmark in
        let program = FlowProgram(network: size.cachedNetwork, objective: .minCost).program
        let solver = GLPKSolver()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let solution = try solver.solve(program, options: primalSimplex)
            precondition(solution.termination == .optimal, "Solve/\(label): \(solution.termination)")
            blackHole(solution)
        }
    }

    // Formulation plus decoding (flows, duals, binding constraints, routes) of a solution solved before
    // the measurement: Decode − Build is the decoding alone.
    Benchmark("Decode/\(label)", configuration: configuration(size, solves: false)) { benchmark in
        let network = size.cachedNetwork
        let solution = solutions.value(label) {
            let solution = try? GLPKSolver().solve(FlowProgram(network: network).program, options: primalSimplex)
            guard let solution, solution.termination == .optimal else { fatalError("Decode/\(label): no optimum") }
            return solution
        }
        let simulator = Simulator(solver: ReplaySolver(solution: solution))
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try simulator.run(network, scenario: "synthetic-\(label)", objective: .minCost))
        }
    }

    // What `corridor run FILE` does, minus printing: load the file, formulate, solve, decode.
    Benchmark("Run/\(label)", configuration: configuration(size, solves: true)) { benchmark in
        let path = size.file()
        let simulator = Simulator(solver: GLPKSolver(), options: primalSimplex)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let scenario = try ScenarioLoader.load(path: path)
            let result = try simulator.run(scenario.network, scenario: scenario.name, objective: .minCost)
            precondition(result.status == .optimal, "Run/\(label): \(result.status)")
            blackHole(result)
        }
    }
}

let benchmarks: @Sendable () -> Void = {
    for size in BenchmarkSize.all { scaleBenchmarks(size) }

    // What `corridor validate` does with a generated file (LoaderBenchmarks.swift).
    loaderBenchmarks()

    // Load/baseline-2021: only when the scenario exists and loads.
    let scenarioPath = repositoryRoot.appendingPathComponent("Scenarios/baseline-2021.yaml").path
    if !FileManager.default.fileExists(atPath: scenarioPath) {
        note("skipping Load/baseline-2021: \(scenarioPath) does not exist")
    } else {
        do throws(ScenarioDiagnostics) {
            _ = try ScenarioLoader.load(path: scenarioPath)
            Benchmark(
                "Load/baseline-2021",
                configuration: configuration(warmupIterations: 2, maxDuration: .seconds(3), maxIterations: 100)
            ) { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(try ScenarioLoader.load(path: scenarioPath))
                }
            }
            // What `corridor run Scenarios/baseline-2021.yaml --format json` does minus process start-up and
            // the corridor capacities: load, formulate, solve (one cold primal simplex), decode, render.
            Benchmark(
                "Run/baseline-2021",
                configuration: configuration(warmupIterations: 2, maxDuration: .seconds(3), maxIterations: 100)
            ) { benchmark in
                let simulator = Simulator(solver: GLPKSolver(), options: primalSimplex)
                for _ in benchmark.scaledIterations {
                    let scenario = try ScenarioLoader.load(path: scenarioPath)
                    let result = try simulator.run(scenario.network, scenario: scenario.name, objective: .minCost)
                    precondition(result.status == .optimal, "Run/baseline-2021: \(result.status)")
                    blackHole(JSONReport.render(result, context: ReportContext(file: scenario.file)))
                }
            }
        } catch {
            note("skipping Load/baseline-2021: \(scenarioPath) does not load: \(error)")
        }
    }

    // Seasons: the 2023 network solved as one year and as 12 months (issue 8's "12 months within 60 s").
    seasonalBenchmarks()

    // The bundled seasonal plan, as `corridor plan` solves it (PlanBenchmarks.swift).
    planBenchmarks()

    // Disruption sweeps: warm against cold per case, and sweeps on 1 and 2 threads (SweepBenchmarks.swift).
    sweepBenchmarks()

    // Corridor capacities: max flow + cut, and λ (CapacityBenchmarks.swift).
    capacityBenchmarks()
}

/// `Seasonal/<file>`: what `corridor run FILE` does minus printing, on bundled files: the annual
/// `russia-disrupted-2023.yaml` and the 12-month files built on it, solved by the period decomposition
/// (the default). `…-arc` solves the first 12-month file as the full time-expanded program (`--method
/// arc`, 20-60 s: 3 samples), and `…-standard-start` that program from GLPK's all-slack basis instead of
/// the crash basis it starts from, to show what that start is worth.
func seasonalBenchmarks() {
    let files = [
        "russia-disrupted-2023", "caspian-winter-seasonal", "caspian-winter-seasonal-arc",
        "caspian-winter-seasonal-standard-start", "caspian-winter-seasonal-upgraded",
        "caspian-winter-seasonal-upgraded-warehouse",
    ]
    for name in files {
        let standardStart = name.hasSuffix("-standard-start")
        let fullProgram = standardStart || name.hasSuffix("-arc")
        let suffix = standardStart ? "-standard-start" : fullProgram ? "-arc" : ""
        let file = String(name.dropLast(suffix.count))
        let path = repositoryRoot.appendingPathComponent("Scenarios/\(file).yaml").path
        guard FileManager.default.fileExists(atPath: path) else {
            note("skipping Seasonal/\(name): \(path) does not exist")
            continue
        }
        let fast = !fullProgram
        let configuration =
            fast
            ? configuration(warmupIterations: 2, maxDuration: .seconds(10), maxIterations: 100)
            : configuration(warmupIterations: 0, maxDuration: .seconds(90), maxIterations: 3)
        Benchmark("Seasonal/\(name)", configuration: configuration) { benchmark in
            var options = primalSimplex
            if standardStart { options.startBasis = .standard }
            let simulator = Simulator(solver: GLPKSolver(), options: options, method: fullProgram ? .arc : .auto)
            for _ in benchmark.scaledIterations {
                let scenario = try ScenarioLoader.load(path: path)
                let result =
                    if let periods = scenario.periods {
                        try simulator.run(scenario.network, periods: periods, scenario: scenario.name)
                    } else {
                        try simulator.run(scenario.network, scenario: scenario.name)
                    }
                precondition(result.status == .optimal, "Seasonal/\(name): \(result.status)")
                blackHole(result)
            }
        }
    }
}
