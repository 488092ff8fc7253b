import FreightNetwork
import Scenarios
import Testing

/// `congestion` on nodes and links, the default curves and `default_congestion`.
@Suite("Scenario loader: congestion")
struct CongestionLoadingTests {
    /// A hub A and a border B with a capacity; `FIELD` is replaced by B's extra fields.
    static func small(_ field: String = "", top: String = "") -> String {
        """
        schema_version: 1
        name: Small
        \(top)nodes:
          - { id: A, country: CN, kind: hub, lat: 34, lon: 108, capacity_teu: 500 }
          - { id: B, country: KZ, kind: border, lat: 45, lon: 82, capacity_teu: 100\(field) }
        links:
          - { id: A-B, from: A, to: B, mode: ferry, corridor: shared, distance_km: 100, cost_usd_per_teu: 10, time_days: 1, capacity_teu: 50, bidirectional: true }
          - { id: A-B2, from: A, to: B, mode: rail, corridor: shared, distance_km: 100, cost_usd_per_teu: 10, time_days: 1, capacity_teu: 50 }
        demands:
          - { from: A, to: B, teu: 5 }
        """
    }

    @Test("Limited borders, ports, terminals and ferries get the sourced default curves; hubs and rail do not")
    func defaults() throws {
        let network = try ScenarioLoader.load(text: Self.small(), file: "t.yaml").network
        #expect(network.nodes[0].congestion == nil)
        #expect(network.nodes[1].congestion == CongestionDefaults.border)
        #expect(network.links.map(\.congestion) == [CongestionDefaults.ferry, CongestionDefaults.ferry, nil])
        #expect(CongestionDefaults.curve(for: .port) == CongestionDefaults.port)
        #expect(CongestionDefaults.curve(for: .terminal) == CongestionDefaults.terminal)
    }

    @Test("A curve of its own wins; 'congestion: none' and 'default_congestion: false' turn the defaults off")
    func ownAndOff() throws {
        let own = ", congestion: [{utilisation: 0.6, extra_days: 0}, {utilisation: 1, extra_days: 2}]"
        let curve = try #require(
            CongestionCurve([.init(utilisation: 0.6, extraDays: 0), .init(utilisation: 1, extraDays: 2)]))
        let mine = try ScenarioLoader.load(text: Self.small(own), file: "t.yaml").network
        #expect(mine.nodes[1].congestion == curve)
        let none = try ScenarioLoader.load(text: Self.small(", congestion: none"), file: "t.yaml").network
        #expect(none.nodes[1].congestion == nil)
        #expect(none.links[0].congestion == CongestionDefaults.ferry)
        let off = try ScenarioLoader.load(text: Self.small(own, top: "default_congestion: false\n"), file: "t.yaml")
        #expect(off.network.nodes[1].congestion == curve)
        #expect(off.network.links.allSatisfy { $0.congestion == nil })
    }

    @Test("A file extending one with 'default_congestion: false' inherits it")
    func inherited() throws {
        let base = try Fixtures.scenario(Fixtures.extendingNetwork("default_congestion: false"), name: "inline.yaml")
        #expect(base.network.nodes.allSatisfy { $0.congestion == nil })
        #expect(base.network.links.allSatisfy { $0.congestion == nil })
        let plain = try Fixtures.scenario(Fixtures.extendingNetwork(""), name: "inline.yaml")
        #expect(plain.network.nodes.contains { $0.congestion != nil })
    }

    @Test("'congestion_value_of_time_usd_per_teu_day' sets the value of the waits; a file extending it inherits it")
    func valueOfTime() throws {
        let plain = try ScenarioLoader.load(text: Self.small(), file: "t.yaml").network
        #expect(plain.congestionValueOfTime == nil)
        let set = try ScenarioLoader.load(
            text: Self.small(top: "congestion_value_of_time_usd_per_teu_day: 304\n"), file: "t.yaml"
        ).network
        #expect(set.congestionValueOfTime == 304)
        // Kept by what is derived from the network: edits (sweep cases, frontier steps) and no curves (plans).
        #expect(try set.applying([.scaleDemand(0, by: 2)]).congestionValueOfTime == 304)
        #expect(set.withoutCongestion.congestionValueOfTime == 304)
        let inherited = try Fixtures.scenario(
            Fixtures.extendingNetwork("congestion_value_of_time_usd_per_teu_day: 250"), name: "inline.yaml")
        #expect(inherited.network.congestionValueOfTime == 250)
    }

    @Test(
        "A bad value of time for the waits is one error at its value",
        arguments: [
            ("congestion_value_of_time_usd_per_teu_day: -5\n", "3:43: error: congestion_value_of_time_usd_per_teu_day"),
            ("congestion_value_of_time_usd_per_teu_day: lots\n", "3:43: error: congestion_value_of_time_usd_per_teu_day"),
            ("congestion_value_of_time: 300\n", "3:1: error: congestion_value_of_time: unknown key (did you mean"),
        ])
    func badValueOfTime(top: String, expected: String) {
        let text = Fixtures.diagnostics(Self.small(top: top))
        #expect(text.contains("t.yaml:\(expected)"), "\(text)")
    }

    @Test(
        "A bad curve is one error at its breakpoint or value",
        arguments: [
            (
                ", congestion: [{utilisation: 0.5, extra_days: 0}, {utilisation: 0.7, extra_days: 2}, {utilisation: 1.0, extra_days: 2.5}]",
                "5:161: error: nodes[1].congestion[2]: expected a convex curve: the extra days must rise at least as steeply as before"
            ),
            (
                ", congestion: [{utilisation: 0.8, extra_days: 0}, {utilisation: 0.6, extra_days: 1}]",
                "5:126: error: nodes[1].congestion[1]: expected utilisation above the previous breakpoint's 0.8"
            ),
            (
                ", congestion: [{utilisation: 0.5, extra_days: 0}, {utilisation: 1.2, extra_days: 1}]",
                "5:140: error: nodes[1].congestion[1].utilisation: expected a utilisation between 0 and 1, found '1.2'"
            ),
            (", congestion: lots", "5:90: error: nodes[1].congestion: expected a list of breakpoints or 'none', found 'lots'"),
            (
                ", congestion: [{utilisation: 0.5, extra_days: 1}]",
                "5:91: error: nodes[1].congestion[0]: expected at least two breakpoints"
            ),
            (
                ", congestion: [{utilisation: 0.5, extra_days: -1}, {utilisation: 1, extra_days: 1}]",
                "5:122: error: nodes[1].congestion[0].extra_days: expected a number ≥ 0, found '-1'"
            ),
            (
                ", congestion: [{utilization: 0.5, extra_days: 0}, {utilisation: 1, extra_days: 1}]",
                "5:92: error: nodes[1].congestion[0].utilization: unknown key (did you mean 'utilisation'?)"
            ),
        ])
    func badCurve(field: String, expected: String) {
        let text = Fixtures.diagnostics(Self.small(field))
        #expect(text.contains("t.yaml:\(expected)"), "\(text)")
    }

    @Test("A curve on an element without a capacity is an error naming the fix")
    func unlimited() {
        let text = Self.small(", congestion: [{utilisation: 0.5, extra_days: 0}, {utilisation: 1, extra_days: 1}]")
            .replacing("lat: 45, lon: 82, capacity_teu: 100", with: "lat: 45, lon: 82")
        #expect(
            Fixtures.diagnostics(text).contains(
                "t.yaml:5:71: error: nodes[1].congestion: only a capacity-limited node or link congests "
                    + "(give it a 'capacity_teu', or leave 'congestion' out)"))
    }
}
