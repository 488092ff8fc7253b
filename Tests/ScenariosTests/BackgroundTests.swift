import Foundation
import FreightNetwork
import Scenarios
import Testing

/// `background`: traffic that is not China–Europe freight, read like demands, kept apart.
@Suite("Scenario loader: background traffic")
struct BackgroundTests {
    /// A three-node network with one demand and two background flows.
    static let network = """
        name: Background
        schema_version: 1
        nodes:
          - { id: A, country: CN, kind: hub, lat: 34, lon: 108 }
          - { id: G, country: KZ, kind: border, lat: 45, lon: 82, capacity_teu: 100 }
          - { id: B, country: DE, kind: hub, lat: 51, lon: 7 }
        links:
          - { id: A-G, from: A, to: G, mode: rail, corridor: shared, distance_km: 100, cost_usd_per_teu: 10, time_days: 1 }
          - { id: G-B, from: G, to: B, mode: rail, corridor: northern, distance_km: 100, cost_usd_per_teu: 10, time_days: 1 }
        demands:
          - { id: D, from: A, to: B, teu: 50 }
        background:
          - { id: CN-KZ, from: A, to: G, teu: 30, source: "[S1]" }
          - { id: KZ-EU, from: G, to: B, teu: 10, unmet_penalty_usd_per_teu: 5000, value_of_time_usd_per_teu_day: 10 }
        """

    @Test("Background flows load as demands marked background, with the high default penalty")
    func loads() throws {
        let scenario = try ScenarioLoader.load(text: Self.network, file: "t.yaml")
        let demands = scenario.network.demands
        #expect(demands.map(\.id.rawValue) == ["D", "CN-KZ", "KZ-EU"])
        #expect(demands.map(\.isBackground) == [false, true, true])
        #expect(demands[0].unmetPenaltyUSDPerTEU == Demand.defaultUnmetPenaltyUSDPerTEU)
        #expect(demands[1].unmetPenaltyUSDPerTEU == Demand.defaultBackgroundPenaltyUSDPerTEU)
        #expect(demands[2].unmetPenaltyUSDPerTEU == 5000)
        #expect(demands[2].valueOfTimeUSDPerTEUDay == 10)
        #expect(scenario.network.freightDemands.map(\.id.rawValue) == ["D"])
    }

    @Test(
        "Each problem is positioned at its field",
        arguments: [
            (
                "- { id: CN-KZ, from: A, to: G, teu: 30, source: \"[S1]\" }", "- { from: A, to: G, teu: 30 }",
                "t.yaml:13:5: error: background[0].id: required field is missing (background flows are reported by id)"
            ),
            (
                "teu: 30, source", "teu: 30, late_penalty_usd_per_teu_day: 3, source",
                "t.yaml:13:43: error: background[0].late_penalty_usd_per_teu_day: unknown key"
            ),
            (
                "teu: 30, source", "teu: -30, source",
                "t.yaml:13:39: error: background[0].teu: expected a number ≥ 0, found '-30'"
            ),
            (
                "from: A, to: G, teu: 30", "from: A, to: X, teu: 30",
                "t.yaml:13:31: error: background[0].to: unknown node 'X'"
            ),
            (
                "id: KZ-EU", "id: D",
                "t.yaml:14:11: error: background[1].id: duplicate demand id 'D' (first defined at line 11)"
            ),
        ])
    func positioned(_ find: String, _ replace: String, _ expected: String) {
        let text = Self.network.replacingOccurrences(of: find, with: replace)
        #expect(Fixtures.diagnostics(text).contains(expected), "\(Fixtures.diagnostics(text))")
    }

    @Test("A file that extends replaces demands and background separately; scale_demand leaves background alone")
    func extends() throws {
        let folder = try TemporaryFolder("background")
        try folder.write(Self.network, to: "base.yaml")
        let child = """
            schema_version: 1
            name: Child
            extends: base.yaml
            demands:
              - { id: D2, from: A, to: B, teu: 20 }
            changes:
              - scale_demand: { factor: 2 }
              - scale_demand: { demand: KZ-EU, factor: 3 }
            """
        let childPath = try folder.write(child, to: "child.yaml")
        let network = try ScenarioLoader.load(path: childPath).network
        #expect(network.demands.map(\.id.rawValue) == ["CN-KZ", "KZ-EU", "D2"])
        #expect(network.demands.map(\.teu) == [30, 30, 40])
        let otherPath = try folder.write(
            "schema_version: 1\nname: Other\nextends: base.yaml\nbackground:\n  - { id: BG, from: A, to: G, teu: 7 }\n",
            to: "other.yaml")
        let other = try ScenarioLoader.load(path: otherPath).network
        #expect(other.demands.map(\.id.rawValue) == ["D", "BG"])
        #expect(other.demands.map(\.isBackground) == [false, true])
    }
}
