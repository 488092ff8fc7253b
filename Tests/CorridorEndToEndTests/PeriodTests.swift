import CorridorTestSupport
import Foundation
import Testing

/// Random seasonal scenario files: a random network with storage and late penalties, and a file adding periods.
enum RandomSeasonalScenario {
    /// The random network of ``RandomScenario/network(seed:)`` with storage at N3 and N4 and late penalties on demands.
    static func network(seed: UInt64) -> String {
        var lines: [String] = []
        for line in RandomScenario.network(seed: seed).split(separator: "\n", omittingEmptySubsequences: false) {
            var text = String(line)
            if text.hasPrefix("  - { id: N3,") || text.hasPrefix("  - { id: N4,") {
                text = String(text.dropLast(2)) + ", storage_capacity_teu: 60, holding_cost_usd_per_teu_day: 0.5 }"
            } else if text.hasPrefix("  - { id: D") {
                text = String(text.dropLast(2)) + ", late_penalty_usd_per_teu_day: \(1 + seed % 4) }"
            }
            lines.append(text)
        }
        return lines.joined(separator: "\n")
    }

    /// Three unequal periods with closures, a wrapping from/to scope, period delays and cuts, seasonal demand and storage.
    static func seasonal(base: String) -> String {
        """
        schema_version: 1
        name: random seasons
        extends: \(base)
        periods:
          - { name: spring, days: 100 }
          - { name: summer, days: 120 }
          - { name: winter, days: 145 }
        seasonality:
          demand: { summer: 1.6 }
        changes:
          - close: { corridor: middle, periods: [summer] }
          - scale_capacity: { corridor: northern, factor: 0.4, from: winter, to: spring }
          - add_delay: { node: N1, days: 70, periods: [winter] }
          - add_delay: { corridor: sea, days: 30 }
          - add_delay: { corridor: sea, days: -20, periods: [summer] }
          - scale_time: { corridor: middle, factor: 0.5, from: winter, to: spring }
          - set_dwell_days: { node: N2, days: 0, periods: [summer] }
          - scale_dwell: { corridor: northern, factor: 0.5, periods: [winter] }
          - set_time_days: { corridor: shared, days: 1, periods: [spring] }
          - scale_demand: { factor: 1.3, periods: [spring] }
          - add_storage: { node: N5, teu: 40, holding_cost_usd_per_teu_day: 0.2 }

        """
    }
}

@Suite("GLPK end to end: periods")
struct PeriodTests {
    @Test(
        "Random seasonal scenarios: corridor's optimum equals the oracle's own time-expanded LP",
        arguments: Array(1...8) as [UInt64])
    func randomSeasonal(seed: UInt64) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "corridor-periods-\(seed)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try RandomSeasonalScenario.network(seed: seed).write(
            to: dir.appendingPathComponent("net.yaml"), atomically: true, encoding: .utf8)
        let file = dir.appendingPathComponent("seasonal.yaml")
        try RandomSeasonalScenario.seasonal(base: "net.yaml").write(to: file, atomically: true, encoding: .utf8)
        for objective in ["min-cost", "max-throughput"] {
            try OracleTests().compare(file, objective)
            let run = try CLI.run(["run", file.path, "--objective", objective, "--format", "json"])
            expectPeriodReport(try Report(run.stdout), count: 3)
        }
    }

    @Test(
        "Seasonal Caspian scenarios: a JSON periods list summing to the annual figures; the crossings dip in winter",
        arguments: CLI.bundledScenarios().filter { $0.contains("-seasonal") })
    func seasonalJSON(_ file: String) throws {
        let run = try CLI.run(["run", file, "--format", "json"])
        try #require(run.status == 0, "\(run.stderr)")
        let report = try Report(run.stdout)
        expectPeriodReport(report, count: 12)
        // The headline's days are the demands' and the corridors' days, TEU-weighted: the period's extra days
        // and the congestion waits are in all three (the demands' routes left both out until 2026-12-08).
        let headline = try #require(report.number("avg_time_days"))
        let demands = report.list("demands").filter { (num($0, "delivered_teu") ?? 0) > 0 }
        let demandDays = demands.reduce(0) { $0 + num($1, "delivered_teu")! * num($1, "avg_time_days")! }
            / demands.reduce(0) { $0 + num($1, "delivered_teu")! }
        let corridors = report.list("corridors")
        let corridorDays = corridors.reduce(0) { $0 + num($1, "teu")! * num($1, "avg_time_days")! }
            / corridors.reduce(0) { $0 + num($1, "teu")! }
        #expect(abs(demandDays - headline) <= 1e-6 * headline, "demands \(demandDays) against \(headline)")
        #expect(abs(corridorDays - headline) <= 1e-6 * headline, "corridors \(corridorDays) against \(headline)")
        let periods = report.list("periods")
        // TEU entering the Caspian crossings (Aktau, Kuryk, Turkmenbashi → Alat) in a period.
        let crossing = { (name: String) -> Double in
            let period = periods.first { $0["name"] as? String == name } ?? [:]
            let links = period["links"] as? [[String: Any]] ?? []
            return links.filter { ["AKU-ALT", "KUR-ALT", "TMB-ALT"].contains($0["id"] as? String ?? "") }
                .reduce(0) { $0 + (num($1, "flow_teu") ?? 0) }
        }
        let days = { (name: String) -> Double in
            num(periods.first { $0["name"] as? String == name } ?? [:], "days") ?? .nan
        }
        let perDay = { (name: String) in crossing(name) / days(name) }
        let summer = ["mar", "apr", "may", "jun", "jul", "aug", "sep", "oct"]
        // January (storms: every crossing at 0.677) carries less per day than March to October on average.
        #expect(perDay("jan") < summer.map { crossing($0) }.reduce(0, +) / summer.map(days).reduce(0, +))
        if file.hasSuffix("/caspian-winter-seasonal.yaml") {
            // 2023: Kuryk at half cuts its November crossings below September's per day (Aktau, with room,
            // takes some of the rest, so all crossings together need not dip).
            let kuryk = { (name: String) -> Double in
                let period = periods.first { $0["name"] as? String == name } ?? [:]
                let links = period["links"] as? [[String: Any]] ?? []
                return (links.first { $0["id"] as? String == "KUR-ALT" }.flatMap { num($0, "flow_teu") } ?? .nan) / days(name)
            }
            #expect(kuryk("nov") < kuryk("sep"))
        }
        if file.contains("warehouse") {
            // The store is used and never holds more than its 12,000 TEU. On the upgraded Caspian the ferries
            // have room all year (the Middle Corridor carries ~14,000 TEU/yr of 2023 freight), so it buffers
            // the timing of shipments (February's) rather than the January storms.
            let stocks = periods.map { num($0, "stock_teu") ?? .nan }
            #expect(stocks.allSatisfy { $0 >= -1e-6 && $0 <= 12_000 + 1e-6 }, "\(stocks)")
            #expect(stocks.contains { $0 > 100 }, "\(stocks)")
        }
    }

    @Test("corridor run prints a per-period table for a seasonal file and none for an annual one")
    func table() throws {
        let seasonal = try CLI.run(["run", "Tests/CorridorEndToEndTests/Fixtures/caspian-quarters-warehouse.yaml"])
        #expect(seasonal.status == 0)
        #expect(seasonal.stdout.contains("\nPeriods (TEU in each period"))
        #expect(seasonal.stdout.contains("\n  q4  "))
        let annual = try CLI.run(["run", "Scenarios/caspian-winter.yaml"])
        #expect(!annual.stdout.contains("Periods"))
        let json = try Report(try CLI.run(["run", "Scenarios/caspian-winter.yaml", "--format", "json"]).stdout)
        #expect(json.json["periods"] == nil)
    }

    @Test(
        "sweep and frontier refuse a seasonal file with a clear error (plan solves it)",
        arguments: [
            ["sweep", "Scenarios/caspian-winter-seasonal.yaml", "--single-failures"],
            ["frontier", "Scenarios/caspian-winter-seasonal.yaml", "--demand", "XIA:DUI"],
        ])
    func refused(_ arguments: [String]) throws {
        let outcome = try CLI.run(arguments)
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("does not support `periods`"))
    }
}

