import ArgumentParser
import FlowFormulation
import Foundation
import FreightNetwork
import Scenarios

/// `corridor plan --scenarios … --weights …`: scenario files to plan over instead of the plan file's own.
struct PlanScenarioOptions: ParsableArguments {
    @Option(parsing: .upToNextOption, help: "Scenario files to plan over (instead of the file's `scenarios`).")
    var scenarios: [String] = []

    @Option(parsing: .upToNextOption, help: "Weights of --scenarios, in order (default: equal).")
    var weights: [Double] = []

    func validate() throws {
        if !weights.isEmpty, weights.count != scenarios.count {
            throw ValidationError("--weights needs one weight per --scenarios file (\(scenarios.count)), got \(weights.count).")
        }
        if weights.contains(where: { !($0 >= 0) || !$0.isFinite }) { throw ValidationError("--weights must be numbers ≥ 0.") }
        if !weights.isEmpty, weights.reduce(0, +) <= 0 { throw ValidationError("--weights add up to 0.") }
    }

    /// The plan file and its scenarios (or these), labelled by file name, checked in one pass: the plan's
    /// fields, the ids its effects name and the scenario files. Every problem goes to stderr and exits 65;
    /// warnings go to stderr.
    func load(_ file: String) throws -> (plan: PlanFile, scenarios: [PlanScenario], years: [(year: PlanYear, scenario: PlanScenario)]) {
        let references =
            scenarios.isEmpty
            ? nil : scenarios.enumerated().map { PlanFile.ScenarioReference(file: $1, weight: weights.isEmpty ? 1 : weights[$0]) }
        let loaded: LoadedPlan
        do {
            loaded = try PlanFile.loadChecked(path: file, scenarios: references)
        } catch {
            Output.error(error.description)
            throw ExitCodes.dataError
        }
        for warning in loaded.warnings { Output.error(warning.description) }
        // The plan MIP cuts congestion pieces on the base capacity, which would price added capacity at the
        // curve's steepest slope: plans are made without congestion, and say so.
        if (loaded.scenarios.map(\.scenario) + loaded.years.map(\.scenario)).contains(where: { $0.network.hasCongestion }) {
            Output.error("note: corridor plan does not model congestion: curves are left out of the plan's scenarios")
        }
        func planScenario(_ scenario: Scenario, weight: Double) -> PlanScenario {
            let label = URL(fileURLWithPath: scenario.file).deletingPathExtension().lastPathComponent
            return PlanScenario(
                name: label, network: scenario.network.withoutCongestion, weight: weight, periods: scenario.periods)
        }
        let years = loaded.years.map { ($0.year, planScenario($0.scenario, weight: $0.year.weight)) }
        return (loaded.plan, loaded.scenarios.map { planScenario($0, weight: $1) }, years)
    }
}
