import ArgumentParser
import Reports
import Scenarios
import Simulation

extension Corridor {
    /// `corridor backtest OBSERVATIONS`: each year's scenario solved and measured against published figures.
    struct Backtest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backtest",
            abstract: "Run the year scenarios of an observations file and print the model against the published figures.",
            discussion: """
                An observations file (format in docs/commands/backtest.md) lists a scenario per year and published \
                figures: corridor and gateway volumes, transit times, rates, each with its source, unit, scope factor and \
                tolerance. Every year is solved at minimum cost; each observation is measured in its year's result and \
                is inside or outside its tolerance. Prints one row per observation, each year's corridors and a count \
                inside tolerance. With --min-inside N the command exits 1 when fewer than N are inside.
                """
        )

        @Argument(help: "The observations file, such as Scenarios/observations.yaml.")
        var file: String

        @Option(help: "Report format: table, json, csv (the observations table) or markdown.")
        var format: CompareFormat = .table

        @Option(name: .customLong("csv"), help: ArgumentHelp("Also write the tables as CSV into this directory.", valueName: "dir"))
        var csvDirectory: String?

        @Option(parsing: .unconditional, help: ArgumentHelp("Exit 1 when fewer observations than this are inside tolerance.", valueName: "count"))
        var minInside: Int?

        @OptionGroup var solverOptions: SolverOptions

        func validate() throws { try solverOptions.check() }

        func run() throws {
            guard let loaded = FileCheck.loaded(file, { () throws(ScenarioDiagnostics) in try ObservationsFile.loadChecked(path: file) })
            else { throw ExitCodes.dataError }
            for warning in loaded.warnings { Output.error(warning.description) }
            let solve = ScenarioSolve(options: solverOptions)
            let years = try Output.solving {
                try loaded.scenarios.map { entry in
                    let result = try solve.flow(entry.scenario)
                    for note in result.notes { Output.error("\(entry.scenario.file): \(note)") }
                    return (year: entry.year, file: entry.scenario.file, network: entry.scenario.network, result: result)
                }
            }
            let result = Simulation.Backtest.evaluate(
                file: file, name: loaded.file.name, observations: loaded.file.observations, years: years)
            switch format {
            case .table: try Output.print(BacktestReport.text(result))
            case .json: try Output.print(BacktestReport.json(result))
            case .csv: try Output.print(BacktestReport.csv(result))
            case .markdown: try Output.print(BacktestReport.markdown(result))
            }
            if let dir = csvDirectory {
                try Output.writeDirectory(dir, files: BacktestReport.tables(result).map { (name: "\($0.name).csv", text: $0.csv()) })
            }
            if let stopped = Output.stopped(
                years.filter { !$0.result.status.hasSolution }.map { ($0.result.status.rawValue, $0.file) })
            {
                throw stopped
            }
            if let minInside, result.insideCount < minInside {
                Output.error("\(result.insideCount) observations inside tolerance, fewer than --min-inside \(minInside)")
                throw ExitCode.failure
            }
        }
    }
}
