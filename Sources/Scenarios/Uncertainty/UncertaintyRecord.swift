import FreightNetwork

/// One entry of a file's `uncertainty` list, read with positions, before its ids are resolved.
///
/// ```yaml
/// uncertainty:
///   - { link: KUR-ALT, closed_probability: 0.3, group: caspian-storms }
///   - { corridor: middle, mode: ferry, capacity_factor: { uniform: [0.70, 0.75] } }
/// ```
/// See `Scenarios/SCHEMA.md`, section "Uncertainty".
struct UncertaintyRecord {
    /// The selector keys given (at least one; several pick the elements all of them match).
    var selectors: [Selector]
    /// Probability (0…1) that the picked elements are closed together.
    var closedProbability: Double
    /// The distribution of their capacity factor when open.
    var capacityFactor: CapacityFactorDistribution?
    /// Entries with the same group share one random draw.
    var group: String?
    /// The entry's path, such as `uncertainty[2]`, and where it starts.
    var path: String
    var position: SourcePosition

    /// The keys an entry accepts.
    static let keys =
        Selector.Kind.allCases.map(\.rawValue) + [
            "closed_probability", "capacity_factor", "group", "source", "notes",
        ]

    /// Reads every entry of an `uncertainty` list; entries with errors are left out.
    static func readList(_ entries: [YAMLNode]?, file: String, into diagnostics: inout ScenarioDiagnostics) -> [Self] {
        (entries ?? []).enumerated().compactMap { index, entry in
            read(entry, file: file, path: "uncertainty[\(index)]", into: &diagnostics)
        }
    }

    /// Reads one entry, recording every problem in `diagnostics`.
    static func read(_ node: YAMLNode, file: String, path: String, into diagnostics: inout ScenarioDiagnostics) -> Self?
    {
        guard var reader = FieldReader(node, file: file, path: path, into: &diagnostics) else { return nil }
        defer { diagnostics.append(contentsOf: reader.problems) }
        return read(fields: &reader)
    }

    /// Reads one entry from its opened mapping; every problem stays in `reader`.
    static func read(fields reader: inout FieldReader) -> Self? {
        let path = reader.path
        reader.rejectUnknownKeys(allowed: keys)
        if reader.isDescribing {
            Selector.describe(Selector.Kind.allCases, in: &reader)
            reader.describeMapping(.requiring(anyOf: Selector.Kind.allCases.map(\.rawValue)))
            reader.describeMapping(.forbidding(together: ["link", "node"]))
            reader.describeMapping(.requiring(anyOf: ["closed_probability", "capacity_factor"]))
        }
        var selectors: [Selector] = []
        for kind in Selector.Kind.allCases {
            guard let value = reader.word(kind.rawValue) else { continue }
            if kind == .mode, Mode(rawValue: value.value) == nil {
                reader.report(
                    FieldReader.choiceError(
                        value, field: reader.fieldPath("mode"), allowed: Mode.allCases.map(\.rawValue)))
                continue
            }
            selectors.append(Selector(kind: kind, value: value, field: reader.fieldPath(kind.rawValue)))
        }
        let written = Set(reader.keys.map(\.value))
        if Selector.Kind.allCases.allSatisfy({ !written.contains($0.rawValue) }),
            reader.suggestedKeys.isDisjoint(with: Selector.Kind.allCases.map(\.rawValue))
        {
            let list = Selector.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            reader.report(
                ScenarioError(at: reader.position, field: path, message: "expected a selector: one or more of \(list)"))
        }
        if written.contains("link") && written.contains("node") {
            let message = "give 'link' or 'node', not both (a link already names its nodes)"
            reader.report(ScenarioError(at: reader.position, field: reader.fieldPath("node"), message: message))
        }
        let probability = reader.number("closed_probability", rule: .range(0...1, name: "a probability"))
        let factor = readFactor(&reader)
        if !written.contains("closed_probability") && !written.contains("capacity_factor")
            && reader.suggestedKeys.isDisjoint(with: ["closed_probability", "capacity_factor"])
        {
            reader.report(
                ScenarioError(
                    at: reader.position, field: path,
                    message: "expected 'closed_probability', 'capacity_factor' or both",
                    hint: "e.g. { link: KUR-ALT, closed_probability: 0.3 }"))
        }
        let group = reader.word("group")
        reader.notes()
        guard reader.isValid else { return nil }
        return UncertaintyRecord(
            selectors: selectors, closedProbability: probability ?? 0, capacityFactor: factor, group: group?.value,
            path: path, position: reader.position)
    }

