import ArgumentParser
import FlowFormulation
import Foundation
import GLPK
import LinearProgramming
import Reports
import Scenarios
import Simulation

extension Corridor {
    /// `corridor compare BASE OTHER…`: the scenarios side by side, what changed against the base and why.
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
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
            var scenarios: [Scenario] = []
            var failed = false
            for file in files {
                do {
                    let scenario = try ScenarioLoader.load(path: file)
                    for warning in scenario.warnings { Output.error(warning.description) }
                    scenarios.append(scenario)
                } catch {
                    Output.error(error.description)
                    failed = true
                }
            }
            if failed { throw ExitCodes.dataError }

            let simulator = Simulator(solver: GLPKSolver(), options: solverOptions.solveOptions, method: solverOptions.method)
            let labels = ScenarioComparison.uniqueLabels(files.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent })
            var entries: [ScenarioComparison.Entry] = []
            // The same corridors in every scenario: the base's defaults, then any new tag elsewhere.
            var selections: [CorridorSelection] = []
            for scenario in scenarios {
                for s in CorridorSelection.defaults(in: scenario.network) where !selections.contains(where: { $0.name == s.name }) {
                    selections.append(s)
                }
            }
            do {
                for (i, scenario) in scenarios.enumerated() {
                    let result: FlowResult
                    var capacity: CapacityStudy?
                    if let periods = scenario.periods {
                        result = try simulator.run(scenario.network, periods: periods, scenario: scenario.name, objective: .minCost)
                    } else {
                        result = try simulator.run(scenario.network, scenario: scenario.name, objective: .minCost)
                    }
                    if result.status.hasSolution, let analysis = try? CapacityAnalysis(network: scenario.network) {
                        capacity = try CapacityStudy(
                            scenario: scenario.name, analysis: analysis, selections: selections, flow: result,
                            solver: GLPKSolver(), options: solverOptions.solveOptions, schedule: scenario.periods,
                            concurrent: lambda)
                    }
                    if solverOptions.solverLog { Output.error(result.solverLog) }
                    for note in result.notes { Output.error("\(files[i]): \(note)") }
                    entries.append(.init(label: labels[i], name: scenario.name, file: files[i], changes: scenario.changes, result: result,
                        capacity: capacity))
                }
            } catch {
                Output.error("error: \(error)")
                throw ExitCodes.solverFailure
            }
            let comparison = ScenarioComparison(entries: entries)
            switch format {
            case .table: try Output.print(ComparisonReport.text(comparison))
            case .json: try Output.print(ComparisonReport.json(comparison))
            case .csv: try Output.print(ComparisonReport.csv(comparison))
            case .markdown: try Output.print(ComparisonReport.markdown(comparison))
            }
            try exports.write(.init(
                tables: { ComparisonTables.all(comparison) },
                geoJSON: { GeoJSONReport.render(comparison) },
                svg: { SVGMap.document(panels: entries.map { ("\($0.label): \($0.name)", $0.result) }) },
                html: { HTMLReport.render(comparison) }
            ))
            if let stopped = entries.first(where: { !$0.result.status.hasSolution }) {
                Output.error("solver stopped without an optimum on \(stopped.file): \(stopped.result.status.rawValue)")
                throw ExitCodes.limitReached
            }
        }
    }
}

/// Formats of `corridor compare` and `corridor frontier`.
enum CompareFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
    case csv
    case markdown
}
