import FreightNetwork
public import Simulation

/// Background traffic (flows that are not China–Europe freight), reported apart from the demands in
/// every format: its flows and the capacity it takes at each limited element.
public enum BackgroundReport {
    typealias F = NumberFormatting
    typealias Column = ReportTable.Column

    /// What the section says background traffic is, and how it enters the answer.
    static let note =
        "not China–Europe freight: routed like the demands and in every link and node flow, but in no total, share or average above"

    /// Each background flow: TEU, carried, lost, days and its main route.
    public static func flows(_ r: FlowResult) -> ReportTable {
        var t = ReportTable(
            name: "background", title: "Background traffic",
            columns: [
                Column("id", csv: "id"), Column("from", csv: "from"), Column("to", csv: "to"),
                Column("TEU/yr", csv: "teu", numeric: true), Column("carried", csv: "carried_teu", numeric: true),
                Column("lost", csv: "lost_teu", numeric: true), Column("days", csv: "avg_time_days", numeric: true),
                Column("main route", csv: "main_route"),
            ])
        for d in r.background {
            t.add([
                .text(d.id.rawValue), .text(d.from.rawValue), .text(d.to.rawValue), .grouped(d.teu), .grouped(d.deliveredTEU),
                .grouped(d.unmetTEU), .fixed(d.avgTimeDays, 1), .text(RunTables.mainRoute(d)),
            ])
        }
        return t
    }

    /// The capacity-limited elements background traffic uses: its TEU, all TEU and the capacity.
    public static func loads(_ r: FlowResult) -> ReportTable {
        var t = ReportTable(name: "background_load", title: "Capacity taken by background traffic", columns: loadColumns)
        for load in r.backgroundLoads {
            t.add([
                .text(load.element.rawValue), .text(load.id), .text(load.name), .grouped(load.backgroundTEU),
                .grouped(load.flowTEU), .grouped(load.capacityTEU),
                .percent(load.capacityTEU > 0 ? load.backgroundTEU / load.capacityTEU : nil),
            ])
        }
        return t
    }

    /// The columns of ``loads(_:)``: the element, background TEU/yr, all TEU/yr, capacity and the share.
    static let loadColumns = [
        Column("element", csv: "element"), Column("id", csv: "id"), Column("name", csv: "name"),
        Column("background TEU/yr", csv: "background_teu", numeric: true),
        Column("all TEU/yr", csv: "flow_teu", numeric: true), Column("capacity", csv: "capacity_teu", numeric: true),
        Column("background share", csv: "background_share_of_capacity", numeric: true),
    ]

    /// The two tables, or none when the scenario has no background traffic.
    public static func tables(_ r: FlowResult) -> [ReportTable] {
        r.background.isEmpty ? [] : [flows(r), loads(r)]
    }

    /// The text section of `corridor run`, empty without background traffic.
    static func text(_ r: FlowResult) -> String {
        guard !r.background.isEmpty else { return "" }
        let totals = r.backgroundTotals
        var out = "\nBackground traffic (\(note))\n"
        out += "  \(F.grouped(totals.teu)) TEU/yr, carried \(F.grouped(totals.carriedTEU)), lost \(F.grouped(totals.lostTEU))"
        out += totals.lostTEU >= 0.5 ? "  (lost background TEU: a capacity is below what the element carries)\n" : "\n"
        out += flows(r).text()
        let loads = loads(r)
        if !loads.rows.isEmpty { out += "\n" + loads.title + "\n" + loads.text() }
        return out
    }

    /// The HTML section of `corridor run`, empty without background traffic.
    static func html(_ r: FlowResult) -> String {
        guard !r.background.isEmpty else { return "" }
        let loads = loads(r)
        return HTML.section(
            "Background traffic",
            "<p>\(HTML.escape(note.prefix(1).uppercased() + note.dropFirst())).</p>\n" + flows(r).html()
                + (loads.rows.isEmpty ? "" : "<h3>\(HTML.escape(loads.title))</h3>\n" + loads.html()),
            id: "background")
    }

    /// The JSON `background` object: totals, flows (as demands) and loads; nil without background traffic.
    static func json(_ r: FlowResult) -> JSONValue? {
        guard !r.background.isEmpty else { return nil }
        let totals = r.backgroundTotals
        return .object([
            ("teu", .number(totals.teu)),
            ("carried_teu", .number(totals.carriedTEU)),
            ("lost_teu", .number(totals.lostTEU)),
            ("flows", .array(r.background.map(JSONReport.demand))),
            (
                "loads",
                .array(
                    r.backgroundLoads.map { load in
                        let teu = [
                            ("background_teu", load.backgroundTEU), ("flow_teu", load.flowTEU),
                            ("capacity_teu", load.capacityTEU),
                        ]
                        let names = [("element", load.element.rawValue), ("id", load.id), ("name", load.name)]
                        return .object(names.map { ($0.0, .string($0.1)) } + teu.map { ($0.0, .number($0.1)) })
                    })
            ),
        ])
    }
}
