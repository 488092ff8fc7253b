import FreightNetwork
public import Simulation

/// A map of one result as SVG: links as paths (width by flow, colour by utilization), nodes as
/// circles, hubs labelled, a graticule and a legend. Deterministic text.
///
/// Every directed link is one `<path class="link …" data-id="ID">`; the two directions of a
/// bidirectional link are drawn side by side, each offset to the right of its direction of travel.
public enum SVGMap {
    /// Width of the drawing, pixels.
    static let width = 1200.0
    /// The widest link stroke, pixels (drawn for the largest flow on any panel).
    static let maxStroke = 13.0

    /// A standalone SVG document of one result.
    public static func render(_ r: FlowResult, title: String) -> String {
        document(panels: [(title, r)])
    }

    /// One SVG document with a map per result, stacked, on a common flow scale.
    public static func document(panels: [(title: String, result: FlowResult)]) -> String {
        let maxFlow = panels.flatMap { $0.result.links.map(\.flowTEU) }.max() ?? 0
        var body = ""
        var y = 0.0
        for (i, panel) in panels.enumerated() {
            let drawn = self.panel(panel.result, title: panel.title, top: y, maxFlow: maxFlow, index: i)
            body += drawn.svg
            y += drawn.height
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVGNumber.f(width)) \(SVGNumber.f(y))\" "
            + "width=\"\(SVGNumber.f(width))\" height=\"\(SVGNumber.f(y))\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n"
            + body + "</svg>\n"
    }

    /// One map panel at vertical offset `top`: its SVG group and height in pixels.
    static func panel(_ r: FlowResult, title: String, top: Double, maxFlow: Double, index: Int) -> (svg: String, height: Double) {
        panel(r, title: title, top: top, index: index, style: { flowStyle($0, maxFlow: maxFlow) }) { legend(top: $0, maxFlow: maxFlow) }
    }

    /// A map panel with a given link style and legend (drawn at the vertical offset passed in).
    static func panel(_ r: FlowResult, title: String, top: Double, index: Int, style: (LinkFlow) -> LinkStyle,
        legend: (Double) -> String) -> (svg: String, height: Double)
    {
        let header = 30.0
        let projection = projection(r, top: top, header: header)
        let mapBottom = top + header + projection.height
        let legendHeight = 64.0
        var out = "<g class=\"panel\" data-panel=\"\(index)\" data-scenario=\"\(HTML.escape(title))\">\n"
        out += "<rect x=\"0\" y=\"\(SVGNumber.f(top))\" width=\"\(SVGNumber.f(width))\" height=\"\(SVGNumber.f(header + projection.height + legendHeight))\" fill=\"#ffffff\"/>\n"
        out += "<text x=\"8\" y=\"\(SVGNumber.f(top + 20))\" font-size=\"15\" font-weight=\"bold\" fill=\"#1d232a\">\(HTML.escape(title))</text>\n"
        out += "<rect class=\"sea\" x=\"0\" y=\"\(SVGNumber.f(top + header))\" width=\"\(SVGNumber.f(width))\" height=\"\(SVGNumber.f(projection.height))\" fill=\"#eef3f7\"/>\n"
        out += Basemap.svg(projection)
        out += graticule(projection)
        out += links(r, projection, style: style)
        out += nodes(r, projection)
        out += "<text class=\"attribution\" x=\"\(SVGNumber.f(width - 6))\" y=\"\(SVGNumber.f(top + header + 12))\" text-anchor=\"end\" "
            + "font-size=\"9\" fill=\"#7d8790\">\(Basemap.attribution)</text>\n"
        out += legend(mapBottom + 6)
        out += "</g>\n"
        return (out, header + projection.height + legendHeight)
    }

