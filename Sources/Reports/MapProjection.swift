/// Equirectangular projection scaled by the cosine of the middle latitude, fitted to a set of points.
///
/// Distances east–west are true at the middle latitude; the China–Europe network with the sea
/// routes via Suez and the Cape (longitudes about −10…125°, latitudes −35…60°) fits without
/// crossing the antimeridian.
struct MapProjection: Sendable {
    /// Pixels per degree of latitude.
    let scale: Double
    /// cos(middle latitude): the east–west shrink.
    let shrink: Double
    let minLon: Double
    let maxLat: Double
    /// Offset of the map area inside the drawing, pixels.
    let originX: Double
    let originY: Double
    /// Size of the map area, pixels.
    let width: Double
    let height: Double

    /// Fits points (lon, lat in degrees) into `width` pixels, with `margin` degrees of padding.
    init(points: [(lon: Double, lat: Double)], width: Double, margin: Double = 4, originX: Double = 0, originY: Double = 0) {
        let lons = points.map(\.lon)
        let lats = points.map(\.lat)
        let minLon = (lons.min() ?? -10) - margin
        let maxLon = (lons.max() ?? 130) + margin
        let minLat = max(-89, (lats.min() ?? -40) - margin)
        let maxLat = min(89, (lats.max() ?? 60) + margin)
        let middle = (minLat + maxLat) / 2 * .pi / 180
        shrink = max(0.2, Self.cosine(middle))
        let spanX = max(1, (maxLon - minLon) * shrink)
        scale = width / spanX
        self.minLon = minLon
        self.maxLat = maxLat
        self.originX = originX
        self.originY = originY
        self.width = width
        height = (maxLat - minLat) * scale
    }

    /// Pixel position of a point (y grows downwards).
    func project(lon: Double, lat: Double) -> (x: Double, y: Double) {
        (originX + (lon - minLon) * shrink * scale, originY + (maxLat - lat) * scale)
    }

    /// The longitude and latitude span shown, degrees.
    var lonRange: ClosedRange<Double> { minLon...(minLon + width / scale / shrink) }
    var latRange: ClosedRange<Double> { (maxLat - height / scale)...maxLat }

    /// cos(x) by its Taylor series after reduction to −π…π (Foundation-free, deterministic).
    static func cosine(_ x: Double) -> Double {
        var r = x.truncatingRemainder(dividingBy: 2 * .pi)
        if r > .pi { r -= 2 * .pi }
        if r < -.pi { r += 2 * .pi }
        var term = 1.0
        var sum = 1.0
        for n in 1...20 {
            term *= -r * r / Double((2 * n - 1) * (2 * n))
            sum += term
        }
        return sum
    }
}

/// Coordinates and lengths in SVG text: one decimal, no grouping, no "-0".
enum SVGNumber {
    static func f(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let tenths = Int64((v * 10).rounded())
        if tenths == 0 { return "0" }
        let sign = tenths < 0 ? "-" : ""
        let a = abs(tenths)
        return a % 10 == 0 ? "\(sign)\(a / 10)" : "\(sign)\(a / 10).\(a % 10)"
    }
}
