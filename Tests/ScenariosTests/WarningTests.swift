import Scenarios
import Testing

/// Warnings for data that is valid but probably not what the author meant, and the limits that
/// turn absurd numbers into errors.
@Suite("Scenario loader: warnings and limits")
struct WarningTests {
    /// The warnings of a file that loads, rendered, or its diagnostics prefixed with "failed: ".
    private func warnings(_ text: String, file: String = "w.yaml") -> [String] {
        do {
            return try ScenarioLoader.load(text: text, file: file).warnings.map(\.description)
        } catch {
            return ["failed: \(error.description)"]
        }
    }

    private static let header = """
        schema_version: 1
        name: W
        nodes:
          - { id: A, country: CN, kind: hub, lat: 0, lon: 0 }
          - { id: B, country: KZ, kind: hub, lat: 0, lon: 0 }
          - { id: C, country: DE, kind: hub, lat: 0, lon: 0 }

        """

    @Test("Capacities below 1 TEU/year and times above 365 days are warnings with a unit hint")
    func units() {
        let text = """
            schema_version: 1
            name: W
            nodes:
              - { id: A, country: CN, kind: hub, lat: 0, lon: 0, capacity_teu: 0.25, dwell_days: 720 }
              - { id: B, country: KZ, kind: hub, lat: 0, lon: 0, capacity_teu: 0 }
            links:
              - { id: A-B, from: A, to: B, mode: rail, corridor: x, distance_km: 1, cost_usd_per_teu: 1, time_days: 366,
                  capacity_teu: 0.5 }
            demands:
              - { from: A, to: B, teu: 1 }
            changes:
              - set_capacity: { link: A-B, capacity_teu: 0.9 }
              - add_delay: { node: B, days: 400 }
            """

        #expect(
            warnings(text) == [
                "w.yaml:4:68: warning: nodes[0].capacity_teu: expected a capacity of at least 1 TEU/year, found '0.25' "
                    + "(capacities are in TEU per year: 0.25 million TEU/year is 250000)",
                "w.yaml:4:86: warning: nodes[0].dwell_days: expected at most 365 days, found '720' "
                    + "(times are in days: 720 hours would be 30 days)",
                "w.yaml:5:68: warning: nodes[1].capacity_teu: expected a capacity of at least 1 TEU/year, found '0' "
                    + "(leave 'capacity_teu' out for an unlimited node, or close it with a 'close' change)",
                "w.yaml:7:105: warning: links[0].time_days: expected at most 365 days, found '366' "
                    + "(times are in days: 366 hours would be 15.3 days)",
                "w.yaml:8:21: warning: links[0].capacity_teu: expected a capacity of at least 1 TEU/year, found '0.5' "
                    + "(capacities are in TEU per year: 0.5 million TEU/year is 500000)",
                "w.yaml:12:46: warning: changes[0].set_capacity.capacity_teu: expected a capacity of at least 1 "
                    + "TEU/year, found '0.9' (capacities are in TEU per year: 0.9 million TEU/year is 900000)",
                "w.yaml:13:33: warning: changes[1].add_delay.days: expected at most 365 days, found '400' "
                    + "(times are in days: 400 hours would be 16.7 days)",
            ])
    }

    @Test("A demand no open route can reach is a warning at the demand, saying why")
    func unreachableDemands() {
        let text =
            Self.header + """
                links:
                  - { id: A-B, from: A, to: B, mode: rail, corridor: x, distance_km: 1, cost_usd_per_teu: 1, time_days: 1 }
                demands:
                  - { from: A, to: B, teu: 10 }
                  - { from: B, to: A, teu: 20 }
                  - { from: A, to: C, teu: 0 }
                  - { id: closed, from: C, to: B, teu: 5 }
                changes:
                  - close: { node: C }
                """

        #expect(
            warnings(text) == [
                "w.yaml:11:5: warning: demands[1]: no route from 'B' to 'A' over open links: all 20 TEU/year will be "
                    + "unmet (no open link leaves 'B')",
                "w.yaml:13:5: warning: demands[3]: its origin 'C' is closed: all 5 TEU/year will be unmet",
            ])
    }

    @Test("A cycle of links with no cost, no time and unlimited capacity is one warning naming its links")
    func zeroCostCycle() {
        let text =
            Self.header + """
                links:
                  - { id: A-B, from: A, to: B, mode: rail, corridor: x, distance_km: 1, cost_usd_per_teu: 0, time_days: 0 }
                  - { id: B-C, from: B, to: C, mode: rail, corridor: x, distance_km: 1, cost_usd_per_teu: 0, time_days: 0 }
                  - { id: C-A, from: C, to: A, mode: rail, corridor: x, distance_km: 1, cost_usd_per_teu: 0, time_days: 0 }
                  - { id: C-B, from: C, to: B, mode: rail, corridor: x, distance_km: 1, cost_usd_per_teu: 0, time_days: 0 }
                  - { id: A-C, from: A, to: C, mode: rail, corridor: x, distance_km: 1, cost_usd_per_teu: 5, time_days: 0 }
                """
        let capped = text.replacing(
            "id: B-C, from: B, to: C, mode: rail, corridor: x,", with: "id: B-C, from: B, to: C, mode: rail, corridor: x, capacity_teu: 9,")

        #expect(
            warnings(text) == [
                "w.yaml:8:11: warning: links[0]: links A-B, B-C, C-A form a cycle A → B → C → A with no cost, no time "
                    + "and unlimited capacity (freight can circulate on it for nothing, so reported flows are not "
                    + "unique; give one of its links a cost, a time or a capacity)"
            ])
        #expect(warnings(capped) == [], "a capacity on one link of the cycle bounds it")
    }

    @Test("A change that matches nothing is a warning: scale_capacity of unlimited elements, scale_demand of none")
    func changesMatchingNothing() {
        let text =
            Self.header + """
                links:
                  - { id: A-B, from: A, to: B, mode: rail, corridor: x, distance_km: 1, cost_usd_per_teu: 1, time_days: 1 }
                changes:
                  - scale_capacity: { corridor: x, factor: 2 }
                  - scale_demand: { factor: 2 }
                """

        #expect(
            warnings(text) == [
                "w.yaml:10:33: warning: changes[0].scale_capacity.corridor: corridor x has no limited capacity to "
                    + "scale: 1 link, all unlimited (use 'set_capacity' to give an unlimited link or node a capacity)",
                "w.yaml:11:5: warning: changes[1].scale_demand: matches no demand (the network has none)",
            ])
    }

    @Test("Numbers larger than 1e15, in a file or after scaling, are errors")
    func limits() {
        let text =
            Self.header + """
                links:
                  - { id: A-B, from: A, to: B, mode: rail, corridor: x, distance_km: 1, cost_usd_per_teu: 1e16, time_days: 1,
                      capacity_teu: 1e14 }
                changes:
                  - scale_capacity: { link: A-B, factor: 1e3 }
                  - scale_capacity: { link: A-B, factor: 1e3 }
                """
        let scaled = text.replacing("cost_usd_per_teu: 1e16", with: "cost_usd_per_teu: 1")

        #expect(
            warnings(text) == [
                "failed: w.yaml:8:91: error: links[0].cost_usd_per_teu: expected a number of at most 1e15 in size "
                    + "(larger ones are mistakes), found '1e16'"
            ])
        #expect(
            warnings(scaled) == [
                "failed: w.yaml:8:11: error: links[0].capacity_teu: after the changes, expected at most 1e15, found "
                    + "1e+20 (check the scale factors applied to it)"
            ])
    }

    @Test("A tab used for indentation gets a hint")
    func tabs() {
        let text = "schema_version: 1\nname: T\nnodes:\n\t- { id: A }\n"

        #expect(
            warnings(text) == [
                "failed: w.yaml:4:1: error: invalid YAML: found character that cannot start any token (while scanning "
                    + "for the next token) (YAML does not allow tabs for indentation; use spaces)"
            ])
    }
}
