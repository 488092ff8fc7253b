import ArgumentParser

/// The `corridor` command line: the composition root that picks GLPK and maps errors to exit codes.
@main
struct Corridor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corridor",
        abstract: "Simulate freight on the China–Europe corridors: flows, costs, transit times and bottlenecks, optimised with GLPK.",
        discussion: """
            Exit codes: 0 success; 64 usage error; 65 bad scenario input; 70 solver failure; \
            73 an output file could not be written; 75 the solver stopped at a limit without an optimum.
            """,
        version: "0.1.0",
        subcommands: [Run.self, Compare.self, Frontier.self, Sweep.self, Merge.self, Validate.self, Plan.self, Generate.self],
        defaultSubcommand: nil
    )
}
