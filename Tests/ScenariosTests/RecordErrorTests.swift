import FreightNetwork
import Scenarios
import Testing

/// Bad nodes, links, demands and top-level fields, each reported at its value with its field path.
@Suite("Scenario loader: bad records")
struct RecordErrorTests {
    /// A valid two-node network; the cases below break one thing in it.
    static let small = """
        schema_version: 1
        name: Small
        nodes:
          - { id: A, country: CN, kind: hub, lat: 34, lon: 108 }
          - { id: B, country: KZ, kind: border, lat: 45, lon: 82 }
        links:
          - { id: A-B, from: A, to: B, mode: rail, corridor: shared, distance_km: 100, cost_usd_per_teu: 10, time_days: 1 }
        demands:
          - { from: A, to: B, teu: 5 }
        """

    @Test("The unbroken network loads")
    func smallLoads() {
        #expect(Fixtures.diagnostics(Self.small) == "loaded")
    }

    @Test(
        "One problem, one message",
        arguments: [
            (
                "distance_km: 100", "distance_km: lots",
                "7:75: error: links[0].distance_km: expected a number, found 'lots'"
            ),
            (
                "distance_km: 100", "distance_km: -100",
                "7:75: error: links[0].distance_km: expected a number ≥ 0, found '-100'"
            ),
            (
                "distance_km: 100", "distance_km: .nan",
                "7:75: error: links[0].distance_km: expected a finite number, found '.nan'"
            ),
            (
                "distance_km: 100", "distance_km: -.inf",
                "7:75: error: links[0].distance_km: expected a finite number, found '-.inf'"
            ),
            (
                "distance_km: 100", "distnce_km: 100",
                "7:62: error: links[0].distnce_km: unknown key (did you mean 'distance_km'?)"
            ),
            (
                "distance_km: 100", "distance: 100",
                "7:62: error: links[0].distance: unknown key (did you mean 'distance_km'?)"
            ),
            ("distance_km: 100, ", "", "7:5: error: links[0].distance_km: required field is missing"),
            ("distance_km: 100", "distance_km: ~", "7:75: error: links[0].distance_km: required field has no value"),
            (
                "mode: rail", "mode: train",
                "7:38: error: links[0].mode: expected one of rail, ferry, road, sea, found 'train'"
            ),
            (
                "mode: rail", "mode: Rail",
                "7:38: error: links[0].mode: expected one of rail, ferry, road, sea, found 'Rail' (did you mean 'rail'?)"
            ),
            ("to: B,", "to: C,", "7:29: error: links[0].to: unknown node 'C'"),
            ("to: B,", "to: BB,", "7:29: error: links[0].to: unknown node 'BB' (did you mean 'B'?)"),
            (
                "from: A, to: B, mode", "from: A, to: A, mode",
                "7:29: error: links[0].to: link 'A-B' cannot go from 'A' to itself"
            ),
            (
                "time_days: 1 }", "time_days: 1, bidirectional: 1 }",
                "7:131: error: links[0].bidirectional: expected true or false, found '1'"
            ),
            (
                "mode: rail,", "mode: rail, gauge_mm: 1520.5,",
                "7:54: error: links[0].gauge_mm: expected an integer, found '1520.5'"
            ),
            ("corridor: shared", "corridor: [a]", "7:54: error: links[0].corridor: expected a string, found a list"),
            (
                "cost_usd_per_teu: 10", "cost_usd_per_teu: {usd: 10}",
                "7:98: error: links[0].cost_usd_per_teu: expected a number, found a mapping"
            ),
            ("lat: 34", "lat: -91", "4:43: error: nodes[0].lat: expected a latitude between -90 and 90, found '-91'"),
            (
                "lon: 82", "lon: 180.5",
                "5:55: error: nodes[1].lon: expected a longitude between -180 and 180, found '180.5'"
            ),
            (
                "kind: hub", "kind: hbu",
                "4:33: error: nodes[0].kind: expected one of hub, border, port, terminal, waypoint, found 'hbu' (did you mean 'hub'?)"
            ),
            (
                "lon: 108 }", "lon: 108, capacity_teu: -5 }",
                "4:71: error: nodes[0].capacity_teu: expected a number ≥ 0, found '-5'"
            ),
            ("teu: 5", "teu: lots", "9:28: error: demands[0].teu: expected a number, found 'lots'"),
            ("to: B, teu", "to: A, teu", "9:20: error: demands[0].to: a demand cannot go from 'A' to itself"),
            ("to: B, teu", "to: Q, teu", "9:20: error: demands[0].to: unknown node 'Q'"),
            (
                "teu: 5 }", "teu: 5, value_of_time: 10 }",
                "9:31: error: demands[0].value_of_time: unknown key (did you mean 'value_of_time_usd_per_teu_day'?)"
            ),
            (
                "schema_version: 1", "schema_version: 2",
                "1:17: error: schema_version: unsupported schema version 2; this loader reads version 1"
            ),
            (
                "schema_version: 1", "schema_version: one",
                "1:17: error: schema_version: expected an integer, found 'one'"
            ),
            ("schema_version: 1\n", "", "1:1: error: schema_version: required field is missing"),
            (
                "name: Small", "title: Small",
                "1:1: error: name: required field is missing\nt.yaml:2:1: error: title: unknown key"
            ),
            ("name: Small", "nmae: Small", "2:1: error: nmae: unknown key (did you mean 'name'?)"),
            ("demands:", "demand:", "8:1: error: demand: unknown key (did you mean 'demands'?)"),
            ("demands:\n  -", "demands:\n   ", "9:5: error: demands: expected a list, found a mapping"),
        ]
    )
    func oneProblem(original: String, replacement: String, expected: String) throws {
        let text = Self.small.replacing(original, with: replacement, maxReplacements: 1)
        try #require(text != Self.small)

        #expect(Fixtures.diagnostics(text) == "t.yaml:" + expected)
    }

