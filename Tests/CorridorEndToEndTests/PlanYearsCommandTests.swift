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
        #expect((number(targets.first?["capacity_teu"]) ?? 0) >= 42_500)
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
        #expect(target.compactMap { number($0["value"]) }.map { $0.rounded() } == [38_250, 46_750])
        let rates = try #require(sensitivity["discount_rate"] as? [[String: Any]])
        #expect(rates.compactMap { number($0["value"]) }.map { ($0 * 100).rounded() } == [4, 8])
        #expect((budget + target + rates).allSatisfy { ($0["build_years"] as? [Any])?.count == projects.count })
    }

    @Test("A target the budget cannot meet: the report names it with its shortfall, stderr says it, exit 65")
    func missedTarget() throws {
        let text = try String(contentsOfFile: CLI.root.appendingPathComponent(bundled).path, encoding: .utf8)
            .replacingOccurrences(of: "min_capacity_teu: 42500", with: "min_capacity_teu: 400000")
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

    /// A → Z, 100 TEU/yr: FAST (USD 50/TEU, 10 days, 40 TEU/yr) or A → M → Z (USD 10/TEU, 20 days); T cuts 8 days off
    /// A → M (capex 2,000, lead 1 year), X adds 60 TEU/yr to FAST (capex 1,000). `SimulationTests/TransitTargetTests`
    /// checks the same plan by hand.
    private func transitPlan(budget: String, maxDays: Int) throws -> (plan: URL, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-transit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
            schema_version: 1
            name: two routes
            nodes:
              - { id: A, name: A, country: CN, kind: hub, lat: 0, lon: 0, handling_cost_usd_per_teu: 0, dwell_days: 0 }
              - { id: M, name: M, country: KZ, kind: hub, lat: 1, lon: 1, handling_cost_usd_per_teu: 0, dwell_days: 0 }
              - { id: Z, name: Z, country: DE, kind: hub, lat: 2, lon: 2, handling_cost_usd_per_teu: 0, dwell_days: 0 }
            links:
              - { id: FAST, from: A, to: Z, mode: rail, corridor: fast, distance_km: 1, cost_usd_per_teu: 50, time_days: 10, capacity_teu: 40 }
              - { id: SLOW1, from: A, to: M, mode: rail, corridor: slow, distance_km: 1, cost_usd_per_teu: 5, time_days: 15 }
              - { id: SLOW2, from: M, to: Z, mode: rail, corridor: slow, distance_km: 1, cost_usd_per_teu: 5, time_days: 5 }
            demands:
              - { id: D, from: A, to: Z, teu: 100, value_of_time_usd_per_teu_day: 0.1 }
            """.write(to: folder.appendingPathComponent("net.yaml"), atomically: true, encoding: .utf8)
        let plan = folder.appendingPathComponent("plan.yaml")
        try """
            budget_usd: \(budget)
            discount_rate: 0.06
            years:
              - { year: 2025, file: net.yaml }
              - { year: 2026, file: net.yaml }
              - { year: 2027, file: net.yaml }
            targets:
              - { demand: D, max_days: \(maxDays), by_year: 2026 }
            investments:
              - { id: X, capex_usd: 1000, lifetime_years: 20, effects: [{ add_capacity: { link: FAST, teu: 60 } }] }
              - { id: T, capex_usd: 2000, lifetime_years: 20, lead_time_years: 1, effects: [{ upgrade_link: { link: SLOW1, time_reduction_days: 8 } }] }
            """.write(to: plan, atomically: true, encoding: .utf8)
        return (plan, folder)
    }

    @Test("A transit target met by building: T in 2025, 12.00 days in 2026 and 2027, BCR < 1, the marginal value of a day in JSON")
    func transitTargetMet() throws {
        let (plan, folder) = try transitPlan(budget: "10000", maxDays: 12)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CLI.run(["plan", plan.path, "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try json(outcome.stdout)
        let targets = try #require(report["targets"] as? [[String: Any]])
        #expect(targets.compactMap { $0["kind"] as? String } == ["transit", "transit"])
        #expect(targets.compactMap { number($0["year"]) } == [2026, 2027])
        #expect(targets.allSatisfy { isClose(number($0["transit_days"]) ?? .nan, 12, tolerance: 1e-9) && $0["met"] as? Bool == true })
        #expect(targets.allSatisfy { number($0["days_over"]) == 0 && number($0["unmet_teu"]) == 0 && number($0["demand_teu"]) == 100 })
        let projects = try #require(report["projects"] as? [[String: Any]])
        #expect(projects.map { number($0["build_year"]) } == [nil, 2025])
        #expect((number(report["benefit_cost_ratio"]) ?? 1) < 1)
        let resolves = try #require((report["sensitivity"] as? [String: Any])?["targets"] as? [[String: Any]])
        #expect(resolves.first?["label"] as? String == "D transit <= 12 days by 2026")
        let days = try #require(resolves.first?["resolves"] as? [[String: Any]])
        #expect(days.compactMap { number($0["value"]) } == [13, 11])
        #expect((number(days.last?["slope"]) ?? 0) < 0, "a day less costs more: \(days)")
        let text = try CLI.run(["plan", plan.path, "--no-sensitivity"])
        #expect(text.stdout.contains("Transit targets") && text.stdout.contains("D transit <= 12 days by 2026  2026         12.00"),
                "\(text.stdout)")
        #expect(text.stdout.contains("benefit-cost ratio is 0.30 (< 1)"), "\(text.stdout)")
    }

    @Test("A transit target the budget cannot meet: 4.00 days over in stderr, exit 65; with no budget limit T meets it")
    func transitTargetMissed() throws {
        let (plan, folder) = try transitPlan(budget: "500", maxDays: 12)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("plan.html")
        let outcome = try CLI.run(["plan", plan.path, "--html", page.path])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("error: target 'D transit <= 12 days by 2026' missed in 2026 by 4.00 days (the plan reaches 16.00 days)"),
                "\(outcome.stderr)")
        #expect(outcome.stdout.contains("Target missed: D transit <= 12 days by 2026 — in 2026 the demand takes 16.00 days, 4.00 days over 12.00"))
        #expect(outcome.stdout.contains("missed targets with no budget limit: every target met at capex USD 2,000"), "\(outcome.stdout)")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("Transit targets") && html.contains("no budget limit") && html.contains("MISSED"))
        let json = try json(try CLI.run(["plan", plan.path, "--format", "json"]).stdout)
        let meeting = try #require((json["sensitivity"] as? [String: Any])?["unlimited_budget"] as? [String: Any])
        #expect(number(meeting["capex_usd"]) == 2_000 && (meeting["missed_targets"] as? [Any])?.isEmpty == true)
    }
}
