import FreightNetwork
import Scenarios
import Testing

/// The `investments`, `budget_usd` and `scenarios` of a plan file (`corridor plan`).
@Suite("Plan files: investments and budget")
struct PlanFileTests {
    /// Nodes DOS and X, link DOS-X.
    private static func network() throws -> Network {
        try Network(
            nodes: [Node(id: "DOS", name: "D", country: "KZ", kind: .border, latitude: 0, longitude: 0, capacityTEU: nil,
                         handlingCostUSDPerTEU: 0, dwellDays: 0),
                    Node(id: "X", name: "X", country: "KZ", kind: .hub, latitude: 0, longitude: 0, capacityTEU: nil,
                         handlingCostUSDPerTEU: 0, dwellDays: 0)],
            links: [Link(id: "DOS-X", from: "DOS", to: "X", mode: .rail, corridor: "c", distanceKm: 1, costUSDPerTEU: 1, timeDays: 0)],
            demands: [])
    }

    /// A plan file with one project A and these effects, the first on line 6, column 9.
    private static func plan(effects: [String]) throws -> PlanFile {
        let text = "budget_usd: 100\ninvestments:\n  - id: A\n    capex_usd: 1\n    effects:\n"
        return try PlanFile.load(text: text + effects.map { "      - \($0)\n" }.joined(), file: "plan.yaml")
    }

