import FreightNetwork
import Scenarios
import Testing

@Suite("Scenario extends")
struct ExtendsTests {
    @Test("extends applies changes to the base and replaces its demands")
    func extendsWithDemandReplacement() throws {
        let scenario = try Fixtures.load("northern-closed.yaml")

        #expect(scenario.name == "Northern route closed")
        #expect(scenario.network.demands.map(\.id) == ["XIA-DUI"])
        #expect(scenario.network[demand: "XIA-DUI"]?.teu == 120_000)
        #expect(scenario.network[node: "MOW"]?.isClosed == true)
        #expect(scenario.network[link: "DOS-AKT"]?.costUSDPerTEU == 1100)
        #expect(scenario.baseNetwork[node: "MOW"]?.isClosed == false)
        #expect(scenario.baseNetwork[link: "DOS-AKT"]?.costUSDPerTEU == 800)
        #expect(scenario.baseNetwork.demands.map(\.id) == ["XIA-DUI"], "the base network carries this file's demands")
        #expect(
            scenario.changes == [
                "close country RU: 1 node closed", "add_surcharge corridor middle +300 USD/TEU: 3 links",
            ])
    }

    @Test("A chain of extends resolves each path relative to its own file")
    func extendsChain() throws {
        let scenario = try Fixtures.load("scenarios/ferry-squeeze.yaml")

        let network = scenario.network
        #expect(network[link: "AKT-BAK"]?.capacityTEU == 30_000)
        #expect(network[node: "MOW"]?.isClosed == true)
        #expect(network[link: "BAK-BRE"]?.costUSDPerTEU == 1800)
        #expect(network[demand: "XIA-DUI"]?.teu == 120_000)
        #expect(scenario.baseNetwork[node: "MOW"]?.isClosed == true, "the base's own changes are in the base network")
        #expect(scenario.baseNetwork[link: "AKT-BAK"]?.capacityTEU == 60_000)
        #expect(scenario.changes == ["scale_capacity link AKT-BAK by 0.5: 1 link"])
        #expect(scenario.file == Fixtures.path("scenarios/ferry-squeeze.yaml"))
    }

    @Test("An empty demands list in an extending file removes the base's demands")
    func emptyDemandsReplace() throws {
        let scenario = try Fixtures.scenario(Fixtures.extendingNetwork("demands: []"))

        #expect(scenario.network.demands.isEmpty)
        #expect(scenario.network.nodes.count == 7)
    }

    @Test("An extends cycle is an error listing the chain")
    func cycle() {
        #expect(
            Fixtures.diagnostics(ofFixture: "cycle-a.yaml")
                == "cycle-b.yaml:3:10: error: extends: extends cycle: cycle-a.yaml → cycle-b.yaml → cycle-a.yaml"
        )
        #expect(
            Fixtures.diagnostics(ofFixture: "cycle-self.yaml")
                == "cycle-self.yaml:3:10: error: extends: extends cycle: cycle-self.yaml → cycle-self.yaml"
        )
    }

    @Test("A missing base file is an error at the extends value, naming the resolved path")
    func missingBase() {
        #expect(
            Fixtures.diagnostics(ofFixture: "extends-missing.yaml")
                == "extends-missing.yaml:3:10: error: extends: no such file 'no-such-base.yaml'"
        )
    }

    @Test("Errors in a base file carry the base file's name; the extending file's own errors are reported too")
    func errorsInBase() {
        #expect(
            Fixtures.diagnostics(ofFixture: "extends-broken-base.yaml") == """
                broken-base.yaml:5:46: error: nodes[1].lat: expected a latitude between -90 and 90, found '95'
                extends-broken-base.yaml:4:1: error: nodes: not allowed in a file with 'extends' (use 'add_node' changes)
                extends-broken-base.yaml:7:40: error: changes[1].scale_capacity.factor: expected a number, found 'lots'
                """
        )
    }

    @Test("An extending file may not hold nodes or links")
    func noRecordsInExtendingFile() {
        let text = Fixtures.extendingNetwork(
            """
            nodes:
              - { id: X, country: CN, kind: hub, lat: 1, lon: 1 }
            links: []
            """
        )

        #expect(
            Fixtures.diagnostics(text, file: Fixtures.path("inline.yaml")) == """
                inline.yaml:4:1: error: nodes: not allowed in a file with 'extends' (use 'add_node' changes)
                inline.yaml:6:1: error: links: not allowed in a file with 'extends' (use 'add_link' changes)
                """
        )
    }

    @Test("A network file must list nodes and links; a broken extends is not taken for a network file")
    func networkFileNeedsRecords() {
        let noRecords = "schema_version: 1\nname: Nothing\n"
        let badExtends = "schema_version: 1\nname: Bad\nextends: [base.yaml]\n"

        #expect(
            Fixtures.diagnostics(noRecords) == """
                t.yaml:1:1: error: nodes: required field is missing (a file without 'extends' must list nodes and links)
                t.yaml:1:1: error: links: required field is missing (a file without 'extends' must list nodes and links)
                """)
        #expect(Fixtures.diagnostics(badExtends) == "t.yaml:3:10: error: extends: expected a string, found a list")
    }

    @Test(
        "A relative path is kept as given, and extends resolves relative to the file's directory",
        .enabled(if: Fixtures.relativeDirectory != nil)
    )
    func relativePaths() throws {
        let directory = try #require(Fixtures.relativeDirectory)

        let scenario = try ScenarioLoader.load(path: "\(directory)/scenarios/ferry-squeeze.yaml")
        let missing = Fixtures.diagnostics(ofPath: "\(directory)/extends-missing.yaml")

        #expect(scenario.file == "\(directory)/scenarios/ferry-squeeze.yaml")
        #expect(
            missing
                == "\(directory)/extends-missing.yaml:3:10: error: extends: no such file '\(directory)/no-such-base.yaml'"
        )
    }
}
