import ArgumentParser
import Foundation
import LinearProgramming
import Reports
import Scenarios
import Simulation

extension Corridor {
    /// `corridor compare BASE OTHER…`: the scenarios side by side, what changed against the base and why.
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compare",
            abstract: "Compare scenarios side by side against a base and explain why the freight moved.",
            discussion: """
                Solves every scenario's min-cost flow and each corridor's capacity (maximum flow, minimum cut \
                and demand-pattern factor λ, as `corridor capacity`), and prints one table with a column per \
                scenario and the change against BASE, then plain sentences on what moved where, which capacity \
                capped it and how each corridor's capacity and cut moved, the route shifts per demand, the links \
                and nodes whose flow changed most, and the binding capacities with their shadow prices in each \
                scenario. For a file with periods the capacity is the TEU the corridor can carry over the year (the \
                sum over the periods), its cut and λ those of the lowest period.
                """
        )

        @Argument(help: "The base scenario file, then one or more scenario files to compare with it.")
        var files: [String]

        @Option(help: "Report format: table, json, csv (the side-by-side table) or markdown.")
        var format: CompareFormat = .table

        @OptionGroup var exports: ExportOptions

        @Flag(
            inversion: .prefixedNo,
            help: "Compute λ, the demand-pattern factor (one LP per corridor; seconds to minutes on networks of thousands of links).")
        var lambda = true

        @OptionGroup var solverOptions: SolverOptions

        func validate() throws {
            guard files.count >= 2 else { throw ValidationError("Give a base scenario and at least one scenario to compare with it.") }
            try solverOptions.check()
        }

        func run() throws {
            let scenarios = try Output.loadScenarios(files)
            let labels = ScenarioComparison.uniqueLabels(files.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent })
            let entries = try ScenarioSolve(options: solverOptions).comparisonEntries(scenarios, labels: labels, lambda: lambda)
            let comparison = ScenarioComparison(entries: entries)
            switch format {
            case .table: try Output.print(ComparisonReport.text(comparison))
            case .json: try Output.print(ComparisonReport.json(comparison))
            case .csv: try Output.print(ComparisonReport.csv(comparison))
            case .markdown: try Output.print(ComparisonReport.markdown(comparison))
            }
            try exports.write(comparison)
            if let stopped = Output.stopped(
                entries.filter { !$0.result.status.hasSolution }.map { ($0.result.status.rawValue, $0.file) })
            {
                throw stopped
            }
        }
    }
}