    /// The projection of a panel at vertical offset `top`: fitted to the nodes and to the sea lanes the
    /// sea and ferry links are drawn along (``SeaLanes``).
    static func projection(_ r: FlowResult, top: Double, header: Double) -> MapProjection {
        var points = r.nodes.map { (lon: $0.longitude, lat: $0.latitude) }
        var degrees: [Node.ID: Basemap.Point] = [:]
        for n in r.nodes { degrees[n.id] = (n.longitude, n.latitude) }
        for l in r.links where l.mode == .sea || l.mode == .ferry {
            guard let from = degrees[l.from], let to = degrees[l.to] else { continue }
            points += SeaLanes.route(from: from, to: to)
        }
        return MapProjection(points: points, width: width, originY: top + header)
    }

    static func graticule(_ p: MapProjection) -> String {
        var out = "<g class=\"graticule\" stroke=\"#d5dee6\" stroke-width=\"0.6\" fill=\"#8a99a6\" font-size=\"9\">\n"
        let lons = p.lonRange
        let lats = p.latRange
        var lon = (lons.lowerBound / 20).rounded(.up) * 20
        while lon <= lons.upperBound {
            let a = p.project(lon: lon, lat: lats.upperBound)
            let b = p.project(lon: lon, lat: lats.lowerBound)
            out += "<path d=\"M\(SVGNumber.f(a.x)) \(SVGNumber.f(a.y))V\(SVGNumber.f(b.y))\"/>"
            out += "<text x=\"\(SVGNumber.f(a.x + 2))\" y=\"\(SVGNumber.f(b.y - 3))\" stroke=\"none\">\(degrees(lon, "E", "W"))</text>\n"
            lon += 20
        }
        var lat = (lats.lowerBound / 20).rounded(.up) * 20
        while lat <= lats.upperBound {
            let a = p.project(lon: lons.lowerBound, lat: lat)
            let b = p.project(lon: lons.upperBound, lat: lat)
            out += "<path d=\"M\(SVGNumber.f(a.x)) \(SVGNumber.f(a.y))H\(SVGNumber.f(b.x))\"/>"
            out += "<text x=\"\(SVGNumber.f(a.x + 2))\" y=\"\(SVGNumber.f(a.y - 2))\" stroke=\"none\">\(degrees(lat, "N", "S"))</text>\n"
            lat += 20
        }
        return out + "</g>\n"
    }

    static func degrees(_ v: Double, _ positive: String, _ negative: String) -> String {
        let whole = Int(v.rounded())
        return whole == 0 ? "0°" : "\(abs(whole))°\(whole > 0 ? positive : negative)"
    }

    /// Stroke width in pixels for a flow: the square root of the flow's share of `maxFlow`.
    static func stroke(_ flow: Double, maxFlow: Double) -> Double {
        guard flow > 0, maxFlow > 0 else { return 1 }
        return 1.5 + (maxStroke - 1.5) * (flow / maxFlow).squareRoot()
    }

    /// How one link is drawn: stroke width in pixels, colour, and its state for the `class` attribute.
    struct LinkStyle {
        var width: Double
        var colour: String
        /// "used", "idle" or "closed" (idle and closed links are dashed and drawn underneath).
        var state: String
    }

    /// Width by flow (square root of its share of `maxFlow`), colour by utilization of capacity.
    static func flowStyle(_ l: LinkFlow, maxFlow: Double) -> LinkStyle {
        if l.isClosed { return LinkStyle(width: 1, colour: "#c0392b", state: "closed") }
        if l.flowTEU > 0 { return LinkStyle(width: stroke(l.flowTEU, maxFlow: maxFlow), colour: UtilizationClass(l.utilization).colour, state: "used") }
        return LinkStyle(width: 0.8, colour: "#aab4bd", state: "idle")
    }

