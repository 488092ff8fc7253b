import CorridorTestSupport
import FlowFormulation
import FreightNetwork
import GLPK
import LinearProgramming
import Reports
import Simulation
import Testing

/// Byte-stable reports of the hand-checked fixture, against files in `Golden/` (UPDATE_GOLDEN=1 rewrites them).
@Suite("Reports: golden files")
struct GoldenTests {
    @Test("Run exports of the fixture: GeoJSON, SVG map, links CSV")
    func run() throws {
        let r = try ReportFixtures.base()

        try expectGolden(GeoJSONReport.render(r, scenario: "fixture"), named: "fixture-run.geojson")
        try expectGolden(SVGMap.render(r, title: "Fixture base"), named: "fixture-run.svg")
        try expectGolden(RunTables.links(r).csv() + RunTables.routes(r).csv(), named: "fixture-links-routes.csv")
    }

    @Test("Comparison of the fixture with Małaszewicze closed: text and Markdown")
    func comparison() throws {
        let c = try ReportFixtures.comparison()

        try expectGolden(ComparisonReport.text(c), named: "fixture-compare.txt")
        try expectGolden(ComparisonReport.markdown(c), named: "fixture-compare.md")
    }

    @Test("Frontier of the fixture's R demand")
    func frontier() throws {
        let network = try ReportFixtures.network()
        let f = try CostTimeFrontier.sweep(network, demands: [0], votRange: 0...1_000, simulator: ReportFixtures.simulator)

        try expectGolden(FrontierReport.text(f, .init(scenario: "Fixture base", file: "fixture.yaml", subject: "XIA → DUI")),
            named: "fixture-frontier.txt")
    }
}
