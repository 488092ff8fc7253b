import FreightNetwork
import Scenarios
import Testing

/// Each change applied to `Fixtures/network.yaml`; expected values are worked out by hand from it.
@Suite("Scenario changes")
struct ChangeTests {
    private func applying(_ changes: String) throws -> Scenario {
        try Fixtures.scenario(Fixtures.extendingNetwork("changes:\n" + changes))
    }

    @Test("close country closes its nodes, not links, and keeps the base network as it was")
    func closeCountry() throws {
        let scenario = try applying("  - close: { country: RU }")

        #expect(scenario.network.nodes.filter(\.isClosed).map(\.id) == ["MOW"])
        #expect(scenario.network.links.allSatisfy { !$0.isClosed })
        #expect(scenario.network.nodes.count == 7)
        #expect(scenario.baseNetwork[node: "MOW"]?.isClosed == false)
        #expect(scenario.changes == ["close country RU: 1 node closed"])
        #expect(scenario.warnings.isEmpty)
    }

    @Test("A country matches each part of a two-country code such as BY/PL")
    func closeCountryOfBorderNode() throws {
        let scenario = try applying("  - close: { country: PL }")

        #expect(scenario.network.nodes.filter(\.isClosed).map(\.id) == ["BRE"])
        #expect(scenario.changes == ["close country PL: 1 node closed"])
    }

    @Test("close link closes both directions; close link ID:rev only the reverse")
    func closeLink() throws {
        let both = try applying("  - close: { link: XIA-DOS }")
        let reverse = try applying("  - close: { link: \"XIA-DOS:rev\" }")

        #expect(both.network.links.filter(\.isClosed).map(\.id) == ["XIA-DOS", "XIA-DOS:rev"])
        #expect(both.changes == ["close link XIA-DOS: 2 links closed"])
        #expect(reverse.network.links.filter(\.isClosed).map(\.id) == ["XIA-DOS:rev"])
        #expect(reverse.changes == ["close link XIA-DOS:rev: 1 link closed"])
    }

