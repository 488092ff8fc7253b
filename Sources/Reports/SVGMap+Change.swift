import FreightNetwork
public import Simulation

extension SVGMap {
    /// A map of how a scenario's flows differ from the base: link width by the size of the change
    /// (TEU/year), blue where freight was added, red where it was lost; closed links dashed.
    ///
    /// One `<path class="link …" data-id>` per link of `other`, like the flow maps.
    public static func changeMap(base: FlowResult, other: FlowResult, title: String) -> String {
        let drawn = changePanel(base: base, other: other, title: title, top: 0, index: 0)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVGNumber.f(width)) \(SVGNumber.f(drawn.height))\" "
            + "width=\"\(SVGNumber.f(width))\" height=\"\(SVGNumber.f(drawn.height))\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n"
            + drawn.svg + "</svg>\n"
    }

    static func changePanel(base: FlowResult, other: FlowResult, title: String, top: Double, index: Int) -> (svg: String, height: Double) {
        let before = Dictionary(base.links.map { ($0.id, $0.flowTEU) }, uniquingKeysWith: { a, _ in a })
        let change = Dictionary(other.links.map { ($0.id, $0.flowTEU - (before[$0.id] ?? 0)) }, uniquingKeysWith: { a, _ in a })
        let largest = change.values.map(abs).max() ?? 0
        let significant = max(0.5, 1e-6 * largest)
        return panel(other, title: title, top: top, index: index, style: { l in
            let delta = change[l.id] ?? 0
            if l.isClosed { return LinkStyle(width: 1, colour: "#c0392b", state: "closed") }
            guard abs(delta) > significant else {
                return LinkStyle(width: l.flowTEU > 0 ? 1.2 : 0.8, colour: l.flowTEU > 0 ? "#c3ccd4" : "#d5dbe0", state: "idle")
            }
            return LinkStyle(width: stroke(abs(delta), maxFlow: largest), colour: delta > 0 ? "#1f6fc5" : "#d0453a", state: "used")
        }) { changeLegend(top: $0, largest: largest) }
    }

    static func changeLegend(top: Double, largest: Double) -> String {
        var out = "<g class=\"legend\" font-size=\"11\" fill=\"#1d232a\">\n"
        out += "<text x=\"8\" y=\"\(SVGNumber.f(top + 12))\" font-weight=\"bold\">Change of flow (TEU/yr)</text>\n"
        var x = 8.0
        for (fraction, colour, sign) in [(0.25, "#1f6fc5", "+"), (1.0, "#1f6fc5", "+"), (0.25, "#d0453a", "−"), (1.0, "#d0453a", "−")]
        where largest > 0 {
            let amount = round(largest * fraction)
            out += "<path d=\"M\(SVGNumber.f(x)) \(SVGNumber.f(top + 30))H\(SVGNumber.f(x + 40))\" stroke=\"\(colour)\" "
                + "stroke-width=\"\(SVGNumber.f(stroke(amount, maxFlow: largest)))\"/>"
            out += "<text x=\"\(SVGNumber.f(x + 46))\" y=\"\(SVGNumber.f(top + 34))\">\(sign)\(NumberFormatting.grouped(amount))</text>\n"
            x += 130
        }
        out += "<text x=\"8\" y=\"\(SVGNumber.f(top + 54))\" fill=\"#5b6670\">Blue: freight added; red: freight lost; "
            + "grey: unchanged; dashed red: closed. ▲ binding node in this scenario.</text>\n"
        return out + "</g>\n"
    }
}
