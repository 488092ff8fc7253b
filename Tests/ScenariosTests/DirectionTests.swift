import Foundation
import FreightNetwork
import Scenarios
import Testing

/// `direction:` on demands and background flows, its default from the ends' longitudes, and
/// `scale_demand` by direction.
@Suite("Scenario loader: directions")
struct DirectionLoadingTests {
    /// China (lon 108) and Europe (lon 7), one link each way, demands both ways.
    static let network = """
        name: Both ways
        schema_version: 1
        nodes:
          - { id: A, country: CN, kind: hub, lat: 34, lon: 108 }
          - { id: B, country: DE, kind: hub, lat: 51, lon: 7 }
        links:
          - { id: A-B, from: A, to: B, mode: rail, corridor: northern, distance_km: 100, cost_usd_per_teu: 10, time_days: 1, bidirectional: true }
        demands:
          - { id: W, from: A, to: B, teu: 50 }
          - { id: E, from: B, to: A, teu: 20 }
          - { id: X, from: B, to: A, teu: 10, direction: westbound }
        background:
          - { id: BG, from: B, to: A, teu: 5, direction: eastbound }
        """

    @Test("A written direction wins; otherwise the ends' longitudes decide (origin east of destination: westbound)")
    func directions() throws {
        let network = try ScenarioLoader.load(text: Self.network, file: "t.yaml").network
        #expect(network.demands.map { network.direction(of: $0) } == [.westbound, .eastbound, .westbound, .eastbound])
        #expect(network.demands.map(\.direction) == [nil, nil, .westbound, .eastbound])
        #expect(network.mainDirection == .westbound)
        #expect(network.links.map(\.id.rawValue) == ["A-B", "A-B:rev"])
    }

    @Test("A misspelt direction is an error at its position, with the nearest value")
    func misspelt() {
        let text = Self.network.replacingOccurrences(of: "direction: westbound", with: "direction: westbund")
        let expected = "t.yaml:11:50: error: demands[2].direction: expected one of westbound, eastbound, found 'westbund'"
        #expect(Fixtures.diagnostics(text).contains(expected), "\(Fixtures.diagnostics(text))")
    }

    @Test("scale_demand by direction scales that direction's freight only, never background traffic")
    func scaleByDirection() throws {
        let text = Self.network + """

            changes:
              - scale_demand: { direction: eastbound, factor: 0.5 }
              - scale_demand: { direction: westbound, to: A, factor: 3 }
            """
        let scenario = try ScenarioLoader.load(text: text, file: "t.yaml")
        #expect(scenario.network.demands.map(\.teu) == [50, 10, 30, 5])
        #expect(scenario.changes.contains("scale_demand eastbound by 0.5: 1 demand"))
        #expect(scenario.changes.contains("scale_demand westbound to A by 3: 1 demand"))
    }

    @Test("scale_demand by a direction with no demand warns at the direction")
    func noMatch() throws {
        let text = Self.network.replacingOccurrences(of: "direction: westbound", with: "direction: eastbound")
            .replacingOccurrences(of: "{ id: W, from: A, to: B, teu: 50 }", with: "{ id: W, from: B, to: A, teu: 50 }")
            + "\nchanges:\n  - scale_demand: { direction: westbound, factor: 2 }\n"
        let warnings = try ScenarioLoader.load(text: text, file: "t.yaml").warnings.map(\.description)
        #expect(
            warnings.contains { $0.contains("changes[0].scale_demand.direction: matches no demand (westbound)") },
            "\(warnings)")
    }
}
