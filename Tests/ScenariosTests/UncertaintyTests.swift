import FreightNetwork
import Scenarios
import Testing

/// The `uncertainty` list: what it picks, how distributions read, and every mistake reported at
/// its line and column. Inline scenarios extend `Fixtures/network.yaml`; their entries start on line 5.
@Suite("Scenario uncertainty")
struct UncertaintyTests {
    private func load(_ entries: String) throws(ScenarioDiagnostics) -> Scenario {
        try Fixtures.scenario(Fixtures.extendingNetwork("uncertainty:\n" + entries))
    }

    private func diagnostics(_ entries: String) -> String {
        Fixtures.diagnostics(Fixtures.extendingNetwork("uncertainty:\n" + entries), file: Fixtures.path("inline.yaml"))
    }

    @Test("Entries resolve to links and nodes, with their distributions and groups")
    func resolves() throws {
        let scenario = try load(
            """
              - { link: AKT-BAK, closed_probability: 0.5, group: storm }
              - { corridor: middle, mode: ferry, capacity_factor: { uniform: [0.70, 0.75] }, group: storm }
              - { node: BRE, capacity_factor: { triangular: [0.4, 0.5, 1] } }
              - { country: KZ, capacity_factor: { values: [0.5, 1], probabilities: [0.25, 0.75] }, notes: x, source: "[S1]" }
              - { node: DOS, mode: rail, capacity_factor: 0.9 }
            """)
        let u = scenario.uncertainty
        #expect(u.count == 5)
        #expect(u[0].label == "link AKT-BAK" && u[0].links == [Link.ID("AKT-BAK")] && u[0].closedProbability == 0.5)
        #expect(u[0].group == "storm" && u[0].capacityFactor == nil)
        #expect(u[1].label == "corridor middle, mode ferry" && u[1].links == [Link.ID("AKT-BAK")] && u[1].nodes.isEmpty)
        #expect(u[1].capacityFactor == .uniform(low: 0.7, high: 0.75))
        #expect(u[2].nodes == [Node.ID("BRE")] && u[2].capacityFactor == .triangular(low: 0.4, mode: 0.5, high: 1))
        // A country picks its nodes and, for a capacity factor, the links with an end there.
        #expect(u[3].nodes == [Node.ID("DOS"), Node.ID("AKT")])
        #expect(u[3].links.contains(Link.ID("DOS-MOW")) && u[3].links.contains(Link.ID("AKT-BAK")))
        #expect(u[3].capacityFactor == .discrete(values: [0.5, 1], probabilities: [0.25, 0.75]))
        // node + mode: the rail links at DOS.
        #expect(
            Set(u[4].links) == [Link.ID("XIA-DOS"), Link.ID("XIA-DOS:rev"), Link.ID("DOS-MOW"), Link.ID("DOS-AKT")])
        #expect(u[4].capacityFactor == .fixed(0.9))
        #expect(u[0].source.hasSuffix("inline.yaml:5"))
    }

    @Test("A file extending one with uncertainty inherits it")
    func inherited() throws {
        let base = try load("  - { link: AKT-BAK, closed_probability: 0.5 }")
        #expect(base.uncertainty.count == 1)
        #expect(try Fixtures.scenario(Fixtures.extendingNetwork("changes: []")).uncertainty.isEmpty)
    }

    @Test(
        "Mistakes are errors at their position",
        arguments: [
            (
                "  - { link: AKT-BAK, closed_probabilty: 0.5 }",
                "5:22: error: uncertainty[0].closed_probabilty: unknown key (did you mean 'closed_probability'?)"
            ),
            (
                "  - { link: AKT-BAZ, closed_probability: 0.5 }",
                "5:13: error: uncertainty[0].link: unknown link 'AKT-BAZ' (did you mean 'AKT-BAK'?)"
            ),
            (
                "  - { link: AKT-BAK, closed_probability: 1.5 }",
                "5:42: error: uncertainty[0].closed_probability: expected a probability between 0 and 1, found '1.5'"
            ),
            (
                "  - { closed_probability: 0.5 }",
                "5:5: error: uncertainty[0]: expected a selector: one or more of link, node, country, corridor, mode"
            ),
            (
                "  - { link: AKT-BAK }",
                "5:5: error: uncertainty[0]: expected 'closed_probability', 'capacity_factor' or both (e.g. { link: KUR-ALT, closed_probability: 0.3 })"
            ),
            (
                "  - { link: AKT-BAK, capacity_factor: { uniform: [0.8, 0.7] } }",
                "5:50: error: uncertainty[0].capacity_factor.uniform: expected low ≤ high, found [0.8, 0.7]"
            ),
            (
                "  - { link: AKT-BAK, capacity_factor: { uniform: [0.8] } }",
                "5:50: error: uncertainty[0].capacity_factor.uniform: expected [low, high] (2 numbers), found 1"
            ),
            (
                "  - { link: AKT-BAK, capacity_factor: { uniform: [0.8, lots] } }",
                "5:56: error: uncertainty[0].capacity_factor.uniform[1]: expected a number ≥ 0, found 'lots'"
            ),
            (
                "  - { link: AKT-BAK, capacity_factor: { values: [0.5, 1], probabilities: [0.5, 0.6] } }",
                "5:74: error: uncertainty[0].capacity_factor.probabilities: expected probabilities summing to 1, found a sum of 1.1"
            ),
            (
                "  - { link: AKT-BAK, capacity_factor: { normal: [1, 0.1] } }",
                "5:41: error: uncertainty[0].capacity_factor.normal: unknown key"
            ),
            (
                "  - { link: AKT-BAK, capacity_factor: [0.7, 0.75] }",
                "5:39: error: uncertainty[0].capacity_factor: expected a number or a distribution such as { uniform: [0.7, 0.75] }, found a list"
            ),
            (
                "  - { link: AKT-BAK, mode: boat, capacity_factor: 0.5 }",
                "5:28: error: uncertainty[0].mode: expected one of rail, ferry, road, sea, found 'boat'"
            ),
        ]
    )
    func mistakes(entry: String, expected: String) {
        let text = diagnostics(entry)
        #expect(text.split(separator: "\n").contains { $0 == "inline.yaml:" + expected }, "\(text)")
    }

    @Test("An entry that picks nothing is a warning; `uncertainty` must be a list")
    func warningsAndShape() throws {
        let scenario = try load("  - { corridor: middle, mode: road, closed_probability: 0.1 }")
        #expect(
            scenario.warnings.map(\.message).contains(
                "corridor middle, mode road picks no link or node; the entry has no effect"))
        let text = Fixtures.diagnostics(
            Fixtures.extendingNetwork("uncertainty: { link: AKT-BAK }"), file: Fixtures.path("inline.yaml"))
        #expect(text.contains("uncertainty: expected a list, found a mapping"), "\(text)")
    }
}
