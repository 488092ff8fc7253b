import Benchmark
import Foundation
import Scenarios

/// `Validate/<size>`: what `corridor validate FILE` does with a generated scenario file, minus printing: the
/// look that tells a plan or observations file from a scenario (`ScenarioFileKind.of`), then the full load (composition, records,
/// references, warnings and the network). Issue 17 asks for L's 2.3 MB in under 0.08 s (30 MB/s); `Parse/<size>`
/// is the load alone.
func loaderBenchmarks() {
    for size in BenchmarkSize.all {
        Benchmark("Validate/\(size.label)", configuration: configuration(size, solves: false)) { benchmark in
            let path = size.file()
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                precondition(ScenarioFileKind.of(path: path) == .scenario, "Validate/\(size.label): not read as a scenario")
                blackHole(try ScenarioLoader.load(path: path))
            }
        }
    }
}
