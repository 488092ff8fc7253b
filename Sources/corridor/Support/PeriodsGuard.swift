import ArgumentParser
import Scenarios

/// Commands that solve annual steady states only refuse a scenario with `periods`, plainly.
enum PeriodsGuard {
    /// Throws exit 65 with an explanation when `scenario` has periods.
    static func rejectPeriods(_ scenario: Scenario, command: String) throws {
        guard scenario.periods != nil else { return }
        Output.error(
            "\(scenario.file): error: `corridor \(command)` solves annual steady states and does not support `periods` yet; "
                + "use `corridor run` or `corridor compare` for the seasonal result, or a copy of the file without `periods` "
                + "for an annual \(command)"
        )
        throw ExitCodes.dataError
    }
}