    @Test("close node, corridor and mode")
    func closeNodeCorridorMode() throws {
        let scenario = try applying(
            """
              - close: { node: DOS }
              - close: { corridor: middle }
              - close: { mode: ferry }
            """
        )

        #expect(scenario.network.nodes.filter(\.isClosed).map(\.id) == ["DOS"])
        #expect(scenario.network.links.filter(\.isClosed).map(\.id) == ["DOS-AKT", "AKT-BAK", "BAK-BRE"])
        #expect(
            scenario.changes == [
                "close node DOS: 1 node closed",
                "close corridor middle: 3 links closed",
                "close mode ferry: 1 link closed",
            ])
    }

    @Test("scale_capacity country scales its nodes and the links with an end in it; unlimited stays unlimited")
    func scaleCapacityCountry() throws {
        let network = try applying("  - scale_capacity: { country: KZ, factor: 0.5 }").network

        #expect(network[node: "DOS"]?.capacityTEU == 200_000)
        #expect(network[node: "AKT"]?.capacityTEU == 50_000)
        #expect(network[node: "BRE"]?.capacityTEU == 800_000)
        #expect(network[link: "DOS-MOW"]?.capacityTEU == 250_000)
        #expect(network[link: "AKT-BAK"]?.capacityTEU == 30_000)
        #expect(network[link: "XIA-DOS"]?.capacityTEU == nil)
        #expect(network[link: "DOS-AKT"]?.capacityTEU == nil)
        let lines = try applying("  - scale_capacity: { country: KZ, factor: 0.5 }").changes
        #expect(lines == ["scale_capacity country KZ by 0.5: 2 nodes, 5 links (3 unlimited, unchanged)"])
    }

    @Test("scale_capacity link, node and corridor")
    func scaleCapacityOthers() throws {
        let scenario = try applying(
            """
              - scale_capacity: { link: AKT-BAK, factor: 0.7 }
              - scale_capacity: { node: BRE, factor: 0 }
              - scale_capacity: { corridor: northern, factor: 2 }
            """
        )

        let network = scenario.network
        #expect(network[link: "AKT-BAK"]?.capacityTEU == 60_000 * 0.7)
        #expect(network[node: "BRE"]?.capacityTEU == 0)
        #expect(network[link: "DOS-MOW"]?.capacityTEU == 1_000_000)
        #expect(network[link: "MOW-BRE"]?.capacityTEU == nil)
        #expect(
            scenario.changes == [
                "scale_capacity link AKT-BAK by 0.7: 1 link",
                "scale_capacity node BRE by 0: 1 node",
                "scale_capacity corridor northern by 2: 2 links (1 unlimited, unchanged)",
            ])
    }

    @Test("set_capacity sets a capacity, also on unlimited elements and both directions")
    func setCapacity() throws {
        let scenario = try applying(
            """
              - set_capacity: { link: XIA-DOS, capacity_teu: 300000 }
              - set_capacity: { node: MOW, capacity_teu: 1000 }
            """
        )

        #expect(scenario.network[link: "XIA-DOS"]?.capacityTEU == 300_000)
        #expect(scenario.network[link: "XIA-DOS:rev"]?.capacityTEU == 300_000)
        #expect(scenario.network[node: "MOW"]?.capacityTEU == 1000)
        #expect(
            scenario.changes == [
                "set_capacity link XIA-DOS to 300000 TEU/year: 2 links",
                "set_capacity node MOW to 1000 TEU/year: 1 node",
            ])
    }

    @Test("add_delay: links' time_days for link/corridor/mode, nodes' dwell_days for node/country")
    func addDelay() throws {
        let scenario = try applying(
            """
              - add_delay: { node: DOS, days: 2 }
              - add_delay: { country: KZ, days: 1 }
              - add_delay: { corridor: northern, days: 1 }
              - add_delay: { link: BRE-DUI, days: 0.5 }
              - add_delay: { mode: ferry, days: 2 }
            """
        )

        let network = scenario.network
        #expect(network[node: "DOS"]?.dwellDays == 4.5)
        #expect(network[node: "AKT"]?.dwellDays == 3)
        #expect(network[link: "DOS-MOW"]?.timeDays == 7)
        #expect(network[link: "MOW-BRE"]?.timeDays == 3)
        #expect(network[link: "BRE-DUI"]?.timeDays == 2.5)
        #expect(network[link: "BRE-DUI:rev"]?.timeDays == 2.5)
        #expect(network[link: "AKT-BAK"]?.timeDays == 5)
        #expect(network[link: "DOS-AKT"]?.timeDays == 5)
        #expect(
            scenario.changes == [
                "add_delay node DOS +2 days: 1 node",
                "add_delay country KZ +1 days: 2 nodes",
                "add_delay corridor northern +1 days: 2 links",
                "add_delay link BRE-DUI +0.5 days: 2 links",
                "add_delay mode ferry +2 days: 1 link",
            ])
    }

    @Test("add_surcharge: links' tariff for corridor, nodes' handling cost for country")
    func addSurcharge() throws {
        let scenario = try applying(
            """
              - add_surcharge: { corridor: middle, usd_per_teu: 300 }
              - add_surcharge: { country: KZ, usd_per_teu: 50 }
            """
        )

        let network = scenario.network
        #expect(network[link: "DOS-AKT"]?.costUSDPerTEU == 1100)
        #expect(network[link: "AKT-BAK"]?.costUSDPerTEU == 1000)
        #expect(network[link: "BAK-BRE"]?.costUSDPerTEU == 1800)
        #expect(network[link: "DOS-MOW"]?.costUSDPerTEU == 1100)
        #expect(network[node: "DOS"]?.handlingCostUSDPerTEU == 170)
        #expect(network[node: "AKT"]?.handlingCostUSDPerTEU == 200)
        #expect(
            scenario.changes == [
                "add_surcharge corridor middle +300 USD/TEU: 3 links",
                "add_surcharge country KZ +50 USD/TEU: 2 nodes",
            ])
    }

    @Test("scale_demand: all, by id, by from/to; a filter matching nothing warns")
    func scaleDemand() throws {
        let scenario = try applying(
            """
              - scale_demand: { factor: 1.5 }
              - scale_demand: { demand: XIA-DUI-express, factor: 2 }
              - scale_demand: { from: XIA, to: DUI, factor: 0.5 }
              - scale_demand: { from: DOS, factor: 3 }
            """
        )

        #expect(scenario.network[demand: "XIA-DUI"]?.teu == 75_000)
        #expect(scenario.network[demand: "XIA-DUI-express"]?.teu == 7500)
        #expect(scenario.baseNetwork[demand: "XIA-DUI"]?.teu == 100_000)
        #expect(
            scenario.changes == [
                "scale_demand all by 1.5: 2 demands",
                "scale_demand demand XIA-DUI-express by 2: 1 demand",
                "scale_demand from XIA to DUI by 0.5: 2 demands",
                "scale_demand from DOS by 3: 0 demands",
            ])
        #expect(
            scenario.warnings.map { Fixtures.relative($0.description) } == [
                "inline.yaml:8:27: warning: changes[3].scale_demand.from: matches no demand (from DOS)"
            ])
    }

    @Test("add_node, add_link (bidirectional too) and add_demand extend the network")
    func addRecords() throws {
        let scenario = try applying(
            """
              - add_node: { id: KUR, name: Kuryk, country: KZ, kind: port, lat: 43.2, lon: 51.65, capacity_teu: 50000 }
              - add_link: { id: DOS-KUR, from: DOS, to: KUR, mode: rail, corridor: middle, distance_km: 2550,
                            cost_usd_per_teu: 820, time_days: 5 }
              - add_link: { id: KUR-BAK, from: KUR, to: BAK, mode: ferry, corridor: middle, distance_km: 480,
                            capacity_teu: 40000, cost_usd_per_teu: 650, time_days: 3, bidirectional: true }
              - add_demand: { from: XIA, to: BAK, teu: 2000 }
            """
        )

        let network = scenario.network
        #expect(network.nodes.count == 8)
        #expect(network[node: "KUR"]?.name == "Kuryk")
        #expect(network.links.suffix(3).map(\.id) == ["DOS-KUR", "KUR-BAK", "KUR-BAK:rev"])
        #expect(network[link: "KUR-BAK:rev"]?.baseID == "KUR-BAK")
        #expect(network[link: "KUR-BAK:rev"]?.capacityTEU == 40_000)
        #expect(network[demand: "XIA-BAK"]?.valueOfTimeUSDPerTEUDay == 50)
        #expect(scenario.baseNetwork.nodes.count == 7)
        #expect(scenario.baseNetwork.links.count == 9)
        #expect(
            scenario.changes == [
                "add_node KUR: port in KZ",
                "add_link DOS-KUR: DOS → KUR (rail, middle)",
                "add_link KUR-BAK: KUR ↔ BAK (ferry, middle)",
                "add_demand XIA-BAK: 2000 TEU/year from XIA to BAK",
            ])
    }

    @Test("Changes apply in order")
    func order() throws {
        let setThenScale = try applying(
            """
              - set_capacity: { link: AKT-BAK, capacity_teu: 100000 }
              - scale_capacity: { link: AKT-BAK, factor: 0.5 }
            """
        )
        let scaleThenSet = try applying(
            """
              - scale_capacity: { link: AKT-BAK, factor: 0.5 }
              - set_capacity: { link: AKT-BAK, capacity_teu: 100000 }
            """
        )

        #expect(setThenScale.network[link: "AKT-BAK"]?.capacityTEU == 50_000)
        #expect(scaleThenSet.network[link: "AKT-BAK"]?.capacityTEU == 100_000)
    }

    @Test("A network file may hold changes; its base network is the file's records")
    func changesInNetworkFile() throws {
        let text = """
            schema_version: 1
            name: With changes
            nodes:
              - { id: A, country: CN, kind: hub, lat: 1, lon: 1 }
              - { id: B, country: KZ, kind: hub, lat: 2, lon: 2 }
            links:
              - { id: A-B, from: A, to: B, mode: rail, corridor: c, distance_km: 1, cost_usd_per_teu: 1, time_days: 1 }
            changes:
              - close: { link: A-B }
            """

        let scenario = try ScenarioLoader.load(text: text, file: "c.yaml")

        #expect(scenario.network[link: "A-B"]?.isClosed == true)
        #expect(scenario.baseNetwork[link: "A-B"]?.isClosed == false)
        #expect(scenario.changes == ["close link A-B: 1 link closed"])
    }

    @Test("A country, corridor or mode matching nothing is a warning with a suggestion, not an error")
    func noMatchWarnings() throws {
        let scenario = try applying(
            """
              - close: { country: RUS }
              - close: { corridor: nrothern }
              - close: { mode: sea }
            """
        )

        #expect(scenario.network.nodes.allSatisfy { !$0.isClosed })
        #expect(
            scenario.changes == [
                "close country RUS: 0 nodes closed", "close corridor nrothern: 0 links closed",
                "close mode sea: 0 links closed",
            ])
        #expect(
            scenario.warnings.map { Fixtures.relative($0.description) } == [
                "inline.yaml:5:23: warning: changes[0].close.country: country 'RUS' matches no node (did you mean 'RU'?)",
                "inline.yaml:6:24: warning: changes[1].close.corridor: corridor 'nrothern' matches no link (did you mean 'northern'?)",
                "inline.yaml:7:20: warning: changes[2].close.mode: mode 'sea' matches no link",
            ])
    }
}
