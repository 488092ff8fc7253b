import FreightNetwork
public import Simulation

/// `corridor frontier` as text, Markdown, CSV, JSON or HTML (deterministic).
public enum FrontierReport {
    typealias F = NumberFormatting
    typealias Column = ReportTable.Column

    /// What the frontier is of: the demand pair, the scenario and the file, for headings.
    public struct Heading: Sendable, Hashable {
        public var scenario: String
        public var file: String
        /// "FROM → TO" or a demand id.
        public var subject: String
        public init(scenario: String, file: String, subject: String) {
            self.scenario = scenario
            self.file = file
            self.subject = subject
        }
    }

    /// Which points a table lists.
    public enum Rows: Sendable {
        /// The Pareto curve, with the extra USD per TEU for each day saved.
        case pareto
        /// The optima that are not on the curve, with the reason.
        case offCurve
        /// Every point, with a `pareto` flag and the reason (CSV).
        case all
    }

    /// The points as a table.
    public static func table(_ f: CostTimeFrontier, _ rows: Rows) -> ReportTable {
        var columns = [
            Column("VOT from", csv: "vot_from_usd_per_teu_day", numeric: true), Column("VOT to", csv: "vot_to_usd_per_teu_day", numeric: true),
            Column("USD/TEU", csv: "cost_usd_per_teu", numeric: true), Column("days", csv: "time_days", numeric: true),
        ]
        if rows != .offCurve { columns.append(Column("USD per day saved", csv: "usd_per_teu_per_day_saved", numeric: true)) }
        columns += [Column("delivered", csv: "delivered_teu", numeric: true), Column("unmet", csv: "unmet_teu", numeric: true),
            Column("corridors", csv: "corridors"), Column("main route", csv: "main_route")]
        if rows == .all { columns.append(Column("pareto", csv: "pareto")) }
        if rows != .pareto { columns.append(Column("why not on the curve", csv: "note")) }
        var t = ReportTable(name: "frontier", title: "Cost–time frontier", columns: columns)
        var previous: CostTimeFrontier.Point?
        for p in f.points {
            if rows == .pareto && !p.isPareto || rows == .offCurve && p.isPareto { continue }
            var perDay: Double?
            if p.isPareto, let prev = previous, let c0 = prev.costUSDPerTEU, let d0 = prev.timeDays, let c1 = p.costUSDPerTEU,
                let d1 = p.timeDays, d0 - d1 > 1e-9
            {
                perDay = (c1 - c0) / (d0 - d1)
            }
            if p.isPareto { previous = p }
            let mix = p.corridors.map { "\($0.corridor) \(F.percent($0.share))" }.joined(separator: ", ")
            let main = p.routes.first.map { r in
                "\(r.corridor): \(RunTables.via(r))" + (p.routes.count > 1 && p.deliveredTEU > 0 ? " (\(F.percent(r.teu / p.deliveredTEU)))" : "")
            } ?? "not carried"
            var row: [ReportTable.Cell] = [.fixed(p.votFrom, 1), .fixed(p.votTo, 1), .grouped(p.costUSDPerTEU), .fixed(p.timeDays, 1)]
            if rows != .offCurve { row.append(.grouped(perDay)) }
            row += [.grouped(p.deliveredTEU), .grouped(p.unmetTEU), .text(mix.isEmpty ? "—" : mix), .text(main)]
            if rows == .all { row.append(.text(p.isPareto ? "true" : "false")) }
            if rows != .pareto { row.append(.text(reason(p, in: f))) }
            t.add(row)
        }
        return t
    }

    /// Why a point is not on the curve ("" when it is).
    static func reason(_ p: CostTimeFrontier.Point, in f: CostTimeFrontier) -> String {
        if p.isPareto { return "" }
        if p.costUSDPerTEU == nil { return "nothing carried: the unmet penalty is cheaper than every route" }
        if p.unmetTEU > 0.5 { return "\(F.grouped(p.unmetTEU)) TEU/yr not carried: the unmet penalty is cheaper than the routes left" }
        if let q = f.dominating(p), let c = q.costUSDPerTEU, let d = q.timeDays {
            return "dominated by \(F.grouped(c)) USD/TEU, \(F.fixed(d, 1)) d: capacity taken by freight with a higher value of time"
        }
        return "dominated"
    }

    static func intro(_ f: CostTimeFrontier, _ h: Heading) -> String {
        "Cost–time trade-off of \(h.subject) (\(f.demands.map(\.rawValue).joined(separator: ", ")): \(F.grouped(f.demandTEU)) TEU/yr)"
            + " in \(h.scenario) (\(h.file)). Value of time swept over \(F.fixed(f.votRange.lowerBound, 0))–"
            + "\(F.fixed(f.votRange.upperBound, 0)) USD/TEU/day, the whole network solved each time"
            + (f.breakpointsExact
                ? " (\(f.solves) solves, breakpoints exact)."
                : " (\(f.solves) solves: the limit, reached with breakpoints left to find; the ranges not refined end where"
                    + " their neighbours' objective lines cross, which is approximate).")
    }