    static func links(_ r: FlowResult, _ p: MapProjection, style: (LinkFlow) -> LinkStyle) -> String {
        var position: [Node.ID: (x: Double, y: Double)] = [:]
        var degrees: [Node.ID: Basemap.Point] = [:]
        for n in r.nodes {
            position[n.id] = p.project(lon: n.longitude, lat: n.latitude)
            degrees[n.id] = (n.longitude, n.latitude)
        }
        var pairs: [String: Int] = [:]
        for l in r.links { pairs[[l.from.rawValue, l.to.rawValue].sorted().joined(separator: "\u{1F}"), default: 0] += 1 }
        var lane: [String: Int] = [:]
        var idle = "<g class=\"links idle\">\n"
        var used = "<g class=\"links used\">\n"
        let styles = r.links.map(style)
        // Draw used links widest first so thin ones stay visible on top.
        let order = r.links.indices.sorted { (styles[$0].width, $1) > (styles[$1].width, $0) }
        for i in order {
            let l = r.links[i]
            let look = styles[i]
            guard let a = position[l.from], let b = position[l.to] else { continue }
            let w = look.state == "used" ? look.width : 1
            let key = "\(l.from.rawValue)\u{1F}\(l.to.rawValue)"
            let shared = (pairs[[l.from.rawValue, l.to.rawValue].sorted().joined(separator: "\u{1F}")] ?? 1) > 1
            let k = lane[key, default: 0]
            lane[key] = k + 1
            var points = [a, b]
            if l.mode == .sea || l.mode == .ferry, let from = degrees[l.from], let to = degrees[l.to] {
                points = SeaLanes.route(from: from, to: to).map { p.project(lon: $0.lon, lat: $0.lat) }
            }
            let d = path(points, offset: shared ? w / 2 + 0.8 + Double(k) * 3 : 0)
            var attributes = "class=\"link \(look.state) \(HTML.escape(l.mode.rawValue))\" data-id=\"\(HTML.escape(l.id.rawValue))\" d=\"\(d)\" "
                + "stroke=\"\(look.colour)\" stroke-width=\"\(SVGNumber.f(look.width))\""
            switch look.state {
            case "closed": attributes += " stroke-dasharray=\"3 3\" stroke-opacity=\"0.55\""
            case "idle": attributes += " stroke-dasharray=\"2 3\""
            default: attributes += " stroke-opacity=\"0.85\""
            }
            let tip = "\(l.id): \(l.from) → \(l.to) (\(l.mode.rawValue), \(l.corridor)); flow \(NumberFormatting.grouped(l.flowTEU)) TEU/yr"
                + (l.capacityTEU.map { "; capacity \(NumberFormatting.grouped($0)) TEU/yr" } ?? "; no capacity limit")
                + (l.utilization.map { "; utilization \(NumberFormatting.percent($0))" } ?? "")
                + ((l.shadowPriceUSDPerTEU ?? 0) > 0 ? "; shadow price USD \(NumberFormatting.grouped(l.shadowPriceUSDPerTEU ?? 0))/TEU" : "")
                + (l.isClosed ? "; closed" : "")
            let path = "<path fill=\"none\" stroke-linecap=\"round\" \(attributes)><title>\(HTML.escape(tip))</title></path>\n"
            if look.state == "used" { used += path } else { idle += path }
        }
        return idle + "</g>\n" + used + "</g>\n"
    }

    /// An SVG path through `points` (pixels), each vertex moved `offset` pixels to the right of the
    /// direction of travel (the mean of its segments' normals), so that the two directions of a link
    /// run side by side.
    static func path(_ points: [(x: Double, y: Double)], offset: Double) -> String {
        func normal(_ i: Int) -> (x: Double, y: Double) {
            let (a, b) = (points[i], points[i + 1])
            let length = max(1e-9, ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot())
            return (-(b.y - a.y) / length, (b.x - a.x) / length)
        }
        var d = ""
        for i in points.indices {
            var n = (x: 0.0, y: 0.0)
            if offset != 0 && points.count > 1 {
                let before = i > 0 ? normal(i - 1) : normal(i)
                let after = i < points.count - 1 ? normal(i) : normal(i - 1)
                let sum = (x: before.x + after.x, y: before.y + after.y)
                let length = max(1e-9, (sum.x * sum.x + sum.y * sum.y).squareRoot())
                n = (sum.x / length * offset, sum.y / length * offset)
            }
            d += "\(i == 0 ? "M" : "L")\(SVGNumber.f(points[i].x + n.x)) \(SVGNumber.f(points[i].y + n.y))"
        }
        return d
    }

