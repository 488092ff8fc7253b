/// Mercator projection fitted to a set of points: the projection of the web maps planners read, true
/// to shape at every latitude, so that Europe and the Caspian keep their familiar outlines; the
/// China–Europe network with the sea routes via Suez and the Cape (longitudes about −10…125°,
/// latitudes −35…60°) fits without crossing the antimeridian.
struct MapProjection: Sendable {
    /// Pixels per degree of longitude.
    let scale: Double
    let minLon: Double
    let minLat: Double
    let maxLat: Double
    /// ``mercator(_:)`` of the top edge.
    let top: Double
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
        minLat = max(-80, (lats.min() ?? -40) - margin)
        maxLat = min(80, (lats.max() ?? 60) + margin)
        scale = width / max(1, maxLon - minLon)
        top = Self.mercator(maxLat)
        self.minLon = minLon
        self.originX = originX
        self.originY = originY
        self.width = width
        height = (top - Self.mercator(minLat)) * scale
    }

    /// Pixel position of a point (y grows downwards).
    func project(lon: Double, lat: Double) -> (x: Double, y: Double) {
        (originX + (lon - minLon) * scale, originY + (top - Self.mercator(lat)) * scale)
    }

    /// The longitude and latitude span shown, degrees.
    var lonRange: ClosedRange<Double> { minLon...(minLon + width / scale) }
    var latRange: ClosedRange<Double> { minLat...maxLat }

    /// Mercator's northing of a latitude, in degrees of longitude at the equator: atanh(sin φ) · 180/π.
    static func mercator(_ lat: Double) -> Double {
        let s = sine(max(-85, min(85, lat)) * .pi / 180)
        return 0.5 * logarithm((1 + s) / (1 - s)) * 180 / .pi
    }

    /// sin(x) = cos(x − π/2).
    static func sine(_ x: Double) -> Double { cosine(x - .pi / 2) }

    /// ln(x) for x > 0: x = m · 2ᵉ with m in [1, 2), ln m = 2 atanh((m − 1)/(m + 1)) by its series
    /// (Foundation-free, deterministic).
    static func logarithm(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == 0 ? -.infinity : .nan }
        let m = x.significand
        let z = (m - 1) / (m + 1)
        var (term, sum) = (z, 0.0)
        for n in 0..<30 {
            sum += term / Double(2 * n + 1)
            term *= z * z
        }
        return 2 * sum + Double(x.exponent) * 0.693_147_180_559_945_3
    }

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
