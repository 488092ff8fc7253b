import FreightNetwork
import Scenarios
import Testing

/// Changes that cut time and cost (`scale_time`, `set_time_days`, `scale_dwell`, `set_dwell_days`,
/// `scale_cost`, negative `add_delay`) on `Fixtures/network.yaml`; expected values worked out by hand.
@Suite("Scenario changes: time and cost cuts")
struct TimeCutTests {
    private func applying(_ changes: String, periods: Bool = false) throws -> Scenario {
        try Fixtures.scenario(Fixtures.extendingNetwork((periods ? "periods: months\n" : "") + "changes:\n" + changes))
    }

    private func diagnostics(_ changes: String) -> String {
        Fixtures.diagnostics(Fixtures.extendingNetwork("changes:\n" + changes), file: Fixtures.path("inline.yaml"))
    }

    @Test("scale_time and set_time_days: link times for link/corridor/mode, node dwell for node/country")
    func scaleAndSetTime() throws {
        let scenario = try applying(
            """
              - scale_time: { mode: ferry, factor: 0.5 }
              - scale_time: { corridor: northern, factor: 0.5 }
              - set_time_days: { link: BRE-DUI, days: 1 }
              - scale_time: { node: DOS, factor: 0.5 }
              - set_time_days: { country: KZ, days: 0.25 }
            """)

        let network = scenario.network
        #expect(network[link: "AKT-BAK"]?.timeDays == 1.5)
        #expect(network[link: "DOS-MOW"]?.timeDays == 3)
        #expect(network[link: "MOW-BRE"]?.timeDays == 1)
        #expect(network[link: "BRE-DUI"]?.timeDays == 1)
        #expect(network[link: "BRE-DUI:rev"]?.timeDays == 1)
        #expect(network[link: "DOS-AKT"]?.timeDays == 5, "a corridor's links only: middle is untouched")
        #expect(network[node: "DOS"]?.dwellDays == 0.25)
        #expect(network[node: "AKT"]?.dwellDays == 0.25)
        #expect(network[node: "BRE"]?.dwellDays == 1)
        #expect(
            scenario.changes == [
                "scale_time mode ferry by 0.5: 1 link",
                "scale_time corridor northern by 0.5: 2 links",
                "set_time_days link BRE-DUI to 1 days: 2 links",
                "scale_time node DOS by 0.5: 1 node",
                "set_time_days country KZ to 0.25 days: 2 nodes",
            ])
    }

    @Test("scale_dwell and set_dwell_days: a link selector picks the nodes at its ends, not its time")
    func dwell() throws {
        let scenario = try applying(
            """
              - scale_dwell: { corridor: middle, factor: 0.5 }
              - set_dwell_days: { node: BRE, days: 0.2 }
            """)

        let network = scenario.network
        // middle: DOS-AKT, AKT-BAK, BAK-BRE → DOS, AKT, BAK, BRE.
        #expect(network[node: "DOS"]?.dwellDays == 0.75)
        #expect(network[node: "AKT"]?.dwellDays == 1)
        #expect(network[node: "BAK"]?.dwellDays == 0)
        #expect(network[node: "BRE"]?.dwellDays == 0.2)
        #expect(network[link: "AKT-BAK"]?.timeDays == 3)
        #expect(
            scenario.changes == [
                "scale_dwell corridor middle by 0.5: 4 nodes", "set_dwell_days node BRE to 0.2 days: 1 node",
            ])
    }

    @Test("scale_cost: link tariffs and node handling costs")
    func scaleCost() throws {
        let scenario = try applying(
            """
              - scale_cost: { link: AKT-BAK, factor: 0.5 }
              - scale_cost: { country: KZ, factor: 0.5 }
            """)

        #expect(scenario.network[link: "AKT-BAK"]?.costUSDPerTEU == 350)
        #expect(scenario.network[node: "DOS"]?.handlingCostUSDPerTEU == 60)
        #expect(scenario.network[node: "AKT"]?.handlingCostUSDPerTEU == 75)
        #expect(scenario.network[link: "AKT-BAK"]?.timeDays == 3)
        #expect(
            scenario.changes == ["scale_cost link AKT-BAK by 0.5: 1 link", "scale_cost country KZ by 0.5: 2 nodes"])
    }

    @Test("A negative add_delay cuts time down to exactly 0")
    func negativeDelay() throws {
        let scenario = try applying(
            """
              - add_delay: { link: AKT-BAK, days: -3 }
              - add_delay: { node: DOS, days: -0.5 }
            """)

        #expect(scenario.network[link: "AKT-BAK"]?.timeDays == 0)
        #expect(scenario.network[node: "DOS"]?.dwellDays == 1)
        #expect(scenario.changes == ["add_delay link AKT-BAK -3 days: 1 link", "add_delay node DOS -0.5 days: 1 node"])
    }

    @Test("A cut below 0 days is an error at the amount, naming the element and the time it has")
    func cutBelowZero() {
        let text = diagnostics(
            """
              - add_delay: { corridor: middle, days: -4 }
              - scale_time: { mode: ferry, factor: -1 }
            """)

        #expect(
            text == """
                inline.yaml:5:42: error: changes[0].add_delay.days: cuts 4 days from link AKT-BAK, whose time_days is 3: \
                expected a result ≥ 0 days (cut at most 3 days there, or use 'set_time_days' / 'scale_time')
                inline.yaml:6:40: error: changes[1].scale_time.factor: expected a number ≥ 0, found '-1'
                """)
    }

    @Test("Changes of time limited to periods change the extra days; scale_cost takes no periods")
    func periods() throws {
        let scenario = try applying(
            """
              - scale_time: { link: AKT-BAK, factor: 0.5, periods: [jan] }
              - add_delay: { link: DOS-AKT, days: -2, periods: [feb] }
              - scale_dwell: { node: BRE, factor: 0.5, periods: [mar] }
              - set_time_days: { link: BAK-BRE, days: 4, from: nov, to: dec }
            """, periods: true)
        let schedule = try #require(scenario.periods)
        func extra(_ id: String) throws -> [Double] {
            schedule.linkExtraDays[try #require(scenario.network.index(of: Link.ID(id)))]
        }

        #expect(try extra("AKT-BAK") == [-1.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(try extra("DOS-AKT") == [0, -2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        // BRE's dwell of 1 halves in March on every link into it (MOW-BRE, BAK-BRE, BRE-DUI:rev).
        #expect(try extra("MOW-BRE")[2] == -0.5)
        #expect(try extra("BAK-BRE") == [0, 0, -0.5, 0, 0, 0, 0, 0, 0, 0, -6, -6])
        #expect(scenario.network[link: "AKT-BAK"]?.timeDays == 3, "the annual network is unchanged")
        #expect(scenario.changes[2] == "scale_dwell node BRE by 0.5 in mar: 1 node (3 links into it)")

        let refused = diagnostics("  - scale_cost: { link: AKT-BAK, factor: 0.5, periods: [jan] }")
        #expect(refused.contains("changes[0].scale_cost.periods: scale_cost cannot be limited to periods"))
    }
}