    static func nodes(_ r: FlowResult, _ p: MapProjection) -> String {
        let maxThroughput = r.nodes.map(\.throughputTEU).max() ?? 0
        let binding = Set(r.binding.filter { $0.element == .node }.map(\.id))
        var circles = "<g class=\"nodes\" stroke=\"#ffffff\" stroke-width=\"0.8\">\n"
        var candidates: [(priority: Int, flow: Double, id: String, text: String, x: Double, y: Double, r: Double, bold: Bool)] = []
        for n in r.nodes {
            let at = p.project(lon: n.longitude, lat: n.latitude)
            let radius = n.throughputTEU > 0 && maxThroughput > 0 ? 2.5 + 4.5 * (n.throughputTEU / maxThroughput).squareRoot() : 2
            let fill = n.isClosed ? "#c0392b" : n.throughputTEU > 0 ? UtilizationClass(n.utilization).colour : "#b7c0c8"
            let tip = "\(n.id) \(n.name) (\(n.kind.rawValue), \(n.country)); throughput \(NumberFormatting.grouped(n.throughputTEU)) TEU/yr"
                + (n.capacityTEU.map { "; capacity \(NumberFormatting.grouped($0)) TEU/yr" } ?? "")
                + ((n.shadowPriceUSDPerTEU ?? 0) > 0 ? "; shadow price USD \(NumberFormatting.grouped(n.shadowPriceUSDPerTEU ?? 0))/TEU" : "")
                + (n.isClosed ? "; closed" : "")
            circles += "<circle class=\"node \(n.kind.rawValue)\" data-id=\"\(HTML.escape(n.id.rawValue))\" cx=\"\(SVGNumber.f(at.x))\" "
                + "cy=\"\(SVGNumber.f(at.y))\" r=\"\(SVGNumber.f(radius))\" fill=\"\(fill)\"><title>\(HTML.escape(tip))</title></circle>\n"
            let isBinding = binding.contains(n.id.rawValue)
            let priority = isBinding ? 0 : n.kind == .hub ? 1 : n.kind == .waypoint && n.throughputTEU > 0 ? 2 : 3
            guard priority < 3 else { continue }
            candidates.append((priority, n.throughputTEU, n.id.rawValue, isBinding ? "\(n.id) ▲" : n.id.rawValue, at.x, at.y, radius, isBinding))
        }
        candidates.sort { ($0.priority, -$0.flow, $0.id) < ($1.priority, -$1.flow, $1.id) }
        var placed: [(x0: Double, y0: Double, x1: Double, y1: Double)] = []
        var labels = "<g class=\"labels\" font-size=\"10\" fill=\"#1d232a\" stroke=\"#ffffff\" stroke-width=\"2.6\" paint-order=\"stroke\">\n"
        for c in candidates {
            let w = Double(c.text.count) * 6.6, h = 10.0
            // Around the circle, right side first: the first spot that overlaps no placed label.
            let d = c.r * 0.7 + 1
            let spots = [(c.x + c.r + 2, c.y + 3.5, "start"), (c.x - c.r - 2, c.y + 3.5, "end"),
                (c.x, c.y - c.r - 3, "middle"), (c.x, c.y + c.r + 10, "middle"),
                (c.x + d, c.y - d - 1, "start"), (c.x + d, c.y + d + 8, "start"),
                (c.x - d, c.y - d - 1, "end"), (c.x - d, c.y + d + 8, "end")]
            for (x, y, anchor) in spots {
                let x0 = anchor == "start" ? x : anchor == "end" ? x - w : x - w / 2
                let box = (x0: x0 - 1, y0: y - h + 1, x1: x0 + w + 1, y1: y + 2)
                guard !placed.contains(where: { $0.x0 < box.x1 && box.x0 < $0.x1 && $0.y0 < box.y1 && box.y0 < $0.y1 }) else { continue }
                placed.append(box)
                labels += "<text x=\"\(SVGNumber.f(x))\" y=\"\(SVGNumber.f(y))\"" + (anchor == "start" ? "" : " text-anchor=\"\(anchor)\"")
                    + (c.bold ? " font-weight=\"bold\" fill=\"#8e1b1b\"" : "") + ">\(HTML.escape(c.text))</text>\n"
                break
            }
        }
        return circles + "</g>\n" + labels + "</g>\n"
    }