    /// The errors of loading `text` as `plan.yaml`, as printed; none when it loads.
    func errors(_ text: String) -> [String] {
        do {
            _ = try PlanFile.load(text: text, file: "plan.yaml")
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test("A plan file reads projects, units, effects, prerequisites and weighted scenarios")
    func reads() throws {
        let plan = try PlanFile.load(text: """
            schema_version: 1
            name: test plan
            budget_usd: 1.5e9
            scenarios:
              - { file: a.yaml, weight: 0.7 }
              - { file: /abs/b.yaml }
            investments:
              - id: FERRY
                capex_usd: 50e6
                max_units: 4
                effects:
                  - add_capacity: { link: AKU-ALT, teu: 10000 }
              - id: PORT
                capex_usd: 38e6
                requires: FERRY
                effects:
                  - add_capacity: { node: AKU, teu: 50000 }
                  - upgrade_link: { link: AKU-ALT, time_reduction_days: 0.5 }
                  - add_node: { id: NEW, name: New, country: KZ, kind: port, lat: 1, lon: 2, handling_cost_usd_per_teu: 1, dwell_days: 1 }
                  - add_link: { id: AKU-NEW, from: AKU, to: NEW, mode: rail, corridor: middle, distance_km: 10, cost_usd_per_teu: 5, time_days: 0.1 }
            """, file: "dir/plan.yaml")
        #expect(plan.name == "test plan")
        #expect(plan.catalog.budgetUSD == 1.5e9)
        #expect(plan.scenarios == [.init(file: "dir/a.yaml", weight: 0.7), .init(file: "/abs/b.yaml", weight: 1)])
        #expect(plan.catalog.investments.map(\.id) == ["FERRY", "PORT"])
        #expect(plan.catalog.investments[0].maxUnits == 4)
        #expect(plan.catalog.investments[1].requires == ["FERRY"])
        #expect(plan.catalog.investments[1].effects.count == 4)
        #expect(plan.catalog.investments[0].effects == [.linkCapacity("AKU-ALT", teu: 10000)])
    }

    @Test("Conflicting prerequisites and exclusions are reported with the project that can never be built")
    func conflicts() {
        let found = errors("""
            budget_usd: 100
            investments:
              - { id: A, capex_usd: 1, requires: [B], effects: [] }
              - { id: B, capex_usd: 1, requires: [C], effects: [] }
              - { id: C, capex_usd: 1, excludes: [A], effects: [] }
            """)
        #expect(found.contains { $0.contains("'A' can never be built") && $0.contains("excludes") })
        #expect(found.contains { $0.contains("conflicting prerequisites") })
    }

    @Test("Unknown and self references are errors with a suggestion")
    func unknownReferences() {
        let found = errors("""
            budget_usd: 100
            investments:
              - { id: FERRY, capex_usd: 1, effects: [] }
              - { id: PORT, capex_usd: 1, requires: [FERY], excludes: [PORT], effects: [] }
            """)
        #expect(found.contains { $0.contains("unknown investment 'FERY'") && $0.contains("did you mean 'FERRY'?") })
        #expect(found.contains { $0.contains("'PORT' names itself") })
    }

    @Test("A budget below the committed projects' capex is reported at budget_usd")
    func infeasibleBudget() {
        let found = errors("""
            budget_usd: 100
            investments:
              - { id: A, capex_usd: 60, min_units: 1, effects: [] }
              - { id: B, capex_usd: 30, units: 2, max_units: 2, effects: [] }
            """)
        #expect(found.count == 1)
        #expect(found.first?.contains("plan.yaml:1:13: error: budget_usd: the budget (USD 100) is less than the committed projects' capex (USD 120): no portfolio is feasible") == true)
    }

    @Test("Bad fields, unknown effects and missing sections are positioned errors")
    func badFields() {
        let found = errors("""
            investments:
              - id: A
                capex_usd: -5
                max_units: 0
                effects:
                  - add_capacty: { node: AKU, teu: 1 }
                  - add_capacity: { teu: 1 }
            """)
        #expect(found.contains { $0.contains("budget_usd: required field is missing") })
        #expect(found.contains { $0.contains("capex_usd: expected a number ≥ 0") })
        #expect(found.contains { $0.contains("max_units: expected between 1 and 1000 units") })
        #expect(found.contains { $0.contains("unknown effect") && $0.contains("add_capacity") })
        #expect(found.contains { $0.contains("give exactly one of 'link' or 'node'") })
    }

    @Test("Effects are checked against the scenario's network")
    func checkedAgainstNetwork() throws {
        let plan = try Self.plan(effects: ["add_capacity: { node: DOZ, teu: 1 }", "add_capacity: { link: X-Y, teu: 1 }"])
        let found = plan.check(against: try Self.network(), scenarioFile: "s.yaml").map(\.description)
        #expect(found.contains { $0.contains("unknown node 'DOZ'") && $0.contains("did you mean 'DOS'?") })
        #expect(found.contains { $0.contains("unknown link 'X-Y'") })
    }

    @Test("add_storage reads node, TEU and holding cost; a bad one is reported with exact positions, all at once")
    func storageEffect() throws {
        let plan = try PlanFile.load(text: """
            budget_usd: 100
            investments:
              - id: YARD
                capex_usd: 1
                effects:
                  - add_storage: { node: ALT, teu: 12000, holding_cost_usd_per_teu_day: 4.2 }
                  - add_storage: { node: AKU, teu: 500 }
            """, file: "plan.yaml")
        #expect(plan.catalog.investments[0].effects == [
            .storage("ALT", teu: 12000, holdingCostUSDPerTEUDay: 4.2), .storage("AKU", teu: 500, holdingCostUSDPerTEUDay: nil),
        ])

        let found = errors("""
            budget_usd: 100
            investments:
              - id: YARD
                capex_usd: 1
                effects:
                  - add_storage: { node: ALT, teu: -5 }
                  - add_storage: { node: ALT, teu: 10, holding: 1 }
                  - add_storage: { teu: 10 }
                  - add_storrage: { node: ALT, teu: 10 }
            """)
        #expect(found == [
            "plan.yaml:6:40: error: investments[0].effects[0].add_storage.teu: expected a number ≥ 0, found '-5'",
            "plan.yaml:7:44: error: investments[0].effects[1].add_storage.holding: unknown key (did you mean 'holding_cost_usd_per_teu_day'?)",
            "plan.yaml:8:22: error: investments[0].effects[2].add_storage.node: required field is missing",
            "plan.yaml:9:9: error: investments[0].effects[3].add_storrage: unknown effect (did you mean 'add_storage'?)",
        ])
    }

    @Test("add_storage is checked against the network: an unknown node is an error, an annual scenario a warning")
    func storageCheckedAgainstNetwork() throws {
        let plan = try Self.plan(effects: ["add_storage: { node: DOZ, teu: 1 }", "add_storage: { node: DOS, teu: 1 }"])
        let network = try Self.network()
        #expect(plan.check(against: network, scenarioFile: "s.yaml").map(\.description) == [
            "plan.yaml:6:9: error: investments[0].effects[0]: unknown node 'DOZ' (in s.yaml) (did you mean 'DOS'?)",
            "plan.yaml:7:9: warning: investments[0].effects[1].add_storage: unused in a scenario without periods (the annual model has no storage) (in s.yaml)",
        ])
        #expect(plan.check(against: network, scenarioFile: "s.yaml", hasPeriods: true).map(\.description) == [
            "plan.yaml:6:9: error: investments[0].effects[0]: unknown node 'DOZ' (in s.yaml) (did you mean 'DOS'?)",
        ])
    }
}
