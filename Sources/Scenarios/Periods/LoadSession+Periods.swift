import FreightNetwork

extension LoadSession {
    /// The shorthands `periods` accepts instead of a list.
    static let periodShorthands: KeyValuePairs<String, [PeriodSchedule.Period]> = [
        "months": PeriodSchedule.Period.months, "weeks": PeriodSchedule.Period.weeks,
    ]

    /// Reads a file's `periods` and `seasonality` into `draft`, which holds its network so far.
    ///
    /// Periods are inherited through `extends`: a file whose base has periods may not declare its
    /// own. A file's `seasonality` replaces the one it inherits.
    func readPeriods(_ top: inout FieldReader, into draft: inout NetworkDraft) {
        if top.contains("periods") {
            let key = top.keys.first { $0.value == "periods" }
            if let inherited = draft.periods, let key {
                let declared = inherited.declaredAt
                let place = declared.file == top.file ? "line \(declared.line)" : declared.description
                let message = "periods are inherited from the file this one extends (declared at \(place))"
                top.report(
                    ScenarioError(at: key.position, field: "periods", message: message, hint: "remove 'periods' here"))
            } else if let periods = Self.readPeriodList(&top) {
                draft.periods = PeriodDraft(
                    periods: periods.value, declaredAt: periods.position, nodes: draft.nodes.count,
                    links: draft.links.count, demands: draft.demands.count)
            } else {
                draft.periodsAreKnown = false
            }
        }
        guard let node = top.value("seasonality") else { return }
        var opened = ScenarioDiagnostics()
        guard var season = FieldReader(node, file: top.file, path: "seasonality", into: &opened) else {
            for problem in opened.all { top.report(problem) }
            return
        }
        season.rejectUnknownKeys(allowed: ["demand"])
        if let weights = Self.readWeights(&season, periods: draft.periods, known: draft.periodsAreKnown) {
            draft.periods?.demandWeights = weights
        }
        for problem in season.problems { top.report(problem) }
    }

    /// Reads `periods`: `months`, `weeks`, or a list of `{ name, days }`.
    private static func readPeriodList(_ top: inout FieldReader) -> Located<[PeriodSchedule.Period]>? {
        let shapes = "'months', 'weeks' or a list of { name, days }"
        guard let node = top.value("periods") else {
            let key = top.keys.first { $0.value == "periods" }
            let position = key?.position ?? top.position
            top.report(ScenarioError(at: position, field: "periods", message: "expected \(shapes), found nothing"))
            return nil
        }
        let position = top.position(of: node)
        if let word = node.scalar?.string {
            if let periods = periodShorthands.first(where: { $0.key == word })?.value {
                return Located(value: periods, position: position)
            }
            let hint = Suggestions.hint(for: word, in: periodShorthands.map(\.key))
            let found = FieldReader.describe(node)
            top.report(at: node, field: "periods", "expected \(shapes), found \(found)", hint: hint)
            return nil
        }
        guard let entries = node.sequence.map(Array.init) else {
            top.report(at: node, field: "periods", "expected \(shapes), found \(FieldReader.describe(node))")
            return nil
        }
        guard !entries.isEmpty else {
            top.report(at: node, field: "periods", "expected at least one period, found an empty list")
            return nil
        }
        var periods: [PeriodSchedule.Period] = []
        var firstSeen: [String: SourcePosition] = [:]
        var ok = true
        for (index, entry) in entries.enumerated() {
            var problems = ScenarioDiagnostics()
            guard var reader = FieldReader(entry, file: top.file, path: "periods[\(index)]", into: &problems) else {
                for problem in problems.all { top.report(problem) }
                ok = false
                continue
            }
            let (name, days) = readPeriod(&reader)
            if let name {
                if let first = firstSeen[name.value] {
                    let place = first.file == name.position.file ? "line \(first.line)" : first.description
                    let message = "duplicate period name '\(name.value)' (first defined at \(place))"
                    reader.report(ScenarioError(at: name.position, field: "periods[\(index)].name", message: message))
                } else {
                    firstSeen[name.value] = name.position
                }
            }
            for problem in reader.problems { top.report(problem) }
            guard reader.isValid, let name, let days else {
                ok = false
                continue
            }
            periods.append(PeriodSchedule.Period(name: name.value, days: days))
        }
        guard ok else { return nil }
        let total = periods.reduce(0) { $0 + $1.days }
        if total > 366 {
            let message = "the periods add up to \(FieldReader.format(total)) days, more than a year"
            let hint = "periods divide one year, whose capacities and demands are annual"
            top.report(ScenarioError(.warning, at: position, field: "periods", message: message, hint: hint))
        }
        return Located(value: periods, position: position)
    }

    /// Reads one entry of a `periods` list, `{ name, days }`, from its opened mapping; every problem stays in `reader`.
    static func readPeriod(_ reader: inout FieldReader) -> (name: Located<String>?, days: Double?) {
        reader.rejectUnknownKeys(allowed: ["name", "days"])
        let name = reader.word("name", required: true)
        reader.describe("days", .object([("exclusiveMinimum", 0)]))
        let days = reader.number("days", required: true, rule: .finite)
        if let days, days <= 0, let value = reader.value("days") {
            let message = "expected a number of days > 0, found \(FieldReader.describe(value))"
            reader.report(at: value, field: reader.fieldPath("days"), message)
        }
        return (name, days)
    }

    /// Reads `seasonality.demand`: a weight ≥ 0 per period name (1 for periods not named).
    ///
    /// - Parameters:
    ///   - periods: The scenario's periods, or `nil` when it has none (then any `seasonality` is an error).
    ///   - known: False when the periods could not be read, so names are not checked.
    /// - Returns: One weight per period, or `nil` when anything is wrong.
    private static func readWeights(_ season: inout FieldReader, periods: PeriodDraft?, known: Bool) -> [Double]? {
        guard let node = season.value("demand") else { return nil }
        var opened = ScenarioDiagnostics()
        guard var weights = FieldReader(node, file: season.file, path: "seasonality.demand", into: &opened) else {
            for problem in opened.all { season.report(problem) }
            return nil
        }
        defer { for problem in weights.problems { season.report(problem) } }
        guard let periods else {
            if known {
                let message = "seasonality needs 'periods' (in this file or a file it extends)"
                let hint = "add 'periods: months'"
                season.report(ScenarioError(at: season.position, field: "seasonality", message: message, hint: hint))
            }
            return nil
        }
        let names = periods.names
        var result = Array(repeating: 1.0, count: names.count)
        for key in weights.keys {
            guard let index = names.firstIndex(of: key.value) else {
                let hint =
                    Suggestions.hint(for: key.value, in: names) ?? "the periods are \(PeriodScope.summary(names))"
                weights.report(
                    ScenarioError(
                        at: key.position, field: weights.fieldPath(key.value), message: "unknown period '\(key.value)'",
                        hint: hint))
                continue
            }
            if let weight = weights.number(key.value, required: true) { result[index] = weight }
        }
        guard weights.isValid else { return nil }
        if zip(periods.periods, result).allSatisfy({ $0.days * $1 == 0 }) {
            let message = "every period has a weight of 0: no demand would ever be released"
            weights.report(ScenarioError(at: weights.position, field: "seasonality.demand", message: message))
            return nil
        }
        return result
    }
}
