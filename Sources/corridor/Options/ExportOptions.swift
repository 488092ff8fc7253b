import ArgumentParser
import Foundation
import Reports
import Simulation

/// Export flags shared by `run` and `compare`: CSV tables, GeoJSON, an SVG map, an HTML report.
struct ExportOptions: ParsableArguments {
    @Option(name: .customLong("csv"), help: ArgumentHelp("Also write every table as CSV into this directory (created if missing).", valueName: "dir"))
    var csvDirectory: String?

    @Option(name: .customLong("geojson"), help: ArgumentHelp("Also write the flows as RFC 7946 GeoJSON (nodes as Points, links as LineStrings).", valueName: "file"))
    var geoJSON: String?

    @Option(name: .customLong("svg"), help: ArgumentHelp("Also draw the flows on an SVG map.", valueName: "file"))
    var svg: String?

    @Option(name: .customLong("html"), help: ArgumentHelp("Also write one self-contained HTML report (map, tables, charts; no network needed).", valueName: "file"))
    var html: String?

    /// The rendered exports, rendered only when asked for.
    struct Renderers {
        var tables: () -> [ReportTable]
        var geoJSON: () -> String
        var svg: () -> String
        var html: () -> String
    }

    /// Writes the exports of `corridor run` that were asked for.
    func write(_ result: FlowResult, context: ReportContext) throws {
        try write(.init(
            tables: { RunTables.all(result, context: context) },
            geoJSON: { GeoJSONReport.render(result, scenario: result.scenario) },
            svg: { SVGMap.render(result, title: result.scenario) },
            html: { HTMLReport.render(result, context: context) }
        ))
    }

    /// Writes the exports of `corridor compare` that were asked for.
    func write(_ comparison: ScenarioComparison) throws {
        try write(.init(
            tables: { ComparisonTables.all(comparison) },
            geoJSON: { GeoJSONReport.render(comparison) },
            svg: { SVGMap.document(panels: comparison.entries.map { ("\($0.label): \($0.name)", $0.result) }) },
            html: { HTMLReport.render(comparison) }
        ))
    }

    /// Writes every export that was asked for: the CSV folder appears whole or not at all, and the
    /// other files are written as one (see ``Output``).
    /// - Throws: exit 73 when a file or the folder cannot be created, 74 when writing fails.
    func write(_ renderers: Renderers) throws {
        if let dir = csvDirectory {
            try Output.writeDirectory(dir, files: renderers.tables().map { (name: "\($0.name).csv", text: $0.csv()) })
        }
        var files: [(path: String, text: String)] = []
        if let path = geoJSON { files.append((path, renderers.geoJSON())) }
        if let path = svg { files.append((path, renderers.svg())) }
        if let path = html { files.append((path, renderers.html())) }
        if !files.isEmpty { try Output.write(files) }
    }
}
