import FreightNetwork
public import Simulation

/// `corridor backtest` as text, Markdown, CSV or JSON (deterministic).
public enum BacktestReport {
    typealias F = NumberFormatting
    typealias Column = ReportTable.Column

    /// A value in the model's unit: TEU grouped, days, percent and ratios with decimals.
    static func cell(_ value: Double?, unit: String) -> ReportTable.Cell {
        switch unit {
        case "TEU/yr", "USD/TEU": .grouped(value)
        case "ratio": .fixed(value, 2)
        default: .fixed(value, 1)
        }
    }

    /// One row per observation: observed (in the model's scope), the accepted range, the model, inside or not.
    public static func observations(_ result: BacktestResult) -> ReportTable {
        var t = ReportTable(
            name: "backtest", title: "Model against observations",
            columns: [
                Column("year", csv: "year"), Column("observation", csv: "id"), Column("metric", csv: "metric"),
                Column("of", csv: "subject"), Column("unit", csv: "unit"), Column("observed", csv: "observed", numeric: true),
                Column("accepted", csv: "accepted"), Column("model", csv: "model", numeric: true),
                Column("Δ", csv: "deviation_percent", numeric: true), Column("", csv: "inside"), Column("source", csv: "source"),
            ])
        for row in result.rows {
            let o = row.observation
            let range = o.acceptedRange
            let year = o.relativeToYear.map { "\(o.year)/\($0)" } ?? "\(o.year)"
            t.add([
                .text(year), .text(o.id), .text(o.metric.name), .text(o.metric.subject + (o.includesBackground ? " +bg" : "")),
                .text(o.modelUnit), cell(o.observed, unit: o.modelUnit),
                .text(format(range.lowerBound, unit: o.modelUnit) + "–" + format(range.upperBound, unit: o.modelUnit)),
                row.model == nil ? .number(nil, display: "—") : cell(row.model, unit: o.modelUnit),
                .number(row.deviationPercent, display: row.deviationPercent.map { F.signedFixed($0, 0) + "%" } ?? "—"),
                .text((row.isInside ? "inside" : "OUTSIDE") + (o.calibrates == nil ? "" : " (c)")), .text(o.source),
            ])
        }
        return t
    }

    /// Each year's delivered China–Europe TEU/yr per corridor and the overland shares.
    public static func years(_ result: BacktestResult) -> ReportTable {
        let tags = corridorTags(result)
        let overland = tags.filter { !Backtest.nonOverlandTags.contains($0) }
        var columns = [Column("year", csv: "year")]
        columns += tags.map { Column("\($0) TEU/yr", csv: "\($0)_teu", numeric: true) }
        columns += overland.map { Column("\($0) % overland", csv: "\($0)_overland_percent", numeric: true) }
        columns += [Column("unmet TEU/yr", csv: "unmet_teu", numeric: true), Column("scenario", csv: "scenario_file")]
        var t = ReportTable(name: "backtest_years", title: "Corridors by year (model)", columns: columns)
        for year in result.years {
            var row: [ReportTable.Cell] = [.text("\(year.year)")]
            row += tags.map { tag in .grouped(year.corridors.first { $0.corridor == tag }?.teu ?? 0) }
            row += overland.map { .fixed(year.overlandSharePercent[$0] ?? 0, 1) }
            row += [.grouped(year.unmetTEU), .text(year.scenarioFile)]
            t.add(row)
        }
        return t
    }

