import CorridorTestSupport
import Foundation
import Testing

@Suite("GLPK end to end: congestion")
struct CongestionCLITests {
    /// Runs `body` with a scenario extending the 2023 one with every demand scaled by `factor`.
    static func withScaled(_ factor: Double, _ body: (URL) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-congestion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("scaled.yaml")
        let base = CLI.root.appendingPathComponent("Scenarios/russia-disrupted-2023.yaml").path
        try """
        schema_version: 1
        name: 2023 at \(factor) of the demand
        extends: \(base)
        changes:
          - scale_demand: { factor: \(factor) }

        """.write(to: file, atomically: true, encoding: .utf8)
        try body(file)
    }

    static func report(_ file: String) throws -> Report {
        let run = try CLI.run(["run", file, "--format", "json"])
        try #require(run.status == 0, "\(run.stderr)")
        return try Report(run.stdout)
    }

    /// Halving the demand eases the queues where freight can leave: Dostyk and Alat wait less. (The Middle
    /// Corridor's flow-weighted days need not fall: which freight stays on it changes, and where hard
    /// capacity holds the Northern corridor — Małaszewicze, Kuźnica, Altynkol's background — nothing moves.)
    @Test("2023: halving every demand eases the queues at Dostyk and Alat; the Kazakh gates' waits show")
    func halvingEasesQueues() throws {
        let full = try Self.report("Scenarios/russia-disrupted-2023.yaml")
        func wait(_ report: Report, _ id: String) throws -> Double {
            let node = try #require(report.list("nodes").first { $0["id"] as? String == id })
            return try #require(num(node, "congestion_extra_days"))
        }
        #expect(try wait(full, "DOS") > 0.1)
        #expect(try wait(full, "ATK") > 0.5)
        #expect(try wait(full, "ALT") > 0.1)
        try Self.withScaled(0.5) { file in
            let half = try Self.report(file.path)
            #expect(try wait(half, "DOS") < (try wait(full, "DOS")) - 0.1)
            #expect(try wait(half, "ALT") < (try wait(full, "ALT")) - 0.1)
            #expect(try wait(half, "ATK") <= (try wait(full, "ATK")) + 1e-9)
            expectReportInvariants(half)
            let compare = try CLI.run(["compare", "Scenarios/russia-disrupted-2023.yaml", file.path])
            #expect(compare.status == 0, "\(compare.stderr)")
            #expect(compare.stdout.contains("Congestion delay changes at"), "\(compare.stdout)")
        }
        expectReportInvariants(full)
    }

    @Test("The run table lists congesting elements; 'default_congestion: false' removes them")
    func runTable() throws {
        let run = try CLI.run(["run", "Scenarios/russia-disrupted-2023.yaml"])
        #expect(run.stdout.contains("Congestion (extra days per TEU"))
        #expect(run.stdout.contains("Dostyk"))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-congestion-off-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("off.yaml")
        let base = CLI.root.appendingPathComponent("Scenarios/russia-disrupted-2023.yaml").path
        try "schema_version: 1\nname: off\nextends: \(base)\ndefault_congestion: false\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let off = try CLI.run(["run", file.path])
        #expect(off.status == 0, "\(off.stderr)")
        // Only an element's own curve stays: Alat's (the Caspian chain's queue, baseline-2021.yaml).
        let section = off.stdout.components(separatedBy: "Congestion (extra days per TEU").dropFirst().first?
            .components(separatedBy: "\n\n").first ?? ""
        #expect(section.contains("Alat") && !section.contains("Dostyk"), "\(off.stdout)")
    }
}
