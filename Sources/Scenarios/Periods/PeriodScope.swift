import FreightNetwork

/// The periods a change is limited to: `periods: [nov, dec]`, or `from: nov, to: feb` (inclusive,
/// wrapping around the end of the year), read with positions and checked against the scenario's
/// periods when the change is applied.
struct PeriodScope {
    /// How the periods were given.
    enum Form {
        /// A list of period names.
        case list([Located<String>])
        /// The first and last period, inclusive; `to` before `from` wraps around the year.
        case range(from: Located<String>, to: Located<String>)
    }

    /// The keys that limit a change to periods.
    static let keys = ["periods", "from", "to"]

    /// How the periods were given.
    var form: Form
    /// The dotted path of the change body, such as `changes[2].close`.
    var path: String
    /// Where the scope's first key is written.
    var position: SourcePosition
    /// The key written first (`periods` or `from`), for messages.
    var key: String

    /// Reads `periods`, or `from` and `to` when `range` is true, from a change body.
    ///
    /// - Returns: `nil` when the body has no scope or it is written wrongly (the reader then holds
    ///   the problems).
    static func read(_ reader: inout FieldReader, range: Bool = true) -> Self? {
        reader.describe("periods", .object([("items", .type("string", ("pattern", "\\S"))), ("minItems", 1)]))
        reader.describeNeedsValue("periods")
        let list = reader.list("periods")
        let names = list.map { readNames($0, &reader) }
        var from: Located<String>?
        var to: Located<String>?
        if range {
            if reader.isDescribing {
                let pairs: [(String, SchemaValue)] = [("from", .array(["to"])), ("to", .array(["from"]))]
                reader.describeMapping(.object([("dependencies", .object(pairs))]))
                reader.describeMapping(.forbidding(together: ["periods", "from"]))
            }
            from = reader.word("from")
            to = reader.word("to")
            for (given, missing) in [(from, "to"), (to, "from")] where given != nil && !reader.contains(missing) {
                let other = missing == "to" ? "from" : "to"
                let message = "'\(other)' needs '\(missing)': a period range names its first and last period"
                reader.report(ScenarioError(at: reader.position, field: reader.fieldPath(missing), message: message))
            }
            if let periods = reader.keys.first(where: { $0.value == "periods" }), from != nil || to != nil {
                let message = "give either 'periods' or 'from'/'to', not both"
                reader.report(ScenarioError(at: periods.position, field: reader.fieldPath("periods"), message: message))
            }
        }
        if let list, list.isEmpty {
            let message = "expected at least one period name"
            reader.report(ScenarioError(at: reader.position, field: reader.fieldPath("periods"), message: message))
        }
        guard reader.isValid else { return nil }
        let first = reader.keys.first { Self.keys.contains($0.value) && (range || $0.value == "periods") }
        guard let first else { return nil }
        if let names { return Self(form: .list(names), path: reader.path, position: first.position, key: first.value) }
        guard let from, let to else { return nil }
        return Self(form: .range(from: from, to: to), path: reader.path, position: first.position, key: first.value)
    }

    /// Reads the names of a `periods` list, reporting entries that are not words.
    private static func readNames(_ entries: [YAMLNode], _ reader: inout FieldReader) -> [Located<String>] {
        entries.enumerated().compactMap { index, entry in
            let field = "\(reader.fieldPath("periods"))[\(index)]"
            guard let text = entry.scalar?.string, !YAMLDocument.isNull(entry), !text.trimmingSpaces().isEmpty else {
                reader.report(at: entry, field: field, "expected a period name, found \(FieldReader.describe(entry))")
                return nil
            }
            return Located(value: text, position: reader.position(of: entry))
        }
    }

    /// The indices of the periods this scope names, in year order, or `nil` after recording an
    /// error for each unknown or repeated name.
    func resolve(against periods: PeriodDraft, into diagnostics: inout ScenarioDiagnostics) -> [Int]? {
        let names = periods.names
        func index(_ name: Located<String>, field: String) -> Int? {
            if let found = names.firstIndex(of: name.value) { return found }
            diagnostics.append(
                ScenarioError(
                    at: name.position, field: field, message: "unknown period '\(name.value)'",
                    hint: Suggestions.hint(for: name.value, in: names)
                        ?? "the periods are \(Self.summary(names))"))
            return nil
        }
        switch form {
        case .list(let listed):
            var picked: [Int] = []
            var ok = true
            for (offset, name) in listed.enumerated() {
                let field = "\(path).periods[\(offset)]"
                guard let found = index(name, field: field) else {
                    ok = false
                    continue
                }
                if picked.contains(found) {
                    diagnostics.append(
                        ScenarioError(at: name.position, field: field, message: "period '\(name.value)' listed twice"))
                    ok = false
                }
                picked.append(found)
            }
            return ok ? picked.sorted() : nil
        case .range(let from, let to):
            let first = index(from, field: "\(path).from")
            let last = index(to, field: "\(path).to")
            guard let first, let last else { return nil }
            let count = (last - first + names.count) % names.count + 1
            return (0..<count).map { (first + $0) % names.count }
        }
    }

    /// ` in nov, dec` or ` from nov to feb`, for the change's description line.
    var summary: String {
        switch form {
        case .list(let names): " in \(names.map(\.value).joined(separator: ", "))"
        case .range(let from, let to): " from \(from.value) to \(to.value)"
        }
    }

    /// `jan, feb, …, dec` (the first three and the last when there are more than six).
    static func summary(_ names: [String]) -> String {
        names.count <= 6
            ? names.joined(separator: ", ") : (names.prefix(3) + ["…", names.last ?? ""]).joined(separator: ", ")
    }
}
