import Benchmark
import FlowFormulation
import Foundation
import GLPK
import LinearProgramming
import Scenarios
import Simulation

/// `Plan/<file>`: what `corridor plan Scenarios/plans/<file>.yaml` does minus printing, on the bundled
/// seasonal plan: the plan file and its 12-month scenario loaded and checked, then `Planner.plan` as the
/// command sets it up (GLPK, gap 0.0001, project values and sensitivity, a thread per core, `--method
/// auto`: branch-and-bound over the yard with each node's LP by the period decomposition). About 9 s a
/// sample: 3 samples without warm-up. `--method arc` (811 s) has no benchmark.
func planBenchmarks() {
    let name = "caspian-warehouse-seasonal"
    let path = repositoryRoot.appendingPathComponent("Scenarios/plans/\(name).yaml").path
    guard FileManager.default.fileExists(atPath: path) else {
        note("skipping Plan/\(name): \(path) does not exist")
        return
    }
    Benchmark(
        "Plan/\(name)",
        configuration: configuration(warmupIterations: 0, maxDuration: .seconds(60), maxIterations: 3)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            let loaded = try PlanFile.loadChecked(path: path)
            // As `corridor plan` (PlanScenarioOptions.load): labelled by file name, without congestion.
            let scenarios = loaded.scenarios.map { scenario, weight in
                PlanScenario(
                    name: URL(fileURLWithPath: scenario.file).deletingPathExtension().lastPathComponent,
                    network: scenario.network.withoutCongestion, weight: weight, periods: scenario.periods)
            }
            // As `corridor plan` (MIPOptions.planner) with its defaults.
            var planner = Planner(solver: GLPKSolver(), options: SolveOptions(mipGap: 0.0001))
            planner.threads = ProcessInfo.processInfo.activeProcessorCount
            planner.reference = scenarios.first?.network
            let plan = try planner.plan(scenarios, loaded.plan.catalog, objective: .expectedCost)
            precondition(plan.status == .optimal, "Plan/\(name): \(plan.status)")
            precondition(
                plan.method.kind == .periodBranchAndBound && plan.method.fallbacks == 0,
                "Plan/\(name): \(plan.method)")
            blackHole(plan)
        }
    }
}
