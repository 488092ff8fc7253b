/// A table built once and rendered as text, Markdown, CSV or HTML.
///
/// Cells carry both the display text (grouped thousands, fixed decimals) and, for numbers, the
/// raw value that CSV writes in full precision.
public struct ReportTable: Sendable, Hashable {
    /// A cell: text, or a number with its display text (nil value: not applicable, empty in CSV).
    public enum Cell: Sendable, Hashable {
        case text(String)
        case number(Double?, display: String)

        /// The text shown in text, Markdown and HTML tables.
        public var display: String {
            switch self {
            case .text(let s): s
            case .number(_, let display): display
            }
        }

        /// The CSV field: the text, or the number in shortest round-trip form.
        public var csv: String {
            switch self {
            case .text(let s): s
            case .number(let v, _): v.map(JSONValue.format) ?? ""
            }
        }
    }

    /// A column: the heading people read, the CSV heading (snake_case with the unit), alignment.
    public struct Column: Sendable, Hashable {
        public var header: String
        public var csvHeader: String
        public var numeric: Bool

        public init(_ header: String, csv: String, numeric: Bool = false) {
            self.header = header
            self.csvHeader = csv
            self.numeric = numeric
        }
    }

    /// File stem for CSV exports, e.g. "corridors".
    public var name: String
    /// The heading above the table, e.g. "Corridors".
    public var title: String
    public var columns: [Column]
    public var rows: [[Cell]] = []

    public init(name: String, title: String, columns: [Column]) {
        self.name = name
        self.title = title
        self.columns = columns
    }

    public mutating func add(_ row: [Cell]) { rows.append(row) }

    /// Plain text with two-space indentation (numeric columns right-aligned).
    public func text() -> String {
        var table = TextTable(columns.map(\.header), right: Set(columns.indices.filter { columns[$0].numeric }))
        for row in rows { table.add(row.map(\.display)) }
        return table.rendered()
    }

    /// A GitHub-flavoured Markdown table (pipes escaped).
    public func markdown() -> String {
        func cell(_ s: String) -> String { s.replacingAll("|", with: "\\|") }
        var out = "| " + columns.map { cell($0.header) }.joined(separator: " | ") + " |\n"
        out += "|" + columns.map { $0.numeric ? "---:" : "---" }.joined(separator: "|") + "|\n"
        for row in rows { out += "| " + row.map { cell($0.display) }.joined(separator: " | ") + " |\n" }
        return out
    }

    /// RFC 4180 CSV with a header row and CRLF-free "\n" line ends; numbers unformatted.
    public func csv() -> String {
        var out = columns.map { Self.csvField($0.csvHeader) }.joined(separator: ",") + "\n"
        for row in rows { out += row.map { Self.csvField($0.csv) }.joined(separator: ",") + "\n" }
        return out
    }

    /// An HTML `<table>` (text escaped; numeric columns get class "num").
    public func html() -> String {
        var out = "<table>\n<thead><tr>"
        for c in columns { out += "<th\(c.numeric ? " class=\"num\"" : "")>\(HTML.escape(c.header))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                let numeric = i < columns.count && columns[i].numeric
                out += "<td\(numeric ? " class=\"num\"" : "")>\(HTML.escape(cell.display))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    /// Replaces every occurrence of `target` (Foundation-free).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self {
            if ch == target { out += replacement } else { out.append(ch) }
        }
        return out
    }
}

extension ReportTable.Cell {
    /// A whole number with thousands separators ("—" when nil).
    static func grouped(_ v: Double?) -> Self { .number(v, display: v.map(NumberFormatting.grouped) ?? "—") }
    /// A number with fixed decimals ("—" when nil).
    static func fixed(_ v: Double?, _ decimals: Int) -> Self { .number(v, display: v.map { NumberFormatting.fixed($0, decimals) } ?? "—") }
    /// A 0…1 share shown as a percentage ("—" when nil).
    static func percent(_ v: Double?) -> Self { .number(v, display: v.map(NumberFormatting.percent) ?? "—") }
    /// A signed change with thousands separators ("—" when nil, "0" when it rounds to zero).
    static func signedGrouped(_ v: Double?) -> Self { .number(v, display: v.map(NumberFormatting.signedGrouped) ?? "—") }
}
