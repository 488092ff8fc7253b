import Scenarios

extension Output {
    /// Loads the scenario at `file` as every command does: on bad input every problem goes to
    /// stderr and the command exits 65; warnings go to stderr and the scenario is returned.
    static func loadScenario(_ file: String) throws -> Scenario {
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader.load(path: file)
        } catch {
            Output.error(error.description)
            throw ExitCodes.dataError
        }
        for warning in scenario.warnings { Output.error(warning.description) }
        return scenario
    }
}
