import ArgumentParser
import Foundation
import FreightNetwork
import GLPK
import Scenarios
import Simulation

/// What the hidden `corridor capacity --timing` measures (for `Benchmarks/scripts/compare-capacity`).
enum CapacityTiming: String, ExpressibleByArgument, CaseIterable {
    /// Each corridor's maximum flow and minimum cut.
    case maxflow
    /// The same, then each corridor's λ (the concurrent-flow LP).
    case lambda
}

extension Corridor.Capacity {
    /// Loads the file (the load time includes the analysis's set-up), then times each selection's
    /// computation in the process, repeated until 0.2 s of CPU time (at least 3 runs of the max flow,
    /// 1 of λ), and prints one JSON line to standard error: milliseconds per call (the thread's CPU
    /// time, minimum and median; the wall clock's median), the capacity found, and the load time.
    /// No report, and no min-cost flow.
    func runTiming(_ mode: CapacityTiming) throws {
        let clock = ContinuousClock()
        let loadStart = clock.now
        let scenario = try self.scenario.load()
        let (selections, analysis) = try corridors.prepare(scenario)
        let loadMs = Self.milliseconds(clock.now - loadStart)
        let network = scenario.network
        let solver = GLPKSolver()
        var entries: [[String: Any]] = []
        for selection in selections {
            var capacity: CorridorCapacity?
            let flow = try Self.repeated(minimumRuns: 3) { capacity = try analysis.capacity(of: selection) }
            var entry: [String: Any] = [
                "corridor": selection.name, "maxflow_ms_min": flow.min, "maxflow_ms_median": flow.median,
                "maxflow_wall_ms_median": flow.wallMedian,
                "maxflow_runs": flow.runs, "capacity_teu": capacity?.capacityTEU ?? NSNull(),
                "cut_elements": capacity?.cut.count ?? 0,
            ]
            if mode == .lambda {
                var concurrent: ConcurrentCapacity?
                let lambda = try Self.repeated(minimumRuns: 1) {
                    concurrent = try analysis.concurrentCapacity(of: selection, solver: solver, options: solverOptions.solveOptions)
                }
                entry["lambda_ms_min"] = lambda.min
                entry["lambda_ms_median"] = lambda.median
                entry["lambda_wall_ms_median"] = lambda.wallMedian
                entry["lambda_runs"] = lambda.runs
                entry["lambda"] = concurrent?.factor ?? NSNull()
            }
            entries.append(entry)
        }
        let report: [String: Any] = [
            "file": scenario.file, "load_ms": loadMs, "nodes": network.nodes.count, "links": network.links.count,
            "corridors": entries,
        ]
        let data = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
        Output.error("corridor-timing " + String(decoding: data, as: UTF8.self))
    }

    /// Runs `body` until 0.2 s of this thread's CPU time have passed and at least `minimumRuns` times
    /// (at most 10,000); milliseconds per run: the thread's CPU time (minimum and median, what a loaded
    /// machine disturbs least) and the wall clock (median).
    private static func repeated(minimumRuns: Int, _ body: () throws -> Void) throws -> Timing {
        let clock = ContinuousClock()
        var cpu: [Double] = []
        var wall: [Double] = []
        var total = 0.0
        while cpu.count < minimumRuns || (total < 200 && cpu.count < 10_000) {
            let start = clock.now
            let startCPU = threadCPUMilliseconds()
            try body()
            let ms = threadCPUMilliseconds() - startCPU
            wall.append(milliseconds(clock.now - start))
            cpu.append(ms)
            total += ms
        }
        cpu.sort()
        wall.sort()
        return Timing(min: cpu[0], median: cpu[cpu.count / 2], wallMedian: wall[wall.count / 2], runs: cpu.count)
    }

    private struct Timing {
        var min: Double
        var median: Double
        var wallMedian: Double
        var runs: Int
    }

    private static func threadCPUMilliseconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) * 1_000 + Double(spec.tv_nsec) / 1e6
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
    }
}
