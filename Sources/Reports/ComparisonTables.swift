import FreightNetwork
public import Simulation

/// The tables of a comparison, built once for text, Markdown, CSV and HTML.
public enum ComparisonTables {
    typealias Cell = ReportTable.Cell
    typealias Column = ReportTable.Column
    typealias F = NumberFormatting

    /// metrics, route_shifts, flow_changes, binding, explanation — in that order (CSV export).
    public static func all(_ c: ScenarioComparison) -> [ReportTable] {
        [metrics(c), routeShifts(c, changedOnly: false), flowChanges(c), binding(c), explanation(c)]
    }

    /// A row per headline figure, a column per scenario and one for each change against the base.
    public static func metrics(_ c: ScenarioComparison) -> ReportTable {
        var columns = [Column("metric", csv: "metric"), Column("unit", csv: "unit"), Column(c.base.label, csv: c.base.label, numeric: true)]
        for e in c.entries.dropFirst() {
            columns.append(Column(e.label, csv: e.label, numeric: true))
            columns.append(Column("Δ", csv: "\(e.label)_change", numeric: true))
        }
        var t = ReportTable(name: "metrics", title: "Scenarios side by side (Δ = change against \(c.base.label))", columns: columns)
        for m in c.metrics {
            var row: [Cell] = [.text(m.label), .text(m.unit), value(m.values[0], m.unit)]
            let changes = m.changes
            for i in c.entries.indices.dropFirst() {
                row.append(value(m.values[i], m.unit))
                row.append(change(changes[i], m.unit))
            }
            t.add(row)
        }
        return t
    }

    static func value(_ v: Double?, _ unit: String) -> Cell {
        if let v, v.isInfinite { return .text("unlimited") }
        switch unit {
        case "factor": return .fixed(v, 3)
        case "days", "trains/day": return .fixed(v, 1)
        case "Mt/yr": return .fixed(v, 2)
        case "share": return .percent(v)
        case "USD/yr": return .number(v, display: v.map { "USD " + F.money($0) } ?? "—")
        default: return .grouped(v)
        }
    }

    static func change(_ v: Double?, _ unit: String) -> Cell {
        guard let v else { return .number(nil, display: "—") }
        switch unit {
        case "days", "trains/day": return .number(v, display: F.signedFixed(v, 1))
        case "Mt/yr": return .number(v, display: F.signedFixed(v, 2))
        case "factor": return .number(v, display: F.signedFixed(v, 3))
        case "share": return .number(v, display: F.signedFixed(v * 100, 1) + " pp")
        case "USD/yr": return .number(v, display: F.signedMoney(v))
        default: return .number(v, display: F.signedGrouped(v))
        }
    }

    /// Per demand and scenario: delivered, cost, days, corridor mix and main route.
    ///
    /// - Parameters:
    ///   - c: The comparison.
    ///   - changedOnly: List only demands whose routes differ somewhere, and only the scenarios where
    ///     they differ from the base (text and HTML); CSV lists all, with a `changed` column.
    public static func routeShifts(_ c: ScenarioComparison, changedOnly: Bool) -> ReportTable {
        var t = ReportTable(name: "route_shifts", title: "Route shifts by demand", columns: [
            Column("demand", csv: "demand"), Column("scenario", csv: "scenario"),
            Column("delivered", csv: "delivered_teu", numeric: true), Column("unmet", csv: "unmet_teu", numeric: true),
            Column("USD/TEU", csv: "avg_cost_usd_per_teu", numeric: true), Column("days", csv: "avg_time_days", numeric: true),
            Column("corridors", csv: "corridors"), Column("main route", csv: "main_route"), Column("changed", csv: "changed"),
        ])
        if changedOnly { t.columns.removeLast() }
        for shift in c.demandShifts where shift.changed || !changedOnly {
            for (i, outcome) in shift.outcomes.enumerated() {
                if changedOnly && i > 0 && ScenarioComparison.sameRouting(shift.outcomes[0], outcome) { continue }
                let demand: Cell = .text(i == 0 || !changedOnly ? shift.id.rawValue : "")
                var row: [Cell] = [demand, .text(c.entries[i].label)]
                if let o = outcome {
                    let total = max(o.deliveredTEU, 1e-9)
                    let mix = ScenarioComparison.corridorMix(o).map { "\($0.corridor) \(F.percent($0.teu / total))" }
                    row += [.grouped(o.deliveredTEU), .grouped(o.unmetTEU), .grouped(o.avgCostUSDPerTEU), .fixed(o.avgTimeDays, 1),
                        .text(mix.isEmpty ? "—" : mix.joined(separator: ", ")), .text(RunTables.mainRoute(o))]
                } else {
                    row += [.grouped(nil), .grouped(nil), .grouped(nil), .fixed(nil, 1), .text("—"), .text("not in this scenario")]
                }
                if !changedOnly { row.append(.text(shift.changed ? "true" : "false")) }
                t.add(row)
            }
        }
        return t
    }

    /// The nodes and links whose flow changed most in each scenario against the base.
    public static func flowChanges(_ c: ScenarioComparison, limit: Int = 8) -> ReportTable {
        var t = ReportTable(name: "flow_changes", title: "Largest flow changes against \(c.base.label) (TEU/yr)", columns: [
            Column("scenario", csv: "scenario"), Column("element", csv: "element"), Column("id", csv: "id"),
            Column("name", csv: "name"), Column("corridor", csv: "corridor"),
            Column(c.base.label, csv: "base_teu", numeric: true), Column("flow", csv: "teu", numeric: true),
            Column("change", csv: "change_teu", numeric: true), Column("note", csv: "note"),
        ])
        for i in c.entries.indices.dropFirst() {
            let changes = c.flowChanges(i, limit: limit)
            for f in changes.nodes + changes.links {
                t.add([.text(c.entries[i].label), .text(f.element.rawValue), .text(f.id), .text(f.name), .text(f.corridor),
                    .grouped(f.baseTEU), .grouped(f.teu), .signedGrouped(f.changeTEU), .text(f.closed ? "closed" : "")])
            }
        }
        return t
    }

    /// Every capacity that binds somewhere, with its shadow price in each scenario ("—": not binding).
    public static func binding(_ c: ScenarioComparison) -> ReportTable {
        var columns = [Column("element", csv: "element"), Column("id", csv: "id"), Column("name", csv: "name")]
        for e in c.entries { columns.append(Column(e.label, csv: "\(e.label)_shadow_price_usd_per_teu", numeric: true)) }
        var t = ReportTable(name: "binding",
            title: "Binding capacities: shadow price, USD/yr saved per extra TEU/yr (— = not binding)", columns: columns)
        for row in c.binding {
            t.add([.text(row.element.rawValue), .text(row.id), .text(row.name)] + row.shadowPrices.map { .grouped($0) })
        }
        return t
    }

    /// The explanation as a table: scenario, sentence (for CSV).
    public static func explanation(_ c: ScenarioComparison) -> ReportTable {
        var t = ReportTable(name: "explanation", title: "What changed and why",
            columns: [Column("scenario", csv: "scenario"), Column("sentence", csv: "sentence")])
        for i in c.entries.indices.dropFirst() {
            for s in ExplanationText.sentences(c, i) { t.add([.text(c.entries[i].label), .text(s)]) }
        }
        return t
    }
}
