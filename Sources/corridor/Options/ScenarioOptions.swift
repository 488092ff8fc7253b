import ArgumentParser
import Scenarios

/// The scenario file of the commands that take one, loaded as every command loads it.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "Scenario file (YAML or JSON), e.g. Scenarios/baseline-2021.yaml.")
    var file: String

    /// The scenario (see ``Output/loadScenario(_:)``): on bad input every problem goes to stderr and
    /// the command exits 65; warnings go to stderr.
    func load() throws -> Scenario { try Output.loadScenario(file) }

    /// The scenario, refused with exit 65 when it has `periods` (see ``PeriodsGuard``).
    func loadAnnual(for command: String) throws -> Scenario {
        let scenario = try load()
        try PeriodsGuard.rejectPeriods(scenario, command: command)
        return scenario
    }
}
