import FreightNetwork
import Scenarios
import Testing

/// `avoid_countries` on demands, read from a scenario extending `Fixtures/network.yaml`; changes start on line 5.
@Suite("Demands that avoid countries: loading")
struct AvoidCountriesLoadingTests {
    private func diagnostics(_ changes: String) -> String {
        Fixtures.diagnostics(Fixtures.extendingNetwork("changes:\n" + changes), file: Fixtures.path("inline.yaml"))
    }

    @Test("The countries are read sorted and without repeats; a border node of an avoided country is avoided")
    func reads() throws {
        let scenario = try Fixtures.scenario(
            Fixtures.extendingNetwork(
                "changes:\n  - add_demand: { id: NO-RU, from: XIA, to: DUI, teu: 10, avoid_countries: [RU, BY, RU] }"))
        let network = scenario.network
        let demand = try #require(network.demands.first { $0.id == "NO-RU" })
        #expect(demand.avoidedCountries == ["BY", "RU"])
        #expect(network.avoidedNodes(of: demand).map { network.nodes[$0].id } == ["MOW", "BRE"])
        #expect(network.demands.first { $0.id != "NO-RU" }?.avoidedCountries == [])
    }

    @Test("Every problem in one pass: an unknown country (with the nearest), an end in an avoided country, a non-word")
    func errors() {
        let text = diagnostics(
            """
              - add_demand: { id: A, from: XIA, to: DUI, teu: 10, avoid_countries: [RUS] }
              - add_demand: { id: B, from: XIA, to: DUI, teu: 10, avoid_countries: [CN] }
              - add_demand: { id: C, from: XIA, to: DUI, teu: 10, avoid_countries: [{ x: 1 }] }
              - add_demand: { id: D, from: XIA, to: DUI, teu: 10, avoid_countries: RU }
            """)
        #expect(text.contains("5:73: error: changes[0].add_demand.avoid_countries[0]: unknown country 'RUS': no node lies in it (did you mean 'RU'?)"), "\(text)")
        #expect(text.contains("6:32: error: changes[1].add_demand.from: node 'XIA' lies in CN, a country this demand avoids"), "\(text)")
        #expect(text.contains("7:73: error: changes[2].add_demand.avoid_countries[0]: expected a country code such as RU, found a mapping"), "\(text)")
        #expect(text.contains("8:72: error: changes[3].add_demand.avoid_countries: expected a list, found 'RU'"), "\(text)")
    }

    @Test("avoid_countries with a share splits each picked demand; share 1 marks the demand itself")
    func changeSplits() throws {
        let split = try Fixtures.scenario(
            Fixtures.extendingNetwork("changes:\n  - avoid_countries: { countries: [RU, BY], share: 0.25 }"))
        let network = split.network
        #expect(network.demands.map(\.id.rawValue) == [
            "XIA-DUI", "XIA-DUI-express", "XIA-DUI.avoid-BY-RU", "XIA-DUI-express.avoid-BY-RU",
        ])
        #expect(network.demands.map(\.teu) == [75_000, 3_750, 25_000, 1_250])
        #expect(network.demands.map(\.avoidedCountries) == [[], [], ["BY", "RU"], ["BY", "RU"]])
        #expect(network.demands[3].valueOfTimeUSDPerTEUDay == 120 && network.demands[3].unmetPenaltyUSDPerTEU == 30_000)
        #expect(split.changes == ["avoid_countries BY, RU: 25 % of all: 2 demands, 2 demands added"])

        let whole = try Fixtures.scenario(
            Fixtures.extendingNetwork("changes:\n  - avoid_countries: { countries: [RU], demand: XIA-DUI-express }"))
        #expect(whole.network.demands.map(\.avoidedCountries) == [[], ["RU"]])
        #expect(whole.network.demands.map(\.teu) == [100_000, 5_000])
        #expect(whole.changes == ["avoid_countries RU: demand XIA-DUI-express: 1 demand"])
    }

    @Test("avoid_countries: errors in one pass, and no periods")
    func changeErrors() {
        let text = diagnostics(
            """
              - avoid_countries: { countries: [RUS], share: 0.5 }
              - avoid_countries: { countries: [CN] }
              - avoid_countries: { countries: [RUX], share: 1.5, demand: XIA-DUX }
              - avoid_countries: { share: 0.5 }
              - avoid_countries: { countries: [RU], periods: [jan] }
            """)
        let expected = [
            "5:36: error: changes[0].avoid_countries.countries[0]: unknown country 'RUS': no node lies in it (did you mean 'RU'?)",
            "6:36: error: changes[1].avoid_countries.countries: 2 demands start or end in a country they would avoid "
                + "('XIA-DUI' at 'XIA', in CN, and 1 more) (pick the demands with 'demand', 'from' or 'to')",
            "7:36: error: changes[2].avoid_countries.countries[0]: unknown country 'RUX': no node lies in it (did you mean 'RU'?)",
            "7:49: error: changes[2].avoid_countries.share:",
            "7:62: error: changes[2].avoid_countries.demand: unknown demand 'XIA-DUX'",
            "8:22: error: changes[3].avoid_countries.countries: required field is missing",
            "9:41: error: changes[4].avoid_countries.periods: avoid_countries cannot be limited to periods",
        ]
        for line in expected { #expect(text.contains(line), "\(line)\n\(text)") }
    }
}
