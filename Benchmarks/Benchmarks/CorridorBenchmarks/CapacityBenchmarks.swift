import Benchmark
import Foundation
import FreightNetwork
import GLPK
import Scenarios
import Simulation

// Corridor capacities (issue 13): each default corridor's maximum flow and minimum cut
// (`CapacityAnalysis.capacity(of:)`: the node-split graph, Dinic's algorithm, the cut and its check),
// and with λ (`concurrentCapacity(of:solver:)`: the arc-form LP on the bundled network, column generation
// over paths on the generated ones). The network is loaded before the
// measurement: only the computation is timed. `Benchmarks/scripts/compare-capacity` sets the same
// instances side by side with OR-Tools' `SimpleMaxFlow`.

/// The network and the default corridor selections of one capacity fixture.
struct CapacityFixture: Sendable {
    let analysis: CapacityAnalysis
    let selections: [CorridorSelection]

    init(network: Network) {
        do {
            analysis = try CapacityAnalysis(network: network)
        } catch {
            fatalError("capacity fixture: \(error)")
        }
        selections = CorridorSelection.defaults(in: network)
    }

    /// The bundled `Scenarios/baseline-2021.yaml`, or nil (with a note) when it does not load.
    static let bundled: CapacityFixture? = {
        let path = repositoryRoot.appendingPathComponent("Scenarios/baseline-2021.yaml").path
        guard let scenario = try? ScenarioLoader.load(path: path) else {
            note("skipping Capacity/bundled and CapacityLambda/bundled: \(path) does not load")
            return nil
        }
        return CapacityFixture(network: scenario.network)
    }()
}

let capacityFixtures = FixtureCache<CapacityFixture>()

func capacityBenchmarks() {
    let fast = configuration(warmupIterations: 3, maxDuration: .seconds(3), maxIterations: 1_000)
    if CapacityFixture.bundled != nil {
        // Every default corridor of the bundled network: max flow + cut only.
        Benchmark("Capacity/bundled", configuration: fast) { benchmark in
            let fixture = CapacityFixture.bundled!
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                for selection in fixture.selections { blackHole(try fixture.analysis.capacity(of: selection)) }
            }
        }
        // The same with λ (one GLPK LP per corridor), as `corridor capacity` computes both.
        Benchmark("CapacityLambda/bundled", configuration: fast) { benchmark in
            let fixture = CapacityFixture.bundled!
            let solver = GLPKSolver()
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                for selection in fixture.selections {
                    blackHole(try fixture.analysis.capacity(of: selection))
                    blackHole(try fixture.analysis.concurrentCapacity(of: selection, solver: solver))
                }
            }
        }
    }
    // Every default corridor of the generated networks (southern, middle, northern, overland).
    for size in BenchmarkSize.all {
        let config =
            size.nodes <= 1_000
            ? fast : configuration(warmupIterations: 2, maxDuration: .seconds(5), maxIterations: 200)
        Benchmark("Capacity/\(size.label)", configuration: config) { benchmark in
            let fixture = capacityFixtures.value(size.label) { CapacityFixture(network: size.cachedNetwork) }
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                for selection in fixture.selections { blackHole(try fixture.analysis.capacity(of: selection)) }
            }
        }
        // λ alone on every default corridor: column generation over paths from 5,000 arc-form columns
        // (S, M, L; the arc form at L took 21–83 s a corridor).
        Benchmark("CapacityLambda/\(size.label)", configuration: config) { benchmark in
            let fixture = capacityFixtures.value(size.label) { CapacityFixture(network: size.cachedNetwork) }
            let solver = GLPKSolver()
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                for selection in fixture.selections {
                    blackHole(try fixture.analysis.concurrentCapacity(of: selection, solver: solver))
                }
            }
        }
    }
}
