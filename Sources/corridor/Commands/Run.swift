import ArgumentParser
import FlowFormulation
import LinearProgramming
import Reports
import Scenarios
import Simulation

extension Corridor {
    /// `corridor run FILE`: optimise one scenario and report flows, costs, times and what binds.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Optimise the freight flows of one scenario and report them."
        )

        @OptionGroup var scenario: ScenarioOptions

        @Option(help: "min-cost (carry all demand at least generalised cost) or max-throughput (the most TEU delivered, each demand capped at its teu; a corridor's capacity is `corridor capacity`).")
        var objective: Objective = .minCost

        @Option(help: "Report format: table or json.")
        var format: RunFormat = .table

        @OptionGroup var programExport: ProgramExportOptions

        @OptionGroup var exports: ExportOptions

        @OptionGroup var solverOptions: SolverOptions

        @Flag(
            name: .customLong("no-cache"),
            help: """
                Solve cold, without the basis cache (also CORRIDOR_CACHE=off). The cache keeps each solved \
                LP's optimal basis under $CORRIDOR_CACHE_DIR, else $XDG_CACHE_HOME/corridor/bases, else \
                ~/.cache/corridor/bases; safe to delete. Results are the same either way.
                """)
        var noCache = false

        func validate() throws { try solverOptions.check() }

        func run() throws {
            let scenario = try self.scenario.load()
            let solve = ScenarioSolve(
                options: solverOptions, basisCache: BasisDirectory.fromEnvironment(disabled: noCache))
            let result = try Output.solving {
                try solve.flow(scenario, objective: objective) { try programExport.write($0, solve.solver) }
            }
            if solverOptions.solverLog { Output.error(result.solverLog) }
            for note in result.notes { Output.error(note) }
            // Corridor capacities when there is an optimum (cheap: a max flow and a small LP each, per period with periods).
            let capacity = try Output.solving("corridor capacity: ") {
                try solve.capacityIfSolved(scenario, flow: result, lambda: false)
            }
            let context = ReportContext(
                file: scenario.file, changes: scenario.changes, warnings: scenario.warnings.map(\.description),
                capacity: capacity)
            switch format {
            case .table: try Output.print(TableReport.render(result, context: context))
            case .json: try Output.print(JSONReport.render(result, context: context))
            }
            try exports.write(result, context: context)
            guard result.status.hasSolution else { throw Output.stopped(result.status.rawValue) }
        }
    }
}
