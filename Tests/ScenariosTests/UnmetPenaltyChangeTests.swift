import FreightNetwork
import Scenarios
import Testing

/// `scale_unmet_penalty`, read from a scenario extending `Fixtures/network.yaml` (demands XIA-DUI at the
/// default USD 20,000 per TEU not carried, XIA-DUI-express at 30,000); changes start on line 5.
@Suite("scale_unmet_penalty: the price of a TEU not carried, by year")
struct UnmetPenaltyChangeTests {
    @Test("All China–Europe demands or one; the parts an avoid_countries change splits off keep the scaled penalty")
    func scales() throws {
        let all = try Fixtures.scenario(Fixtures.extendingNetwork("changes:\n  - scale_unmet_penalty: { factor: 1.5 }"))
        #expect(all.network.demands.map(\.unmetPenaltyUSDPerTEU) == [30_000, 45_000])
        #expect(all.network.demands.map(\.teu) == [100_000, 5_000])
        #expect(all.changes == ["scale_unmet_penalty all by 1.5: 2 demands"])

        let one = try Fixtures.scenario(
            Fixtures.extendingNetwork(
                "changes:\n  - scale_unmet_penalty: { factor: 2, demand: XIA-DUI-express }\n"
                    + "  - scale_unmet_penalty: { factor: 0.5, demand: XIA-DUI-express }"))
        #expect(one.network.demands.map(\.unmetPenaltyUSDPerTEU) == [20_000, 30_000])

        let split = try Fixtures.scenario(
            Fixtures.extendingNetwork(
                "changes:\n  - scale_unmet_penalty: { factor: 2, to: DUI }\n"
                    + "  - avoid_countries: { countries: [RU], share: 0.5 }"))
        #expect(split.network.demands.map(\.unmetPenaltyUSDPerTEU) == [40_000, 60_000, 40_000, 60_000])
    }

    @Test("Errors in one pass: a negative factor, an unknown demand, a period, an unknown key")
    func errors() {
        let text = Fixtures.diagnostics(
            Fixtures.extendingNetwork(
                """
                changes:
                  - scale_unmet_penalty: { factor: -1 }
                  - scale_unmet_penalty: { factor: 2, demand: XIA-DUX }
                  - scale_unmet_penalty: { factor: 2, periods: [jan] }
                  - scale_unmet_penalty: { factor: 2, node: XIA }
                """), file: Fixtures.path("inline.yaml"))
        #expect(text.contains("5:36: error: changes[0].scale_unmet_penalty.factor: expected a number ≥ 0, found '-1'"), "\(text)")
        #expect(text.contains("6:47: error: changes[1].scale_unmet_penalty.demand: unknown demand 'XIA-DUX'"), "\(text)")
        #expect(text.contains("changes[2].scale_unmet_penalty.periods: scale_unmet_penalty cannot be limited to periods"), "\(text)")
        #expect(text.contains("8:39: error: changes[3].scale_unmet_penalty.node: unknown key"), "\(text)")
        #expect(text.matches(of: /: error:/).count == 4, "\(text)")
    }
}
