import FreightNetwork
import Scenarios
import Testing

/// `tonnes_per_teu` and `teu_per_train`: scenario-wide defaults, per-record values, inheritance, errors.
@Suite("Scenario units: tonnes per TEU, TEU per train")
struct UnitsTests {
    @Test("Without them, demands and links carry none")
    func absent() throws {
        let scenario = try Fixtures.scenario(Fixtures.extendingNetwork(""))
        #expect(scenario.network.demands.allSatisfy { $0.tonnesPerTEU == nil })
        #expect(scenario.network.links.allSatisfy { $0.teuPerTrain == nil })
    }

    @Test("The scenario's values fill demands without their own and rail links only; a record's own wins")
    func defaults() throws {
        let scenario = try Fixtures.scenario(
            Fixtures.extendingNetwork(
                """
                tonnes_per_teu: 10.5
                teu_per_train: 82
                changes:
                  - add_demand: { id: HEAVY, from: XIA, to: DUI, teu: 10, tonnes_per_teu: 18 }
                  - add_link: { id: AKT-BAK-2, from: AKT, to: BAK, mode: ferry, corridor: middle, distance_km: 450, cost_usd_per_teu: 700, time_days: 3, teu_per_train: 30 }
                """))
        let demands = Dictionary(
            uniqueKeysWithValues: scenario.network.demands.map { ($0.id.rawValue, $0.tonnesPerTEU) })
        #expect(demands == ["XIA-DUI": 10.5, "XIA-DUI-express": 10.5, "HEAVY": 18])
        #expect(scenario.network[link: "DOS-MOW"]?.teuPerTrain == 82)
        #expect(scenario.network[link: "XIA-DOS:rev"]?.teuPerTrain == 82)
        #expect(scenario.network[link: "AKT-BAK"]?.teuPerTrain == nil, "a ferry runs no trains unless it says so")
        #expect(scenario.network[link: "AKT-BAK-2"]?.teuPerTrain == 30)
    }

    @Test("Out-of-range values are positioned errors")
    func errors() {
        let text = Fixtures.diagnostics(
            Fixtures.extendingNetwork("tonnes_per_teu: 0\nteu_per_train: 5000\n"), file: Fixtures.path("inline.yaml"))
        #expect(
            text.contains(
                "inline.yaml:4:17: error: tonnes_per_teu: expected tonnes per TEU between 0.001 and 40, found '0'"),
            "\(text)")
        #expect(
            text.contains(
                "inline.yaml:5:16: error: teu_per_train: expected TEU per train between 1 and 1000, found '5000'"),
            "\(text)")
    }
}
