import CorridorTestSupport
import Foundation
import Testing

/// `corridor plan` as a user runs it.
@Suite("corridor plan")
struct PlanCommandTests {
    let small = "Tests/CorridorEndToEndTests/Fixtures/plan/small.yaml"

    /// `corridor plan` on a temporary plan file with `text`.
    private func plan(_ text: String, _ arguments: String...) throws -> CLI.Outcome {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-plan-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return try CLI.run(["plan", url.path] + arguments)
    }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("The tiny plan: border expansion and two ferries, USD 416 m/yr (checked by hand)")
    func smallPlan() throws {
        // Per TEU: north 3,900 (border 50k, +30k for USD 60 m), middle 5,200 (ferry 10k, +5k per USD 20 m), sea 5,500.
        // Budget USD 100 m: border + 2 ferries → 80k × 3,900 + 20k × 5,200 = USD 416 m/yr (467 m without).
        let outcome = try CLI.run(["plan", small, "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try json(outcome.stdout)
        #expect(report["status"] as? String == "optimal")
        #expect(isClose((report["objective_value"] as? NSNumber)?.doubleValue ?? .nan, 416e6))
        #expect(isClose((report["objective_without_investment"] as? NSNumber)?.doubleValue ?? .nan, 467e6))
        #expect(isClose((report["capex_usd"] as? NSNumber)?.doubleValue ?? .nan, 100e6))
        #expect(((report["relative_gap"] as? NSNumber)?.doubleValue ?? 1) <= 1e-9)
        let portfolio = try #require(report["portfolio"] as? [[String: Any]])
        #expect(portfolio.map { $0["id"] as? String } == ["BORDER", "FERRY"])
        #expect(portfolio.map { ($0["units"] as? NSNumber)?.intValue } == [1, 2])
        // Dropping the border: 3 ferries (USD 60 m) → 50k × 3,900 + 25k × 5,200 + 25k × 5,500 = USD 462.5 m/yr.
        #expect(isClose((portfolio[0]["objective_if_switched"] as? NSNumber)?.doubleValue ?? .nan, 462.5e6))
    }

    @Test("A seasonal plan builds the warehouse that bridges a closure: two units, USD 24,250/yr (checked by hand)")
    func seasonalWarehouse() throws {
        // See the fixture: no storage USD 1,003,000/yr, one 50 TEU unit 513,625, two units 24,250; a third saves nothing.
        let file = "Tests/CorridorEndToEndTests/Fixtures/plan/warehouse-closure.yaml"
        let outcome = try CLI.run(["plan", file, "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.hasPrefix("plan: ") && outcome.stderr.hasSuffix(" s with all re-solves\n"), "\(outcome.stderr)")
        let report = try json(outcome.stdout)
        #expect(isClose((report["objective_value"] as? NSNumber)?.doubleValue ?? .nan, 24_250))
        #expect(isClose((report["objective_without_investment"] as? NSNumber)?.doubleValue ?? .nan, 1_003_000))
        let portfolio = try #require((report["portfolio"] as? [[String: Any]])?.first)
        #expect((portfolio["units"] as? NSNumber)?.intValue == 2)
        #expect((portfolio["storage_teu"] as? NSNumber)?.doubleValue == 100)
        #expect(isClose((portfolio["loss_of_last_unit"] as? NSNumber)?.doubleValue ?? .nan, 513_625 - 24_250))
        let scenario = try #require((report["scenarios"] as? [[String: Any]])?.first)
        let with = try #require(scenario["with"] as? [String: Any])
        #expect((with["periods"] as? NSNumber)?.intValue == 2)
        #expect(isClose((with["generalised_cost_usd"] as? NSNumber)?.doubleValue ?? .nan, 24_250))
        #expect(isClose((with["holding_cost_usd"] as? NSNumber)?.doubleValue ?? .nan, 18_250))
        #expect(isClose((with["peak_stock_teu"] as? NSNumber)?.doubleValue ?? .nan, 100))

        let table = try CLI.run(["plan", file, "--no-values"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("Chosen portfolio: 2× W-YARD"))
        #expect(table.stdout.contains("Storage built: W 100 TEU (W-YARD)"))
        #expect(table.stdout.contains("warehouse-closure (2 periods)"))
        #expect(table.stdout.contains("warehouse-closure: holding + late USD 0 → 18,250/yr, peak stock 0 → 100 TEU"))
    }

    @Test("A storage candidate in an annual scenario is a warning, not an error")
    func storageInAnnualScenario() throws {
        let outcome = try plan("""
            budget_usd: 1e6
            scenarios: [{ file: \(CLI.root.path)/Tests/CorridorEndToEndTests/Fixtures/plan/small.yaml }]
            investments:
              - id: YARD
                capex_usd: 1
                effects:
                  - add_storage: { node: P, teu: 1000 }
            """, "--no-values")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains(
            ":7:9: warning: investments[0].effects[0].add_storage: unused in a scenario without periods (the annual model has no storage)"))
        #expect(outcome.stdout.contains("Chosen portfolio: nothing"))
    }

    @Test("The table names the portfolio, the gap and the explanation")
    func table() throws {
        let outcome = try CLI.run(["plan", small, "--objective", "worst-case"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("Chosen portfolio: BORDER, 2× FERRY"))
        #expect(outcome.stdout.contains("MIP gap: 0.00%"))
        #expect(outcome.stdout.contains("Why this portfolio"))
        #expect(outcome.stdout.contains("USD 416.0 m/yr"))
    }

    @Test("Conflicting prerequisites and a budget below committed capex exit 65 with positioned errors")
    func badPlan() throws {
        let outcome = try plan("""
            budget_usd: 1e6
            scenarios: [{ file: \(CLI.root.path)/Scenarios/baseline-2021.yaml }]
            investments:
              - { id: A, capex_usd: 1, requires: [B], effects: [] }
              - { id: B, capex_usd: 1, excludes: [A], effects: [] }
              - { id: C, capex_usd: 2e6, min_units: 1, effects: [] }
            """)
        #expect(outcome.status == 65)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains(":1:13: error: budget_usd: the budget (USD 1000000) is less than the committed projects' capex"))
        #expect(outcome.stderr.contains(":4:38: error: investments[0].requires: 'A' can never be built: it requires 'B', which excludes it"), "\(outcome.stderr)")
    }

    /// A plan with a wrong capex, a wrong teu on an unknown link and an unknown requires, and the four errors
    /// `plan` and `validate` report for it.
    private static let badPlan = """
        budget_usd: 1e6
        scenarios: [{ file: \(CLI.root.path)/Tests/CorridorEndToEndTests/Fixtures/plan/small.yaml }]
        investments:
          - id: A
            capex_usd: -3
            requires: [NOPE]
            effects:
              - add_capacity: { link: P-X, teu: lots }
        """
    private static let badPlanErrors = [
        ":5:16: error: investments[0].capex_usd: expected a number ≥ 0, found '-3'",
        ":6:15: error: investments[0].requires: unknown investment 'NOPE'",
        ":8:9: error: investments[0].effects[0]: unknown link 'P-X' (in \(CLI.root.path)/Tests/CorridorEndToEndTests/Fixtures/plan/small.yaml) (did you mean 'P-D'?)",
        ":8:41: error: investments[0].effects[0].add_capacity.teu: expected a number, found 'lots'",
    ]

    @Test("A wrong capex, a wrong teu on an unknown link and an unknown requires are all reported in one run (exit 65)")
    func everyProblemAtOnce() throws {
        let outcome = try plan(Self.badPlan)
        #expect(outcome.status == 65)
        #expect(outcome.stdout.isEmpty)
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == Self.badPlanErrors.count, "\(outcome.stderr)")
        for (line, suffix) in zip(lines, Self.badPlanErrors) { #expect(line.hasSuffix(suffix), "\(line)") }
    }

    @Test("validate checks a plan file as plan does: every problem at once, or ok with its investments and scenarios")
    func validatePlan() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-plan-\(UUID().uuidString).yaml")
        try Self.badPlan.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let outcome = try CLI.run(["validate", url.path])
        #expect(outcome.status == 65)
        #expect(outcome.stdout.isEmpty)
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == Self.badPlanErrors.count + 1, "\(outcome.stderr)")
        for (line, suffix) in zip(lines, Self.badPlanErrors) { #expect(line.hasSuffix(suffix), "\(line)") }
        #expect(lines.last == "\(url.path): 4 errors, 0 warning(s)")

        let good = try CLI.run(["validate", small])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout == "\(small): ok — plan \"small plan\": 2 investments over 1 scenario(s), 0 warning(s)\n")
    }

    @Test("The bundled USD 3.7 bn plan solves to a gap of at most 1% within the budget")
    func bundledPlan() throws {
        let outcome = try CLI.run(["plan", "Scenarios/plans/invest-3.7bn.yaml", "--no-values", "--gap", "0.01", "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try json(outcome.stdout)
        #expect(["optimal", "feasible"].contains(report["status"] as? String))
        #expect(((report["relative_gap"] as? NSNumber)?.doubleValue ?? 1) <= 0.01)
        let capex = (report["capex_usd"] as? NSNumber)?.doubleValue ?? .nan
        #expect(capex <= 3.7e9 && capex > 0)
        let scenarios = try #require(report["scenarios"] as? [[String: Any]])
        #expect(scenarios.count == 3)
        let portfolio = try #require(report["portfolio"] as? [[String: Any]])
        let cku = try #require(portfolio.first { $0["id"] as? String == "CKU-RAILWAY" })
        #expect((cku["units"] as? NSNumber)?.intValue == 0, "USD 4.7 bn does not fit a USD 3.7 bn budget")
    }

    @Test("The tiny plan's budget −10 % drops a ferry: USD 417.5 m/yr, USD 150,000/yr per USD 1 m; --html writes the page")
    func smallPlanSensitivityAndHTML() throws {
        // USD 90 m: the border (60) and one ferry (20): 80k × 3,900 + 15k × 5,200 + 5k × 5,500 = USD 417.5 m/yr,
        // USD 1.5 m/yr worse for USD 10 m less. USD 110 m buys nothing more (a third ferry needs 20 m more than 100).
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-plan-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: page) }
        let outcome = try CLI.run(["plan", small, "--format", "json", "--html", page.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try json(outcome.stdout)
        let budget = try #require((report["sensitivity"] as? [String: Any])?["budget"] as? [[String: Any]])
        #expect(budget.count == 2)
        #expect(isClose((budget[0]["objective_value"] as? NSNumber)?.doubleValue ?? .nan, 417.5e6))
        #expect(isClose((budget[0]["slope"] as? NSNumber)?.doubleValue ?? .nan, -0.15))
        #expect((budget[0]["units"] as? [NSNumber])?.map(\.intValue) == [1, 1])
        #expect(isClose((budget[1]["objective_value"] as? NSNumber)?.doubleValue ?? .nan, 416e6))
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && !html.contains("<script"))
        for part in ["Chosen projects", "id=\"sensitivity\"", "id=\"map\"", "<svg", "Why this portfolio", "BORDER"] {
            #expect(html.contains(part), "the page has no \(part)")
        }
    }

    @Test("The bundled plan, appraised at 6 %: every chosen project has a benefit–cost ratio of at least 1, and says so")
    func bundledPlanEconomics() throws {
        let outcome = try CLI.run(["plan", "Scenarios/plans/invest-3.7bn.yaml", "--no-values", "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try json(outcome.stdout)
        #expect(report["economics"] as? Bool == true)
        #expect((report["discount_rate"] as? NSNumber)?.doubleValue == 0.06)
        let portfolio = try #require(report["portfolio"] as? [[String: Any]])
        let chosen = portfolio.filter { (($0["units"] as? NSNumber)?.intValue ?? 0) > 0 }
        #expect(!chosen.isEmpty)
        for project in portfolio {
            let appraisal = try #require(project["appraisal"] as? [String: Any], "\(project["id"] ?? "?") has no appraisal")
            let ratio = try #require((appraisal["benefit_cost_ratio"] as? NSNumber)?.doubleValue)
            let npv = try #require((appraisal["npv_usd"] as? NSNumber)?.doubleValue)
            #expect((ratio >= 1) == (npv >= 0))
            if chosen.contains(where: { $0["id"] as? String == project["id"] as? String }) {
                #expect(ratio >= 1, "\(project["id"] ?? "?") is chosen with BCR \(ratio)")
            }
        }
        let total = try #require(report["portfolio_appraisal"] as? [String: Any])
        #expect(((total["benefit_cost_ratio"] as? NSNumber)?.doubleValue ?? 0) >= 1)
        let table = try CLI.run(["plan", "Scenarios/plans/invest-3.7bn.yaml", "--no-values"])
        #expect(table.stdout.contains("Every chosen project has a benefit–cost ratio of at least 1"))
        #expect(table.stdout.contains("is built because its BCR is"))
        // Sensitivity behind the rest: budget ±10 % and the discount rate ±2 pp, each with the portfolio's NPV and BCR.
        let sensitivity = try #require(table.stdout.components(separatedBy: "\nSensitivity (").last)
        #expect(sensitivity.contains("budget -10% (USD 3.33 bn): objective"))
        #expect(sensitivity.contains("discount rate -2.0 pp (4.0%): objective"))
        #expect(sensitivity.contains("discount rate +2.0 pp (8.0%): objective"))
        #expect(sensitivity.contains("BCR"))
        let resolves = try #require(report["sensitivity"] as? [String: Any])
        #expect((resolves["discount_rate"] as? [[String: Any]])?.count == 2)
        #expect((resolves["budget"] as? [[String: Any]])?.count == 2)
        #expect(!table.stderr.contains("Sensitivity") && !table.stdout.contains(" s with all re-solves"))
    }

    @Test("A plan without discount_rate keeps the old objective and says it has no economics")
    func planWithoutEconomics() throws {
        let outcome = try CLI.run(["plan", small])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("Economics         none: the plan file has no discount_rate"))
        #expect(!outcome.stdout.contains("Discount rate") && !outcome.stdout.contains("benefit /yr"))
    }

    @Test("--weights must match --scenarios")
    func weights() throws {
        let outcome = try CLI.run(["plan", small, "--scenarios", small, small, "--weights", "1"])
        #expect(outcome.status == 64)
    }
}
