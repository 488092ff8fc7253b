import Scenarios
import Testing

/// Bad changes in a scenario extending `Fixtures/network.yaml`; changes start on line 5.
@Suite("Scenario changes: errors")
struct ChangeErrorTests {
    private func diagnostics(_ changes: String) -> String {
        Fixtures.diagnostics(Fixtures.extendingNetwork("changes:\n" + changes), file: Fixtures.path("inline.yaml"))
    }

    @Test(
        "Unknown ids in changes are errors with the nearest id suggested",
        arguments: [
            (
                "  - close: { link: XIA-DOZ }",
                "5:20: error: changes[0].close.link: unknown link 'XIA-DOZ' (did you mean 'XIA-DOS'?)"
            ),
            (
                "  - close: { link: \"DOS-MOW:rev\" }",
                "5:20: error: changes[0].close.link: unknown link 'DOS-MOW:rev' (did you mean 'DOS-MOW'?)"
            ),
            (
                "  - add_delay: { node: DOZ, days: 2 }",
                "5:24: error: changes[0].add_delay.node: unknown node 'DOZ' (did you mean 'DOS'?)"
            ),
            (
                "  - set_capacity: { node: QQQ, capacity_teu: 1 }",
                "5:27: error: changes[0].set_capacity.node: unknown node 'QQQ'"
            ),
            (
                "  - scale_demand: { demand: XIA-DUI-expres, factor: 2 }",
                "5:29: error: changes[0].scale_demand.demand: unknown demand 'XIA-DUI-expres' (did you mean 'XIA-DUI-express'?)"
            ),
            (
                "  - scale_demand: { from: XIB, factor: 2 }",
                "5:27: error: changes[0].scale_demand.from: unknown node 'XIB' (did you mean 'XIA'?)"
            ),
        ]
    )
    func unknownIDs(change: String, expected: String) {
        #expect(diagnostics(change) == "inline.yaml:" + expected)
    }

