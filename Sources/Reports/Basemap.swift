/// Land, seas and country borders under the maps: Natural Earth's 1:50m admin-0 countries (public
/// domain), vendored by `scripts/basemap` as ``encodedRings`` (Sources/Reports/BasemapData.swift).
enum Basemap {
    /// The line every map with a basemap carries.
    static let attribution = "Basemap: Natural Earth (public domain)"

    /// A point in degrees.
    typealias Point = (lon: Double, lat: Double)

    /// The land rings in degrees, decoded once.
    static let rings: [[Point]] = encodedRings.split(separator: " ").map(decode)

    /// One ring from its polyline encoding (hundredths of a degree, deltas; see scripts/basemap).
    static func decode(_ word: Substring) -> [Point] {
        var points: [Point] = []
        var values: [Int] = []
        var value = 0
        var shift = 0
        var (lon, lat) = (0, 0)
        for byte in word.utf8 {
            let chunk = Int(byte) - 63
            value |= (chunk & 0x1F) << shift
            shift += 5
            guard chunk < 0x20 else { continue }
            values.append(value & 1 == 1 ? ~(value >> 1) : value >> 1)
            (value, shift) = (0, 0)
            guard values.count == 2 else { continue }
            lon += values[0]
            lat += values[1]
            points.append((Double(lon) / 100, Double(lat) / 100))
            values.removeAll(keepingCapacity: true)
        }
        return points
    }

    /// The land as one SVG path (even-odd), clipped to the projection's map area: countries filled,
    /// their borders and coasts stroked. Points closer than half a pixel to the last kept one are
    /// dropped.
    static func svg(_ p: MapProjection) -> String {
        let box = (x0: p.originX, y0: p.originY, x1: p.originX + p.width, y1: p.originY + p.height)
        var d = ""
        for ring in rings {
            let projected = ring.map { p.project(lon: $0.lon, lat: $0.lat) }
            let clipped = clip(projected, to: box)
            guard clipped.count >= 3 else { continue }
            var last = clipped[0]
            d += "M\(SVGNumber.f(last.x)) \(SVGNumber.f(last.y))"
            for point in clipped.dropFirst() where abs(point.x - last.x) + abs(point.y - last.y) >= 0.5 {
                d += "L\(SVGNumber.f(point.x)) \(SVGNumber.f(point.y))"
                last = point
            }
            d += "Z"
        }
        guard !d.isEmpty else { return "" }
        return "<path class=\"land\" fill=\"#f3efe6\" fill-rule=\"evenodd\" stroke=\"#c4bcad\" stroke-width=\"0.6\" "
            + "stroke-linejoin=\"round\" d=\"\(d)\"/>\n"
    }

    /// A ring clipped to a rectangle (Sutherland–Hodgman, one edge at a time).
    static func clip(_ ring: [(x: Double, y: Double)], to box: (x0: Double, y0: Double, x1: Double, y1: Double))
        -> [(x: Double, y: Double)]
    {
        typealias P = (x: Double, y: Double)
        func cut(_ points: [P], inside: (P) -> Bool, cross: (P, P) -> P) -> [P] {
            guard let end = points.last else { return [] }
            var out: [P] = []
            var previous = end
            for point in points {
                switch (inside(point), inside(previous)) {
                case (true, true): out.append(point)
                case (true, false): out += [cross(previous, point), point]
                case (false, true): out.append(cross(previous, point))
                case (false, false): break
                }
                previous = point
            }
            return out
        }
        func atX(_ x: Double) -> (P, P) -> P { { a, b in (x, a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x)) } }
        func atY(_ y: Double) -> (P, P) -> P { { a, b in (a.x + (b.x - a.x) * (y - a.y) / (b.y - a.y), y) } }
        var points = cut(ring, inside: { $0.x >= box.x0 }, cross: atX(box.x0))
        points = cut(points, inside: { $0.x <= box.x1 }, cross: atX(box.x1))
        points = cut(points, inside: { $0.y >= box.y0 }, cross: atY(box.y0))
        return cut(points, inside: { $0.y <= box.y1 }, cross: atY(box.y1))
    }
}
