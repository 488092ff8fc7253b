import FreightNetwork

/// Reads one entry of an observations file's `observations` list.
enum ObservationRecord {
    /// The field naming what each metric measures.
    static func subjectKey(of metric: String) -> String? {
        switch metric {
        case "corridor_teu", "corridor_share", "corridor_days", "corridor_cost_usd_per_teu": "corridor"
        case "node_teu", "node_congestion_days": "node"
        case "link_teu": "link"
        case "demand_days": "demand"
        default: nil
        }
    }

    /// The observation and where its subject was written, or nil (with diagnostics) when it is wrong.
    ///
    /// Every field is checked, so one pass reports all of an entry's problems.
    static func read(
        _ node: YAMLNode, file: String, path: String, years: Set<Int>, into diagnostics: inout ScenarioDiagnostics
    ) -> (Observation, SourcePosition)? {
        guard var reader = FieldReader(node, file: file, path: path, into: &diagnostics) else { return nil }
        defer { diagnostics.append(contentsOf: reader.problems) }
        return read(fields: &reader, years: years)
    }

    /// The observation and where its subject was written, from its opened mapping; every problem stays in `reader`.
    static func read(fields reader: inout FieldReader, years: Set<Int>) -> (Observation, SourcePosition)? {
        reader.rejectUnknownKeys(allowed: ObservationsFile.observationKeys)
        let id = reader.identifier("id")
        let year = readYear("year", required: true, &reader, years: years)
        let relative = readYear("relative_to_year", required: false, &reader, years: years)
        if let year, let relative, year.value == relative.value {
            reader.report(ScenarioError(at: relative.position, field: reader.fieldPath("relative_to_year"), message: "must differ from 'year'"))
        }
        let metric = readMetric(&reader)
        let published = readPublished(&reader)
        let unit = reader.word("unit", required: true)
        let factor = reader.number("scope_factor", rule: .range(1e-9...1e9, name: "a factor"))
        let scope = reader.word("scope")
        reader.describeMapping(.object([("dependencies", .object([("scope_factor", .array(["scope"]))]))]))
        if factor != nil, scope == nil {
            reader.reportMissing("scope", hint: "say why the published value is multiplied by scope_factor")
        }
        let tolerance = readTolerance(&reader, hasRange: { if case .range = published { true } else { false } }())
        let background = reader.bool("include_background")
        reader.describeMapping(
            .object([
                ("if", .object([("required", .array(["include_background"]))])),
                ("then", .object([("properties", .object([("metric", .object([("enum", .array(["node_teu", "link_teu"]))]))]))])),
            ]))
        if background != nil, let metric, !["node_teu", "link_teu"].contains(metric.value.name) {
            reader.report(
                ScenarioError(
                    at: reader.position, field: reader.fieldPath("include_background"),
                    message: "only node_teu and link_teu count background traffic, not \(metric.value.name)"))
        }
        let source = reader.word("source", required: true)
        let notes = reader.string("notes")
        let calibrates = reader.word("calibrates")
        guard reader.isValid, let id, let year, let metric, let published, let unit, let tolerance, let source else { return nil }
        let observation = Observation(
            id: id.value, year: year.value, metric: metric.value, published: published, unit: unit.value,
            scopeFactor: factor ?? 1, scope: scope?.value, relativeToYear: relative?.value, tolerance: tolerance,
            includesBackground: background ?? false, source: source.value, notes: notes?.value,
            calibrates: calibrates?.value)
        return (observation, metric.position)
    }

    /// A year field, which must be a year of the file's `scenarios`.
    private static func readYear(_ key: String, required: Bool, _ reader: inout FieldReader, years: Set<Int>) -> Located<Int>? {
        guard let year = reader.integer(key, required: required) else { return nil }
        guard years.contains(year.value) || reader.isDescribing else {
            let listed = years.sorted().map(String.init).joined(separator: ", ")
            reader.report(
                ScenarioError(
                    at: year.position, field: reader.fieldPath(key),
                    message: "year \(year.value) has no scenario in 'scenarios'"
                        + (listed.isEmpty ? "" : " (the years listed are \(listed))")))
            return nil
        }
        return year
    }

