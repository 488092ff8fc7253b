import Benchmark
import Foundation
import Scenarios

/// `Validate/<size>`: what `corridor validate FILE` does with a generated scenario file, minus printing: the
/// two looks that tell a plan or observations file from a scenario, then the full load (composition, records,
/// references, warnings and the network). Issue 17 asks for L's 2.3 MB in under 0.08 s (30 MB/s); `Parse/<size>`
/// is the load alone.
func loaderBenchmarks() {
    for size in BenchmarkSize.all {
        Benchmark("Validate/\(size.label)", configuration: configuration(size, solves: false)) { benchmark in
            let path = size.file()
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                precondition(!PlanFile.isPlanFile(path: path), "Validate/\(size.label): read as a plan file")
                precondition(!ObservationsFile.isObservationsFile(path: path), "Validate/\(size.label): read as observations")
                blackHole(try ScenarioLoader.load(path: path))
            }
        }
    }
}
