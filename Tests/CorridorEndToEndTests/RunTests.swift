import CorridorTestSupport
import Foundation
import Testing

/// A parsed `corridor run --format json` report.
struct Report {
    let json: [String: Any]

    init(_ text: String) throws {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        json = try #require(object as? [String: Any])
    }

    func number(_ key: String) -> Double? { (json[key] as? NSNumber)?.doubleValue }
    func list(_ key: String) -> [[String: Any]] { json[key] as? [[String: Any]] ?? [] }
    func corridorTEU(_ name: String) -> Double {
        list("corridors").first { $0["corridor"] as? String == name }.flatMap { ($0["teu"] as? NSNumber)?.doubleValue } ?? 0
    }
}

func num(_ row: [String: Any], _ key: String) -> Double? { (row[key] as? NSNumber)?.doubleValue }

/// Conservation, capacities and shares, recomputed from the JSON alone.
func expectReportInvariants(_ report: Report, sourceLocation: SourceLocation = #_sourceLocation) {
    var balance: [String: Double] = [:]
    var scale = 1.0
    for link in report.list("links") {
        let flow = num(link, "flow_teu") ?? .nan
        guard let from = link["from"] as? String, let to = link["to"] as? String else { continue }
        balance[from, default: 0] -= flow
        balance[to, default: 0] += flow
        scale = max(scale, flow)
        #expect(flow >= 0, sourceLocation: sourceLocation)
        if let capacity = num(link, "capacity_teu") {
            #expect(flow <= capacity * (1 + 1e-7) + 1e-6, "link \(link["id"] ?? "") over capacity", sourceLocation: sourceLocation)
        }
    }
    let background = (report.json["background"] as? [String: Any])?["flows"] as? [[String: Any]] ?? []
    for demand in report.list("demands") + background {
        guard let from = demand["from"] as? String, let to = demand["to"] as? String else { continue }
        let delivered = num(demand, "delivered_teu") ?? .nan
        balance[from, default: 0] += delivered
        balance[to, default: 0] -= delivered
        #expect(isClose(delivered + (num(demand, "unmet_teu") ?? .nan), num(demand, "teu") ?? 0, tolerance: 1e-6), sourceLocation: sourceLocation)
    }
    for (node, b) in balance {
        #expect(abs(b) <= 1e-6 * scale + 1e-6, "flow not conserved at \(node): \(b)", sourceLocation: sourceLocation)
    }
    for node in report.list("nodes") {
        if let capacity = num(node, "capacity_teu"), let t = num(node, "throughput_teu") {
            #expect(t <= capacity * (1 + 1e-7) + 1e-6, "node \(node["id"] ?? "") over capacity", sourceLocation: sourceLocation)
        }
    }
    let shares = report.list("corridors").compactMap { num($0, "share") }.reduce(0, +)
    if (report.number("delivered_teu") ?? 0) > 0 {
        #expect(isClose(shares, 1, tolerance: 1e-9), "corridor shares sum to \(shares)", sourceLocation: sourceLocation)
    }
}

@Suite("GLPK end to end: corridor run")
struct RunTests {
    /// The 12-month seasonal files run in `PeriodTests.seasonalJSON` (the same invariants, plus the periods).
    @Test("Every annual bundled scenario solves, with conserved flows, respected capacities and shares summing to 1",
        arguments: CLI.bundledScenarios(seasonal: false))
    func bundledScenario(_ file: String) throws {
        let outcome = try CLI.run(["run", file, "--format", "json"])

        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try Report(outcome.stdout)
        #expect(report.json["status"] as? String == "optimal")
        #expect((report.number("delivered_teu") ?? 0) > 0)
        expectReportInvariants(report)
    }

    @Test(
        "Max throughput runs on every annual bundled scenario and a seasonal one",
        arguments: CLI.maxThroughputScenarios())
    func maxThroughput(_ file: String) throws {
        let outcome = try CLI.run(["run", file, "--objective", "max-throughput", "--format", "json"])

        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try Report(outcome.stdout)
        #expect(isClose(report.number("objective_value") ?? -1, report.number("delivered_teu") ?? -2, tolerance: 1e-6))
        expectReportInvariants(report)
    }