    /// The overland corridors with a published volume, year by year: the model's TEU/yr beside the published
    /// (a `corridor_teu` observation of that year, in the model's scope), and each corridor's share of the
    /// overland freight, model beside published (a `corridor_share` observation, or the share of the published
    /// volumes when every corridor of the table has one that year).
    public static func published(_ result: BacktestResult) -> ReportTable {
        func observed(_ metric: (String) -> Observation.Metric, _ tag: String, _ year: Int) -> Double? {
            result.rows.first { $0.observation.year == year && $0.observation.relativeToYear == nil && $0.observation.metric == metric(tag) }?
                .observation.observed
        }
        let tags = corridorTags(result).filter { tag in
            !Backtest.nonOverlandTags.contains(tag) && result.rows.contains { $0.observation.metric == .corridorTEU(tag) }
        }
        var columns = [Column("year", csv: "year")]
        for tag in tags {
            columns += [
                Column("\(tag) model", csv: "\(tag)_model_teu", numeric: true),
                Column("\(tag) published", csv: "\(tag)_published_teu", numeric: true),
            ]
        }
        for tag in tags {
            columns += [
                Column("\(tag) % model", csv: "\(tag)_model_percent", numeric: true),
                Column("\(tag) % published", csv: "\(tag)_published_percent", numeric: true),
            ]
        }
        var t = ReportTable(
            name: "backtest_published", title: "Overland corridors by year: model against published (westbound TEU/yr)",
            columns: columns)
        for year in result.years {
            let model = tags.map { tag in year.corridors.first { $0.corridor == tag }?.teu ?? 0 }
            let published = tags.map { observed(Observation.Metric.corridorTEU, $0, year.year) }
            let publishedTotal = published.allSatisfy { $0 != nil } ? published.reduce(0) { $0 + ($1 ?? 0) } : nil
            var row: [ReportTable.Cell] = [.text("\(year.year)")]
            for (m, p) in zip(model, published) { row += [.grouped(m), p.map { .grouped($0) } ?? .number(nil, display: "—")] }
            for (index, tag) in tags.enumerated() {
                let share = observed(Observation.Metric.corridorShare, tag, year.year)
                    ?? publishedTotal.flatMap { $0 > 0 ? (published[index] ?? 0) / $0 * 100 : nil }
                row += [
                    year.overlandSharePercent[tag].map { .fixed($0, 1) } ?? .number(nil, display: "—"),
                    share.map { .fixed($0, 1) } ?? .number(nil, display: "—"),
                ]
            }
            t.add(row)
        }
        return t
    }

    /// The corridor tags of every year, in first-seen order.
    static func corridorTags(_ result: BacktestResult) -> [String] {
        var tags: [String] = []
        for year in result.years {
            for c in year.corridors where !tags.contains(c.corridor) { tags.append(c.corridor) }
        }
        return tags
    }

    static func format(_ value: Double, unit: String) -> String { cell(value, unit: unit).display }

    /// "31 of 38 observations inside tolerance (82%), over 7 years (2019–2025)", then, when some observations
    /// calibrate a parameter, "; 28 of 35 (80%) without the 3 whose source also sets a parameter (c)."
    public static func summary(_ result: BacktestResult) -> String {
        let years = result.observedYears
        let span = years.count > 1 ? " (\(years.first!)–\(years.last!))" : years.first.map { " (\($0))" } ?? ""
        let all = "\(result.insideCount) of \(result.rows.count) observations inside tolerance "
            + "(\(F.fixed(result.insidePercent, 0))%), over \(years.count) year\(years.count == 1 ? "" : "s")\(span)"
        let calibrating = result.rows.count - result.validationRows.count
        guard calibrating > 0 else { return all + "." }
        return all + "; \(result.validationInsideCount) of \(result.validationRows.count) "
            + "(\(F.fixed(result.validationInsidePercent, 0))%) without the \(calibrating) whose source also sets a parameter (c)."
    }

    static func notes(_ result: BacktestResult) -> [String] {
        var notes = [
            "Observed: the published value (a range's midpoint) times its scope factor, in the model's unit (westbound "
                + "TEU/yr, days, USD per TEU; a ratio for one year against another). Accepted: the published value or range "
                + "in that scope, widened by the tolerance. Model: the year's scenario solved at minimum cost.",
            "Calibration uses parameters (capacities, dwell, rates, demand), never these outputs; each observation's "
                + "source and scope are in the observations file.",
        ]
        for row in result.rows {
            if let missing = row.missing { notes.append("\(row.observation.id): no model value, \(missing).") }
        }
        for row in result.rows {
            if let parameter = row.observation.calibrates {
                notes.append("(c) \(row.observation.id): its source also sets \(parameter); it checks that calibration, not the model.")
            }
        }
        return notes
    }

    static func intro(_ result: BacktestResult) -> String {
        "Backtest of \(result.name.map { "\($0) " } ?? "")(\(result.file)): " + summary(result)
    }

