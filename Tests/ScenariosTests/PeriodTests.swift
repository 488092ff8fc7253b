import FreightNetwork
import Scenarios
import Testing

/// Scenarios with `periods`: the schedule the loader builds, over `Fixtures/network.yaml`.
@Suite("Scenario periods")
struct PeriodTests {
    /// Loads `body` in a scenario extending the test network and returns it with its schedule.
    private func load(_ body: String) throws -> (Scenario, PeriodSchedule) {
        let scenario = try Fixtures.scenario(Fixtures.extendingNetwork(body))
        return (scenario, try #require(scenario.periods))
    }

    /// The row of link `id` in `rows` (indexed like the scenario's network).
    private func row(_ rows: [[Double]], link id: String, in scenario: Scenario) throws -> [Double] {
        rows[try #require(scenario.network.index(of: Link.ID(id)))]
    }

    @Test("'periods: months' gives the 12 calendar months, 365 days, demand spread by length")
    func months() throws {
        let (scenario, schedule) = try load("periods: months")

        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        #expect(schedule.periods.map(\.name) == names)
        #expect(schedule.periods.map(\.days) == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
        #expect(schedule.totalDays == 365)
        #expect(schedule.linkCapacityFactor.count == scenario.network.links.count)
        #expect(schedule.nodeCapacityFactor.count == scenario.network.nodes.count)
        #expect(schedule.demandShare.count == scenario.network.demands.count)
        #expect(schedule.linkCapacityFactor.allSatisfy { $0 == Array(repeating: 1, count: 12) })
        #expect(schedule.nodeCapacityFactor.allSatisfy { $0 == Array(repeating: 1, count: 12) })
        #expect(schedule.linkExtraDays.allSatisfy { $0 == Array(repeating: 0, count: 12) })
        #expect(schedule.demandShare[0][1] == 28.0 / 365)
        #expect(abs(schedule.demandShare[0].reduce(0, +) - 1) < 1e-12)
    }

    @Test("'periods: weeks' gives w01…w52 of 7 days")
    func weeks() throws {
        let (_, schedule) = try load("periods: weeks")

        #expect(schedule.periods.count == 52)
        #expect(schedule.periods.first?.name == "w01")
        #expect(schedule.periods[9].name == "w10")
        #expect(schedule.periods.last?.name == "w52")
        #expect(schedule.periods.allSatisfy { $0.days == 7 })
        #expect(schedule.totalDays == 364)
    }

    @Test("Explicit periods with seasonal weights: each share is weight × days over the weighted total")
    func explicitWithSeasonality() throws {
        let (_, schedule) = try load(
            """
            periods:
              - { name: winter, days: 90 }
              - { name: rest, days: 275 }
            seasonality:
              demand: { winter: 2 }
            """)

        #expect(schedule.periods == [.init(name: "winter", days: 90), .init(name: "rest", days: 275)])
        // 2 × 90 = 180 and 1 × 275 (not named: weight 1) out of 455.
        let shares: [Double] = [180.0 / 455, 275.0 / 455]
        #expect(schedule.demandShare[0] == shares)
        #expect(schedule.demandShare[1] == schedule.demandShare[0])
    }

    @Test("Period-scoped changes set factors, extra days and shares, and leave the network alone")
    func scopedChanges() throws {
        let (scenario, schedule) = try load(
            """
            periods: months
            changes:
              - close: { node: AKT, periods: [jan] }
              - scale_capacity: { link: AKT-BAK, factor: 0.5, periods: [nov, dec] }
              - scale_capacity: { link: AKT-BAK, factor: 0.5, periods: [dec] }
              - add_delay: { link: DOS-AKT, days: 3, from: nov, to: feb }
              - add_delay: { node: BRE, days: 2, periods: [jan] }
              - scale_demand: { demand: XIA-DUI, factor: 1.15, periods: [aug, sep, oct] }
              - close: { corridor: northern, from: mar, to: mar }
            """)

        let akt = try #require(scenario.network.index(of: Node.ID("AKT")))
        let closedInJanuary: [Double] = [0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
        #expect(schedule.nodeCapacityFactor[akt] == closedInJanuary)
        #expect(scenario.network.nodes[akt].isClosed == false)
        #expect(scenario.network.nodes[akt].capacityTEU == 100_000)
        let ferry: [Double] = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5, 0.25]
        #expect(try row(schedule.linkCapacityFactor, link: "AKT-BAK", in: scenario) == ferry)
        #expect(scenario.network[link: "AKT-BAK"]?.capacityTEU == 60_000)
        // nov, dec, jan, feb: the range wraps around the end of the year.
        let wrapped: [Double] = [3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3]
        #expect(try row(schedule.linkExtraDays, link: "DOS-AKT", in: scenario) == wrapped)
        #expect(scenario.network[link: "DOS-AKT"]?.timeDays == 5)
        // A node's delay goes onto every link into it: MOW-BRE, BRE-DUI:rev (DUI → BRE) and BAK-BRE.
        for id in ["MOW-BRE", "BRE-DUI:rev", "BAK-BRE"] {
            #expect(try row(schedule.linkExtraDays, link: id, in: scenario)[0] == 2, "\(id)")
        }
        #expect(try row(schedule.linkExtraDays, link: "BRE-DUI", in: scenario)[0] == 0)
        #expect(scenario.network[node: "BRE"]?.dwellDays == 1)
        let shares = schedule.demandShare[0]
        #expect(shares[7] == 31.0 / 365 * 1.15)
        #expect(shares[6] == 31.0 / 365)
        let grown: Double = 1 + 0.15 * 92 / 365
        #expect(abs(shares.reduce(0, +) - grown) < 1e-12, "the year's volume grows by 15% of Aug–Oct")
        #expect(schedule.demandShare[1][7] == 31.0 / 365, "the express demand is not scaled")
        #expect(try row(schedule.linkCapacityFactor, link: "DOS-MOW", in: scenario)[2] == 0)
        #expect(try row(schedule.linkCapacityFactor, link: "MOW-BRE", in: scenario)[2] == 0)
        #expect(
            scenario.changes == [
                "close node AKT in jan: 1 node closed",
                "scale_capacity link AKT-BAK by 0.5 in nov, dec: 1 link",
                "scale_capacity link AKT-BAK by 0.5 in dec: 1 link",
                "add_delay link DOS-AKT +3 days from nov to feb: 1 link",
                "add_delay node BRE +2 days in jan: 1 node (3 links into it)",
                "scale_demand demand XIA-DUI by 1.15 in aug, sep, oct: 1 demand",
                "close corridor northern from mar to mar: 2 links closed",
            ])
    }

    @Test("Static changes around scoped ones keep the schedule's rows aligned with the network")
    func alignment() throws {
        let (scenario, schedule) = try load(
            """
            periods: [{ name: a, days: 100 }, { name: b, days: 265 }]
            changes:
              - close: { link: XIA-DOS }
              - add_node: { id: TBS, country: GE, kind: hub, lat: 41.7, lon: 44.8 }
              - add_link: { id: BAK-TBS, from: BAK, to: TBS, mode: rail, corridor: middle, distance_km: 550,
                            capacity_teu: 80000, cost_usd_per_teu: 300, time_days: 2, bidirectional: true }
              - close: { link: BAK-TBS, periods: [b] }
              - add_delay: { node: TBS, days: 4, periods: [a] }
              - add_demand: { id: XIA-TBS, from: XIA, to: TBS, teu: 500 }
              - scale_demand: { to: TBS, factor: 3, periods: [b] }
            """)

        let network = scenario.network
        #expect(schedule.linkCapacityFactor.count == network.links.count)
        #expect(schedule.linkExtraDays.count == network.links.count)
        #expect(schedule.nodeCapacityFactor.count == network.nodes.count)
        #expect(schedule.demandShare.count == network.demands.count)
        #expect(network[link: "XIA-DOS"]?.isClosed == true)
        #expect(try row(schedule.linkCapacityFactor, link: "XIA-DOS", in: scenario) == [1, 1])
        #expect(try row(schedule.linkCapacityFactor, link: "BAK-TBS", in: scenario) == [1, 0])
        #expect(try row(schedule.linkCapacityFactor, link: "BAK-TBS:rev", in: scenario) == [1, 0])
        #expect(try row(schedule.linkExtraDays, link: "BAK-TBS", in: scenario) == [4, 0])
        #expect(try row(schedule.linkExtraDays, link: "BAK-TBS:rev", in: scenario) == [0, 0])
        let tbs = try #require(network.demands.firstIndex { $0.id.rawValue == "XIA-TBS" })
        let tripled: [Double] = [100.0 / 365, 265.0 / 365 * 3]
        #expect(schedule.demandShare[tbs] == tripled)
        let byLength: [Double] = [100.0 / 365, 265.0 / 365]
        #expect(schedule.demandShare[0] == byLength)
    }

    @Test("Periods, seasonality and scoped changes are inherited through extends; demands replaced get fresh rows")
    func inheritance() throws {
        let scenario = try Fixtures.load("seasonal-child.yaml")
        let schedule = try #require(scenario.periods)

        #expect(schedule.periods.count == 12)
        let akt = try #require(scenario.network.index(of: Node.ID("AKT")))
        #expect(schedule.nodeCapacityFactor[akt][0] == 0, "the base's January closure")
        let ferry: [Double] = [0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5]
        #expect(try row(schedule.linkCapacityFactor, link: "AKT-BAK", in: scenario) == ferry)
        #expect(scenario.network.demands.map(\.id.rawValue) == ["XIA-DUI", "XIA-BRE"])
        // The base's seasonality: feb × 0.5, oct × 1.5, others × 1 → weighted total 365 - 14 + 15.5 = 366.5 days.
        let total = 365.0 - 14 + 15.5
        #expect(schedule.demandShare[0][1] == 14 / total)
        #expect(schedule.demandShare[0][9] == 46.5 / total)
        #expect(schedule.demandShare[1][6] == 2 * 31 / total)
        #expect(scenario.network[demand: "XIA-DUI"]?.latePenaltyUSDPerTEUDay == 80)
        #expect(scenario.network[demand: "XIA-BRE"]?.latePenaltyUSDPerTEUDay == nil)
        #expect(scenario.warnings.isEmpty)
    }

    @Test("A child's seasonality replaces the inherited one")
    func seasonalityReplaced() throws {
        let scenario = try Fixtures.scenario(
            """
            schema_version: 1
            name: Child
            extends: seasonal-base.yaml
            seasonality:
              demand: { jan: 0 }
            """)
        let share = try #require(scenario.periods).demandShare[0]

        #expect(share[0] == 0)
        #expect(share[1] == 28.0 / 334, "February's weight of 0.5 in the base no longer applies")
    }

    @Test("Storage and late penalties are read from records and add_storage; add_storage adds up")
    func storage() throws {
        let (scenario, _) = try load(
            """
            periods: months
            demands:
              - { from: XIA, to: DUI, teu: 1000, late_penalty_usd_per_teu_day: 80 }
            changes:
              - add_storage: { node: AKT, teu: 20000, holding_cost_usd_per_teu_day: 1.5 }
              - add_storage: { node: AKT, teu: 5000 }
              - add_node: { id: KHG, country: CN, kind: border, lat: 44.2, lon: 80.4, storage_capacity_teu: 30000,
                            holding_cost_usd_per_teu_day: 0.8 }
            """)

        let network = scenario.network
        #expect(network[node: "AKT"]?.storageCapacityTEU == 25_000)
        #expect(network[node: "AKT"]?.holdingCostUSDPerTEUDay == 1.5)
        #expect(network[node: "KHG"]?.storageCapacityTEU == 30_000)
        #expect(network[node: "KHG"]?.holdingCostUSDPerTEUDay == 0.8)
        #expect(network[node: "DOS"]?.storageCapacityTEU == nil)
        #expect(network[demand: "XIA-DUI"]?.latePenaltyUSDPerTEUDay == 80)
        #expect(
            scenario.changes == [
                "add_storage node AKT +20000 TEU: 20000 TEU at 1.5 USD/TEU-day",
                "add_storage node AKT +5000 TEU: 25000 TEU at 1.5 USD/TEU-day",
                "add_node KHG: border in CN",
            ])
        #expect(scenario.warnings.isEmpty)
    }