    @Test(
        "A negative number given to a numeric option is read as its value and refused with what is expected (exit 64)",
        arguments: [
            (["run", "Scenarios/baseline-2021.yaml", "--time-limit", "-1"], "--time-limit must be a positive number of seconds"),
            (["run", "Scenarios/baseline-2021.yaml", "--iteration-limit", "-3"], "--iteration-limit must be a positive number"),
            (["frontier", "Scenarios/baseline-2021.yaml", "--demand", "XIA:DUI", "--vot-min", "-5"], "0 ≤ vot-min ≤ vot-max"),
            (["sweep", "Scenarios/baseline-2021.yaml", "--monte-carlo", "10", "--seed", "-1"], "The value '-1' is invalid for '--seed"),
        ])
    func negativeOptionValues(arguments: [String], message: String) throws {
        let outcome = try CLI.run(arguments)
        #expect(outcome.status == 64, "\(outcome.stderr)")
        #expect(outcome.stderr.contains(message) && !outcome.stderr.contains("Missing value"), "\(outcome.stderr)")
    }

    @Test("Closing Russia moves freight off the Northern corridor onto the Middle Corridor and the sea")
    func russiaClosed() throws {
        let base = try Report(try CLI.run(["run", "Scenarios/baseline-2021.yaml", "--format", "json"]).stdout)
        let closed = try Report(try CLI.run(["run", "Scenarios/russia-closed.yaml", "--format", "json"]).stdout)

        #expect(base.corridorTEU("northern") > 0)
        #expect(closed.corridorTEU("northern") == 0)
        #expect(closed.corridorTEU("middle") > base.corridorTEU("middle"))
        #expect(closed.corridorTEU("sea") > base.corridorTEU("sea"))
        // What stops more freight moving to the Middle Corridor: the Caspian chain's queue at Alat (a delay price
        // with no hard capacity binding), or a capacity.
        let binding = closed.list("binding").compactMap { $0["id"] as? String }
        let congested = closed.list("nodes").filter { (num($0, "congestion_price_usd_per_teu") ?? 0) > 0 }
        #expect(!binding.isEmpty || congested.contains { $0["id"] as? String == "ALT" })
    }

    @Test("The table report names status, corridors, demands and binding capacities")
    func table() throws {
        let outcome = try CLI.run(["run", "Scenarios/russia-closed.yaml"])

        #expect(outcome.status == 0, "\(outcome.stderr)")
        for heading in ["Status: optimal", "Corridors", "Demands", "Binding capacities", "Avg transit"] {
            #expect(outcome.stdout.contains(heading), "missing \(heading)")
        }
    }

    @Test("Exported LP and MPS files solve in glpsol to the reported optimum")
    func exportsAgreeWithGlpsol() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let lp = dir.appendingPathComponent("m.lp").path
        let mps = dir.appendingPathComponent("m.mps").path

        let outcome = try CLI.run(["run", "Scenarios/russia-closed.yaml", "--format", "json", "--export-lp", lp, "--export-mps", mps])
        let report = try Report(outcome.stdout)
        // With congestion the program's optimum (the integral of each wait) differs from the realised cost.
        let objective = try #require(report.number("program_objective_value") ?? report.number("objective_value"))

        for (flag, file) in [("--lp", lp), ("--freemps", mps)] {
            let glpsol = try CLI.external("/usr/bin/glpsol", [flag, file, "-o", file + ".sol"])
            #expect(glpsol.status == 0, "\(glpsol.stdout)")
            let solution = try String(contentsOfFile: file + ".sol", encoding: .utf8)
            let line = try #require(solution.split(separator: "\n").first { $0.hasPrefix("Objective:") })
            // "Objective:  obj = 1.234567e+10 (MINimum)"
            let value = try #require(line.split(separator: "=").last?.split(separator: " ").first.flatMap { Double($0) })
            #expect(isClose(value, objective, tolerance: 1e-6), "\(flag): glpsol \(value) vs corridor \(objective)")
        }
    }
}