    @Test("add_node, add_link and add_demand are checked like records, against the network so far")
    func addedRecords() {
        let text = """
              - add_node: { id: DOS, country: KZ, kind: hub, lat: 1, lon: 1 }
              - add_link: { id: DOS-MOW, from: DOS, to: KUR, mode: rail, corridor: middle, distance_km: 1,
                            cost_usd_per_teu: 1, time_days: 1 }
              - add_node: { id: KUR, country: KZ, kind: port, lat: 43, lon: 51 }
              - add_demand: { from: XIA, to: DUI, teu: -1 }
            """

        #expect(
            diagnostics(text) == """
                inline.yaml:5:21: error: changes[0].add_node.id: duplicate node id 'DOS' (first defined at network.yaml:7:9)
                inline.yaml:6:21: error: changes[1].add_link.id: duplicate link id 'DOS-MOW' (first defined at network.yaml:27:11)
                inline.yaml:6:45: error: changes[1].add_link.to: unknown node 'KUR'
                inline.yaml:9:17: error: changes[3].add_demand.id: duplicate demand id 'XIA-DUI' \
                (the default FROM-TO; first defined at network.yaml:40:5) (give one of them an 'id')
                inline.yaml:9:44: error: changes[3].add_demand.teu: expected a number ≥ 0, found '-1'
                """)
    }

    @Test("Change syntax: every problem reported, each at its own position")
    func syntax() {
        let text = """
              - closee: { country: RU }
              - close: { country: RU, link: XIA-DOS }
              - scale_capacity: { link: XIA-DOS }
              - set_capacity: { country: KZ, capacity_teu: 5 }
              - add_delay: { mode: plane, days: 1 }
              - close: {}
              - close: { node: DOS }
                scale_capacity: { node: DOS, factor: 1 }
              - scale_demand: { factor: 2, demand: XIA-DUI, from: XIA }
              - close: RU
              - close: { contry: RU }
              - add_surcharge: { corridor: middle, usd_per_teu: lots }
              - {}
            """

        #expect(
            diagnostics(text) == """
                inline.yaml:5:5: error: changes[0].closee: unknown change type (did you mean 'close'?)
                inline.yaml:6:27: error: changes[1].close.link: only one selector allowed; this change already selects by 'country'
                inline.yaml:7:21: error: changes[2].scale_capacity.factor: required field is missing
                inline.yaml:8:21: error: changes[3].set_capacity.country: set_capacity selects by link or node only
                inline.yaml:9:24: error: changes[4].add_delay.mode: expected one of rail, ferry, road, sea, found 'plane'
                inline.yaml:10:12: error: changes[5].close: expected a selector: one of link, node, country, corridor, mode
                inline.yaml:12:5: error: changes[6]: more than one change type in one entry ('close' and 'scale_capacity') \
                (write each change as its own list item)
                inline.yaml:13:40: error: changes[7].scale_demand.demand: give either 'demand' or 'from'/'to'/'direction', not both
                inline.yaml:14:12: error: changes[8].close: expected a mapping, found 'RU'
                inline.yaml:15:14: error: changes[9].close.contry: unknown key (did you mean 'country'?)
                inline.yaml:16:53: error: changes[10].add_surcharge.usd_per_teu: expected a number, found 'lots'
                inline.yaml:17:5: error: changes[11]: expected a change type (one of close, scale_capacity, set_capacity, \
                add_delay, add_surcharge, scale_demand, add_node, add_link, add_demand, add_storage, scale_time, \
                set_time_days, scale_dwell, set_dwell_days, scale_cost, avoid_countries, scale_unmet_penalty), \
                found an empty mapping
                """)
    }

    @Test("changes must be a list")
    func changesNotAList() {
        let text = Fixtures.extendingNetwork("changes: { close: { country: RU } }")

        #expect(
            Fixtures.diagnostics(text, file: Fixtures.path("inline.yaml"))
                == "inline.yaml:4:10: error: changes: expected a list, found a mapping"
        )
    }

    @Test("Record errors and change errors are reported together; changes on broken records are skipped")
    func recordAndChangeErrors() {
        let text = """
            schema_version: 1
            name: Both
            nodes:
              - { id: A, country: CN, kind: hub, lat: 1, lon: 1 }
              - { id: B, country: KZ, kind: hub, lat: 1, lon: lots }
            links:
              - { id: A-B, from: A, to: B, mode: rail, corridor: c, distance_km: 1, cost_usd_per_teu: 1, time_days: 1 }
            changes:
              - close: { link: A-B }
              - close: { node: B }
              - close: { country: XX }
              - close: { node: C }
              - scale_capacity: { link: A-B, factor: -1 }
            """

        #expect(
            Fixtures.diagnostics(text) == """
                t.yaml:5:51: error: nodes[1].lon: expected a number, found 'lots'
                t.yaml:12:20: error: changes[3].close.node: unknown node 'C'
                t.yaml:13:42: error: changes[4].scale_capacity.factor: expected a number ≥ 0, found '-1'
                """)
    }

    @Test(
        "A change with a wrong amount still has its ids checked: both problems in one pass",
        arguments: [
            (
                "  - scale_capacity: { link: XIA-DOZ, factor: -1 }",
                [
                    "5:29: error: changes[0].scale_capacity.link: unknown link 'XIA-DOZ' (did you mean 'XIA-DOS'?)",
                    "5:46: error: changes[0].scale_capacity.factor: expected a number ≥ 0, found '-1'",
                ]
            ),
            (
                "  - set_capacity: { node: DOZ, capacity_teu: lots }",
                [
                    "5:27: error: changes[0].set_capacity.node: unknown node 'DOZ' (did you mean 'DOS'?)",
                    "5:46: error: changes[0].set_capacity.capacity_teu: expected a number, found 'lots'",
                ]
            ),
            (
                "  - add_delay: { node: DOZ, days: 0x10 }",
                [
                    "5:24: error: changes[0].add_delay.node: unknown node 'DOZ' (did you mean 'DOS'?)",
                    "5:35: error: changes[0].add_delay.days: expected a decimal number, found '0x10', "
                        + "a hexadecimal number (16) (write 16 as a decimal number)",
                ]
            ),
            (
                "  - add_surcharge: { link: XIA-DOZ, usd_per_teu: -5 }",
                [
                    "5:28: error: changes[0].add_surcharge.link: unknown link 'XIA-DOZ' (did you mean 'XIA-DOS'?)",
                    "5:50: error: changes[0].add_surcharge.usd_per_teu: expected a number ≥ 0, found '-5'",
                ]
            ),
            (
                "  - scale_demand: { demand: XIA-DUI-expres, factor: -2 }",
                [
                    "5:29: error: changes[0].scale_demand.demand: unknown demand 'XIA-DUI-expres' "
                        + "(did you mean 'XIA-DUI-express'?)",
                    "5:53: error: changes[0].scale_demand.factor: expected a number ≥ 0, found '-2'",
                ]
            ),
            (
                "  - scale_demand: { from: XIB, factor: x }",
                [
                    "5:27: error: changes[0].scale_demand.from: unknown node 'XIB' (did you mean 'XIA'?)",
                    "5:40: error: changes[0].scale_demand.factor: expected a number, found 'x'",
                ]
            ),
            (
                "  - add_storage: { node: DOZ, teu: -1 }",
                [
                    "5:26: error: changes[0].add_storage.node: unknown node 'DOZ' (did you mean 'DOS'?)",
                    "5:36: error: changes[0].add_storage.teu: expected a number ≥ 0, found '-1'",
                ]
            ),
        ]
    )
    func wrongAmountAndUnknownID(change: String, expected: [String]) {
        #expect(diagnostics(change) == expected.map { "inline.yaml:" + $0 }.joined(separator: "\n"))
    }
}
