import CorridorTestSupport
import FlowFormulation
import Foundation
import FreightNetwork
import LinearProgramming
import Reports
import Simulation
import Testing

@Suite("Reports: GeoJSON, SVG, CSV and HTML exports")
struct ExportTests {
    @Test("Run GeoJSON is an RFC 7946 FeatureCollection: a Point per node, a LineString per link, [lon, lat] order")
    func geoJSON() throws {
        let r = try ReportFixtures.base()

        let features = try validateGeoJSON(GeoJSONReport.render(r, scenario: "fixture"))

        let props = features.compactMap { $0["properties"] as? [String: Any] }
        #expect(props.filter { $0["feature"] as? String == "node" }.count == r.nodes.count)
        #expect(props.filter { $0["feature"] as? String == "link" }.count == r.links.count)
        for (feature, p) in zip(features, props) {
            let coordinates = (feature["geometry"] as? [String: Any])?["coordinates"]
            if p["feature"] as? String == "node", let node = r.nodes.first(where: { $0.id.rawValue == p["id"] as? String }) {
                // Xi'an is at lon 108.94, lat 34.34: lat first would be out of range for Shanghai-style longitudes.
                #expect((coordinates as? [Double]) == [node.longitude, node.latitude])
            }
            for key in ["flow_teu", "capacity_teu", "utilization", "shadow_price_usd_per_teu", "corridor", "closed"] {
                #expect(p.keys.contains(key), "missing property \(key)")
            }
        }
        let mlw = try #require(props.first { $0["id"] as? String == "MLW" })
        #expect(isClose((mlw["flow_teu"] as? NSNumber)?.doubleValue ?? 0, 40))
        #expect(isClose((mlw["utilization"] as? NSNumber)?.doubleValue ?? 0, 1))
        #expect(isClose((mlw["shadow_price_usd_per_teu"] as? NSNumber)?.doubleValue ?? 0, 5_075, tolerance: 1e-6))
        let unlimited = try #require(props.first { $0["id"] as? String == "XIA-SHA" })
        #expect(unlimited["capacity_teu"] is NSNull)
    }

    @Test("Comparison GeoJSON tags every feature with its scenario and the change against the base")
    func comparisonGeoJSON() throws {
        let c = try ReportFixtures.comparison()

        let features = try validateGeoJSON(GeoJSONReport.render(c))

        let perScenario = c.base.result.nodes.count + c.base.result.links.count
        #expect(features.count == 2 * perScenario)
        let closed = features.compactMap { $0["properties"] as? [String: Any] }
            .first { $0["scenario"] as? String == "mlw-closed" && $0["id"] as? String == "MLW-DUI" }
        let p = try #require(closed)
        #expect(isClose((p["flow_change_teu"] as? NSNumber)?.doubleValue ?? 0, -40))
    }

    @Test("The SVG map parses as XML with one path per directed link and a circle per node")
    func svg() throws {
        let r = try ReportFixtures.base()

        let svg = SVGMap.render(r, title: "fixture & <map>")
        let parsed = SVGLinkCollector.collect(svg)

        #expect(parsed.error == nil, "\(String(describing: parsed.error))")
        #expect(parsed.panels.count == 1)
        #expect(parsed.panels.first?.sorted() == r.links.map(\.id.rawValue).sorted())
        #expect(parsed.circles == r.nodes.count)
        #expect(svg.contains("Utilization of capacity") && svg.contains("Flow (TEU/yr)"), "legend")
        #expect(svg.contains(">XIA<") && svg.contains(">DUI<"), "hubs labelled")
    }

