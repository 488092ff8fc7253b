extension SVGCharts {
    /// One line per series over named periods (x = period, y from 0), with a legend below.
    ///
    /// - Parameter series: name, colour and one value per label (TEU, say), in label order.
    static func lines(_ series: [(name: String, colour: String, values: [Double])], labels: [String], caption: String)
        -> String
    {
        let width = 640.0
        let height = 300.0
        let left = 70.0
        let right = 16.0
        let top = 14.0
        let bottom = 40.0
        let legendHeight = 18.0 * Double((series.count + 3) / 4)
        let maximum = max(series.flatMap(\.values).max() ?? 0, 1)
        let (_, y1) = niceRange(0, maximum)
        let count = max(labels.count, 1)
        func px(_ i: Int) -> Double { left + (Double(i) + 0.5) / Double(count) * (width - left - right) }
        func py(_ y: Double) -> Double { height - bottom - y / y1 * (height - top - bottom) }
        var out = open(width, height + legendHeight, caption)
        out +=
            "<rect x=\"\(N.f(left))\" y=\"\(N.f(top))\" width=\"\(N.f(width - left - right))\" height=\"\(N.f(height - top - bottom))\" fill=\"#f7f9fa\" stroke=\"#c9d1d8\"/>\n"
        for yv in ticks(0, y1) {
            out += "<path d=\"M\(N.f(left)) \(N.f(py(yv)))H\(N.f(width - right))\" stroke=\"#e3e8ec\"/>"
            out +=
                "<text x=\"\(N.f(left - 6))\" y=\"\(N.f(py(yv) + 4))\" text-anchor=\"end\">\(NumberFormatting.grouped(yv))</text>\n"
        }
        let every = max(1, labels.count / 13 + 1)
        for (i, label) in labels.enumerated() where i % every == 0 {
            out +=
                "<text x=\"\(N.f(px(i)))\" y=\"\(N.f(height - bottom + 16))\" text-anchor=\"middle\">\(HTML.escape(label))</text>\n"
        }
        for s in series {
            let d = s.values.enumerated().map { i, v in "\(i == 0 ? "M" : "L")\(N.f(px(i))) \(N.f(py(v)))" }.joined()
            out +=
                "<path class=\"line\" data-series=\"\(HTML.escape(s.name))\" d=\"\(d)\" fill=\"none\" stroke=\"\(s.colour)\" stroke-width=\"2\"/>\n"
            for (i, v) in s.values.enumerated() {
                out +=
                    "<circle cx=\"\(N.f(px(i)))\" cy=\"\(N.f(py(v)))\" r=\"2.5\" fill=\"\(s.colour)\"><title>\(HTML.escape(s.name)) "
                    + "\(HTML.escape(labels.indices.contains(i) ? labels[i] : "")): \(NumberFormatting.grouped(v))</title></circle>\n"
            }
        }
        for (j, s) in series.enumerated() {
            let x = left + Double(j % 4) * 140
            let y = height + Double(j / 4) * 18
            out += "<rect x=\"\(N.f(x))\" y=\"\(N.f(y))\" width=\"12\" height=\"12\" fill=\"\(s.colour)\"/>"
            out += "<text x=\"\(N.f(x + 16))\" y=\"\(N.f(y + 10))\">\(HTML.escape(s.name))</text>\n"
        }
        return out + "</svg>\n"
    }
}
