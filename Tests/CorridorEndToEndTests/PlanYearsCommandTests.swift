import CorridorTestSupport
import Foundation
import Testing

/// `corridor plan` on a plan file with `years` and `targets`, as a user runs it.
@Suite("corridor plan over years")
struct PlanYearsCommandTests {
    let bundled = "Scenarios/plans/middle-corridor-2030.yaml"

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    private func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

    @Test("The bundled 2025-2030 plan meets the Middle Corridor target by 2030 with a build year per chosen project, every figure in JSON")
    func bundledPlan() throws {
        let outcome = try CLI.run(["plan", bundled, "--format", "json"])
        let report = try json(outcome.stdout)
        #expect(outcome.status == 0 && report["status"] as? String == "optimal", "\(outcome.stderr)")
        #expect((number(report["relative_gap"]) ?? 1) <= 0.0001)
        let years = try #require(report["years"] as? [[String: Any]])
        #expect(years.compactMap { number($0["year"]) } == [2025, 2026, 2027, 2028, 2029, 2030])
        let targets = try #require(report["targets"] as? [[String: Any]])
        #expect(targets.count == 1)
        #expect(targets.first?["met"] as? Bool == true)
        #expect((number(targets.first?["capacity_teu"]) ?? 0) >= 200_000)
        let projects = try #require(report["projects"] as? [[String: Any]])
        for project in projects where (number(project["units"]) ?? 0) > 0 {
            let build = try #require(number(project["build_year"]))
            let service = try #require(number(project["in_service_year"]))
            #expect(service - build >= (number(project["lead_time_years"]) ?? 0), "in service after its lead time: \(project)")
            #expect(service <= 2030)
        }
        // The per-year totals, discounted, add up to the objective.
        let total = years.reduce(0.0) { $0 + (number($1["discounted_weight"]) ?? .nan) * (number($1["total_usd"]) ?? .nan) }
        #expect(isClose(total, number(report["objective_value"]) ?? .nan, tolerance: 1e-9))
        // Chosen capex within the total and per-year budgets.
        #expect((number(report["capex_usd"]) ?? .infinity) <= 1e9)
        #expect(years.allSatisfy { (number($0["capex_started_usd"]) ?? .infinity) <= (number($0["budget_usd"]) ?? 0) })
        // Sensitivity: the total budget and the target ±10 %, the discount rate ±2 pp, each a re-solve with a schedule.
        let sensitivity = try #require(report["sensitivity"] as? [String: Any])
        let budget = try #require(sensitivity["budget"] as? [[String: Any]])
        #expect(budget.compactMap { number($0["value"]) }.map { ($0 / 1e8).rounded() } == [9, 11])
        let target = try #require((sensitivity["targets"] as? [[String: Any]])?.first?["resolves"] as? [[String: Any]])
        #expect(target.compactMap { number($0["value"]) }.map { $0.rounded() } == [180_000, 220_000])
        let rates = try #require(sensitivity["discount_rate"] as? [[String: Any]])
        #expect(rates.compactMap { number($0["value"]) }.map { ($0 * 100).rounded() } == [4, 8])
        #expect((budget + target + rates).allSatisfy { ($0["build_years"] as? [Any])?.count == projects.count })
    }

    @Test("A target the budget cannot meet: the report names it with its shortfall, stderr says it, exit 65")
    func missedTarget() throws {
        let text = try String(contentsOfFile: CLI.root.appendingPathComponent(bundled).path, encoding: .utf8)
            .replacingOccurrences(of: "min_capacity_teu: 200000", with: "min_capacity_teu: 400000")
            .replacingOccurrences(of: "../years/", with: CLI.root.appendingPathComponent("Scenarios/years").path + "/")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-missed-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-missed-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: page) }
        let outcome = try CLI.run(["plan", url.path, "--no-sensitivity", "--html", page.path])
        #expect(outcome.status == 65)
        #expect(outcome.stdout.contains("MISSED"))
        #expect(!outcome.stdout.contains("Sensitivity"))
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("Build schedule") && html.contains("MISSED") && !html.contains("<script"))
        #expect(outcome.stdout.contains("Target missed: middle capacity >= 400000 TEU/yr by 2030"))
        #expect(outcome.stderr.contains("error: target 'middle capacity >= 400000 TEU/yr by 2030' missed in 2030 by "), "\(outcome.stderr)")
    }

    @Test("Bad years and targets: every problem with file:line:column, exit 65, nothing on stdout")
    func badInput() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-years-\(UUID().uuidString).yaml")
        try """
            budget_usd: 1e9
            discount_rate: 0.06
            years:
              - { year: 2026, file: nowhere.yaml }
              - { year: 2025 }
            targets:
              - { corridor: middle, min_capacity_teu: lots, by_year: 2026 }
            investments:
              - { id: A, capex_usd: 1e8, lifetime_years: 30, effects: [] }
            """.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let outcome = try CLI.run(["plan", url.path])
        #expect(outcome.status == 65)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("\(url.path):5:5: error: years[1].year: year 2025 comes after 2026"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("\(url.path):7:43: error: targets[0].min_capacity_teu: expected a number, found 'lots'"), "\(outcome.stderr)")
    }
}
