import FreightNetwork
public import Simulation

/// One self-contained HTML page per report: inline CSS and SVG, no scripts, no network.
public enum HTMLReport {
    typealias F = NumberFormatting

    /// `corridor run --html`: headline figures, the map, corridor charts and the tables.
    public static func render(_ r: FlowResult, context: ReportContext) -> String {
        var body = "<h1>\(HTML.escape(r.scenario))</h1>\n"
        body += "<p class=\"sub\">\(HTML.escape(context.file)) · objective \(HTML.escape(r.objective.rawValue)) · status "
            + "\(HTML.escape(r.status.rawValue)) · \(HTML.escape(r.solverName))</p>\n"
        if !context.changes.isEmpty { body += HTML.list(context.changes.map { "change: \($0)" }) }
        guard r.status.hasSolution else {
            return HTML.page(title: r.scenario, body: body + "<p>No optimal solution: \(HTML.escape(r.status.rawValue)).</p>\n")
        }
        body += cards([
            ("Delivered", "\(F.grouped(r.deliveredTEU)) TEU/yr"), ("Unmet", "\(F.grouped(r.unmetTEU)) TEU/yr"),
            ("Avg cost", r.avgCostUSDPerTEU.map { "USD \(F.grouped($0))/TEU" } ?? "—"),
            ("Avg transit", r.avgTimeDays.map { "\(F.fixed($0, 1)) days" } ?? "—"),
            ("Total cost", "USD \(F.money(r.totalCostUSD))/yr"),
        ])
        body += HTML.section("Map", "<figure>\(SVGMap.render(r, title: r.scenario))<figcaption>Link width by flow, colour by "
            + "utilization of capacity; hover a link or node for its figures.</figcaption></figure>\n", id: "map")
        let summaries = r.corridorSummaries
        let names = summaries.map(\.corridor)
        var charts = figure(SVGCharts.stackedShares([(r.scenario.count > 18 ? "this scenario" : r.scenario,
            summaries.map { ($0.corridor, $0.share) })], corridors: names), "Corridor shares of delivered TEU")
        charts += figure(SVGCharts.bars(summaries.map { ($0.corridor, $0.avgCostUSDPerTEU, SVGCharts.colour($0.corridor, among: names)) },
            caption: "Average cost per TEU by corridor") { "USD " + F.grouped($0) }, "Average cost by corridor, USD per TEU")
        charts += figure(SVGCharts.bars(summaries.map { ($0.corridor, $0.avgTimeDays, SVGCharts.colour($0.corridor, among: names)) },
            caption: "Average days by corridor") { F.fixed($0, 1) + " d" }, "Average transit by corridor, days")
        body += HTML.section("Corridors", "<div class=\"charts\">\n\(charts)</div>\n" + RunTables.corridors(r).html(), id: "corridors")
        body += PeriodReport.html(r)
        if let study = context.capacity {
            body += HTML.section("Capacity", CapacityReport.summary(study).html() + HTML.list(CapacityReport.notes(study))
                + "<figure>\(SVGMap.cutMap(r, study: study))<figcaption>Each corridor's minimum cut: its links drawn thick and its "
                + "nodes ringed, in the corridor's colour; the rest of the network grey.</figcaption></figure>\n"
                + CapacityReport.cuts(study).html(), id: "capacity")
        }
        body += HTML.section("Binding capacities", RunTables.binding(r).rows.isEmpty
            ? "<p>No capacity limits the answer.</p>\n" : RunTables.binding(r).html(), id: "binding")
        body += HTML.section("Demands and their main routes", RunTables.demands(r).html(), id: "demands")
        body += HTML.section("Routes per demand", RunTables.routes(r).html(), id: "routes")
        body += BackgroundReport.html(r)
        return HTML.page(title: "corridor: \(r.scenario)", body: body)
    }

    static func cards(_ items: [(String, String)]) -> String {
        "<div class=\"cards\">\n" + items.map { "<div class=\"card\"><span>\(HTML.escape($0.0))</span><b>\(HTML.escape($0.1))</b></div>\n" }.joined()
            + "</div>\n"
    }

    static func figure(_ svg: String, _ caption: String) -> String {
        "<figure>\n\(svg)<figcaption>\(HTML.escape(caption))</figcaption></figure>\n"
    }