    @Test("A country that is not an ISO code is a warning, kept as written")
    func countryWarning() throws {
        let text = Self.small.replacing("country: CN", with: "country: cn", maxReplacements: 1)

        let scenario = try ScenarioLoader.load(text: text, file: "t.yaml")

        #expect(scenario.warnings.map(\.description) == [
            "t.yaml:4:23: warning: nodes[0].country: expected an ISO 3166-1 alpha-2 code such as 'KZ' (or two, 'KZ/TM'), found 'cn' (did you mean 'CN'?)"
        ])
        #expect(scenario.network.nodes[0].country == "cn")
    }

    @Test("Ids: letters, digits, '_', '-', '.', at most 64 characters; ':' is reserved")
    func invalidIDs() {
        let long = String(repeating: "x", count: 65)
        let text = """
            schema_version: 1
            name: Ids
            nodes:
              - { id: "A B", country: CN, kind: hub, lat: 1, lon: 1 }
              - { id: \(long), country: CN, kind: hub, lat: 1, lon: 1 }
              - { id: C, country: CN, kind: hub, lat: 1, lon: 1 }
            links:
              - { id: "C:rev", from: C, to: "A B", mode: rail, corridor: x, distance_km: 1, cost_usd_per_teu: 1, time_days: 1 }
            """

        #expect(
            Fixtures.diagnostics(text) == """
                t.yaml:4:11: error: nodes[0].id: invalid id 'A B': use only letters, digits, '_', '-' and '.'
                t.yaml:5:11: error: nodes[1].id: invalid id 'xxxxxxxxxxxxxxxxxxxx…': 65 characters long, at most 64 allowed
                t.yaml:8:11: error: links[0].id: invalid id 'C:rev': ':' is reserved (for the reverse 'ID:rev' of a bidirectional link)
                """)
    }

    @Test("A duplicate id is reported at the second definition, naming the first's line")
    func duplicateIDs() {
        let text = """
            schema_version: 1
            name: Duplicates
            nodes:
              - { id: A, country: CN, kind: hub, lat: 1, lon: 1 }
              - { id: B, country: CN, kind: hub, lat: 1, lon: 1 }
              - { id: A, country: DE, kind: hub, lat: 1, lon: 1 }
            links:
              - { id: L, from: A, to: B, mode: rail, corridor: x, distance_km: 1, cost_usd_per_teu: 1, time_days: 1 }
              - { id: L, from: B, to: A, mode: rail, corridor: x, distance_km: 1, cost_usd_per_teu: 1, time_days: 1 }
            demands:
              - { id: D, from: A, to: B, teu: 1 }
              - { id: D, from: B, to: A, teu: 1 }
              - { from: A, to: B, teu: 1 }
              - { from: A, to: B, teu: 2 }
            """

        #expect(
            Fixtures.diagnostics(text) == """
                t.yaml:6:11: error: nodes[2].id: duplicate node id 'A' (first defined at line 4)
                t.yaml:9:11: error: links[1].id: duplicate link id 'L' (first defined at line 8)
                t.yaml:12:11: error: demands[1].id: duplicate demand id 'D' (first defined at line 11)
                t.yaml:14:5: error: demands[3].id: duplicate demand id 'A-B' (the default FROM-TO; first defined at line 13) \
                (give one of them an 'id')
                """)
    }

    @Test("Every problem in a file is reported at once, in file order")
    func manyErrorsAtOnce() {
        let text = """
            schema_version: 1
            name: Many errors
            nodes:
              - { id: A, country: CN, kind: hubb, lat: 34, lon: 108 }
              - { id: B, country: Kazakhstan, kind: border, lat: .nan, lon: 182 }
              - { id: A, country: DE, kind: hub, lat: 50, lon: 7, capacity_tue: 5 }
              - { country: DE, kind: hub, lat: 50, lon: 7 }
              - just a string
            links:
              - { id: A-B, from: A, to: BB, mode: rial, corridor: shared, distance_km: 100, cost_usd_per_teu: 10, time_days: 1 }
              - { id: A-A, from: A, to: A, mode: rail, corridor: shared, distance_km: 1, cost_usd_per_teu: 1, time_days: 1 }
            demands:
              - { from: A, to: C, teu: lots }
            """

        #expect(
            Fixtures.diagnostics(text) == """
                t.yaml:4:33: error: nodes[0].kind: expected one of hub, border, port, terminal, waypoint, found 'hubb' (did you mean 'hub'?)
                t.yaml:5:23: warning: nodes[1].country: expected an ISO 3166-1 alpha-2 code such as 'KZ' (or two, 'KZ/TM'), found 'Kazakhstan'
                t.yaml:5:54: error: nodes[1].lat: expected a finite number, found '.nan'
                t.yaml:5:65: error: nodes[1].lon: expected a longitude between -180 and 180, found '182'
                t.yaml:6:11: error: nodes[2].id: duplicate node id 'A' (first defined at line 4)
                t.yaml:6:55: error: nodes[2].capacity_tue: unknown key (did you mean 'capacity_teu'?)
                t.yaml:7:5: error: nodes[3].id: required field is missing
                t.yaml:8:5: error: nodes[4]: expected a mapping, found 'just a string'
                t.yaml:10:29: error: links[0].to: unknown node 'BB' (did you mean 'B'?)
                t.yaml:10:39: error: links[0].mode: expected one of rail, ferry, road, sea, found 'rial' (did you mean 'rail'?)
                t.yaml:11:29: error: links[1].to: link 'A-A' cannot go from 'A' to itself
                t.yaml:13:20: error: demands[0].to: unknown node 'C'
                t.yaml:13:28: error: demands[0].teu: expected a number, found 'lots'
                """)
    }

    @Test("A reference to a node whose record has errors is not reported a second time")
    func noCascadeFromBrokenNode() {
        let text = Self.small.replacing("lat: 45", with: "lat: 95")

        #expect(
            Fixtures.diagnostics(text)
                == "t.yaml:5:46: error: nodes[1].lat: expected a latitude between -90 and 90, found '95'")
    }

    @Test("JSON input gets positions too")
    func jsonPositions() {
        let json = """
            {"schema_version": 1, "name": "j",
             "nodes": [{"id": "A", "country": "CN", "kind": "hub", "lat": "north", "lon": 1}],
             "links": [], "extra": true}
            """

        #expect(
            Fixtures.diagnostics(json, file: "t.json") == """
                t.json:2:63: error: nodes[0].lat: expected a number, found 'north'
                t.json:3:15: error: extra: unknown key
                """)
    }
}