    @Test("Storage and late penalties load without periods, each with an 'unused' warning")
    func storageWithoutPeriods() throws {
        let scenario = try Fixtures.scenario(
            Fixtures.extendingNetwork(
                """
                demands:
                  - { from: XIA, to: DUI, teu: 1000, late_penalty_usd_per_teu_day: 80 }
                changes:
                  - add_storage: { node: AKT, teu: 20000 }
                """))

        #expect(scenario.periods == nil)
        #expect(scenario.network[node: "AKT"]?.storageCapacityTEU == 20_000)
        let unused =
            "unused in a scenario without periods (the annual model has no storage or lateness) "
            + "(add 'periods: months' to use it)"
        #expect(
            scenario.warnings.map { Fixtures.relative($0.description) } == [
                "inline.yaml:5:68: warning: demands[0].late_penalty_usd_per_teu_day: \(unused)",
                "inline.yaml:7:5: warning: changes[0].add_storage: \(unused)",
            ])
    }

    @Test("A file without periods loads as before: no schedule, the same network as with periods")
    func noPeriodsUnchanged() throws {
        let changes = """
            changes:
              - close: { country: RU }
              - scale_capacity: { link: AKT-BAK, factor: 0.5 }
              - add_delay: { node: BRE, days: 2 }
            """
        let plain = try Fixtures.scenario(Fixtures.extendingNetwork(changes))
        let seasonal = try Fixtures.scenario(Fixtures.extendingNetwork("periods: months\n" + changes))

        #expect(plain.periods == nil)
        #expect(try Fixtures.load("network.yaml").periods == nil)
        #expect(plain.network.nodes == seasonal.network.nodes)
        #expect(plain.network.links == seasonal.network.links)
        #expect(plain.network.demands == seasonal.network.demands)
        #expect(plain.changes == seasonal.changes)
        #expect(plain.warnings.isEmpty)
        let schedule = try #require(seasonal.periods)
        #expect(schedule.linkCapacityFactor.allSatisfy { $0.allSatisfy { $0 == 1 } }, "whole-year changes stay in the network")
    }
}

