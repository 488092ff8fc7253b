/// Small inline SVG charts for the HTML reports: stacked shares, bars, and a cost–time scatter.
enum SVGCharts {
    typealias N = SVGNumber

    /// A fixed colour per corridor tag; unknown tags get palette colours in order of appearance.
    static func colour(_ corridor: String, among corridors: [String]) -> String {
        let known = ["sea": "#2d7dd2", "northern": "#8e44ad", "middle": "#e67e22", "southern": "#27ae60", "shared": "#7f8c8d"]
        if let c = known[corridor] { return c }
        let palette = ["#16a085", "#d35400", "#2c3e50", "#c0392b", "#7d3c98", "#b7950b"]
        let unknown = corridors.filter { known[$0] == nil }
        return palette[(unknown.firstIndex(of: corridor) ?? 0) % palette.count]
    }

    static func open(_ width: Double, _ height: Double, _ label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(N.f(width)) \(N.f(height))\" width=\"\(N.f(width))\" "
            + "height=\"\(N.f(height))\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"11\" role=\"img\" "
            + "aria-label=\"\(HTML.escape(label))\">\n"
    }

    /// One horizontal bar per row, split into corridor shares (each row's shares sum to 1).
    static func stackedShares(_ rows: [(label: String, shares: [(corridor: String, share: Double)])], corridors: [String]) -> String {
        let left = 130.0, barWidth = 460.0, rowHeight = 28.0
        let height = Double(rows.count) * rowHeight + 44
        var out = open(left + barWidth + 20, height, "Corridor shares of delivered TEU")
        for (i, row) in rows.enumerated() {
            let y = 6 + Double(i) * rowHeight
            out += "<text x=\"\(N.f(left - 6))\" y=\"\(N.f(y + 15))\" text-anchor=\"end\">\(HTML.escape(row.label))</text>\n"
            var x = left
            for part in row.shares where part.share > 0 {
                let w = part.share * barWidth
                out += "<rect class=\"share\" data-corridor=\"\(HTML.escape(part.corridor))\" x=\"\(N.f(x))\" y=\"\(N.f(y))\" "
                    + "width=\"\(N.f(w))\" height=\"20\" fill=\"\(colour(part.corridor, among: corridors))\">"
                    + "<title>\(HTML.escape(part.corridor)) \(NumberFormatting.percent(part.share))</title></rect>\n"
                if w > 38 {
                    out += "<text x=\"\(N.f(x + w / 2))\" y=\"\(N.f(y + 14))\" text-anchor=\"middle\" fill=\"#ffffff\">"
                        + "\(NumberFormatting.percent(part.share))</text>\n"
                }
                x += w
            }
        }
        var x = left
        let y = Double(rows.count) * rowHeight + 18
        for corridor in corridors {
            out += "<rect x=\"\(N.f(x))\" y=\"\(N.f(y))\" width=\"12\" height=\"12\" fill=\"\(colour(corridor, among: corridors))\"/>"
            out += "<text x=\"\(N.f(x + 16))\" y=\"\(N.f(y + 10))\">\(HTML.escape(corridor))</text>\n"
            x += 28 + Double(corridor.count) * 7
        }
        return out + "</svg>\n"
    }

    /// Horizontal bars with their values written at the end; `format` renders a value.
    static func bars(_ items: [(label: String, value: Double?, colour: String)], caption: String, format: (Double) -> String) -> String {
        let left = 130.0, barWidth = 300.0, rowHeight = 26.0
        let maximum = max(items.compactMap(\.value).max() ?? 0, 1e-9)
        var out = open(left + barWidth + 90, Double(items.count) * rowHeight + 8, caption)
        for (i, item) in items.enumerated() {
            let y = 4 + Double(i) * rowHeight
            out += "<text x=\"\(N.f(left - 6))\" y=\"\(N.f(y + 14))\" text-anchor=\"end\">\(HTML.escape(item.label))</text>\n"
            guard let value = item.value else {
                out += "<text x=\"\(N.f(left + 4))\" y=\"\(N.f(y + 14))\" fill=\"#7b858e\">no solution</text>\n"
                continue
            }
            let w = max(1, value / maximum * barWidth)
            out += "<rect class=\"bar\" x=\"\(N.f(left))\" y=\"\(N.f(y))\" width=\"\(N.f(w))\" height=\"18\" fill=\"\(item.colour)\"/>"
            out += "<text x=\"\(N.f(left + w + 5))\" y=\"\(N.f(y + 14))\">\(HTML.escape(format(value)))</text>\n"
        }
        return out + "</svg>\n"
    }

