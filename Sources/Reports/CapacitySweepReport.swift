import FreightNetwork
public import Simulation

/// `corridor sweep --metric capacity` as text, CSV or JSON (deterministic).
public enum CapacitySweepReport {
    typealias F = NumberFormatting
    typealias Column = ReportTable.Column

    /// The ranked failures: what failed, the capacity left, what was lost and the new cut.
    public static func ranking(_ s: CapacitySweep) -> ReportTable {
        var t = ReportTable(
            name: "capacity_failures", title: "Failures ranked by \(s.corridor.name) capacity lost",
            columns: [
                Column("rank", csv: "rank", numeric: true), Column("element", csv: "element"), Column("id", csv: "id"),
                Column("name", csv: "name"), Column("capacity TEU/yr", csv: "capacity_teu", numeric: true),
                Column("lost TEU/yr", csv: "lost_teu", numeric: true), Column("lost", csv: "lost_share", numeric: true),
                Column("minimum cut after", csv: "cut"),
            ])
        let intact = s.intact.capacityTEU
        for (i, c) in s.cases.enumerated() {
            let share: Double? = intact.flatMap { $0 > 0 && c.lostTEU.isFinite ? c.lostTEU / $0 : nil }
            t.add([
                .number(Double(i + 1), display: String(i + 1)),
                .text(c.elements.map(\.kind).joined(separator: " + ")), .text(c.elements.map(\.id).joined(separator: " + ")),
                .text(c.elements.map(\.name).joined(separator: " + ")),
                c.capacityTEU == nil ? .text("unlimited") : .grouped(c.capacityTEU),
                c.lostTEU.isInfinite ? .text("all limits") : .grouped(c.lostTEU), .percent(share),
                .text(c.cut.isEmpty ? (c.capacityTEU == 0 ? "no open route" : "—") : c.cut.map { "\($0.id) \(F.grouped($0.capacityTEU))" }.joined(separator: ", ")),
            ])
        }
        return t
    }

    static func header(_ s: CapacitySweep, file: String) -> String {
        let intact = s.intact.capacityTEU.map { "\(F.grouped($0)) TEU/yr" } ?? "unlimited"
        let cut = s.intact.cut.map { "\($0.id) \(F.grouped($0.capacityTEU))" }.joined(separator: ", ")
        return "Capacity sweep of the \(s.corridor.name) corridor: \(s.scenario) (\(file))\n"
            + "  Intact capacity: \(intact)" + (cut.isEmpty ? "" : "; minimum cut \(cut)") + "\n"
    }

    public static func text(_ s: CapacitySweep, file: String, limit: Int) -> String {
        var out = header(s, file: file)
        if let d = s.distribution {
            let answered = d.samples < s.caseCount ? " (of \(s.caseCount): a partial merge)" : ""
            out += "\nMonte Carlo, \(d.samples) samples\(answered) of the scenario's uncertainty (TEU/yr)\n"
            var t = TextTable(["mean", "P10", "P50", "P90", "samples below intact"], right: [0, 1, 2, 3, 4])
            func v(_ x: Double) -> String { x.isFinite ? F.grouped(x) : "unlimited" }
            t.add([v(d.mean), v(d.p10), v(d.p50), v(d.p90), "\(d.reducedSamples) of \(d.samples)"])
            out += t.rendered()
            return out
        }
        let table = ranking(s)
        let harmful = s.cases.filter { $0.lostTEU > 0 }.count
        out += "  \(s.cases.count) failure case(s); \(harmful) remove capacity.\n\n\(table.title)\n"
        var shown = table
        shown.rows = Array(table.rows.prefix(limit))
        out += shown.text()
        if table.rows.count > limit { out += "  … and \(table.rows.count - limit) more (see --format json or csv)\n" }
        return out
    }

    public static func csv(_ s: CapacitySweep) -> String {
        if let d = s.distribution {
            return "sample,capacity_teu\n" + d.capacities.enumerated().map { "\($0.offset),\(JSONValue.format($0.element))" }.joined(separator: "\n") + "\n"
        }
        return ranking(s).csv()
    }

    public static func json(_ s: CapacitySweep, file: String) -> String {
        func element(_ e: CorridorCapacity.CutElement) -> JSONValue {
            .object([("element", .string(e.kind.rawValue)), ("id", .string(e.id)), ("name", .string(e.name)),
                ("capacity_teu", .number(e.capacityTEU))])
        }
        var fields: [(String, JSONValue)] = [
            ("format_version", .number(Double(JSONReport.formatVersion))),
            ("scenario", .string(s.scenario)), ("file", .string(file)), ("metric", .string("capacity")),
            ("corridor", .string(s.corridor.name)), ("tags", .array(s.corridor.tags.map { .string($0) })),
            ("intact_capacity_teu", .number(s.intact.capacityTEU)), ("intact_cut", .array(s.intact.cut.map(element))),
            ("cases", .array(s.cases.enumerated().map { i, c in
                .object([
                    ("rank", .number(Double(i + 1))),
                    ("elements", .array(c.elements.map { .object([("element", .string($0.kind)), ("id", .string($0.id)), ("name", .string($0.name))]) })),
                    ("capacity_teu", .number(c.capacityTEU)), ("unlimited", .bool(c.capacityTEU == nil)),
                    ("lost_teu", c.lostTEU.isFinite ? .number(c.lostTEU) : .null),
                    ("cut", .array(c.cut.map(element))),
                ])
            })),
        ]
        if let d = s.distribution {
            fields.append(("monte_carlo", .object([
                ("samples", .number(Double(d.samples))), ("mean_teu", .number(d.mean)), ("p10_teu", .number(d.p10)),
                ("p50_teu", .number(d.p50)), ("p90_teu", .number(d.p90)), ("reduced_samples", .number(Double(d.reducedSamples))),
                ("capacity_teu", .array(d.capacities.map { .number($0) })),
            ])))
        }
        return JSONValue.object(fields).rendered()
    }
}