/// The bundled seasonal scenarios load with the factors their comments derive from the sources.
@Suite("Bundled seasonal scenarios")
struct BundledSeasonalTests {
    /// `Scenarios/NAME` in this checkout.
    private static func bundled(_ name: String) -> String {
        let tests = Fixtures.directory.split(separator: "/", omittingEmptySubsequences: false).dropLast(3)
        return (tests + ["Scenarios", Substring(name)]).joined(separator: "/")
    }

    @Test("caspian-winter-seasonal: Kuryk halved in Nov–Dec, January storms, low water all year, seasonal demand")
    func seasonal() throws {
        let scenario = try ScenarioLoader.load(path: Self.bundled("caspian-winter-seasonal.yaml"))
        let schedule = try #require(scenario.periods)
        let network = scenario.network
        func link(_ id: String) throws -> Int { try #require(network.index(of: Link.ID(id))) }
        func node(_ id: String) throws -> Int { try #require(network.index(of: Node.ID(id))) }

        #expect(schedule.periods.count == 12)
        #expect(scenario.warnings.isEmpty)
        let kuryk: [Double] = [0.677, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5, 0.5]
        #expect(schedule.linkCapacityFactor[try link("KUR-ALT")] == kuryk)
        #expect(schedule.nodeCapacityFactor[try node("KUR")] == kuryk)
        #expect(schedule.linkCapacityFactor[try link("AKU-ALT")][0] == 0.677)
        #expect(schedule.linkCapacityFactor[try link("AKU-ALT")][10] == 1)
        #expect(schedule.linkExtraDays[try link("TMB-ALT")][0] == 1)
        #expect(schedule.linkExtraDays[try link("TMB-ALT")][1] == 0)
        // Low water is a whole-year change: in the network, on top of the 2023 fleet (25,000 × 1.8).
        let base = try ScenarioLoader.load(path: Self.bundled("russia-disrupted-2023.yaml")).network
        let aktau = try #require(base[link: "AKU-ALT"]?.capacityTEU)
        #expect(network[link: "AKU-ALT"]?.capacityTEU == aktau * 0.725)
        // Shares: weight × days over 365 − 0.25 × 28 + 0.15 × 92 = 371.8 weighted days.
        let share = schedule.demandShare[0]
        #expect(abs(share[1] - 0.75 * 28 / 371.8) < 1e-12)
        #expect(abs(share[7] - 1.15 * 31 / 371.8) < 1e-12)
        #expect(abs(share.reduce(0, +) - 1) < 1e-12)
    }

    @Test("caspian-winter-seasonal-upgraded: the Caspian ports and ferries upgraded on top of the seasonal year")
    func upgraded() throws {
        let scenario = try ScenarioLoader.load(path: Self.bundled("caspian-winter-seasonal-upgraded.yaml"))
        let seasonal = try ScenarioLoader.load(path: Self.bundled("caspian-winter-seasonal.yaml"))

        #expect(scenario.periods == seasonal.periods)
        for id in ["AKU-ALT", "KUR-ALT", "TMB-ALT"] {
            let before = try #require(seasonal.network[link: id]?.capacityTEU)
            #expect(scenario.network[link: id]?.capacityTEU == before * 1.667)
        }
        // Alat holds the container potential (27,440 + 21,300 bulk = 48,740); the fleet x 1.667 raises its container
        // part alike: 27,440 x 1.667 + 21,300 = 67,042, i.e. x 1.3755 on the whole (Alat phase 2 is not modelled).
        let alat = try #require(seasonal.network[node: "ALT"]?.capacityTEU)
        #expect(alat == 48_740)
        #expect(scenario.network[node: "ALT"]?.capacityTEU == alat * 1.3755)
        #expect(abs(alat * 1.3755 - (27_440 * 1.667 + 21_300)) < 5)
        #expect(scenario.warnings.isEmpty)
    }

    @Test("caspian-winter-seasonal-upgraded-warehouse: 12,000 TEU of storage at Alat, the rest inherited")
    func warehouse() throws {
        let scenario = try ScenarioLoader.load(path: Self.bundled("caspian-winter-seasonal-upgraded-warehouse.yaml"))
        let upgraded = try ScenarioLoader.load(path: Self.bundled("caspian-winter-seasonal-upgraded.yaml"))

        #expect(scenario.network[node: "ALT"]?.storageCapacityTEU == 12_000)
        #expect(scenario.network[node: "ALT"]?.holdingCostUSDPerTEUDay == 4.2)
        #expect(scenario.network.nodes.filter { $0.storageCapacityTEU != nil }.count == 1)
        #expect(scenario.network.links == upgraded.network.links)
        #expect(scenario.periods == upgraded.periods)
        #expect(scenario.warnings.isEmpty)
    }
}