    @Test("The comparison SVG has a panel per scenario, each with one path per link")
    func comparisonSVG() throws {
        let c = try ReportFixtures.comparison()

        let parsed = SVGLinkCollector.collect(SVGMap.document(panels: c.entries.map { ($0.label, $0.result) }))

        #expect(parsed.error == nil)
        #expect(parsed.panels.count == 2)
        for (panel, entry) in zip(parsed.panels, c.entries) { #expect(panel.sorted() == entry.result.links.map(\.id.rawValue).sorted()) }
    }

    @Test("The change map has one path per link; lost links red, gained links blue")
    func changeMap() throws {
        let c = try ReportFixtures.comparison()

        let svg = SVGMap.changeMap(base: c.base.result, other: c.entries[1].result, title: "mlw-closed against base")
        let parsed = SVGLinkCollector.collect(svg)

        #expect(parsed.error == nil)
        #expect(parsed.panels.first?.sorted() == c.entries[1].result.links.map(\.id.rawValue).sorted())
        #expect(svg.contains("data-id=\"KHG-MLW\" d=") && svg.contains("Change of flow (TEU/yr)"))
        let lost = try #require(svg.range(of: "data-id=\"KHG-MLW\""))
        #expect(svg[lost.upperBound...].prefix { $0 != ">" }.contains("#d0453a"), "KHG-MLW lost its 40 TEU/yr: red")
        let gained = try #require(svg.range(of: "data-id=\"SHA-SUE\""))
        #expect(svg[gained.upperBound...].prefix { $0 != ">" }.contains("#1f6fc5"), "SHA-SUE gained 40 TEU/yr: blue")
    }

    @Test("Both directions of a two-way link are drawn side by side, not on top of each other")
    func twoWayOffset() throws {
        let svg = SVGMap.render(try ReportFixtures.base(), title: "t")
        func ends(_ id: String) throws -> [Double] {
            let at = try #require(svg.range(of: "data-id=\"\(id)\" d=\""))
            let d = svg[at.upperBound...].prefix { $0 != "\"" }
            return d.split(whereSeparator: { "ML ".contains($0) }).compactMap { Double($0) }
        }
        let forward = try ends("RTM-DUI")
        let reverse = try ends("RTM-DUI:rev")
        try #require(forward.count == 4 && reverse.count == 4)
        // The reverse runs from the forward's end to its start, shifted sideways by a few pixels.
        let gap = ((forward[0] - reverse[2]) * (forward[0] - reverse[2]) + (forward[1] - reverse[3]) * (forward[1] - reverse[3])).squareRoot()
        #expect(gap > 1 && gap < 10)
    }

    @Test("Run CSV tables: one per table with stable headers; every link, node and route row present")
    func runCSV() throws {
        let r = try ReportFixtures.base()
        let tables = RunTables.all(r, context: ReportContext(file: "fixture.yaml"))

        #expect(tables.map(\.name) == ["summary", "corridors", "demands", "routes", "links", "nodes", "binding"])
        let links = parseCSV(try #require(tables.first { $0.name == "links" }).csv())
        #expect(links.first == ["id", "from", "to", "mode", "corridor", "flow_teu", "capacity_teu", "utilization",
            "shadow_price_usd_per_teu", "congestion_extra_days", "congestion_price_usd_per_teu", "closed"])
        #expect(links.count == r.links.count + 1)
        #expect(links.dropFirst().allSatisfy { $0.count == 12 && Double($0[5]) != nil })
        let routes = parseCSV(try #require(tables.first { $0.name == "routes" }).csv())
        #expect(routes.first == ["demand", "rank", "corridor", "teu", "cost_usd_per_teu", "time_days", "via", "links"])
        #expect(routes.count == 1 + r.demands.reduce(0) { $0 + $1.routes.count })
        let summary = parseCSV(try #require(tables.first { $0.name == "summary" }).csv())
        #expect(summary.contains { $0 == ["delivered", "140", "TEU/yr"] })
    }

    @Test("CSV quotes commas, quotes and newlines (RFC 4180)")
    func csvQuoting() {
        var t = ReportTable(name: "t", title: "t", columns: [.init("a", csv: "a"), .init("b", csv: "b", numeric: true)])
        t.add([.text("x, \"y\"\nz"), .number(1.5, display: "1.5")])

        #expect(t.csv() == "a,b\n\"x, \"\"y\"\"\nz\",1.5\n")
        #expect(parseCSV(t.csv()) == [["a", "b"], ["x, \"y\"\nz", "1.5"]])
    }

    @Test("Comparison CSV tables and columns")
    func comparisonCSV() throws {
        let c = try ReportFixtures.comparison()
        let tables = ComparisonTables.all(c)

        #expect(tables.map(\.name) == ["metrics", "route_shifts", "flow_changes", "binding", "explanation"])
        let metrics = parseCSV(tables[0].csv())
        #expect(metrics.first == ["metric", "unit", "base", "mlw-closed", "mlw-closed_change"])
        let delivered = try #require(metrics.first { $0.first == "Delivered" })
        #expect(delivered == ["Delivered", "TEU/yr", "140", "140", "0"])
        let shifts = parseCSV(tables[1].csv())
        #expect(shifts.count == 1 + 2 * 2)
        let binding = parseCSV(tables[3].csv())
        #expect(binding.first == ["element", "id", "name", "base_shadow_price_usd_per_teu", "mlw-closed_shadow_price_usd_per_teu"])
    }

    @Test("HTML reports are self-contained: no scripts, no external resources; map, tables and charts inline")
    func html() throws {
        let pages = [HTMLReport.render(try ReportFixtures.base(), context: ReportContext(file: "fixture.yaml")),
            HTMLReport.render(try ReportFixtures.comparison())]
        for page in pages {
            #expect(page.hasPrefix("<!DOCTYPE html>"))
            for forbidden in ["<script", "<link", " src=", "url(", "https://", "@import"] {
                #expect(!page.contains(forbidden), "found \(forbidden)")
            }
            #expect(!page.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http://"))
            #expect(page.contains("class=\"panel\""), "map")
            #expect(page.contains("<table>"), "tables")
            #expect(page.contains("class=\"share\""), "corridor share chart")
            #expect(page.contains("class=\"bar\""), "cost and days charts")
        }
        #expect(pages[1].contains("What changed and why") && pages[1].contains("Binding capacities"))
    }

    @Test("Renderers are deterministic: the same input gives byte-identical output")
    func deterministic() throws {
        let a = try ReportFixtures.comparison()
        let b = try ReportFixtures.comparison()

        #expect(ComparisonReport.text(a) == ComparisonReport.text(b))
        #expect(ComparisonReport.json(a) == ComparisonReport.json(b))
        #expect(HTMLReport.render(a) == HTMLReport.render(b))
        #expect(GeoJSONReport.render(a) == GeoJSONReport.render(b))
    }
}