/// Period list checks on a JSON run report: count, sums equal to the annual figures, backlog conservation.
func expectPeriodReport(_ report: Report, count: Int, sourceLocation: SourceLocation = #_sourceLocation) {
    let periods = report.list("periods")
    #expect(periods.count == count, sourceLocation: sourceLocation)
    let sum = { (key: String) in periods.reduce(0) { $0 + (num($1, key) ?? .nan) } }
    let scale = max(1, report.number("demand_teu") ?? 1)
    #expect(
        abs(sum("due_teu") - (report.number("demand_teu") ?? .nan)) <= 1e-6 * scale, sourceLocation: sourceLocation
    )
    #expect(
        abs(sum("delivered_teu") - (report.number("delivered_teu") ?? .nan)) <= 1e-5 * scale,
        sourceLocation: sourceLocation)
    #expect(abs(sum("lost_teu") - (report.number("unmet_teu") ?? .nan)) <= 1e-5 * scale, sourceLocation: sourceLocation)
    for (p, period) in periods.enumerated() {
        let before = periods[(p + periods.count - 1) % periods.count]
        let change =
            (num(before, "late_teu") ?? 0) + (num(period, "due_teu") ?? 0) - (num(period, "delivered_teu") ?? 0)
            - (num(period, "lost_teu") ?? 0) - (num(period, "late_teu") ?? 0)
        #expect(
            abs(change) <= 1e-5 * scale, "backlog not conserved in \(period["name"] ?? "")",
            sourceLocation: sourceLocation)
    }
    expectReportInvariants(report, sourceLocation: sourceLocation)
}

@Suite("GLPK end to end: one period is the static model")
struct OnePeriodTests {
    @Test("A file with one 365-day period gives the static baseline's objective, flows and deliveries")
    func onePeriod() throws {
        let annual = try Report(try CLI.run(["run", "Scenarios/baseline-2021.yaml", "--format", "json"]).stdout)
        let run = try CLI.run([
            "run", "Tests/CorridorEndToEndTests/Fixtures/baseline-one-period.yaml", "--format", "json",
        ])
        try #require(run.status == 0, "\(run.stderr)")
        let periods = try Report(run.stdout)
        for key in ["objective_value", "delivered_teu", "unmet_teu", "total_cost_usd", "time_value_usd"] {
            #expect(isClose(annual.number(key) ?? .nan, periods.number(key) ?? .nan, tolerance: 1e-9), "\(key)")
        }
        for (a, b) in zip(annual.list("links"), periods.list("links")) {
            #expect(a["id"] as? String == b["id"] as? String)
            #expect(
                isClose(num(a, "flow_teu") ?? .nan, num(b, "flow_teu") ?? .nan, tolerance: 1e-9), "\(a["id"] ?? "")")
        }
        expectPeriodReport(periods, count: 1)
    }
}
