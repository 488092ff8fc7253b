import Foundation
import FreightNetwork
import Scenarios
import Testing

/// A plan file's problems come in one pass: wrong amounts do not hide the ids they sit next to (issue 16, 9).
@Suite("Plan files: every problem in one pass")
struct PlanFileOnePassTests {
    /// Nodes DOS and X, link DOS-X, one demand.
    static let scenario = """
        schema_version: 1
        name: tiny
        nodes:
          - { id: DOS, name: D, country: KZ, kind: border, lat: 0, lon: 0, handling_cost_usd_per_teu: 0, dwell_days: 0 }
          - { id: X, name: X, country: KZ, kind: hub, lat: 1, lon: 1, handling_cost_usd_per_teu: 0, dwell_days: 0 }
        links:
          - { id: DOS-X, from: DOS, to: X, mode: rail, corridor: c, distance_km: 1, cost_usd_per_teu: 1, time_days: 0 }
        demands:
          - { id: D1, from: DOS, to: X, teu: 10, value_of_time_usd_per_teu_day: 1 }

        """

    /// A wrong capex, a wrong `teu` on an unknown link after an unknown effect, an unknown `requires`,
    /// and a project that requires the broken one (which must not count as unknown).
    static let plan = """
        budget_usd: 100
        investments:
          - id: A
            capex_usd: lots
            requires: [FERY]
            effects:
              - add_capacty: { node: DOS, teu: 1 }
              - add_capacity: { link: X-Y, teu: -5 }
              - upgrade_link: { link: DOS-Z, time_reduction_days: soon }
          - { id: B, capex_usd: 1, requires: [A], effects: [] }

        """

    @Test("A scenario file the plan names that cannot be read is an error at its `file` field, with the others' errors")
    func unreadableScenario() throws {
        let folder = try TemporaryFolder("plan-missing")
        try folder.write(Self.scenario, to: "s.yaml")
        let text = """
            budget_usd: 100
            scenarios:
              - { file: s.yaml, weight: 1 }
              - { file: nope.yaml, weight: 1 }
            investments:
              - { id: A, capex_usd: 1, effects: [{ add_capacity: { node: DOS, teu: 1 } }] }

            """
        let path = try folder.write(text, to: "plan.yaml")
        do {
            _ = try PlanFile.loadChecked(path: path)
            Issue.record("a plan over a missing scenario must not load")
        } catch {
            #expect(error.errors.map { $0.description.replacingOccurrences(of: "\(folder.path)/", with: "") } == [
                "plan.yaml:4:13: error: scenarios[1].file: no such file 'nope.yaml'"
            ])
        }
    }

    @Test("Conflicting requires and excludes are reported at the `requires` line, together with an unknown id")
    func conflictsWithOtherErrors() throws {
        let text = """
            budget_usd: 100
            investments:
              - id: A
                capex_usd: 1
                requires: [B, NOPE]
                effects: []
              - id: B
                capex_usd: 1
                excludes: [A]
                effects: []

            """
        let plan = try PlanFile.read(text: text, file: "plan.yaml")
        #expect(plan.diagnostics.all.map(\.description) == [
            "plan.yaml:5:15: error: investments[0].requires: unknown investment 'NOPE'",
            "plan.yaml:5:15: error: investments[0].requires: 'A' can never be built: it requires 'B', which excludes it (conflicting prerequisites and exclusions; drop one of them)",
        ])
    }

    @Test("An investment with a wrong capex and an effect with a wrong teu keep their ids checked")
    func partialPlan() throws {
        let plan = try PlanFile.read(text: Self.plan, file: "plan.yaml")
        #expect(plan.diagnostics.all.map(\.description) == [
            "plan.yaml:4:16: error: investments[0].capex_usd: expected a number, found 'lots'",
            "plan.yaml:5:15: error: investments[0].requires: unknown investment 'FERY'",
            "plan.yaml:7:9: error: investments[0].effects[0].add_capacty: unknown effect (did you mean 'add_capacity'?)",
            "plan.yaml:8:41: error: investments[0].effects[1].add_capacity.teu: expected a number ≥ 0, found '-5'",
            "plan.yaml:9:59: error: investments[0].effects[2].upgrade_link.time_reduction_days: expected a number, found 'soon'",
        ])
        #expect(throws: ScenarioDiagnostics.self) { try PlanFile.load(text: Self.plan, file: "plan.yaml") }
        let network = try ScenarioLoader.load(text: Self.scenario, file: "s.yaml").network
        #expect(plan.check(against: network, scenarioFile: "s.yaml").map(\.description) == [
            "plan.yaml:8:9: error: investments[0].effects[1]: unknown link 'X-Y' (in s.yaml)",
            "plan.yaml:9:9: error: investments[0].effects[2]: unknown link 'DOS-Z' (in s.yaml) (did you mean 'DOS-X'?)",
        ])
    }

    @Test("Loading a plan with its scenarios reports the plan's fields, its effects' ids and the scenario files at once")
    func loadChecked() throws {
        let folder = try TemporaryFolder("plan-one-pass")
        try folder.write(Self.scenario, to: "good.yaml")
        try folder.write(Self.scenario.replacingOccurrences(of: "distance_km: 1,", with: "distance_km: far,"), to: "bad.yaml")
        let path = try folder.write("scenarios: [{ file: good.yaml }, { file: bad.yaml }]\n" + Self.plan, to: "plan.yaml")
        let error = try #require(throws: ScenarioDiagnostics.self) { try PlanFile.loadChecked(path: path) }
        let found = error.all.map(\.description)
        let expected = [
            "bad.yaml:7:74: error: links[0].distance_km: expected a number, found 'far'",
            "plan.yaml:5:16: error: investments[0].capex_usd: expected a number, found 'lots'",
            "plan.yaml:6:15: error: investments[0].requires: unknown investment 'FERY'",
            "plan.yaml:8:9: error: investments[0].effects[0].add_capacty: unknown effect (did you mean 'add_capacity'?)",
            "plan.yaml:9:9: error: investments[0].effects[1]: unknown link 'X-Y' (in \(folder.path)/good.yaml)",
            "plan.yaml:9:41: error: investments[0].effects[1].add_capacity.teu: expected a number ≥ 0, found '-5'",
            "plan.yaml:10:9: error: investments[0].effects[2]: unknown link 'DOS-Z' (in \(folder.path)/good.yaml) (did you mean 'DOS-X'?)",
            "plan.yaml:10:59: error: investments[0].effects[2].upgrade_link.time_reduction_days: expected a number, found 'soon'",
        ].map { "\(folder.path)/\($0)" }
        #expect(found == expected)
    }

    @Test("A valid plan with its scenarios loads, with the plan checked against each")
    func loadsValid() throws {
        let folder = try TemporaryFolder("plan-valid")
        try folder.write(Self.scenario, to: "good.yaml")
        let path = try folder.write("""
            budget_usd: 100
            scenarios: [{ file: good.yaml, weight: 2 }]
            investments:
              - { id: A, capex_usd: 10, effects: [{ add_capacity: { link: DOS-X, teu: 5 } }] }

            """, to: "plan.yaml")
        let loaded = try PlanFile.loadChecked(path: path)
        #expect(loaded.plan.catalog.investments.map(\.id) == ["A"])
        #expect(loaded.scenarios.map(\.weight) == [2])
        #expect(loaded.scenarios.map(\.scenario.name) == ["tiny"])
        #expect(loaded.warnings.isEmpty)
    }
}
