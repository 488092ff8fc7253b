import FreightNetwork
public import Simulation

/// RFC 7946 GeoJSON of results: nodes as Points, links as LineStrings (sea and ferry links along the
/// sea lanes the maps draw, `SeaLanes`), coordinates in [longitude, latitude] order (WGS 84
/// degrees), flows and prices as properties.
///
/// Loads in QGIS, kepler.gl and geojson.io. Properties: `feature` (`node` or `link`),
/// `scenario`, ids and names, `flow_teu` (TEU/year; a node's throughput), `capacity_teu`
/// (TEU/year, null when unlimited), `utilization` (0…1, null when unlimited),
/// `shadow_price_usd_per_teu` (USD/year per extra TEU/year, null when unlimited), `corridor`,
/// `closed`; in a comparison also `base_flow_teu` and `flow_change_teu`.
public enum GeoJSONReport {
    /// The GeoJSON text of one result.
    public static func render(_ r: FlowResult, scenario: String) -> String {
        collection(features(r, scenario: scenario, base: nil)).rendered()
    }

    /// The GeoJSON text of a comparison: every scenario's features, each tagged with its label,
    /// with the change against the base.
    public static func render(_ c: ScenarioComparison) -> String {
        let base = c.base.result
        return collection(c.entries.flatMap { features($0.result, scenario: $0.label, base: base) }).rendered()
    }

    static func collection(_ features: [JSONValue]) -> JSONValue {
        .object([("type", .string("FeatureCollection")), ("features", .array(features))])
    }

    static func features(_ r: FlowResult, scenario: String, base: FlowResult?) -> [JSONValue] {
        var position: [Node.ID: (lon: Double, lat: Double)] = [:]
        for n in r.nodes { position[n.id] = (n.longitude, n.latitude) }
        let corridors = r.nodeCorridors
        let baseNodes = base.map { Dictionary($0.nodes.map { ($0.id, $0.throughputTEU) }, uniquingKeysWith: { a, _ in a }) }
        let baseLinks = base.map { Dictionary($0.links.map { ($0.id, $0.flowTEU) }, uniquingKeysWith: { a, _ in a }) }
        var out: [JSONValue] = []
        for n in r.nodes {
            var properties: [(String, JSONValue)] = [
                ("feature", .string("node")), ("scenario", .string(scenario)), ("id", .string(n.id.rawValue)),
                ("name", .string(n.name)), ("kind", .string(n.kind.rawValue)), ("country", .string(n.country)),
                ("corridor", .string(corridors[n.id] ?? "shared")), ("flow_teu", .number(n.throughputTEU)),
                ("capacity_teu", .number(n.capacityTEU)), ("utilization", .number(n.utilization)),
                ("shadow_price_usd_per_teu", .number(n.shadowPriceUSDPerTEU)), ("closed", .bool(n.isClosed)),
            ]
            if let baseNodes {
                let was = baseNodes[n.id] ?? 0
                properties += [("base_flow_teu", .number(was)), ("flow_change_teu", .number(n.throughputTEU - was))]
            }
            out.append(feature(.object([("type", .string("Point")), ("coordinates", point(n.longitude, n.latitude))]), properties))
        }
        for l in r.links {
            guard let a = position[l.from], let b = position[l.to] else { continue }
            var properties: [(String, JSONValue)] = [
                ("feature", .string("link")), ("scenario", .string(scenario)), ("id", .string(l.id.rawValue)),
                ("from", .string(l.from.rawValue)), ("to", .string(l.to.rawValue)), ("mode", .string(l.mode.rawValue)),
                ("corridor", .string(l.corridor)), ("flow_teu", .number(l.flowTEU)), ("capacity_teu", .number(l.capacityTEU)),
                ("utilization", .number(l.utilization)), ("shadow_price_usd_per_teu", .number(l.shadowPriceUSDPerTEU)),
                ("closed", .bool(l.isClosed)),
            ]
            if let baseLinks {
                let was = baseLinks[l.id] ?? 0
                properties += [("base_flow_teu", .number(was)), ("flow_change_teu", .number(l.flowTEU - was))]
            }
            // Sea and ferry links follow the sea lanes the maps draw them along (``SeaLanes``).
            let points = l.mode == .sea || l.mode == .ferry ? SeaLanes.route(from: (a.lon, a.lat), to: (b.lon, b.lat)) : [(a.lon, a.lat), (b.lon, b.lat)]
            let line = JSONValue.object([("type", .string("LineString")), ("coordinates", .array(points.map { point($0.lon, $0.lat) }))])
            out.append(feature(line, properties))
        }
        return out
    }

    static func feature(_ geometry: JSONValue, _ properties: [(String, JSONValue)]) -> JSONValue {
        .object([("type", .string("Feature")), ("geometry", geometry), ("properties", .object(properties))])
    }

    /// A position: [longitude, latitude], as RFC 7946 §3.1.1 requires.
    static func point(_ lon: Double, _ lat: Double) -> JSONValue { .array([.number(lon), .number(lat)]) }
}