    /// Reads `capacity_factor`: a number, or one of `uniform: [low, high]`,
    /// `triangular: [low, mode, high]`, `values: […]` with `probabilities: […]`.
    private static func readFactor(_ reader: inout FieldReader) -> CapacityFactorDistribution? {
        reader.describe("capacity_factor", factorSchema)
        guard let node = reader.value("capacity_factor") else {
            if reader.contains("capacity_factor") {
                reader.report(
                    ScenarioError(
                        at: reader.position, field: reader.fieldPath("capacity_factor"),
                        message: "required field has no value"))
            }
            return nil
        }
        let field = reader.fieldPath("capacity_factor")
        if node.scalar != nil {
            return reader.number("capacity_factor").map { .fixed($0) }
        }
        var nested = ScenarioDiagnostics()
        guard var inner = FieldReader(node, file: reader.file, path: field, into: &nested) else {
            let message =
                "expected a number or a distribution such as { uniform: [0.7, 0.75] }, found \(FieldReader.describe(node))"
            reader.report(at: node, field: field, message)
            return nil
        }
        defer { for problem in inner.problems { reader.report(problem) } }
        let shapes = ["uniform", "triangular", "values"]
        inner.rejectUnknownKeys(allowed: shapes + ["probabilities"])
        let given = inner.keys.map(\.value).filter { shapes.contains($0) }
        guard given.count == 1 else {
            let message =
                given.isEmpty
                ? "expected a number or one of uniform: [low, high], triangular: [low, mode, high], values: […] with probabilities: […]"
                : "give one distribution, found \(given.joined(separator: " and "))"
            if given.count > 1 || inner.suggestedKeys.isDisjoint(with: shapes) {
                inner.report(ScenarioError(at: inner.position, field: field, message: message))
            }
            return nil
        }
        switch given[0] {
        case "uniform":
            guard let v = numbers(&inner, "uniform", count: 2, meaning: "[low, high]") else { return nil }
            guard v[0] <= v[1] else {
                return fail(
                    &inner, "uniform",
                    "expected low ≤ high, found [\(FieldReader.format(v[0])), \(FieldReader.format(v[1]))]")
            }
            return .uniform(low: v[0], high: v[1])
        case "triangular":
            guard let v = numbers(&inner, "triangular", count: 3, meaning: "[low, mode, high]") else { return nil }
            guard v[0] <= v[1], v[1] <= v[2] else {
                return fail(&inner, "triangular", "expected low ≤ mode ≤ high, found \(v.map(FieldReader.format))")
            }
            return .triangular(low: v[0], mode: v[1], high: v[2])
        default:
            guard let values = numbers(&inner, "values", count: nil, meaning: "a list of factors") else { return nil }
            guard inner.contains("probabilities") else {
                inner.reportMissing("probabilities", hint: "one probability per value, summing to 1")
                return nil
            }
            guard
                let probabilities = numbers(
                    &inner, "probabilities", count: values.count, meaning: "one probability per value",
                    probabilities: true)
            else { return nil }
            let total = probabilities.reduce(0, +)
            guard abs(total - 1) <= 1e-6 else {
                return fail(
                    &inner, "probabilities",
                    "expected probabilities summing to 1, found a sum of \(FieldReader.format(total))")
            }
            return .discrete(values: values, probabilities: probabilities)
        }
    }

    /// What `capacity_factor` accepts, as JSON Schema: what ``readFactor(_:)`` and ``numbers(_:_:count:meaning:probabilities:)``
    /// read, the sums and orders of the numbers aside.
    static let factorSchema: SchemaValue = {
        let factor = NumberRule.nonNegative.schema
        let probability = SchemaValue.type("number", ("minimum", 0), ("maximum", 1))
        func list(_ items: SchemaValue, count: Int?) -> SchemaValue {
            .list(of: items).merging(.object([("minItems", .number(Double(count ?? 1)))] + (count.map { [("maxItems", .number(Double($0)))] } ?? [])))
        }
        func shape(_ members: [(String, SchemaValue)]) -> SchemaValue {
            .type("object", ("properties", .object(members)), ("required", .array(members.map { .string($0.0) })), ("additionalProperties", false))
        }
        return .object([("anyOf", .array([
            factor, shape([("uniform", list(factor, count: 2))]), shape([("triangular", list(factor, count: 3))]),
            shape([("values", list(factor, count: nil)), ("probabilities", list(probability, count: nil))]),
        ]))])
    }()

    /// Reads a list of numbers ≥ 0 (at most 1 when `probabilities`), of `count` items when given.
    private static func numbers(
        _ reader: inout FieldReader, _ key: String, count: Int?, meaning: String, probabilities: Bool = false
    ) -> [Double]? {
        let field = reader.fieldPath(key)
        guard let node = reader.value(key), let items = node.sequence.map(Array.init), !items.isEmpty else {
            let found = reader.value(key).map(FieldReader.describe) ?? "nothing"
            reader.report(
                ScenarioError(
                    at: reader.value(key).map(reader.position(of:)) ?? reader.position, field: field,
                    message: "expected \(meaning), found \(found)"))
            return nil
        }
        if let count, items.count != count {
            reader.report(at: node, field: field, "expected \(meaning) (\(count) numbers), found \(items.count)")
            return nil
        }
        var values: [Double] = []
        for (i, item) in items.enumerated() {
            let limit = probabilities ? 1.0 : FieldReader.largestNumber
            let expected = probabilities ? "a probability between 0 and 1" : "a number ≥ 0"
            if case .refused(let message, let hint) = FieldReader.reading(item) {
                reader.report(at: item, field: "\(field)[\(i)]", "expected \(expected), \(message)", hint: hint)
                return nil
            }
            guard let value = FieldReader.number(from: item), value.isFinite, value >= 0, value <= limit else {
                reader.report(
                    at: item, field: "\(field)[\(i)]", "expected \(expected), found \(FieldReader.describe(item))")
                return nil
            }
            values.append(value)
        }
        return values
    }

    private static func fail(_ reader: inout FieldReader, _ key: String, _ message: String)
        -> CapacityFactorDistribution?
    {
        let at = reader.value(key).map(reader.position(of:)) ?? reader.position
        reader.report(ScenarioError(at: at, field: reader.fieldPath(key), message: message))
        return nil
    }
}
