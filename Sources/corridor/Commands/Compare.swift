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
                Solves every scenario twice (min-cost, then max-throughput for the system's capacity) and prints \
                one table with a column per scenario and the change against BASE, then plain sentences on what \
                moved where and which capacity capped it, the route shifts per demand, the links and nodes whose \
                flow changed most, and the binding capacities with their shadow prices in each scenario.
                """
        )

        @Argument(help: "The base scenario file, then one or more scenario files to compare with it.")
        var files: [String]

        @Option(help: "Report format: table, json, csv (the side-by-side table) or markdown.")
        var format: CompareFormat = .table

        @OptionGroup var exports: ExportOptions

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
            do {
                for (i, scenario) in scenarios.enumerated() {
                    let result: FlowResult
                    let capacity: FlowResult
                    if let periods = scenario.periods {
                        result = try simulator.run(scenario.network, periods: periods, scenario: scenario.name, objective: .minCost)
                        capacity = try simulator.run(scenario.network, periods: periods, scenario: scenario.name, objective: .maxThroughput)
                    } else {
                        result = try simulator.run(scenario.network, scenario: scenario.name, objective: .minCost)
                        capacity = try simulator.run(scenario.network, scenario: scenario.name, objective: .maxThroughput)
                    }
                    if solverOptions.solverLog { Output.error(result.solverLog + capacity.solverLog) }
                    for note in result.notes + capacity.notes { Output.error("\(files[i]): \(note)") }
                    entries.append(.init(label: labels[i], name: scenario.name, file: files[i], changes: scenario.changes, result: result,
                        maxThroughputTEU: capacity.status == .optimal ? capacity.objectiveValue : nil))
                }
            } catch {
                Output.error("error: \(error.description)")
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
