import ArgumentParser
import Reports
import Simulation

/// What `corridor capacity` prints and writes.
struct CapacityReportOptions: ParsableArguments {
    @Option(help: "Report format: table, json, csv or markdown.")
    var format: CompareFormat = .table

    @Option(name: .customLong("csv"), help: ArgumentHelp("Also write the tables as CSV into this directory.", valueName: "dir"))
    var csvDirectory: String?

    @Option(name: .customLong("html"), help: ArgumentHelp("Also write a self-contained HTML report.", valueName: "file"))
    var html: String?

    /// Prints the report of the study of the scenario at `file`, then writes the files asked for; the
    /// HTML report maps the cuts on `flow`'s network when the min-cost flow was solved.
    func write(_ study: CapacityStudy, file: String, flow: FlowResult? = nil) throws {
        switch format {
        case .table: try Output.print(CapacityReport.text(study, file: file))
        case .json: try Output.print(CapacityReport.json(study, file: file))
        case .csv: try Output.print(CapacityReport.csv(study))
        case .markdown: try Output.print(CapacityReport.markdown(study, file: file))
        }
        if let dir = csvDirectory {
            try Output.writeDirectory(dir, files: CapacityReport.tables(study).map { (name: "\($0.name).csv", text: $0.csv()) })
        }
        if let html { try Output.write(CapacityReport.html(study, file: file, map: flow), to: html) }
    }
}
