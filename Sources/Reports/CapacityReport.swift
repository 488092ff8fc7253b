import FreightNetwork
public import Simulation

/// `corridor capacity` as text, Markdown, CSV, JSON or HTML (deterministic).
public enum CapacityReport {
    typealias F = NumberFormatting
    typealias Column = ReportTable.Column

    /// One row per corridor: capacity, min-cost flow, headroom, utilisation, λ (when computed) and the cut.
    public static func summary(_ study: CapacityStudy) -> ReportTable {
        let lambda = study.entries.contains { $0.concurrent.computed }
        let flow = study.entries.contains { $0.flowTEU != nil }
        var columns = [Column("corridor", csv: "corridor"), Column("capacity TEU/yr", csv: "capacity_teu", numeric: true)]
        if flow {
            columns += [
                Column("flow TEU/yr", csv: "flow_teu", numeric: true), Column("headroom", csv: "headroom_teu", numeric: true),
                Column("used", csv: "utilisation", numeric: true),
            ]
        }
        if lambda {
            columns += [Column("λ", csv: "concurrent_factor", numeric: true), Column("λ·TEU", csv: "concurrent_teu", numeric: true)]
        }
        var t = ReportTable(name: "capacity", title: "Corridor capacity", columns: columns + [Column("minimum cut", csv: "cut")])
        for entry in study.entries {
            let c = entry.capacity
            var row: [ReportTable.Cell] = [
                .text(c.selection.name), entry.capacityTEU == nil ? .number(nil, display: "unlimited") : .grouped(entry.capacityTEU),
            ]
            if flow { row += [.grouped(entry.flowTEU), .grouped(entry.headroomTEU), .percent(entry.utilisation)] }
            if lambda {
                row += [
                    entry.concurrent.factor == nil && !entry.concurrent.demands.isEmpty
                        ? .number(nil, display: "unlimited") : .fixed(entry.concurrent.factor, 3),
                    .grouped(entry.concurrent.teu),
                ]
            }
            t.add(row + [.text(cutSummary(c))])
        }
        return t
    }

    /// Every element of every corridor's minimum cut.
    public static func cuts(_ study: CapacityStudy) -> ReportTable {
        var t = ReportTable(
            name: "cuts", title: "Minimum cuts",
            columns: [
                Column("corridor", csv: "corridor"), Column("element", csv: "element"), Column("id", csv: "id"),
                Column("name", csv: "name"), Column("capacity TEU/yr", csv: "capacity_teu", numeric: true),
            ])
        for entry in study.entries {
            for e in entry.capacity.cut {
                t.add([.text(entry.capacity.selection.name), .text(e.kind.rawValue), .text(e.id), .text(e.name), .grouped(e.capacityTEU)])
            }
        }
        return t
    }

    /// Seasonal scenarios: each corridor's capacity per period, at annual rates and in TEU.
    public static func periods(_ study: CapacityStudy) -> ReportTable {
        var t = ReportTable(
            name: "capacity_periods", title: "Capacity per period",
            columns: [
                Column("corridor", csv: "corridor"), Column("period", csv: "period"), Column("days", csv: "days", numeric: true),
                Column("TEU in period", csv: "capacity_teu", numeric: true),
                Column("TEU/yr equivalent", csv: "capacity_teu_per_year", numeric: true),
                Column("lowest", csv: "lowest"), Column("minimum cut", csv: "cut"),
            ])
        for entry in study.entries {
            guard let periods = entry.periods else { continue }
            let lowest = periods.lowest
            for (i, period) in periods.periods.enumerated() {
                let unlimited = period.capacity.isUnlimited
                t.add([
                    .text(entry.capacity.selection.name), .text(period.name), .fixed(period.days, 0),
                    unlimited ? .number(nil, display: "unlimited") : .grouped(period.teu),
                    unlimited ? .number(nil, display: "unlimited") : .grouped(period.capacity.capacityTEU),
                    .text(i == lowest ? "lowest" : ""), .text(cutSummary(period.capacity)),
                ])
            }
        }
        return t
    }