    /// Plain text: the observations, the years and notes.
    public static func text(_ result: BacktestResult) -> String {
        var out = intro(result) + "\n\n" + observations(result).text()
        out += "\nCorridors by year (model)\n" + years(result).text() + "\n"
        out += "Overland corridors by year: model against published (westbound TEU/yr)\n" + published(result).text() + "\n"
        for note in notes(result) { out += ComparisonReport.wrap(note, indent: "  ", hanging: "  ") }
        return out
    }

    public static func markdown(_ result: BacktestResult) -> String {
        "# Backtest\n\n\(intro(result))\n\n" + observations(result).markdown() + "\n## Corridors by year (model)\n\n"
            + years(result).markdown() + "\n## Overland corridors by year: model against published (westbound TEU/yr)\n\n"
            + published(result).markdown() + "\n" + notes(result).map { "- \($0)\n" }.joined()
    }

    public static func csv(_ result: BacktestResult) -> String { observations(result).csv() }

    /// The tables `--csv DIR` writes.
    public static func tables(_ result: BacktestResult) -> [ReportTable] { [observations(result), years(result), published(result)] }

    public static func json(_ result: BacktestResult) -> String {
        let rows = result.rows.map { row -> JSONValue in
            let o = row.observation
            let published: JSONValue =
                switch o.published {
                case .value(let v): .number(v)
                case .range(let a, let b): .array([.number(a), .number(b)])
                }
            let tolerance: JSONValue =
                switch o.tolerance {
                case .percent(let p): .object([("percent", .number(p))])
                case .absolute(let a): .object([("absolute", .number(a))])
                case .none: .null
                }
            return .object([
                ("id", .string(o.id)), ("year", .number(Double(o.year))),
                ("relative_to_year", o.relativeToYear.map { .number(Double($0)) } ?? .null),
                ("metric", .string(o.metric.name)), ("subject", .string(o.metric.subject)),
                ("include_background", .bool(o.includesBackground)),
                ("published", published), ("published_unit", .string(o.unit)), ("scope_factor", .number(o.scopeFactor)),
                ("scope", o.scope.map(JSONValue.string) ?? .null), ("unit", .string(o.modelUnit)),
                ("observed", .number(o.observed)), ("tolerance", tolerance),
                ("accepted_low", .number(o.acceptedRange.lowerBound)), ("accepted_high", .number(o.acceptedRange.upperBound)),
                ("model", .number(row.model)), ("deviation_percent", .number(row.deviationPercent)),
                ("inside", .bool(row.isInside)), ("missing", row.missing.map(JSONValue.string) ?? .null),
                ("source", .string(o.source)), ("notes", o.notes.map(JSONValue.string) ?? .null),
                ("calibrates", o.calibrates.map(JSONValue.string) ?? .null),
            ])
        }
        let years = result.years.map { year -> JSONValue in
            .object([
                ("year", .number(Double(year.year))), ("scenario", .string(year.scenarioName)), ("file", .string(year.scenarioFile)),
                ("status", .string(year.status.rawValue)), ("unmet_teu", .number(year.unmetTEU)),
                ("corridors", .array(year.corridors.map { c in
                    .object([
                        ("corridor", .string(c.corridor)), ("teu", .number(c.teu)),
                        ("overland_percent", .number(year.overlandSharePercent[c.corridor])),
                        ("avg_cost_usd_per_teu", .number(c.teu > 0 ? c.avgCostUSDPerTEU : nil)),
                        ("avg_time_days", .number(c.teu > 0 ? c.avgTimeDays : nil)),
                    ])
                })),
            ])
        }
        return JSONValue.object([
            ("format_version", .number(Double(JSONReport.formatVersion))), ("file", .string(result.file)),
            ("name", result.name.map(JSONValue.string) ?? .null),
            ("summary", .object([
                ("observations", .number(Double(result.rows.count))), ("inside", .number(Double(result.insideCount))),
                ("inside_percent", .number(result.insidePercent)),
                ("validation_observations", .number(Double(result.validationRows.count))),
                ("validation_inside", .number(Double(result.validationInsideCount))),
                ("validation_inside_percent", .number(result.validationInsidePercent)),
                ("years", .array(result.observedYears.map { .number(Double($0)) })),
            ])),
            ("observations", .array(rows)), ("years", .array(years)),
        ]).rendered()
    }
}
