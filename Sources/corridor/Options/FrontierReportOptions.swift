import ArgumentParser
import Reports
import Simulation

/// What `corridor frontier` prints and writes.
struct FrontierReportOptions: ParsableArguments {
    @Option(help: "Report format: table, json, csv (every point, with a pareto column) or markdown.")
    var format: CompareFormat = .table

    @Option(name: .customLong("html"), help: ArgumentHelp("Also write a self-contained HTML page with the curve plotted.", valueName: "file"))
    var html: String?

    /// Prints the report of the frontier, then writes the HTML page when asked.
    func write(_ frontier: CostTimeFrontier, _ heading: FrontierReport.Heading) throws {
        switch format {
        case .table: try Output.print(FrontierReport.text(frontier, heading))
        case .json: try Output.print(FrontierReport.json(frontier, heading))
        case .csv: try Output.print(FrontierReport.csv(frontier))
        case .markdown: try Output.print(FrontierReport.markdown(frontier, heading))
        }
        if let path = html { try Output.write(FrontierReport.html(frontier, heading), to: path) }
    }
}