    /// A scatter of points (x = days, y = USD per TEU); efficient points joined by a line and labelled.
    static func scatter(_ points: [(days: Double, cost: Double, label: String, efficient: Bool)], caption: String) -> String {
        let width = 640.0, height = 400.0, left = 64.0, right = 20.0, top = 16.0, bottom = 44.0
        let xs = points.map(\.days), ys = points.map(\.cost)
        let (x0, x1) = niceRange(xs.min() ?? 0, xs.max() ?? 1)
        let (y0, y1) = niceRange(ys.min() ?? 0, ys.max() ?? 1)
        func px(_ x: Double) -> Double { left + (x - x0) / (x1 - x0) * (width - left - right) }
        func py(_ y: Double) -> Double { height - bottom - (y - y0) / (y1 - y0) * (height - top - bottom) }
        var out = open(width, height, caption)
        out += "<rect x=\"\(N.f(left))\" y=\"\(N.f(top))\" width=\"\(N.f(width - left - right))\" height=\"\(N.f(height - top - bottom))\" fill=\"#f7f9fa\" stroke=\"#c9d1d8\"/>\n"
        for xv in ticks(x0, x1) {
            out += "<text x=\"\(N.f(px(xv)))\" y=\"\(N.f(height - bottom + 16))\" text-anchor=\"middle\">\(NumberFormatting.grouped(xv))</text>\n"
        }
        for yv in ticks(y0, y1) {
            out += "<path d=\"M\(N.f(left)) \(N.f(py(yv)))H\(N.f(width - right))\" stroke=\"#e3e8ec\"/>"
            out += "<text x=\"\(N.f(left - 6))\" y=\"\(N.f(py(yv) + 4))\" text-anchor=\"end\">\(NumberFormatting.grouped(yv))</text>\n"
        }
        out += "<text x=\"\(N.f((left + width - right) / 2))\" y=\"\(N.f(height - 8))\" text-anchor=\"middle\">transit time, days</text>\n"
        out += "<text x=\"14\" y=\"\(N.f((top + height - bottom) / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 14 \(N.f((top + height - bottom) / 2)))\">USD per TEU</text>\n"
        let efficient = points.filter(\.efficient).sorted { $0.days < $1.days }
        if efficient.count > 1 {
            let d = efficient.enumerated().map { i, p in "\(i == 0 ? "M" : "L")\(N.f(px(p.days))) \(N.f(py(p.cost)))" }.joined()
            out += "<path class=\"frontier\" d=\"\(d)\" fill=\"none\" stroke=\"#2d7dd2\" stroke-width=\"2\"/>\n"
        }
        for p in points {
            out += "<circle class=\"point\" cx=\"\(N.f(px(p.days)))\" cy=\"\(N.f(py(p.cost)))\" r=\"5\" "
                + (p.efficient ? "fill=\"#2d7dd2\"" : "fill=\"#ffffff\" stroke=\"#7b858e\"") + "><title>\(HTML.escape(p.label))</title></circle>\n"
            if p.efficient {
                let onRight = px(p.days) > left + (width - left - right) * 0.6
                out += "<text x=\"\(N.f(px(p.days) + (onRight ? -8 : 8)))\" y=\"\(N.f(py(p.cost) - 6))\" font-size=\"10\""
                    + (onRight ? " text-anchor=\"end\"" : "") + ">\(HTML.escape(p.label))</text>\n"
            }
        }
        return out + "</svg>\n"
    }

    /// Round tick values inside [lo, hi]: steps of 1, 2 or 5 × 10ⁿ, about five of them.
    static func ticks(_ lo: Double, _ hi: Double) -> [Double] {
        let raw = max((hi - lo) / 5, 1e-9)
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
        var values: [Double] = []
        var v = (lo / step).rounded(.up) * step
        while v <= hi + 1e-9 * step, values.count < 20 {
            values.append(v)
            v += step
        }
        return values
    }

    /// A range around [lo, hi] with 8 % padding (and some width when lo == hi).
    static func niceRange(_ lo: Double, _ hi: Double) -> (Double, Double) {
        let span = max(hi - lo, max(abs(hi), 1) * 0.1)
        return (lo - span * 0.08, hi + span * 0.08 + (hi == lo ? span : 0))
    }
}
