/// A JSON value with ordered object keys, written deterministically.
///
/// Numbers are written in Swift's shortest round-trip form; non-finite numbers become `null`.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }
    public func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

    /// An optional number, or null.
    public static func number(_ value: Double?) -> JSONValue {
        guard let value else { return .null }
        return .number(value)
    }

    /// Pretty-printed text with two-space indentation and a trailing newline.
    public func rendered() -> String {
        var out = ""
        write(into: &out, indent: 0)
        out += "\n"
        return out
    }

    /// Writes the value: pretty-printed at nesting depth `indent`, or on one line without spaces when `indent` is nil.
    func write(into out: inout String, indent: Int?) {
        let inner = indent.map { $0 + 1 }
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let v): out += Self.format(v)
        case .string(let s): out += Self.quote(s)
        case .array(let items):
            Self.writeMembers(items.count, open: "[", close: "]", into: &out, indent: indent) { i, out in
                items[i].write(into: &out, indent: inner)
            }
        case .object(let members):
            let colon = indent == nil ? ":" : ": "
            Self.writeMembers(members.count, open: "{", close: "}", into: &out, indent: indent) { i, out in
                out += Self.quote(members[i].0) + colon
                members[i].1.write(into: &out, indent: inner)
            }
        }
    }

    /// Writes `count` members, each by `member`, between `open` and `close` and separated by commas: one a line,
    /// indented one level deeper than `indent`; or all on one line when `indent` is nil. `[]` or `{}` when empty.
    private static func writeMembers(
        _ count: Int, open: String, close: String, into out: inout String, indent: Int?,
        member: (Int, inout String) -> Void
    ) {
        guard count > 0 else {
            out += open + close
            return
        }
        let lineStart = indent.map { "\n" + String(repeating: "  ", count: $0 + 1) } ?? ""
        let lineEnd = indent.map { "\n" + String(repeating: "  ", count: $0) } ?? ""
        out += open
        for i in 0..<count {
            if i > 0 { out += "," }
            out += lineStart
            member(i, &out)
        }
        out += lineEnd + close
    }

    static func format(_ v: Double) -> String {
        guard v.isFinite else { return "null" }
        if v == 0 { return "0" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    /// JSON's own escapes: quote, backslash and the control characters with a short form.
    private static let escapes: [Unicode.Scalar: String] = [
        "\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t",
    ]

    /// `s` as a JSON string: quoted, with the other control characters as `\u00XX`.
    static func quote(_ s: String) -> String {
        // Quote, backslash and control characters are single UTF-8 bytes: without any, `s` is its own body.
        guard s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            return "\"" + s + "\""
        }
        let body = s.escaped { scalar in
            if let escape = escapes[scalar] { return escape }
            guard scalar.value < 0x20 else { return nil }
            let hex = String(scalar.value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
        return "\"" + body + "\""
    }
}
