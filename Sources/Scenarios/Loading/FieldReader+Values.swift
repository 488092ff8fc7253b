
/// What a number field accepts beyond being finite.
enum NumberRule {
    /// Any finite number.
    case finite
    /// A finite number ≥ 0.
    case nonNegative
    /// A finite number in a range, named in the message ("a latitude").
    case range(ClosedRange<Double>, name: String)

    /// The rule as JSON Schema: a number with its bounds (at most 1e15 in size, ``FieldReader/largestNumber``).
    var schema: SchemaValue {
        let (low, high) =
            switch self {
            case .finite: (-FieldReader.largestNumber, FieldReader.largestNumber)
            case .nonNegative: (0, FieldReader.largestNumber)
            case .range(let range, _): (range.lowerBound, range.upperBound)
            }
        return .type("number", ("minimum", .number(low)), ("maximum", .number(high)))
    }
}

extension FieldReader {
    /// The largest magnitude a number in a file may have: products of volumes and costs stay
    /// finite, and nothing real comes near it (world container traffic is about 1e9 TEU/year).
    static let largestNumber = 1e15

    /// Reads the documentation fields every record may carry (`source`, `notes`): text, not used by the model.
    mutating func notes() {
        _ = string("source")
        _ = string("notes")
    }

    /// Reads a string field; any scalar counts (so `country: NO` stays the text "NO").
    mutating func string(_ key: String, required: Bool = false) -> Located<String>? {
        describe(key, .type("string"), required: required)
        guard let node = present(key, required: required) else { return nil }
        guard let scalar = node.scalar else {
            report(at: node, field: fieldPath(key), "expected a string, found \(Self.describe(node))")
            return nil
        }
        return Located(value: scalar.string, position: position(of: node))
    }

    /// Reads a non-empty string field, such as a corridor tag.
    mutating func word(_ key: String, required: Bool = false) -> Located<String>? {
        describe(key, .object([("pattern", "\\S")]))
        guard let text = string(key, required: required) else { return nil }
        guard !text.value.trimmingSpaces().isEmpty else {
            report(ScenarioError(at: text.position, field: fieldPath(key), message: "must not be empty"))
            return nil
        }
        return text
    }

    /// Reads a number field and checks it against `rule`.
    mutating func number(_ key: String, required: Bool = false, rule: NumberRule = .nonNegative) -> Double? {
        describe(key, rule.schema, required: required)
        guard let node = present(key, required: required) else { return nil }
        let number: Double
        switch Self.reading(node) {
        case .value(let value):
            number = value
        case .refused(let message, let hint):
            report(at: node, field: fieldPath(key), "expected a decimal number, \(message)", hint: hint)
            return nil
        case .notANumber:
            report(at: node, field: fieldPath(key), "expected a number, found \(Self.describe(node))")
            return nil
        }
        guard number.isFinite else {
            report(at: node, field: fieldPath(key), "expected a finite number, found \(Self.describe(node))")
            return nil
        }
        guard abs(number) <= Self.largestNumber else {
            let limit = "expected a number of at most 1e15 in size (larger ones are mistakes)"
            report(at: node, field: fieldPath(key), "\(limit), found \(Self.describe(node))")
            return nil
        }
        switch rule {
        case .finite:
            return number
        case .nonNegative:
            guard number >= 0 else {
                report(at: node, field: fieldPath(key), "expected a number ≥ 0, found \(Self.describe(node))")
                return nil
            }
        case .range(let range, let name):
            guard range.contains(number) else {
                let bounds = "\(Self.format(range.lowerBound)) and \(Self.format(range.upperBound))"
                report(at: node, field: fieldPath(key), "expected \(name) between \(bounds), found \(Self.describe(node))")
                return nil
            }
        }
        return number
    }

