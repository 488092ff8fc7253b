import Benchmark
import FlowFormulation
import Foundation
import FreightNetwork
import GLPK
import LinearProgramming
import Scenarios
import Simulation

/// Metrics for every benchmark; wall clock and CPU are for local reading, mallocs are deterministic.
let corridorMetrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident]

/// Reported units: every time in microseconds and mallocs as plain counts, so that S and M read alike.
func configuration(warmupIterations: Int, maxDuration: Duration, maxIterations: Int) -> Benchmark.Configuration {
    .init(
        metrics: corridorMetrics,
        timeUnits: .microseconds,
        units: [.mallocCountTotal: .count],
        warmupIterations: warmupIterations,
        maxDuration: maxDuration,
        maxIterations: maxIterations
    )
}

/// Primal simplex without presolve: the project's default and the fastest for this problem class.
let primalSimplex = SolveOptions(algorithm: .primalSimplex, presolve: false)

/// Configuration by cost.
///
/// Anything on S and Formulate/M takes milliseconds, so it gets many samples.
/// Solve/M and Run/M take about 20 s each on a 2-core machine, so they get no warm-up and at most three
/// samples, which keeps the whole run within a few minutes.
func configuration(_ size: SyntheticCorridor.Size, solves: Bool) -> Benchmark.Configuration {
    if size.nodes > 100 && solves {
        configuration(warmupIterations: 0, maxDuration: .seconds(75), maxIterations: 3)
    } else {
        configuration(warmupIterations: 2, maxDuration: .seconds(3), maxIterations: 100)
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

let benchmarks: @Sendable () -> Void = {
    for size in [SyntheticCorridor.small, SyntheticCorridor.medium] {
        Benchmark("Formulate/\(size.label)", configuration: configuration(size, solves: false)) { benchmark in
            let network = SyntheticCorridor.network(size)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(FlowProgram(network: network, objective: .minCost))
            }
        }

        Benchmark("Solve/\(size.label)", configuration: configuration(size, solves: true)) { benchmark in
            let program = FlowProgram(network: SyntheticCorridor.network(size), objective: .minCost).program
            let solver = GLPKSolver()
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                let solution = try solver.solve(program, options: primalSimplex)
                precondition(solution.termination == .optimal, "Solve/\(size.label): \(solution.termination)")
                blackHole(solution)
            }
        }

        Benchmark("Run/\(size.label)", configuration: configuration(size, solves: true)) { benchmark in
            let network = SyntheticCorridor.network(size)
            let simulator = Simulator(solver: GLPKSolver(), options: primalSimplex)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                let result = try simulator.run(network, scenario: "synthetic-\(size.label)", objective: .minCost)
                precondition(result.status == .optimal, "Run/\(size.label): \(result.status)")
                blackHole(result)
            }
        }
    }

    // Load/baseline-2021: only when the scenario exists and loads (it is still being written).
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
        } catch {
            note("skipping Load/baseline-2021: \(scenarioPath) does not load: \(error)")
        }
    }

    // Disruption sweeps: warm against cold per case, and sweeps on 1 and 2 threads (SweepBenchmarks.swift).
    sweepBenchmarks()
}
