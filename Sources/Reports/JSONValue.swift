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
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(into: &out, indent: 0)
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the value as UTF-8: pretty-printed at nesting depth `indent`, or on one line without spaces when
    /// `indent` is nil.
    ///
    /// Everything is appended to one byte buffer (no text is built per member and then copied): a run's report
    /// has tens of thousands of members, and appending bytes costs a fraction of appending to a `String`.
    func write(into out: inout [UInt8], indent: Int?) {
        let inner = indent.map { $0 + 1 }
        switch self {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .number(let v): out += Self.format(v).utf8
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            Self.writeMembers(items.count, open: "[", close: "]", into: &out, indent: indent) { i, out in
                items[i].write(into: &out, indent: inner)
            }
        case .object(let members):
            Self.writeMembers(members.count, open: "{", close: "}", into: &out, indent: indent) { i, out in
                Self.quote(members[i].0, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                members[i].1.write(into: &out, indent: inner)
            }
        }
    }

    /// Writes `count` members, each by `member`, between `open` and `close` and separated by commas: one a line,
    /// indented one level deeper than `indent`; or all on one line when `indent` is nil. `[]` or `{}` when empty.
    private static func writeMembers(
        _ count: Int, open: Unicode.Scalar, close: Unicode.Scalar, into out: inout [UInt8], indent: Int?,
        member: (Int, inout [UInt8]) -> Void
    ) {
        out.append(UInt8(ascii: open))
        guard count > 0 else {
            out.append(UInt8(ascii: close))
            return
        }
        for i in 0..<count {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            if let indent { newLine(depth: indent + 1, into: &out) }
            member(i, &out)
        }
        if let indent { newLine(depth: indent, into: &out) }
        out.append(UInt8(ascii: close))
    }

    /// A line end and two spaces per level of `depth`.
    private static func newLine(depth: Int, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    static func format(_ v: Double) -> String {
        guard v.isFinite else { return "null" }
        if v == 0 { return "0" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return v.description
    }

    /// JSON's own escapes: quote, backslash and the control characters with a short form.
    private static let escapes: [Unicode.Scalar: String] = [
        "\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t",
    ]

    /// Appends `s` as a JSON string to `out` (UTF-8): quoted, with the other control characters as `\u00XX`.
    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Quote, backslash and control characters are single UTF-8 bytes: without any, `s` is its own body.
        if s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += s.escaped { scalar in
                if let escape = escapes[scalar] { return escape }
                guard scalar.value < 0x20 else { return nil }
                let hex = String(scalar.value, radix: 16)
                return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }.utf8
        } else {
            out += s.utf8
        }
        out.append(UInt8(ascii: "\""))
    }
}
