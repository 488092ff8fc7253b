/// A JSON value whose object members keep the order they were written in, for generated files that
/// must come out byte for byte the same on every run (the JSON Schemas of `schemas/`).
indirect enum SchemaValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral
{
    case null
    case string(String)
    case number(Double)
    case bool(Bool)
    case array([SchemaValue])
    /// Members in order; a key appears once.
    case object([(String, SchemaValue)])

    typealias StringLiteralType = String
    typealias BooleanLiteralType = Bool
    typealias IntegerLiteralType = Int

    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .number(Double(value)) }

    static func == (lhs: SchemaValue, rhs: SchemaValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.string(let a), .string(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: false
        }
    }

    /// The member `key` of an object, or `nil`.
    subscript(key: String) -> SchemaValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// This object with `other`'s members added: a member already here takes `other`'s value where
    /// it was, a new one goes last (`type` first, so that it leads the member list).
    func merging(_ other: SchemaValue) -> SchemaValue {
        guard case .object(var members) = self, case .object(let added) = other else { return other }
        for (key, value) in added {
            if let index = members.firstIndex(where: { $0.0 == key }) {
                members[index].1 = value
            } else if key == "type" {
                members.insert((key, value), at: 0)
            } else {
                members.append((key, value))
            }
        }
        return .object(members)
    }

    /// The value as indented JSON text (two spaces; short arrays of scalars on one line), ending in a newline.
    var text: String {
        var out = ""
        write(to: &out, indent: "")
        return out + "\n"
    }

    private func write(to out: inout String, indent: String) {
        switch self {
        case .null: out += "null"
        case .string(let text): out += Self.quoted(text)
        case .number(let value): out += Self.format(value)
        case .bool(let value): out += value ? "true" : "false"
        case .array(let items):
            if items.isEmpty {
                out += "[]"
            } else if items.allSatisfy(\.isScalar) {
                out += "[" + items.map { $0.text.dropLast() }.joined(separator: ", ") + "]"
            } else {
                out += "[\n"
                for (index, item) in items.enumerated() {
                    out += indent + "  "
                    item.write(to: &out, indent: indent + "  ")
                    out += index == items.count - 1 ? "\n" : ",\n"
                }
                out += indent + "]"
            }
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            out += "{\n"
            for (index, (key, value)) in members.enumerated() {
                out += indent + "  " + Self.quoted(key) + ": "
                value.write(to: &out, indent: indent + "  ")
                out += index == members.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// A whole number without a fraction (`1000000000000000`), any other as Swift writes it (`0.001`).
    private static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) <= 1e15 ? String(Int(value)) : String(value)
    }

    /// `text` as a JSON string literal. Schema texts are keys, patterns and sentences written in the code, without
    /// control characters: only `"` and `\` are escaped.
    private static func quoted(_ text: String) -> String {
        precondition(text.unicodeScalars.allSatisfy { $0.value >= 0x20 }, "a control character in schema text")
        return "\"" + text.flatMap { $0 == "\"" || $0 == "\\" ? ["\\", $0] : [$0] } + "\""
    }
}
