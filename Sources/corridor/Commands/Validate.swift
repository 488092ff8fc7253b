import ArgumentParser

extension Corridor {
    /// `corridor validate FILE…`: check scenario files without solving.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check scenario, plan and observations files and report every problem at once, without solving.",
            discussion: "Exits 0 when every file is valid (warnings allowed unless --strict), 65 otherwise."
        )

        @Argument(help: "Scenario, plan or observations files (YAML or JSON); a plan or observations file is checked with its scenarios, as `plan` and `backtest` do.")
        var files: [String]

        @Flag(help: "Treat warnings as errors.")
        var strict = false

        func run() throws {
            let check = FileCheck(strict: strict)
            var failed = false
            for file in files {
                if !(try check.check(file)) { failed = true }
            }
            if failed { throw ExitCodes.dataError }
        }
    }
}
