import FreightNetwork
import Simulation

extension SVGMap {
    /// The colour of a highlighted project element.
    static let highlightColour = "#e67e22"

    /// The link ids (as written: every direction and upgrade copy whose id starts with one) and node ids the
    /// projects' effects name.
    /// - Parameter investments: The projects.
    static func touched(by investments: [Investment]) -> (links: Set<String>, nodes: Set<String>) {
        var links: Set<String> = []
        var nodes: Set<String> = []
        for effect in investments.flatMap(\.effects) {
            switch effect {
            case .linkCapacity(let id, _), .upgradeLink(let id, _, _): links.insert(id.rawValue)
            case .newLink(let link): links.insert(link.id.rawValue)
            case .nodeCapacity(let id, _), .storage(let id, _, _): nodes.insert(id.rawValue)
            case .newNode(let node): nodes.insert(node.id.rawValue)
            case .service(.link(let id), _): links.insert(id.rawValue)
            case .service(.node(let id), _): nodes.insert(id.rawValue)
            }
        }
        return (links, nodes)
    }

    /// A map of `r` with the links in `links` (or a direction or copy of one, `ID:…`) drawn thick in
    /// ``highlightColour`` and the nodes in `nodes` ringed in it; other used links thin and dark, idle ones grey.
    /// - Parameters:
    ///   - r: The flows to draw.
    ///   - title: The panel's title.
    ///   - links: Link ids to highlight.
    ///   - nodes: Node ids to ring.
    static func highlight(_ r: FlowResult, title: String, links: Set<String>, nodes: Set<String>) -> String {
        func marked(_ id: String) -> Bool {
            links.contains(id) || links.contains { id.hasPrefix($0 + ":") }
        }
        let drawn = panel(r, title: title, top: 0, index: 0, style: { l in
            if marked(l.id.rawValue) { return LinkStyle(width: 6, colour: highlightColour, state: l.flowTEU > 0 ? "used" : "idle") }
            if l.flowTEU > 0 { return LinkStyle(width: 1.6, colour: "#5b6670", state: "used") }
            return LinkStyle(width: l.isClosed ? 1 : 0.8, colour: l.isClosed ? "#c0392b" : "#c3ccd4", state: l.isClosed ? "closed" : "idle")
        }) { top in
            "<g class=\"legend\" font-size=\"11\" fill=\"#1d232a\">\n"
                + "<path d=\"M8 \(SVGNumber.f(top + 20))H38\" stroke=\"\(highlightColour)\" stroke-width=\"6\"/>"
                + "<text x=\"44\" y=\"\(SVGNumber.f(top + 24))\">built or upgraded by the portfolio</text>\n"
                + "<path d=\"M280 \(SVGNumber.f(top + 20))H310\" stroke=\"#5b6670\" stroke-width=\"1.6\"/>"
                + "<text x=\"316\" y=\"\(SVGNumber.f(top + 24))\">other links with flow</text>\n</g>\n"
        }
        let projection = projection(r, top: 0, header: 30)
        var rings = "<g class=\"project-nodes\" fill=\"none\" stroke-width=\"3\">\n"
        for n in r.nodes where nodes.contains(n.id.rawValue) {
            let at = projection.project(lon: n.longitude, lat: n.latitude)
            rings += "<circle data-id=\"\(HTML.escape(n.id.rawValue))\" cx=\"\(SVGNumber.f(at.x))\" cy=\"\(SVGNumber.f(at.y))\" r=\"11\" "
                + "stroke=\"\(highlightColour)\"><title>\(HTML.escape("\(n.id) \(n.name): built or expanded by the portfolio"))</title></circle>\n"
        }
        rings += "</g>\n"
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVGNumber.f(width)) \(SVGNumber.f(drawn.height))\" "
            + "width=\"\(SVGNumber.f(width))\" height=\"\(SVGNumber.f(drawn.height))\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n"
            + drawn.svg + rings + "</svg>\n"
    }
}
