import CorridorTestSupport
import Foundation
import FreightNetwork
import Scenarios
import Testing

/// `years:` and `targets:` in a plan file: a plan over years with capacity targets.
@Suite("Plan files: years and targets")
struct PlanFileYearsTests {
    static let header = """
        budget_usd: 1e9
        discount_rate: 0.06
        investments:
          - { id: A, capex_usd: 1e8, lifetime_years: 30, lead_time_years: 2, effects: [] }

        """

    @Test("A plan reads its years (file, demand growth, weight, budget) and its capacity targets")
    func reads() throws {
        let plan = try PlanFile.load(text: Self.header + """
            years:
              - { year: 2025, file: y/2025.yaml, budget_usd: 5e8 }
              - { year: 2027, demand_growth: 1.07, weight: 2 }
            targets:
              - { corridor: "middle, southern", min_capacity_teu: 2e5, by_year: 2027 }
              - { demand: X-CKG-DUI, max_days: 15, by_year: 2025 }
            """, file: "plans/p.yaml")
        #expect(plan.years.map(\.year) == [
            PlanYear(year: 2025, demandGrowth: 1, weight: 1, budgetUSD: 5e8),
            PlanYear(year: 2027, demandGrowth: 1.07, weight: 2, budgetUSD: nil),
        ])
        #expect(plan.years.map(\.file) == ["plans/y/2025.yaml", "plans/p.yaml"], "resolved against the plan; else the plan itself")
        #expect(plan.targets.map(\.target) == [
            .capacity(CapacityTarget(corridor: "middle, southern", tags: ["middle", "southern"], minimumTEU: 2e5, byYear: 2027)),
            .transit(TransitTarget(demand: "X-CKG-DUI", maxDays: 15, byYear: 2025)),
        ])
        #expect(plan.targets.map(\.target.label) == [
            "middle, southern capacity >= 200000 TEU/yr by 2027", "X-CKG-DUI transit <= 15 days by 2025",
        ])
        #expect(isClose(PlanYear(year: 2027).discountedWeight(rate: 0.06, firstYear: 2025), 1 / 1.1236))
    }

    @Test("Every problem of years and targets in one pass, each with file:line:column and field")
    func errors() {
        let text = """
            budget_usd: 1e9
            investments:
              - { id: A, capex_usd: 1e8, effects: [] }
            scenarios: [{ file: s.yaml }]
            years:
              - { year: 2026, file: s.yaml }
              - { year: 2025.5, demand_growth: -1 }
              - { year: 2024, wieght: 1 }
              - { year: 3000, budget_usd: cheap }
            targets:
              - { corridor: middle, min_capacity_teu: 0, by_year: 2031 }
              - { demand: D1, max_days: 12, by_year: 2026 }
              - { demand: D1, max_days: -2, corridor: middle, by_year: 2026 }
              - { max_days: 12, by_year: 2026 }
            """
        let found: [String]
        do {
            _ = try PlanFile.load(text: text, file: "plan.yaml")
            found = []
        } catch {
            found = error.errors.map(\.description)
        }
        #expect(found == [
            "plan.yaml:7:13: error: years[1].year: expected an integer, found '2025.5'",
            "plan.yaml:7:36: error: years[1].demand_growth: expected a demand growth factor between 0.01 and 100, found '-1'",
            "plan.yaml:8:19: error: years[2].wieght: unknown key (did you mean 'weight'?)",
            "plan.yaml:9:13: error: years[3].year: expected a calendar year between 1900 and 2200, found 3000",
            "plan.yaml:9:31: error: years[3].budget_usd: expected a number, found 'cheap'",
            "plan.yaml:8:5: error: years[2].year: year 2024 comes after 2026 (list the years once each, in increasing order)",
            "plan.yaml:11:43: error: targets[0].min_capacity_teu: expected a capacity above 0 TEU/yr, found 0",
            "plan.yaml:11:55: error: targets[0].by_year: 2031 is after the plan's last year (2026) (add a `years` entry for 2031 or later)",
            "plan.yaml:13:5: error: targets[2].corridor: a target is either a capacity (corridor, min_capacity_teu) or a transit time (demand, max_days), not both (write two targets)",
            "plan.yaml:13:29: error: targets[2].max_days: expected a number ≥ 0, found '-2'",
            "plan.yaml:14:5: error: targets[3].demand: required field is missing",
            "plan.yaml:1:1: error: years: a plan has either `years` or `scenarios`, not both (give each year its scenario file in `years`)",
            "plan.yaml:1:1: error: years: a plan over years needs a discount_rate (add discount_rate: 0.06 (say) and lifetime_years to every investment)",
        ])
    }

    @Test("Loading checks each year's file and the target corridors against its network, in one pass")
    func loadChecked() throws {
        let folder = try TemporaryFolder("plan-years")
        _ = try folder.write(PlanFileOnePassTests.scenario, to: "good.yaml")
        let path = try folder.write(Self.header + """
            years:
              - { year: 2025, file: good.yaml }
              - { year: 2026, file: missing.yaml }
              - { year: 2027, file: good.yaml, demand_growth: 1.1 }
            targets:
              - { corridor: d, min_capacity_teu: 10, by_year: 2027 }
              - { demand: D2, max_days: 5, by_year: 2027 }
            """, to: "plan.yaml")
        let error = try #require(throws: ScenarioDiagnostics.self) { try PlanFile.loadChecked(path: path) }
        let found = error.all.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
        #expect(found.contains("plan.yaml:10:17: error: targets[0].corridor: no corridor 'd' in good.yaml (expected one of c)"), "\(found)")
        #expect(found.contains("plan.yaml:11:15: error: targets[1].demand: no demand 'D2' in good.yaml (did you mean 'D1'?)"), "\(found)")
        // The missing file is named at the entry that lists it.
        #expect(found.contains { $0.hasPrefix("plan.yaml:") && $0.contains("error: years[1].file: no such file 'missing.yaml'") }, "\(found)")
        let fixed = try folder.write(Self.header + """
            years:
              - { year: 2025, file: good.yaml }
              - { year: 2027, file: good.yaml, demand_growth: 1.1 }
            targets:
              - { corridor: c, min_capacity_teu: 10, by_year: 2027 }
              - { demand: D1, max_days: 5, by_year: 2027 }
            """, to: "plan.yaml")
        let loaded = try PlanFile.loadChecked(path: fixed)
        #expect(loaded.years.map(\.year.year) == [2025, 2027])
        #expect(loaded.scenarios.isEmpty)
        #expect(loaded.plan.targets.count == 2)
    }
}
