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

    static func middleDays(_ report: Report) throws -> Double {
        let middle = try #require(report.list("corridors").first { $0["corridor"] as? String == "middle" })
        return try #require(num(middle, "avg_time_days"))
    }

    @Test("2023: halving every demand shortens the Middle Corridor's flow-weighted days; the Kazakh gate's dwell shows")
    func halvingShortensMiddle() throws {
        let full = try Self.report("Scenarios/russia-disrupted-2023.yaml")
        let dostyk = try #require(full.list("nodes").first { $0["id"] as? String == "DOS" })
        #expect(try #require(num(dostyk, "congestion_extra_days")) > 0.1)
        let altynkol = try #require(full.list("nodes").first { $0["id"] as? String == "ATK" })
        #expect(try #require(num(altynkol, "congestion_extra_days")) > 0.5)
        try Self.withScaled(0.5) { file in
            let half = try Self.report(file.path)
            #expect(try Self.middleDays(half) < (try Self.middleDays(full)) - 0.3)
            let altynkolHalf = try #require(half.list("nodes").first { $0["id"] as? String == "ATK" })
            #expect(try #require(num(altynkolHalf, "congestion_extra_days")) < (try #require(num(altynkol, "congestion_extra_days"))))
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
