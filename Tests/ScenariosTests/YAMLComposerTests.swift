import Scenarios
import Testing

/// The loader builds its tree from libyaml's events, and hands a file with an anchor, a tag, a
/// merge key or a repeated key to Yams's composer: both must read a file to the same messages.
@Suite("Scenario loader: event tree and Yams tree agree")
struct YAMLComposerTests {
    /// A network with problems of many kinds; `description` is where the probe goes.
    static func network(description: String) -> String {
        """
        schema_version: 1
        name: Composer
        description: \(description)
        nodes:
          - { id: A, country: CN, kind: hub, lat: 95, lon: 2, capacity_teu: 0.5 }
          - id: "B"
            country: kz
            kind: port
            lat: '1.5'
            lon: ~
            dwell_days: 400
          - { id: A, country: CN, kind: hub, lat: 1, lon: 2, colour: red }
          - [not, a, mapping]
        links:
          - { id: A-B, from: A, to: C, mode: rail, corridor: x, distance_km: 010, cost_usd_per_teu: 1_000,
              time_days: 12:30, bidirectional: yes, gauge_mm: 1520.5 }
          - id: B-A
            from: B
            to: A
            mode: ship
            corridor: ""
            distance_km: .inf
            cost_usd_per_teu: -1
            time_days: null
        demands:
          - { id: D1, from: A, to: B, volume_teu: 1e16 }
        """
    }

    /// The messages of loading `text`, or "ok".
    static func messages(_ text: String) -> String {
        do {
            _ = try ScenarioLoader.load(text: text, file: "composer.yaml")
            return "ok"
        } catch {
            return error.description
        }
    }

    @Test(
        "A file read through Yams's composer gets the same messages as the same file read from events",
        arguments: ["&probe plain text", "!!str plain text", "*undefined"]
    )
    func sameMessages(probe: String) {
        let fromEvents = Self.messages(Self.network(description: "plain text"))
        let throughYams = Self.messages(Self.network(description: probe))
        #expect(fromEvents.contains("nodes[0].lat"))
        if probe.hasPrefix("*") {
            #expect(throughYams.contains("found undefined alias"))
        } else {
            #expect(throughYams == fromEvents)
        }
    }
}