    /// Reads an integer field (`schema_version`, `gauge_mm`).
    mutating func integer(_ key: String, required: Bool = false) -> Located<Int>? {
        describe(key, .type("integer"), required: required)
        guard let node = present(key, required: required) else { return nil }
        let reading = Self.reading(node)
        if case .refused(let message, let hint) = reading {
            report(at: node, field: fieldPath(key), "expected a decimal integer, \(message)", hint: hint)
            return nil
        }
        let text = node.scalar?.string.trimmingSpaces() ?? ""
        let isWhole = text.utf8.allSatisfy { $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: "e") && $0 != UInt8(ascii: "E") }
        guard case .value = reading, isWhole, let value = Int(text)
        else {
            report(at: node, field: fieldPath(key), "expected an integer, found \(Self.describe(node))")
            return nil
        }
        return Located(value: value, position: position(of: node))
    }

    /// Reads a boolean field: a plain `true` or `false` (YAML 1.1's `yes`, `no`, `on` and `off` are
    /// errors saying what they would have meant).
    mutating func bool(_ key: String) -> Bool? {
        describe(key, .type("boolean"))
        guard let node = present(key, required: false) else { return nil }
        guard let scalar = node.scalar, scalar.style == .plain else {
            report(at: node, field: fieldPath(key), "expected true or false, found \(Self.describe(node))")
            return nil
        }
        switch ScalarText.boolean(scalar.string) {
        case .value(let value):
            return value
        case .refused(let message, let hint):
            report(at: node, field: fieldPath(key), "expected true or false, \(message)", hint: hint)
        case .notABoolean:
            report(at: node, field: fieldPath(key), "expected true or false, found \(Self.describe(node))")
        }
        return nil
    }

    /// Reads a field whose value must be one of `E`'s raw values, suggesting the nearest.
    mutating func choice<E: RawRepresentable & CaseIterable>(
        _ key: String, as type: E.Type = E.self, required: Bool = true
    ) -> E? where E.RawValue == String {
        describe(key, .object([("enum", .array(E.allCases.map { .string($0.rawValue) }))]))
        guard let text = string(key, required: required) else { return nil }
        if let value = E(rawValue: text.value) { return value }
        let allowed = E.allCases.map(\.rawValue)
        report(Self.choiceError(text, field: fieldPath(key), allowed: allowed))
        return nil
    }

    /// "expected one of a, b, c, found 'x'" with the nearest allowed value as the hint.
    static func choiceError(_ text: Located<String>, field: String, allowed: [String]) -> ScenarioError {
        ScenarioError(
            at: text.position,
            field: field,
            message: "expected one of \(allowed.joined(separator: ", ")), found '\(text.value)'",
            hint: Suggestions.hint(for: text.value, in: allowed)
        )
    }

    /// Reads an id that this record defines and checks its characters and length.
    ///
    /// An invalid id is reported but still returned, so that references to it are not reported
    /// again as unknown; the record itself is invalid.
    mutating func identifier(_ key: String, required: Bool = true) -> Located<String>? {
        describe(key, .object([("pattern", "^[A-Za-z0-9_.-]{1,64}$")]))
        guard let text = string(key, required: required) else { return nil }
        if let problem = Self.identifierProblem(text.value) {
            report(ScenarioError(at: text.position, field: fieldPath(key), message: problem))
        }
        return text
    }

    /// Why `id` is not a valid id, or `nil` when it is.
    static func identifierProblem(_ id: String) -> String? {
        if (1...64).contains(id.utf8.count), id.utf8.allSatisfy(Self.isPlainIDByte) { return nil }
        let allowed = id.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "_.-".unicodeScalars.contains(scalar))
        }
        if id.isEmpty { return "an id must not be empty" }
        if id.contains(":") {
            return "invalid id '\(id)': ':' is reserved (for the reverse 'ID:rev' of a bidirectional link)"
        }
        if !allowed { return "invalid id '\(id)': use only letters, digits, '_', '-' and '.'" }
        if id.count > 64 { return "invalid id '\(id.prefix(20))…': \(id.count) characters long, at most 64 allowed" }
        return nil
    }

    /// True for the bytes of a valid id: ASCII letters, digits, `_`, `.` and `-`.
    private static func isPlainIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"):
            true
        default: false
        }
    }

    /// Reads a list field; a null value counts as an empty list.
    mutating func list(_ key: String) -> [YAMLNode]? {
        describe(key, .type("array"))
        guard let node = entry(key) else { return nil }
        if YAMLDocument.isNull(node) { return [] }
        guard let sequence = node.sequence else {
            report(at: node, field: fieldPath(key), "expected a list, found \(Self.describe(node))")
            return nil
        }
        return Array(sequence)
    }

    /// The value under `key`, recording "required field is missing" or "expected …, found nothing".
    private mutating func present(_ key: String, required: Bool) -> YAMLNode? {
        guard let node = lookup(key) else {
            if required { reportMissing(key) }
            return nil
        }
        guard !YAMLDocument.isNull(node) else {
            if required { report(at: node, field: fieldPath(key), "required field has no value") }
            return nil
        }
        return node
    }

    /// How a scalar reads as a number under the YAML 1.2 core schema (see ``ScalarText``).
    ///
    /// Plain and quoted scalars are read alike (`lat: "60.5"` is a number); null, a boolean, a
    /// mapping or a list is not a number.
    static func reading(_ node: YAMLNode) -> ScalarText.Number {
        guard let scalar = node.scalar else { return .notANumber }
        // No boolean or null starts with a digit, a sign or a point: most numbers skip those tests.
        if scalar.style == .plain, !startsLikeANumber(scalar.string),
            ScalarText.boolean(scalar.string) != .notABoolean || YAMLDocument.isNull(node)
        {
            return .notANumber
        }
        return ScalarText.number(scalar.string.trimmingSpaces())
    }

    /// True when `text` starts with an ASCII digit, `-`, `+` or `.`.
    private static func startsLikeANumber(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."): return true
        default: return false
        }
    }

    /// The number in a scalar, or `nil` when it is not a YAML 1.2 decimal number.
    static func number(from node: YAMLNode) -> Double? {
        guard case .value(let value) = reading(node) else { return nil }
        return value
    }

    /// A number as written in messages: `90`, `0.7`.
    static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

extension String {
    /// The string without leading and trailing spaces.
    func trimmingSpaces() -> String {
        if let first = utf8.first, let last = utf8.last, Self.isASCIIVisible(first), Self.isASCIIVisible(last) {
            return self
        }
        var text = Substring(self)
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return String(text)
    }

    /// True for an ASCII byte that is neither a space nor a control character: never trimmed.
    private static func isASCIIVisible(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
}
