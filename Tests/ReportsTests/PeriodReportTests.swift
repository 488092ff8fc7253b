import CorridorTestSupport
import FlowFormulation
import Foundation
import FreightNetwork
import Reports
import Simulation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("GLPK period reports")
struct PeriodReportTests {
    /// The report fixture in four quarters, the Alat ferry closed in the fourth, with storage at Khorgos.
    static func seasonal(closeFerryInQ4: Bool = true) throws -> FlowResult {
        let base = try ReportFixtures.network()
        var nodes = base.nodes
        nodes[1].storageCapacityTEU = 30
        nodes[1].holdingCostUSDPerTEUDay = 1
        let network = try Network(nodes: nodes, links: base.links, demands: base.demands)
        var schedule = PeriodSchedule(
            periods: ["q1", "q2", "q3", "q4"].map { .init(name: $0, days: 91.25) }, for: network)
        if closeFerryInQ4, let ferry = network.index(of: Link.ID("ALT-DUI")) {
            schedule.linkCapacityFactor[ferry][3] = 0
        }
        return try ReportFixtures.simulator.run(network, periods: schedule, scenario: "Fixture seasons")
    }

    @Test("The run table gains a Periods section whose year row is the sum of the periods")
    func table() throws {
        let r = try Self.seasonal()
        let text = TableReport.render(r, context: ReportContext(file: "seasons.yaml"))
        let section = try #require(text.components(separatedBy: "\nPeriods (").last)
        for name in ["q1", "q2", "q3", "q4", "year"] { #expect(section.contains("\n  \(name) ")) }
        let periods = try #require(r.periods)
        #expect(isClose(periods.reduce(0) { $0 + $1.deliveredTEU }, r.deliveredTEU, tolerance: 1e-9))
        // The ferry is shut in q4: nothing enters it then, and the middle corridor ships almost nothing
        // (only freight leaving Xi'an in the last days of q4 reaches Alat in q1 of the next, cyclic, year).
        let ferry = try #require(periods[3].links.first { $0.id == Link.ID("ALT-DUI") })
        #expect(ferry.flowTEU == 0 && ferry.capacityTEU == 0)
        #expect(periods[3].corridorTEU("middle") < 0.2 * periods[0].corridorTEU("middle"))
    }

    @Test("JSON keeps every annual key in order and appends waiting_cost_usd and a periods list")
    func json() throws {
        let seasonal = JSONReport.value(try Self.seasonal(), context: ReportContext(file: "s.yaml"))
        let annual = JSONReport.value(try ReportFixtures.base(), context: ReportContext(file: "a.yaml"))
        guard case .object(let withPeriods) = seasonal, case .object(let without) = annual else {
            Issue.record("not objects")
            return
        }
        #expect(Array(withPeriods.map(\.0).prefix(without.count)) == without.map(\.0))
        #expect(withPeriods.map(\.0).suffix(2) == ["waiting_cost_usd", "periods"])
        let parsed = try JSONSerialization.jsonObject(with: Data(seasonal.rendered().utf8)) as? [String: Any]
        let periods = try #require(parsed?["periods"] as? [[String: Any]])
        #expect(periods.map { $0["name"] as? String } == ["q1", "q2", "q3", "q4"])
        #expect((periods[0]["links"] as? [Any])?.count == 10)
    }

    @Test("The HTML report draws seasonal lines per corridor, stock and deliveries, as well-formed SVG")
    func html() throws {
        let page = HTMLReport.render(try Self.seasonal(), context: ReportContext(file: "s.yaml"))
        let section = try #require(page.components(separatedBy: "<section id=\"seasons\"").last)
        #expect(section.contains("data-series=\"middle\""))
        #expect(section.contains("data-series=\"late at destinations\""))
        #expect(section.contains("data-series=\"delivered\""))
        var svgs = 0
        for chunk in section.components(separatedBy: "<svg ").dropFirst() {
            let svg = "<svg " + (chunk.components(separatedBy: "</svg>").first ?? "") + "</svg>"
            #expect(XMLParser(data: Data(svg.utf8)).parse(), "an SVG chart is not well-formed XML")
            svgs += 1
        }
        #expect(svgs == 3)
        #expect(
            !HTMLReport.render(try ReportFixtures.base(), context: ReportContext(file: "a.yaml")).contains(
                "id=\"seasons\""))
    }

    @Test("compare shows per-period differences only when both files have the same periods")
    func comparison() throws {
        let open = try Self.seasonal(closeFerryInQ4: false)
        let closed = try Self.seasonal()
        let entries = [("open", open), ("closed", closed)].map {
            ScenarioComparison.Entry(
                label: $0.0, name: $0.1.scenario, file: "\($0.0).yaml", changes: [], result: $0.1
            )
        }
        let text = ComparisonReport.text(ScenarioComparison(entries: entries))
        let section = try #require(text.components(separatedBy: "\nPer period: closed against open").last)
        #expect(section.contains("\n  q4 "))
        let page = HTMLReport.render(ScenarioComparison(entries: entries))
        let seasons = try #require(page.components(separatedBy: "<section id=\"seasons\"").last)
        #expect(seasons.contains("data-series=\"closed\"") && seasons.contains("data-series=\"open\""))
        let mixed = ScenarioComparison(entries: [
            entries[0],
            .init(
                label: "annual", name: "a", file: "a.yaml", changes: [], result: try ReportFixtures.base()),
        ])
        #expect(!ComparisonReport.text(mixed).contains("Per period"))
        #expect(!HTMLReport.render(mixed).contains("id=\"seasons\""))
    }
}
