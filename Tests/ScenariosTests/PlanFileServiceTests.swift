import FreightNetwork
import Scenarios
import Testing

/// Investment effects on time and cost in plan files: `add_delay`, `scale_time`, `set_time_days`,
/// `scale_dwell`, `set_dwell_days`, `scale_cost`.
@Suite("Plan files: time and cost effects")
struct PlanFileServiceTests {
    /// Border DOS (dwell 2 days), hub X, link DOS-X (3 days).
    private static func network() throws -> Network {
        try Network(
            nodes: [
                Node(id: "DOS", name: "D", country: "KZ", kind: .border, latitude: 0, longitude: 0, dwellDays: 2),
                Node(id: "X", name: "X", country: "KZ", kind: .hub, latitude: 0, longitude: 0),
            ],
            links: [
                Link(
                    id: "DOS-X", from: "DOS", to: "X", mode: .rail, corridor: "c", distanceKm: 1, costUSDPerTEU: 1,
                    timeDays: 3)
            ],
            demands: [])
    }

    /// A plan file with one project A and these effects, the first on line 6, column 9.
    private static func text(_ effects: [String]) -> String {
        "budget_usd: 100\ninvestments:\n  - id: A\n    capex_usd: 1\n    effects:\n"
            + effects.map { "      - \($0)\n" }.joined()
    }

    @Test("Each effect reads as the change of that name on a link or a node")
    func reads() throws {
        let plan = try PlanFile.load(
            text: Self.text([
                "scale_time: { link: DOS-X, factor: 0.5 }", "set_time_days: { node: DOS, days: 1 }",
                "scale_dwell: { node: DOS, factor: 0.5 }", "set_dwell_days: { node: DOS, days: 0.5 }",
                "scale_cost: { link: DOS-X, factor: 0.8 }", "add_delay: { link: DOS-X, days: -1 }",
            ]), file: "plan.yaml")
        #expect(
            plan.catalog.investments[0].effects == [
                .service(.link("DOS-X"), .scaleTime(by: 0.5)), .service(.node("DOS"), .setTime(days: 1)),
                .service(.node("DOS"), .scaleTime(by: 0.5)), .service(.node("DOS"), .setTime(days: 0.5)),
                .service(.link("DOS-X"), .scaleCost(by: 0.8)), .service(.link("DOS-X"), .addDelay(days: -1)),
            ])
        #expect(plan.check(against: try Self.network(), scenarioFile: "s.yaml").isEmpty)
    }

    @Test("Bad amounts and selectors are positioned errors, all at once")
    func badFields() {
        let text = Self.text([
            "scale_time: { link: DOS-X, factor: -1 }", "scale_dwell: { link: DOS-X, factor: 0.5 }",
            "set_time_days: { days: 1 }", "scale_cost: { node: DOS }",
        ])
        var found: [String] = []
        do { _ = try PlanFile.load(text: text, file: "plan.yaml") } catch { found = error.errors.map(\.description) }
        #expect(
            found == [
                "plan.yaml:6:44: error: investments[0].effects[0].scale_time.factor: expected a number ≥ 0, found '-1'",
                "plan.yaml:7:24: error: investments[0].effects[1].scale_dwell.link: unknown key",
                "plan.yaml:7:22: error: investments[0].effects[1].scale_dwell.node: required field is missing",
                "plan.yaml:8:24: error: investments[0].effects[2].set_time_days: give exactly one of 'link' or 'node'",
                "plan.yaml:9:21: error: investments[0].effects[3].scale_cost.factor: required field is missing",
            ])
    }

    @Test("Against a scenario: unknown ids and cuts below 0 days are errors, with or without periods")
    func checkedAgainstNetwork() throws {
        let plan = try PlanFile.load(
            text: Self.text([
                "add_delay: { link: DOS-X, days: -4 }", "add_delay: { node: DOS, days: -2.5 }",
                "scale_time: { link: DOS-Y, factor: 0.5 }",
            ]), file: "plan.yaml")
        let found = plan.check(against: try Self.network(), scenarioFile: "s.yaml").map(\.description)
        #expect(
            found == [
                "plan.yaml:6:9: error: investments[0].effects[0]: cuts more days than link 'DOS-X' has (time_days 3): "
                    + "expected a result ≥ 0 days (in s.yaml)",
                "plan.yaml:7:9: error: investments[0].effects[1]: cuts more days than node 'DOS' has (dwell_days 2): "
                    + "expected a result ≥ 0 days (in s.yaml)",
                "plan.yaml:8:9: error: investments[0].effects[2]: unknown link 'DOS-Y' (in s.yaml) (did you mean 'DOS-X'?)",
            ])
        let seasonal = plan.check(against: try Self.network(), scenarioFile: "s.yaml", hasPeriods: true)
        #expect(seasonal.map(\.description) == found, "periods add no error of their own")
    }

    @Test("An upgrade_link on a link whose time or cost another effect changes is an error at the upgrade")
    func upgradeAndService() throws {
        let text = """
            budget_usd: 100
            investments:
              - { id: DIGITAL, capex_usd: 1, effects: [ scale_dwell: { node: X, factor: 0.5 } ] }
              - { id: FAST, capex_usd: 1, effects: [ upgrade_link: { link: DOS-X, time_reduction_days: 1 } ] }
            """
        let plan = try PlanFile.load(text: text, file: "plan.yaml")
        let found = plan.check(against: try Self.network(), scenarioFile: "s.yaml").map(\.description)
        #expect(
            found == [
                "plan.yaml:4:5: error: investments[1]: upgrades link 'DOS-X', whose time or cost (or that of the node it "
                    + "enters) 'DIGITAL' also changes: the plan cannot value both (in s.yaml) "
                    + "(write the upgrade as add_delay / scale_cost effects on the link)"
            ])
    }
}
