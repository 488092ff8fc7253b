// Structural validators for exported files (the same checks as Tests/ReportsTests/Validation.swift).
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses RFC 4180 CSV (quoted fields, doubled quotes, "\n" line ends) into rows of fields.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text)[...]
    while let c = chars.popFirst() {
        if quoted {
            if c == "\"" {
                if chars.first == "\"" {
                    field.append("\"")
                    chars.removeFirst()
                } else {
                    quoted = false
                }
            } else {
                field.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            row.append(field)
            field = ""
        } else if c == "\n" {
            row.append(field)
            rows.append(row)
            row = []
            field = ""
        } else {
            field.append(c)
        }
    }
    if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
    return rows
}

/// RFC 7946 structure of a GeoJSON text: a FeatureCollection of Features with Point or
/// LineString geometries whose positions are [longitude, latitude] within range. Returns the features.
@discardableResult
func validateGeoJSON(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
    let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], sourceLocation: sourceLocation)
    #expect(root["type"] as? String == "FeatureCollection", sourceLocation: sourceLocation)
    let features = try #require(root["features"] as? [[String: Any]], sourceLocation: sourceLocation)
    func position(_ value: Any?) -> Bool {
        guard let p = value as? [Any], p.count == 2, let lon = (p[0] as? NSNumber)?.doubleValue,
            let lat = (p[1] as? NSNumber)?.doubleValue
        else { return false }
        return (-180...180).contains(lon) && (-90...90).contains(lat)
    }
    for feature in features {
        #expect(feature["type"] as? String == "Feature", sourceLocation: sourceLocation)
        #expect(feature["properties"] is [String: Any], sourceLocation: sourceLocation)
        let geometry = try #require(feature["geometry"] as? [String: Any], sourceLocation: sourceLocation)
        switch geometry["type"] as? String {
        case "Point":
            #expect(position(geometry["coordinates"]), "bad Point \(geometry)", sourceLocation: sourceLocation)
        case "LineString":
            let line = try #require(geometry["coordinates"] as? [Any], sourceLocation: sourceLocation)
            #expect(line.count >= 2 && line.allSatisfy(position), "bad LineString \(geometry)", sourceLocation: sourceLocation)
        default:
            Issue.record("unexpected geometry \(geometry["type"] ?? "nil")", sourceLocation: sourceLocation)
        }
    }
    return features
}

/// Collects the `<path class="link …" data-id>` ids of an SVG per `<g class="panel">`, and checks it parses as XML.
final class SVGLinkCollector: NSObject, XMLParserDelegate {
    private(set) var panels: [[String]] = []
    private(set) var circles = 0
    private(set) var error: (any Error)?

    static func collect(_ svg: String) -> SVGLinkCollector {
        let collector = SVGLinkCollector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        if !parser.parse() { collector.error = parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return collector
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:])
    {
        let classes = (attributes["class"] ?? "").split(separator: " ")
        if element == "g" && classes.contains("panel") { panels.append([]) }
        if element == "circle" && classes.contains("node") { circles += 1 }
        if element == "path" && classes.contains("link"), let id = attributes["data-id"] {
            if panels.isEmpty { panels.append([]) }
            panels[panels.count - 1].append(id)
        }
    }
}