    /// The metric and its subject field (`corridor`, `node`, `link` or `demand`); the other subject fields are refused.
    private static func readMetric(_ reader: inout FieldReader) -> Located<Observation.Metric>? {
        if reader.isDescribing { describeSubjects(&reader) }
        guard let name = reader.word("metric", required: true) else { return nil }
        guard let key = subjectKey(of: name.value) else {
            reader.report(FieldReader.choiceError(name, field: reader.fieldPath("metric"), allowed: Observation.Metric.names))
            return nil
        }
        // `demand_days` may name a corridor too: the demand's freight on that corridor only.
        let qualifier = key == "demand" ? reader.word("corridor") : nil
        for other in ["corridor", "node", "link", "demand"] where other != key && reader.contains(other) {
            if key == "demand", other == "corridor" { continue }
            reader.report(
                ScenarioError(
                    at: reader.position, field: reader.fieldPath(other),
                    message: "not used by metric \(name.value), which measures a \(key)"))
        }
        guard let subject = reader.word(key, required: true) else { return nil }
        let metric: Observation.Metric =
            switch name.value {
            case "corridor_teu": .corridorTEU(subject.value)
            case "corridor_share": .corridorShare(subject.value)
            case "corridor_days": .corridorDays(subject.value)
            case "corridor_cost_usd_per_teu": .corridorCost(subject.value)
            case "node_teu": .nodeTEU(Node.ID(subject.value))
            case "node_congestion_days": .nodeCongestionDays(Node.ID(subject.value))
            case "link_teu": .linkTEU(Link.ID(subject.value))
            default: .demandDays(Demand.ID(subject.value), corridor: qualifier?.value)
            }
        return Located(value: metric, position: subject.position)
    }

    /// In describe mode: `metric` is one of the metrics, and the subject field it measures is required and
    /// the other subject fields refused.
    private static func describeSubjects(_ reader: inout FieldReader) {
        let names = Observation.Metric.names
        reader.describe("metric", .object([("enum", .array(names.map { .string($0) }))]))
        let subjects = ["corridor", "node", "link", "demand"]
        for key in subjects {
            _ = reader.word(key)
            let metrics = names.filter { subjectKey(of: $0) == key }
            // `demand_days` may also name a corridor (its freight there only).
            let others = subjects.filter { $0 != key && !(key == "demand" && $0 == "corridor") }.map { ($0, SchemaValue.bool(false)) }
            let metric = SchemaValue.object([("enum", .array(metrics.map { .string($0) }))])
            let measuring = SchemaValue.object([("required", .array(["metric"])), ("properties", .object([("metric", metric)]))])
            reader.describeMapping(
                .object([
                    ("if", measuring),
                    ("then", .object([("required", .array([.string(key)])), ("properties", .object(others))])),
                ]))
        }
    }

    /// `observed` (a number) or `observed_range` (`[low, high]`), exactly one of them.
    private static func readPublished(_ reader: inout FieldReader) -> Observation.Published? {
        if reader.isDescribing {
            _ = reader.number("observed", rule: .finite)
            let bound = NumberRule.finite.schema
            reader.describe("observed_range", .type("array", ("items", bound), ("minItems", 2), ("maxItems", 2)))
            reader.describeMapping(.requiring(anyOf: ["observed", "observed_range"], exactlyOne: true))
            return nil
        }
        let hasValue = reader.contains("observed")
        let hasRange = reader.contains("observed_range")
        if hasValue, hasRange {
            reader.report(
                ScenarioError(
                    at: reader.position, field: reader.fieldPath("observed_range"),
                    message: "give either 'observed' or 'observed_range', not both"))
            return nil
        }
        if !hasRange { return reader.number("observed", required: true, rule: .finite).map { .value($0) } }
        guard let list = reader.list("observed_range") else { return nil }
        let numbers = list.map(FieldReader.number(from:))
        guard list.count == 2, let low = numbers[0], let high = numbers[1], low.isFinite, high.isFinite, low <= high else {
            let node = reader.value("observed_range")
            let message = "expected two numbers [low, high] with low ≤ high"
            if let node { reader.report(at: node, field: reader.fieldPath("observed_range"), message) }
            return nil
        }
        return .range(low, high)
    }

    /// `tolerance_pct` or `tolerance_abs` (one, not both); optional only for a published range.
    private static func readTolerance(_ reader: inout FieldReader, hasRange: Bool) -> Observation.Tolerance? {
        let percent = reader.number("tolerance_pct", rule: .range(0...1000, name: "a percentage"))
        let absolute = reader.number("tolerance_abs")
        if reader.isDescribing {
            reader.describeMapping(.forbidding(together: ["tolerance_pct", "tolerance_abs"]))
            reader.describeMapping(
                .object([
                    ("if", .object([("not", .object([("required", .array(["observed_range"]))]))])),
                    ("then", .requiring(anyOf: ["tolerance_pct", "tolerance_abs"])),
                ]))
            return nil
        }
        switch (percent, absolute) {
        case (let p?, nil): return .percent(p)
        case (nil, let a?): return .absolute(a)
        case (.some, .some):
            reader.report(
                ScenarioError(
                    at: reader.position, field: reader.fieldPath("tolerance_abs"),
                    message: "give either 'tolerance_pct' or 'tolerance_abs', not both"))
            return nil
        case (nil, nil):
            if hasRange { return Observation.Tolerance.none }
            if !reader.contains("tolerance_pct"), !reader.contains("tolerance_abs") {
                reader.reportMissing("tolerance_pct", hint: "or 'tolerance_abs' in the model's unit")
            }
            return nil
        }
    }
}
