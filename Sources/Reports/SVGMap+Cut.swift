import FreightNetwork
public import Simulation

extension SVGMap {
    /// A map of the corridors' minimum cuts: each cut link drawn thick in its corridor's colour and
    /// each cut node ringed in it, everything else thin and grey. When several corridors share an
    /// element (e.g. `overland` and `middle`), the first corridor's colour is used.
    public static func cutMap(_ r: FlowResult, study: CapacityStudy) -> String {
        let names = study.entries.map(\.capacity.selection.name)
        var linkColour: [String: String] = [:]
        var nodeColour: [String: String] = [:]
        for entry in study.entries {
            let colour = SVGCharts.colour(entry.capacity.selection.name, among: names)
            for e in entry.capacity.cut {
                switch e.kind {
                case .link: if linkColour[e.id] == nil { linkColour[e.id] = colour }
                case .node: if nodeColour[e.id] == nil { nodeColour[e.id] = colour }
                }
            }
        }
        let header = 30.0
        let drawn = panel(r, title: "Minimum cuts: \(r.scenario)", top: 0, index: 0, style: { l in
            if let colour = linkColour[l.id.rawValue] { return LinkStyle(width: 6, colour: colour, state: "used") }
            return LinkStyle(width: l.isClosed ? 1 : 0.8, colour: l.isClosed ? "#c0392b" : "#c3ccd4", state: l.isClosed ? "closed" : "idle")
        }) { top in
            var legend = "<g class=\"legend\" font-size=\"11\" fill=\"#1d232a\">\n"
            var x = 8.0
            for name in names {
                let colour = SVGCharts.colour(name, among: names)
                legend += "<path d=\"M\(SVGNumber.f(x)) \(SVGNumber.f(top + 20))H\(SVGNumber.f(x + 30))\" stroke=\"\(colour)\" stroke-width=\"6\"/>"
                legend += "<text x=\"\(SVGNumber.f(x + 36))\" y=\"\(SVGNumber.f(top + 24))\">\(HTML.escape(name))</text>\n"
                x += 46 + Double(name.count) * 7
            }
            return legend + "</g>\n"
        }
        // Rings around cut nodes, on the panel's projection.
        let projection = projection(r, top: 0, header: header)
        var rings = "<g class=\"cut-nodes\" fill=\"none\" stroke-width=\"3\">\n"
        for n in r.nodes {
            guard let colour = nodeColour[n.id.rawValue] else { continue }
            let at = projection.project(lon: n.longitude, lat: n.latitude)
            rings += "<circle class=\"cut\" data-id=\"\(HTML.escape(n.id.rawValue))\" cx=\"\(SVGNumber.f(at.x))\" cy=\"\(SVGNumber.f(at.y))\" "
                + "r=\"11\" stroke=\"\(colour)\"><title>\(HTML.escape("\(n.id) \(n.name): in a minimum cut"))</title></circle>\n"
        }
        rings += "</g>\n"
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVGNumber.f(width)) \(SVGNumber.f(drawn.height))\" "
            + "width=\"\(SVGNumber.f(width))\" height=\"\(SVGNumber.f(drawn.height))\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n"
            + drawn.svg + rings + "</svg>\n"
    }
}
