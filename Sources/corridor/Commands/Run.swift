import ArgumentParser
import FlowFormulation
import Foundation
import GLPK
import LinearProgramming
import Reports
import Scenarios
import Simulation

extension Corridor {
    /// `corridor run FILE`: optimise one scenario and report flows, costs, times and what binds.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Optimise the freight flows of one scenario and report them."
        )

        @Argument(help: "Scenario file (YAML or JSON), e.g. Scenarios/baseline-2021.yaml.")
        var file: String

        @Option(help: "min-cost (carry all demand at least generalised cost) or max-throughput (the most TEU delivered, each demand capped at its teu; a corridor's capacity is `corridor capacity`).")
        var objective: Objective = .minCost

        @Option(help: "Report format: table or json.")
        var format: RunFormat = .table

        @Option(name: .customLong("export-lp"), help: "Also write the LP in CPLEX LP format to this file.")
        var exportLP: String?

        @Option(name: .customLong("export-mps"), help: "Also write the LP in free MPS format to this file.")
        var exportMPS: String?

        @OptionGroup var exports: ExportOptions

        @OptionGroup var solverOptions: SolverOptions

        func validate() throws { try solverOptions.check() }

        func run() throws {
            let scenario = try Output.loadScenario(file)

            let solver = GLPKSolver()
            let simulator = Simulator(solver: solver, options: solverOptions.solveOptions, method: solverOptions.method)
            let result: FlowResult
            do {
                if let periods = scenario.periods {
                    try export(PeriodProgram(network: scenario.network, schedule: periods, objective: objective).program, solver)
                    result = try simulator.run(scenario.network, periods: periods, scenario: scenario.name, objective: objective)
                } else {
                    try export(FlowProgram(network: scenario.network, objective: objective).program, solver)
                    result = try simulator.run(scenario.network, scenario: scenario.name, objective: objective)
                }
            } catch let error as SolverError {
                Output.error("error: \(error.description)")
                throw ExitCodes.solverFailure
            }
            if solverOptions.solverLog { Output.error(result.solverLog) }
            for note in result.notes { Output.error(note) }
            // Corridor capacities when there is an optimum (cheap: a max flow and a small LP each, per period with periods).
            var capacity: CapacityStudy?
            if result.status.hasSolution, let analysis = try? CapacityAnalysis(network: scenario.network) {
                do {
                    capacity = try CapacityStudy(
                        scenario: scenario.name, analysis: analysis, selections: CorridorSelection.defaults(in: scenario.network),
                        flow: result, solver: solver, options: solverOptions.solveOptions, schedule: scenario.periods,
                        concurrent: false)
                } catch {
                    Output.error("error: corridor capacity: \(error)")
                    throw ExitCodes.solverFailure
                }
            }
            let context = ReportContext(
                file: file,
                changes: scenario.changes,
                warnings: scenario.warnings.map(\.description),
                capacity: capacity
            )
            switch format {
            case .table: try Output.print(TableReport.render(result, context: context))
            case .json: try Output.print(JSONReport.render(result, context: context))
            }
            try exports.write(.init(
                tables: { RunTables.all(result, context: context) },
                geoJSON: { GeoJSONReport.render(result, scenario: result.scenario) },
                svg: { SVGMap.render(result, title: result.scenario) },
                html: { HTMLReport.render(result, context: context) }
            ))
            if !result.status.hasSolution {
                Output.error("solver stopped without an optimum: \(result.status.rawValue)")
                throw ExitCodes.limitReached
            }
        }

        private func export(_ program: LinearProgram, _ solver: GLPKSolver) throws {
            if let path = exportLP { try Output.write(try solver.exportCPLEXLP(program), to: path) }
            if let path = exportMPS { try Output.write(try solver.exportMPS(program), to: path) }
        }
    }
}

/// Formats of `corridor run`.
enum RunFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
}

extension Objective: ExpressibleByArgument {}
