import ArgumentParser
import Foundation
import Reports

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

    /// Writes every export that was asked for, each file atomically.
    /// - Throws: exit 73 when a file or the directory cannot be written.
    func write(_ renderers: Renderers) throws {
        if let dir = csvDirectory {
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            } catch {
                Output.error("error: cannot create \(dir): \(error.localizedDescription)")
                throw ExitCodes.cannotCreate
            }
            for table in renderers.tables() { try Self.save(table.csv(), to: (dir as NSString).appendingPathComponent("\(table.name).csv")) }
        }
        if let path = geoJSON { try Self.save(renderers.geoJSON(), to: path) }
        if let path = svg { try Self.save(renderers.svg(), to: path) }
        if let path = html { try Self.save(renderers.html(), to: path) }
    }

    /// Writes one file atomically; on failure says which file and exits 73.
    static func save(_ text: String, to path: String) throws {
        do {
            try Output.writeAtomically(text, to: path)
        } catch {
            Output.error("error: cannot write \(path): \(error.localizedDescription)")
            throw ExitCodes.cannotCreate
        }
    }
}