    /// `corridor compare --html`: explanation, side-by-side table, charts, a map per scenario, details.
    public static func render(_ c: ScenarioComparison) -> String {
        var body = "<h1>Scenario comparison against \(HTML.escape(c.base.label))</h1>\n"
        body += "<p class=\"sub\">Min-cost flows; max throughput from a second solve per scenario.</p>\n<ul>\n"
        for e in c.entries {
            body += "<li><b>\(HTML.escape(e.label))</b>: \(HTML.escape(e.name)) <span class=\"sub\">(\(HTML.escape(e.file)))</span>"
                + (e.changes.isEmpty ? "" : " — " + HTML.escape(e.changes.joined(separator: "; "))) + "</li>\n"
        }
        body += "</ul>\n"
        var why = ""
        for i in c.entries.indices.dropFirst() {
            why += "<h3>\(HTML.escape(c.entries[i].label)) against \(HTML.escape(c.base.label))</h3>\n"
            why += HTML.list(ExplanationText.sentences(c, i))
        }
        body += HTML.section("What changed and why", why, id: "why")
        body += HTML.section("Scenarios side by side", ComparisonTables.metrics(c).html(), id: "table")
        body += HTML.section("Charts", "<div class=\"charts\">\n\(charts(c))</div>\n", id: "charts")
        body += PeriodReport.comparisonHTML(c)
        let solved = c.entries.filter { $0.result.status.hasSolution }
        var maps = ""
        let maxFlow = solved.flatMap { $0.result.links.map(\.flowTEU) }.max() ?? 0
        for (i, e) in solved.enumerated() {
            let panel = SVGMap.panel(e.result, title: "\(e.label): \(e.name)", top: 0, maxFlow: maxFlow, index: i)
            maps += figure("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVGNumber.f(SVGMap.width)) \(SVGNumber.f(panel.height))\" "
                + "width=\"\(SVGNumber.f(SVGMap.width))\" height=\"\(SVGNumber.f(panel.height))\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n"
                + panel.svg + "</svg>\n", "\(e.label): link width by flow (same scale on every map), colour by utilization")
        }
        body += HTML.section("Maps", maps, id: "maps")
        if c.base.result.status.hasSolution {
            var changes = ""
            for e in c.entries.dropFirst() where e.result.status.hasSolution {
                changes += figure(SVGMap.changeMap(base: c.base.result, other: e.result, title: "\(e.label) against \(c.base.label)"),
                    "\(e.label): where freight was added (blue) and lost (red) against \(c.base.label)")
            }
            body += HTML.section("Where the freight moved", changes, id: "change-maps")
        }
        body += HTML.section("Binding capacities", ComparisonTables.binding(c).html(), id: "binding")
        let shifts = ComparisonTables.routeShifts(c, changedOnly: true)
        body += HTML.section("Route shifts by demand", shifts.rows.isEmpty ? "<p>Every demand keeps its routes.</p>\n" : shifts.html(), id: "shifts")
        body += HTML.section(ComparisonTables.flowChanges(c).title, ComparisonTables.flowChanges(c).html(), id: "flows")
        return HTML.page(title: "corridor: comparison against \(c.base.label)", body: body)
    }

    static func charts(_ c: ScenarioComparison) -> String {
        let corridors = c.corridors
        let rows = c.entries.map { e in
            (e.label, corridors.map { name in (name, e.result.corridors.first { $0.corridor == name }?.share ?? 0) })
        }
        var out = figure(SVGCharts.stackedShares(rows, corridors: corridors), "Corridor shares of delivered TEU")
        let palette = ["#34495e", "#c0392b", "#2d7dd2", "#27ae60", "#8e44ad", "#e67e22"]
        func items(_ value: (ScenarioComparison.Entry) -> Double?) -> [(label: String, value: Double?, colour: String)] {
            c.entries.enumerated().map { i, e in (e.label, e.result.status.hasSolution ? value(e) : nil, palette[i % palette.count]) }
        }
        out += figure(SVGCharts.bars(items { $0.result.avgCostUSDPerTEU }, caption: "Average cost per TEU") { "USD " + F.grouped($0) },
            "Average cost, USD per TEU")
        out += figure(SVGCharts.bars(items { $0.result.avgTimeDays }, caption: "Average transit days") { F.fixed($0, 1) + " d" },
            "Average transit, days")
        out += figure(SVGCharts.bars(items { $0.result.deliveredTEU }, caption: "Delivered TEU/yr") { F.grouped($0) },
            "Delivered, TEU/yr")
        for corridor in c.capacityCorridors {
            let values = items { $0.capacity?.entries.first { $0.capacity.selection.name == corridor }?.capacityTEU }
            guard values.contains(where: { $0.value != nil }) else { continue }
            out += figure(SVGCharts.bars(values, caption: "\(corridor) capacity TEU/yr") { F.grouped($0) },
                "\(corridor) capacity (maximum flow; missing bars: unlimited or not computed), TEU/yr")
        }
        return out
    }
}