    static func notes(_ f: CostTimeFrontier) -> [String] {
        var notes = ["VOT from/to: the value-of-time range (USD/TEU/day) over which the row is the system optimum.",
            "USD per day saved: the extra cost per TEU for each day faster than the row above. Where the row's VOT-from is "
                + "higher, the difference is the value of the capacity taken from other freight (its shadow price)."]
        if f.status != .optimal { notes.append("The sweep stopped early: a solve ended with status \(f.status.rawValue).") }
        return notes
    }

    /// Plain text: the heading, the Pareto points and notes.
    public static func text(_ f: CostTimeFrontier, _ h: Heading) -> String {
        var out = ComparisonReport.wrap(intro(f, h), indent: "", hanging: "")
        out += "\nPareto curve (by rising value of time)\n" + table(f, .pareto).text()
        let off = table(f, .offCurve)
        if !off.rows.isEmpty { out += "\nOptima not on the curve\n" + off.text() }
        out += "\n"
        for note in notes(f) { out += ComparisonReport.wrap(note, indent: "  ", hanging: "  ") }
        return out
    }

    public static func markdown(_ f: CostTimeFrontier, _ h: Heading) -> String {
        let off = table(f, .offCurve)
        return "# Cost–time frontier: \(h.subject)\n\n\(intro(f, h))\n\n## Pareto curve\n\n" + table(f, .pareto).markdown()
            + (off.rows.isEmpty ? "" : "\n## Optima not on the curve\n\n" + off.markdown()) + "\n"
            + notes(f).map { "- \($0)\n" }.joined()
    }

    /// Every point, with a `pareto` column.
    public static func csv(_ f: CostTimeFrontier) -> String { table(f, .all).csv() }

    public static func json(_ f: CostTimeFrontier, _ h: Heading) -> String {
        JSONValue.object([
            ("format_version", .number(Double(JSONReport.formatVersion))),
            ("scenario", .string(h.scenario)), ("file", .string(h.file)), ("subject", .string(h.subject)),
            ("demands", .array(f.demands.map { .string($0.rawValue) })), ("demand_teu", .number(f.demandTEU)),
            ("vot_range_usd_per_teu_day", .array([.number(f.votRange.lowerBound), .number(f.votRange.upperBound)])),
            ("solves", .number(Double(f.solves))), ("breakpoints_exact", .bool(f.breakpointsExact)),
            ("status", .string(f.status.rawValue)),
            ("points", .array(f.points.map { p in
                .object([
                    ("vot_from_usd_per_teu_day", .number(p.votFrom)), ("vot_to_usd_per_teu_day", .number(p.votTo)),
                    ("cost_usd_per_teu", .number(p.costUSDPerTEU)), ("time_days", .number(p.timeDays)),
                    ("delivered_teu", .number(p.deliveredTEU)), ("unmet_teu", .number(p.unmetTEU)), ("pareto", .bool(p.isPareto)),
                    ("corridors", .array(p.corridors.map { c in
                        .object([("corridor", .string(c.corridor)), ("teu", .number(c.teu)), ("share", .number(c.share))])
                    })),
                    ("routes", .array(p.routes.map(JSONReport.route))),
                ])
            })),
        ]).rendered()
    }

    /// The Pareto curve plotted (days against USD per TEU), the table and the notes.
    public static func html(_ f: CostTimeFrontier, _ h: Heading) -> String {
        let points = f.points.compactMap { p -> (days: Double, cost: Double, label: String, efficient: Bool)? in
            guard let c = p.costUSDPerTEU, let d = p.timeDays else { return nil }
            let corridors = p.corridors.prefix(2).map(\.corridor).joined(separator: "+")
            return (d, c, "VOT \(F.fixed(p.votFrom, 0))–\(F.fixed(p.votTo, 0)): \(corridors)", p.isPareto)
        }
        var body = "<h1>Cost–time frontier: \(HTML.escape(h.subject))</h1>\n<p class=\"sub\">\(HTML.escape(intro(f, h)))</p>\n"
        body += HTML.section("Pareto curve", HTMLReport.figure(SVGCharts.scatter(points, caption: "Cost per TEU against days"),
            "Filled: Pareto-efficient points joined by the frontier; hollow: dominated. Labels: the VOT range (USD/TEU/day) and corridors."),
            id: "curve")
        body += HTML.section("Pareto curve, table", table(f, .pareto).html() + HTML.list(notes(f)), id: "points")
        let off = table(f, .offCurve)
        if !off.rows.isEmpty { body += HTML.section("Optima not on the curve", off.html(), id: "off") }
        return HTML.page(title: "corridor: frontier \(h.subject)", body: body)
    }
}
