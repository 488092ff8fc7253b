import ArgumentParser
import Scenarios

extension Output {
    /// Loads the scenario at `file` as every command does: on bad input every problem goes to
    /// stderr and the command exits 65; warnings go to stderr and the scenario is returned.
    static func loadScenario(_ file: String) throws -> Scenario {
        try loadScenarios([file])[0]
    }

    /// Loads every file in order, reporting each one's problems or warnings on stderr.
    /// - Throws: exit 65 after the last file when any of them has errors.
    static func loadScenarios(_ files: [String]) throws -> [Scenario] {
        var scenarios: [Scenario] = []
        for file in files {
            do {
                let scenario = try ScenarioLoader.load(path: file)
                for warning in scenario.warnings { Output.error(warning.description) }
                scenarios.append(scenario)
            } catch {
                Output.error(error.description)
            }
        }
        guard scenarios.count == files.count else { throw ExitCodes.dataError }
        return scenarios
    }

    /// Runs solver work: any failure but an exit code says `error: <context><error>` on stderr and
    /// exits 70.
    static func solving<Value>(_ context: String = "", _ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch let code as ExitCode {
            throw code
        } catch {
            Output.error("error: \(context)\(error)")
            throw ExitCodes.solverFailure
        }
    }

    /// Says the solver stopped without an optimum (on `file`, when given) and gives exit 75.
    static func stopped(_ status: String, on file: String? = nil) -> ExitCode {
        Output.error("solver stopped without an optimum\(file.map { " on \($0)" } ?? ""): \(status)")
        return ExitCodes.limitReached
    }

    /// ``stopped(_:on:)`` for each of several files (`compare`, `backtest`), one line each; nil when `runs` is empty.
    static func stopped(_ runs: [(status: String, file: String)]) -> ExitCode? {
        runs.map { stopped($0.status, on: $0.file) }.last
    }
}