    static func legend(top: Double, maxFlow: Double) -> String {
        var out = "<g class=\"legend\" font-size=\"11\" fill=\"#1d232a\">\n"
        out += "<text x=\"8\" y=\"\(SVGNumber.f(top + 12))\" font-weight=\"bold\">Flow (TEU/yr)</text>\n"
        var x = 8.0
        for fraction in [0.05, 0.25, 1.0] where maxFlow > 0 {
            let flow = Self.round(maxFlow * fraction)
            let w = stroke(flow, maxFlow: maxFlow)
            out += "<path d=\"M\(SVGNumber.f(x)) \(SVGNumber.f(top + 30))H\(SVGNumber.f(x + 40))\" stroke=\"#5d6d7e\" stroke-width=\"\(SVGNumber.f(w))\"/>"
            out += "<text x=\"\(SVGNumber.f(x + 46))\" y=\"\(SVGNumber.f(top + 34))\">\(NumberFormatting.grouped(flow))</text>\n"
            x += 120
        }
        x = max(x, 380)
        out += "<text x=\"\(SVGNumber.f(x))\" y=\"\(SVGNumber.f(top + 12))\" font-weight=\"bold\">Utilization of capacity</text>\n"
        for c in UtilizationClass.allCases {
            out += "<rect x=\"\(SVGNumber.f(x))\" y=\"\(SVGNumber.f(top + 22))\" width=\"14\" height=\"12\" fill=\"\(c.colour)\"/>"
            out += "<text x=\"\(SVGNumber.f(x + 18))\" y=\"\(SVGNumber.f(top + 32))\">\(HTML.escape(c.label))</text>\n"
            x += c == .unlimited ? 130 : 100
        }
        out += "<text x=\"8\" y=\"\(SVGNumber.f(top + 54))\" fill=\"#5b6670\">Dashed grey: unused link; dashed red: closed. "
            + "▲ binding node. Both directions of a two-way link are drawn side by side, each to the right of its travel.</text>\n"
        return out + "</g>\n"
    }

    /// Rounds a flow to two significant digits for legend labels.
    static func round(_ v: Double) -> Double {
        var magnitude = 1.0
        while magnitude * 100 <= v { magnitude *= 10 }
        return (v / magnitude).rounded() * magnitude
    }
}

/// Utilization classes and their colours (flow ÷ capacity).
enum UtilizationClass: CaseIterable {
    case unlimited, low, medium, high, full

    init(_ utilization: Double?) {
        guard let u = utilization else {
            self = .unlimited
            return
        }
        self = u >= 0.999 ? .full : u >= 0.85 ? .high : u >= 0.5 ? .medium : .low
    }

    var colour: String {
        switch self {
        case .unlimited: "#4f6d8a"
        case .low: "#2e9e5b"
        case .medium: "#d9a520"
        case .high: "#e0701f"
        case .full: "#c0392b"
        }
    }

    var label: String {
        switch self {
        case .unlimited: "no capacity limit"
        case .low: "< 50%"
        case .medium: "50–85%"
        case .high: "85–99.9%"
        case .full: "full"
        }
    }
}
