/// A plain-text table with right-aligned numeric columns.
struct TextTable {
    var headers: [String]
    /// Which columns are right-aligned.
    var rightAligned: Set<Int>
    var rows: [[String]] = []

    init(_ headers: [String], right: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = right
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    func rendered(indent: String = "  ") -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() where i < widths.count {
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                parts.append(rightAligned.contains(i) ? pad + cell : cell + pad)
            }
            var text = indent + parts.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        var out = line(headers) + "\n"
        out += indent + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }
}
