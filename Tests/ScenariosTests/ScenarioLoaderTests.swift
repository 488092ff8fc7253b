import FreightNetwork
import Scenarios
import Testing

@Suite("Scenario loader: valid files")
struct ScenarioLoaderTests {
    @Test("A network file loads with its values, units and defaults")
    func loadsNetworkFile() throws {
        let scenario = try Fixtures.load("network.yaml")

        #expect(scenario.name == "Test network")
        #expect(scenario.description == "Seven nodes, northern and middle corridors.")
        #expect(scenario.file == Fixtures.path("network.yaml"))
        #expect(scenario.changes.isEmpty)
        #expect(scenario.warnings.isEmpty)
        let network = scenario.network
        #expect(network.nodes.map(\.id.rawValue) == ["XIA", "DOS", "MOW", "BRE", "AKT", "BAK", "DUI"])
        let dostyk = try #require(network[node: "DOS"])
        #expect(dostyk.name == "Dostyk")
        #expect(dostyk.country == "KZ")
        #expect(dostyk.kind == .border)
        #expect(dostyk.latitude == 45.25)
        #expect(dostyk.longitude == 82.48)
        #expect(dostyk.capacityTEU == 400_000)
        #expect(dostyk.handlingCostUSDPerTEU == 120)
        #expect(dostyk.dwellDays == 1.5)
        #expect(dostyk.isClosed == false)
    }

    @Test("Optional node fields default: name to the id, capacity unlimited, cost and dwell 0")
    func nodeDefaults() throws {
        let network = try Fixtures.load("network.yaml").network

        let moscow = try #require(network[node: "MOW"])
        #expect(moscow.name == "MOW")
        #expect(moscow.capacityTEU == nil)
        #expect(moscow.handlingCostUSDPerTEU == 0)
        #expect(moscow.dwellDays == 0)
        #expect(network[node: "BRE"]?.countries == ["BY", "PL"])
    }

    @Test("Links keep their fields; capacity is unlimited unless given")
    func linkFields() throws {
        let network = try Fixtures.load("network.yaml").network

        let link = try #require(network[link: "DOS-MOW"])
        #expect(link.from == "DOS")
        #expect(link.to == "MOW")
        #expect(link.mode == .rail)
        #expect(link.corridor == "northern")
        #expect(link.gaugeMM == 1520)
        #expect(link.distanceKm == 3800)
        #expect(link.capacityTEU == 500_000)
        #expect(link.costUSDPerTEU == 1100)
        #expect(link.timeDays == 6)
        #expect(network[link: "AKT-BAK"]?.gaugeMM == nil)
        #expect(network[link: "MOW-BRE"]?.capacityTEU == nil)
    }

    @Test("A bidirectional link becomes ID and ID:rev, both with baseID ID")
    func bidirectionalExpansion() throws {
        let network = try Fixtures.load("network.yaml").network

        #expect(
            network.links.map(\.id.rawValue) == [
                "XIA-DOS", "XIA-DOS:rev", "DOS-MOW", "MOW-BRE", "BRE-DUI", "BRE-DUI:rev", "DOS-AKT", "AKT-BAK",
                "BAK-BRE",
            ])
        let forward = try #require(network[link: "XIA-DOS"])
        let reverse = try #require(network[link: "XIA-DOS:rev"])
        #expect((forward.from, forward.to) == ("XIA", "DOS"))
        #expect((reverse.from, reverse.to) == ("DOS", "XIA"))
        #expect(forward.baseID == "XIA-DOS")
        #expect(reverse.baseID == "XIA-DOS")
        #expect(reverse.id == Link.reverseID(of: forward.id))
        #expect(reverse.distanceKm == 3500 && reverse.costUSDPerTEU == 900 && reverse.timeDays == 4)
        #expect(network[link: "DOS-MOW"]?.baseID == "DOS-MOW")
    }

    @Test("Demands default to FROM-TO ids, 50 USD/TEU/day and 20000 USD/TEU")
    func demandDefaults() throws {
        let network = try Fixtures.load("network.yaml").network

        #expect(network.demands.map(\.id.rawValue) == ["XIA-DUI", "XIA-DUI-express"])
        let plain = try #require(network[demand: "XIA-DUI"])
        #expect(plain.teu == 100_000)
        #expect(plain.valueOfTimeUSDPerTEUDay == 50)
        #expect(plain.unmetPenaltyUSDPerTEU == 20_000)
        let express = try #require(network[demand: "XIA-DUI-express"])
        #expect(express.teu == 5000)
        #expect(express.valueOfTimeUSDPerTEUDay == 120)
        #expect(express.unmetPenaltyUSDPerTEU == 30_000)
    }

    @Test("A file without changes has its base network equal to its network")
    func baseNetworkOfPlainFile() throws {
        let scenario = try Fixtures.load("network.yaml")

        #expect(scenario.baseNetwork.nodes == scenario.network.nodes)
        #expect(scenario.baseNetwork.links == scenario.network.links)
        #expect(scenario.baseNetwork.demands == scenario.network.demands)
    }

    @Test("A JSON network file loads")
    func loadsJSON() throws {
        let scenario = try Fixtures.load("network.json")

        #expect(scenario.name == "JSON network")
        let network = scenario.network
        #expect(network.nodes.map(\.id.rawValue) == ["A", "B", "C"])
        #expect(network[node: "B"]?.countries == ["KZ", "TM"])
        #expect(network[node: "B"]?.capacityTEU == 1000)
        #expect(network.links.map(\.id.rawValue) == ["A-B", "A-B:rev", "B-C"])
        let road = try #require(network[link: "B-C"])
        #expect(road.mode == .road && road.distanceKm == 200.5 && road.gaugeMM == 1520 && road.capacityTEU == 500)
        #expect(network.demands.map(\.id.rawValue) == ["A-C"])
        #expect(network.demands.first?.teu == 300)
    }

    @Test("YAML niceties: quoted numbers, exponents, merge keys, the country NO")
    func yamlNiceties() throws {
        let text = """
            schema_version: 1
            name: Niceties
            nodes:
              - &hub { id: A, country: "NO", kind: hub, lat: "60.5", lon: 10 }
              - { <<: *hub, id: B, country: NO, capacity_teu: 1000000 }
            links:
              - { id: A-B, from: A, to: B, mode: road, corridor: x, distance_km: 1e2, cost_usd_per_teu: 0,
                  time_days: 0.5, bidirectional: True }
            demands: ~
            """

        let network = try ScenarioLoader.load(text: text, file: "n.yaml").network

        #expect(network[node: "A"]?.latitude == 60.5)
        #expect(network[node: "B"]?.country == "NO")
        #expect(network[node: "B"]?.latitude == 60.5)
        #expect(network[node: "B"]?.capacityTEU == 1_000_000)
        #expect(network[link: "A-B"]?.distanceKm == 100)
        #expect(network.links.count == 2)
        #expect(network.demands.isEmpty)
    }
}
