import FreightNetwork
import Scenarios
import Testing

/// `discount_rate`, `lifetime_years`, `opex_usd_per_year` and `lead_time_years` in a plan file.
@Suite("Plan files: economics")
struct PlanFileEconomicsTests {
    private func errors(_ text: String) -> [String] { PlanFileTests().errors(text) }

    @Test("A plan reads its discount rate and each project's lifetime, opex and lead time")
    func reads() throws {
        let plan = try PlanFile.load(text: """
            budget_usd: 1e9
            discount_rate: 0.06
            investments:
              - { id: PORT, capex_usd: 1e8, lifetime_years: 35, opex_usd_per_year: 2e6, lead_time_years: 4, effects: [] }
              - { id: FERRY, capex_usd: 5e7, lifetime_years: 25, effects: [] }
            """, file: "plan.yaml")
        #expect(plan.catalog.discountRate == 0.06)
        #expect(plan.catalog.hasEconomics)
        #expect(plan.catalog.investments.map(\.lifetimeYears) == [35, 25])
        #expect(plan.catalog.investments.map(\.opexUSDPerYear) == [2e6, 0])
        #expect(plan.catalog.investments.map(\.leadTimeYears) == [4, nil])
        // 1e8 × CRF(6 %, 35 yr) + 2e6: 1.06^35 = 7.686087, CRF = 0.0689739.
        #expect(abs(plan.catalog.annualisedCostUSDPerUnit(0) - (1e8 * 0.0689739 + 2e6)) < 100)
    }

    @Test("Without discount_rate an old plan loads as before: no economics, lifetimes ignored with a warning")
    func oldPlans() throws {
        let plan = try PlanFile.load(text: """
            budget_usd: 100
            investments:
              - { id: A, capex_usd: 1, effects: [] }
              - { id: B, capex_usd: 1, lifetime_years: 30, effects: [] }
            """, file: "plan.yaml")
        #expect(plan.catalog.discountRate == nil)
        #expect(!plan.catalog.hasEconomics)
        #expect(plan.catalog.annualisedCostUSDPerUnit(1) == 0)
        let warnings = plan.diagnostics.all.map(\.description)
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("plan.yaml:4:5: warning: investments[1].lifetime_years: ignored: the plan has no discount_rate") == true)
    }

    @Test("With a discount rate every project needs a lifetime: the error names the project")
    func lifetimeRequired() {
        let found = errors("""
            budget_usd: 100
            discount_rate: 0.06
            investments:
              - { id: A, capex_usd: 1, lifetime_years: 30, effects: [] }
              - { id: B, capex_usd: 1, effects: [] }
            """)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix(
            "plan.yaml:5:5: error: investments[1].lifetime_years: required field is missing: 'B' needs a lifetime because the plan has a discount_rate") == true)
    }

    @Test("Bad economic values are positioned errors, all reported in one pass")
    func badValues() {
        let found = errors("""
            budget_usd: 100
            discount_rate: 6
            investments:
              - { id: A, capex_usd: 1, lifetime_years: 0, effects: [] }
              - { id: B, capex_usd: 1, lifetime_years: 30.5, effects: [] }
              - { id: C, capex_usd: 1, lifetime_years: 30, opex_usd_per_year: -1, effects: [] }
              - { id: D, capex_usd: 1, lifetime_years: 30, lead_time_years: 80, effects: [] }
            """)
        #expect(found.count == 5, "\(found)")
        #expect(found.contains { $0.hasPrefix("plan.yaml:2:16: error: discount_rate: expected a discount rate (a fraction: 0.06 for 6 %) between 0 and 1, found '6'") })
        #expect(found.contains { $0.hasPrefix("plan.yaml:4:44: error: investments[0].lifetime_years: expected a lifetime between 1 and 200 years, found 0") })
        #expect(found.contains { $0.hasPrefix("plan.yaml:5:44: error: investments[1].lifetime_years: expected an integer") })
        #expect(found.contains { $0.hasPrefix("plan.yaml:6:67: error: investments[2].opex_usd_per_year: expected a number ≥ 0") })
        #expect(found.contains { $0.hasPrefix("plan.yaml:7:65: error: investments[3].lead_time_years: expected a lead time in years between 0 and 50") })
    }
}
