import FlowFormulation
import LinearProgramming
import Scenarios

/// Bytes → the scenario loader, as `Scenarios/fuzz-input.yaml` (so `extends` of a bundled file
/// works) → for a file that loads, both formulations.
///
/// The loader must never crash or hang; a failure must carry at least one error, each with a
/// file and a message; a scenario that loads must formulate to a valid LP (finite numbers,
/// names GLPK accepts).
enum ScenarioLoaderHarness {
    static func run(_ bytes: [UInt8]) {
        // What `corridor` does with a file's bytes before the loader sees them.
        var content = bytes[...]
        if content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
        guard !content.contains(0), let text = String(validating: content, as: UTF8.self) else { return }
        do {
            let scenario = try ScenarioLoader.load(
                text: text, file: FuzzHarness.scenariosDirectory + "/fuzz-input.yaml")
            for warning in scenario.warnings {
                invariant(warning.severity == .warning && !warning.message.isEmpty, "a warning without a message")
            }
            for objective in Objective.allCases {
                let problems = FlowProgram(network: scenario.network, objective: objective).program.validationProblems()
                invariant(problems.isEmpty, "a loaded scenario formulated to an invalid LP: \(problems.prefix(3))")
            }
        } catch {
            invariant(error.hasErrors, "loading failed without an error")
            for problem in error.errors {
                invariant(
                    !problem.message.isEmpty && !problem.position.file.isEmpty, "an error without a message or file")
            }
            _ = error.description
        }
    }
}
