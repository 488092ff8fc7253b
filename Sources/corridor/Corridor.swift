import ArgumentParser
import FileOutput
import GLPK

/// The `corridor` command line: the composition root that picks GLPK and maps errors to exit codes.
@main
struct Corridor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corridor",
        abstract: "Simulate freight on the China–Europe corridors: flows, costs, transit times and bottlenecks, optimised with GLPK.",
        discussion: """
            Exit codes: 0 success; 64 usage error; 65 bad scenario input; 70 solver failure; \
            73 an output file could not be created; 74 an output could not be written (a full disk); \
            75 the solver stopped at a limit without an optimum; 130/143 interrupted (sweep); \
            141 standard output was closed by its reader (nothing more is printed).
            """,
        version: "\(release) (GLPK \(GLPKSolver.version))",
        // Every subcommand gives its `commandName`: without it ArgumentParser derives each name from
        // `String(describing:)` of the type on every start, a runtime conformance search through every
        // loaded library that cost about 4 ms of a 30 ms `corridor run`.
        subcommands: [
            Run.self, Compare.self, Capacity.self, Frontier.self, Sweep.self, Merge.self, Validate.self, Plan.self, Backtest.self, Schema.self,
            Generate.self,
        ],
        defaultSubcommand: nil
    )

    /// The release, as in CHANGELOG.md.
    static let release = "0.1.0"

    /// Runs the command line. Unlike ArgumentParser's own `main`, every byte goes through
    /// ``Output``: a closed pipe or a full disk ends the process with an exit code, never a signal
    /// or a crash.
    static func main() {
        StandardOutput.ignoreOutputSignals()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success {
                    do {
                        try Output.print(message.hasSuffix("\n") ? message : message + "\n")
                    } catch let failure as ExitCode {
                        exit(withError: failure)
                    } catch {}
                } else {
                    Output.error(message)
                }
            }
            exit(withError: code == .success ? nil : ExitCode(code.rawValue))
        }
        exit(withError: nil)
    }
}