    /// The tables `--csv DIR` writes.
    public static func tables(_ study: CapacityStudy) -> [ReportTable] {
        [summary(study), cuts(study)] + (study.entries.contains { $0.periods != nil } ? [periods(study)] : [])
    }

    static func cutSummary(_ c: CorridorCapacity) -> String {
        if let path = c.unlimitedPath { return "none: unlimited path " + path.joined(separator: "→") }
        if c.cut.isEmpty { return "no open path" }
        return c.cut.map { "\($0.id) \(F.grouped($0.capacityTEU))" }.joined(separator: ", ")
    }

    static func notes(_ study: CapacityStudy) -> [String] {
        var notes = [
            "Capacity: the maximum flow from the demands' origins to their destinations on the corridor's open links "
                + "and the shared ones, within every link and node capacity after the scenario's changes. Its minimum "
                + "cut (nearest the origins) lists the capacities that limit it; they sum to the capacity.",
            "Flow: the TEU/yr the scenario's min-cost solution routes on the corridor. Headroom = capacity − flow.",
        ]
        if study.entries.contains(where: { $0.periods != nil }) {
            notes.append(
                "Periods: the capacity is the TEU the corridor can carry over the year, the sum of each period's maximum "
                    + "flow (at its capacities, TEU/yr) times its days/365; the minimum cut and λ are those of the period "
                    + "where the capacity is lowest.")
        }
        notes += [
            study.entries.contains(where: { !$0.concurrent.computed })
                ? "λ (the demand-pattern factor, one LP per corridor) is left out here: `corridor capacity` computes it."
                : "λ: the largest factor by which every demand that can reach its destination on the corridor could grow "
                    + "together and still be carried on it (maximum concurrent flow); λ·TEU is that many TEU/yr."
        ]
        for entry in study.entries {
            let name = entry.capacity.selection.name
            if !entry.concurrent.unreachable.isEmpty {
                notes.append(
                    "\(name): \(entry.concurrent.unreachable.count) demand(s) have no path on this corridor and are not in λ: "
                        + entry.concurrent.unreachable.joined(separator: ", ") + ".")
            }
            if !entry.concurrent.binding.isEmpty {
                notes.append(
                    "\(name): λ is bound by " + entry.concurrent.binding.map { "\($0.id) (\(F.grouped($0.capacityTEU)))" }
                        .joined(separator: ", ") + ".")
            }
        }
        return notes
    }

    static func intro(_ study: CapacityStudy, file: String) -> String {
        "Corridor capacity of \(study.scenario) (\(file)), TEU/yr."
    }

    /// Plain text: the summary, each cut in full, and notes.
    public static func text(_ study: CapacityStudy, file: String) -> String {
        var out = intro(study, file: file) + "\n\n" + summary(study).text()
        let cuts = cuts(study)
        if !cuts.rows.isEmpty { out += "\nMinimum cuts\(study.entries.contains { $0.periods != nil } ? " (of the lowest period)" : "")\n" + cuts.text() }
        let periods = periods(study)
        if !periods.rows.isEmpty { out += "\n\(periods.title)\n" + periods.text() }
        out += "\n"
        for note in notes(study) { out += ComparisonReport.wrap(note, indent: "  ", hanging: "  ") }
        return out
    }

    public static func markdown(_ study: CapacityStudy, file: String) -> String {
        "# Corridor capacity: \(study.scenario)\n\n\(intro(study, file: file))\n\n" + summary(study).markdown()
            + "\n## Minimum cuts\n\n" + cuts(study).markdown()
            + (study.entries.contains { $0.periods != nil } ? "\n## Capacity per period\n\n" + periods(study).markdown() : "")
            + "\n" + notes(study).map { "- \($0)\n" }.joined()
    }

    public static func csv(_ study: CapacityStudy) -> String { summary(study).csv() }

    public static func json(_ study: CapacityStudy, file: String) -> String {
        JSONValue.object([
            ("format_version", .number(Double(JSONReport.formatVersion))),
            ("scenario", .string(study.scenario)), ("file", .string(file)),
            ("capacity", entries(study)),
        ]).rendered()
    }

