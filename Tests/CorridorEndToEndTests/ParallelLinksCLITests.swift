import CorridorTestSupport
import Foundation
import Testing

/// Issue 16, item 4: the default method on 5,000 parallel links exited 75 ("iteration_limit") after 5,001
/// rounds though no limit was given, while `--method arc` solved it.
@Suite("corridor run on 5,000 parallel links")
struct ParallelLinksCLITests {
    /// A network file: A⇉B over `count` links of 100 TEU/year at 10 USD/TEU and 1 day, 400,000 TEU A→B.
    static func file(links count: Int) throws -> URL {
        var text = """
            schema_version: 1
            name: parallel \(count)
            nodes:
              - {id: A, country: KZ, kind: hub, lat: 43.0, lon: 77.0}
              - {id: B, country: KZ, kind: hub, lat: 44.0, lon: 78.0}
            links:

            """
        for i in 0..<count {
            text += "  - {id: L\(i), from: A, to: B, mode: rail, corridor: middle, distance_km: 100, "
                + "capacity_teu: 100, cost_usd_per_teu: 10, time_days: 1}\n"
        }
        text += "demands:\n  - {from: A, to: B, teu: 400000}\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-parallel-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("The default method succeeds by column generation, without a note, at the arc form's objective")
    func defaultMatchesArc() throws {
        let url = try Self.file(links: 5_000)
        defer { try? FileManager.default.removeItem(at: url) }
        let auto = try CLI.run(["run", url.path, "--format", "json"])
        #expect(auto.status == 0, "\(auto.stderr)")
        #expect(auto.stderr.isEmpty, "\(auto.stderr)")
        let arc = try CLI.run(["run", url.path, "--format", "json", "--method", "arc"])
        #expect(arc.status == 0, "\(arc.stderr)")
        let (a, b) = (try Report(auto.stdout), try Report(arc.stdout))
        #expect(a.json["status"] as? String == "optimal")
        let lp = try #require(a.json["lp"] as? [String: Any])
        #expect(lp["method"] as? String == "paths")
        // 400,000 TEU at 10 USD + 50 USD/day × 1 day (the default value of time).
        #expect(isClose(try #require(a.number("objective_value")), 24_000_000))
        #expect(isClose(try #require(a.number("objective_value")), try #require(b.number("objective_value"))))
        expectReportInvariants(a)
    }
}