    /// The `capacity` list of the JSON reports: one object per corridor.
    static func entries(_ study: CapacityStudy) -> JSONValue { .array(study.entries.map(entryJSON)) }

    static func entryJSON(_ entry: CapacityStudy.Entry) -> JSONValue {
        let c = entry.capacity
        let lambda = entry.concurrent
        func element(_ e: CorridorCapacity.CutElement) -> JSONValue {
            .object([("element", .string(e.kind.rawValue)), ("id", .string(e.id)), ("name", .string(e.name)),
                ("capacity_teu", .number(e.capacityTEU))])
        }
        return .object([
            ("corridor", .string(c.selection.name)), ("tags", .array(c.selection.tags.map { .string($0) })),
            ("capacity_teu", .number(entry.capacityTEU)), ("unlimited", .bool(entry.capacityTEU == nil)),
            ("unlimited_path", c.unlimitedPath.map { .array($0.map { .string($0) }) } ?? .null),
            ("cut", .array(c.cut.map(element))),
            ("flow_teu", .number(entry.flowTEU)), ("headroom_teu", .number(entry.headroomTEU)),
            ("utilisation", .number(entry.utilisation)),
            ("concurrent_computed", .bool(lambda.computed)),
            ("concurrent_factor", .number(lambda.factor)), ("concurrent_teu", .number(lambda.teu)),
            ("concurrent_demand_teu", .number(lambda.demandTEU)),
            ("concurrent_binding", .array(lambda.binding.map(element))),
            // Found with λ: null where λ was not computed (`run`), not an empty list that reads as "none".
            ("unreachable_demands", lambda.computed ? .array(lambda.unreachable.map { .string($0) }) : .null),
            ("sources", .array(c.sources.map { .string($0) })), ("sinks", .array(c.sinks.map { .string($0) })),
            ("periods", entry.periods.map { periods in
                .array(periods.periods.map { p in
                    .object([("period", .string(p.name)), ("days", .number(p.days)), ("capacity_teu", .number(p.teu)),
                        ("capacity_teu_per_year", .number(p.capacity.capacityTEU)), ("unlimited", .bool(p.capacity.isUnlimited)),
                        ("cut", .array(p.capacity.cut.map(element)))])
                })
            } ?? .null),
            ("lowest_period", entry.periods.flatMap { periods in periods.lowest.map { JSONValue.string(periods.periods[$0].name) } } ?? .null),
        ])
    }

    /// `corridor capacity --html`: the capacities, a map of the minimum cuts and the cut tables.
    ///
    /// - Parameters:
    ///   - study: The corridors' capacities and cuts.
    ///   - file: The scenario file, named in the introduction.
    ///   - flow: The scenario's min-cost flow, whose network the cut map is drawn on; without one (`--no-flow`)
    ///     the report says there is no map.
    public static func html(_ study: CapacityStudy, file: String, map flow: FlowResult? = nil) -> String {
        var body = "<h1>Corridor capacity: \(HTML.escape(study.scenario))</h1>\n<p class=\"sub\">\(HTML.escape(intro(study, file: file)))</p>\n"
        body += HTML.section("Capacity", summary(study).html() + HTML.list(notes(study)), id: "capacity")
        let map: String
        if let flow, flow.status.hasSolution {
            map = "<figure>\(SVGMap.cutMap(flow, study: study))<figcaption>Each corridor's minimum cut: its links drawn thick "
                + "and its nodes ringed, in the corridor's colour; closed links red, the rest of the network grey. Hover an "
                + "element for its figures.</figcaption></figure>\n"
        } else {
            map = "<p>No map: it is drawn on the min-cost flow's network, which was not solved (--no-flow).</p>\n"
        }
        body += HTML.section("Minimum cuts", map + cuts(study).html(), id: "cuts")
        if study.entries.contains(where: { $0.periods != nil }) {
            body += HTML.section("Capacity per period", periods(study).html(), id: "periods")
        }
        return HTML.page(title: "corridor: capacity \(study.scenario)", body: body)
    }
}
