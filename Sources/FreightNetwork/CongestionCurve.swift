/// Extra days every TEU spends at a capacity-limited node or link as its utilisation rises.
///
/// The curve is given by breakpoints (utilisation ρᵢ in (0, 1], extra days gᵢ ≥ 0), utilisation
/// strictly increasing: below ρ₁ every TEU waits g₁ days; between breakpoints the curve is linear;
/// beyond the last breakpoint its last slope continues up to full capacity (ρ = 1) and past it. The
/// curve must be convex: its slopes (0 before ρ₁, then one per pair of breakpoints) never fall.
///
/// At flow F on capacity C every TEU through the element waits g(F / C) days
/// (``extraDays(flow:capacity:)``), F · g(F / C) TEU-days in all (``totalExtraTEUDays(flow:capacity:)``).
/// Freight is routed to a user equilibrium (each TEU by its own wait, as shippers and forwarders
/// choose): a linear program finds it by minimising the integral of the wait, ∫₀ᶠ g(x / C) dx
/// (Beckmann's program), which it carries with one column per linear piece (``segments(capacity:)``):
/// each band between breakpoints is cut into ``subdivisions`` pieces charged the wait at their
/// midpoint, exact for the integral at every piece's end.
public struct CongestionCurve: Sendable, Hashable {
    /// One point of the curve.
    public struct Breakpoint: Sendable, Hashable {
        /// Flow over capacity, in (0, 1].
        public var utilisation: Double
        /// Extra days per TEU at that utilisation, ≥ 0.
        public var extraDays: Double

        public init(utilisation: Double, extraDays: Double) { (self.utilisation, self.extraDays) = (utilisation, extraDays) }
    }

    /// One linear piece of the wait's integral: `widthTEU` TEU/year, each charged `waitDays`.
    public struct Segment: Sendable, Hashable {
        /// TEU/year the segment spans.
        public var widthTEU: Double
        /// The wait, in days, the program charges a TEU in this segment: the curve at its midpoint
        /// (the slope of the integral of the wait between the segment's ends).
        public var waitDays: Double
    }

    /// Pieces each band between two breakpoints is cut into (see ``segments(capacity:)``): the program's
    /// equilibrium wait is within a eighth of the band's rise of the curve's.
    public static let subdivisions = 4

    /// The breakpoints, utilisation increasing.
    public let breakpoints: [Breakpoint]

    /// A curve from checked breakpoints; `nil` when ``problem(with:)`` finds one.
    public init?(_ breakpoints: [Breakpoint]) {
        guard Self.problem(with: breakpoints) == nil else { return nil }
        self.breakpoints = breakpoints
    }

    /// What is wrong with `breakpoints` as a curve, with the index of the breakpoint at fault, or `nil`.
    public static func problem(with breakpoints: [Breakpoint]) -> (index: Int, message: String)? {
        guard breakpoints.count >= 2 else {
            return (max(0, breakpoints.count - 1), "expected at least two breakpoints")
        }
        var previousSlope = 0.0
        for (i, point) in breakpoints.enumerated() {
            guard point.utilisation.isFinite, point.utilisation > 0, point.utilisation <= 1 else {
                return (i, "expected a utilisation in (0, 1], found \(point.utilisation)")
            }
            guard point.extraDays.isFinite, point.extraDays >= 0 else {
                return (i, "expected extra days ≥ 0, found \(point.extraDays)")
            }
            guard i > 0 else { continue }
            let before = breakpoints[i - 1]
            guard point.utilisation > before.utilisation else {
                return (i, "expected utilisation above the previous breakpoint's \(before.utilisation)")
            }
            let slope = (point.extraDays - before.extraDays) / (point.utilisation - before.utilisation)
            guard slope >= previousSlope - 1e-12 else {
                return (i, "expected a convex curve: the extra days must rise at least as steeply as before")
            }
            previousSlope = slope
        }
        return nil
    }

    /// The points (utilisation, extra days) the curve is drawn through, ending at utilisation 1.
    var points: [Breakpoint] {
        guard let last = breakpoints.last, last.utilisation < 1 else { return breakpoints }
        let before = breakpoints[breakpoints.count - 2]
        let slope = (last.extraDays - before.extraDays) / (last.utilisation - before.utilisation)
        return breakpoints + [Breakpoint(utilisation: 1, extraDays: last.extraDays + slope * (1 - last.utilisation))]
    }

    /// The curve at utilisation ρ: g₁ below the first breakpoint, linear between breakpoints, the last
    /// slope continued beyond the last.
    public func extraDays(utilisation rho: Double) -> Double {
        let points = points
        guard rho > points[0].utilisation else { return points[0].extraDays }
        for i in 1..<points.count where rho <= points[i].utilisation || i == points.count - 1 {
            let (a, b) = (points[i - 1], points[i])
            return a.extraDays + (b.extraDays - a.extraDays) * (rho - a.utilisation) / (b.utilisation - a.utilisation)
        }
        return points[points.count - 1].extraDays
    }

    /// The linear pieces of the wait's integral on `capacity` TEU/year, in order; their widths add up
    /// to the capacity.
    ///
    /// The first piece runs from 0 to ρ₁·C at g₁; each band between breakpoints gives ``subdivisions``
    /// pieces at the curve's value at their midpoints. The waits never fall from piece to piece.
    public func segments(capacity: Double) -> [Segment] {
        let points = points
        var result: [Segment] = []
        if points[0].utilisation * capacity > 0 {
            result.append(Segment(widthTEU: points[0].utilisation * capacity, waitDays: points[0].extraDays))
        }
        let k = Double(Self.subdivisions)
        for (a, b) in zip(points, points.dropFirst()) {
            let width = (b.utilisation - a.utilisation) * capacity / k
            guard width > 0 else { continue }
            for i in 0..<Self.subdivisions {
                let mid = (Double(i) + 0.5) / k
                result.append(Segment(widthTEU: width, waitDays: a.extraDays + (b.extraDays - a.extraDays) * mid))
            }
        }
        return result
    }

    /// The integral of the wait the program charges at `flow` TEU/year through `capacity`: the segments
    /// filled in order, the last one's wait continued beyond capacity (TEU-days a year).
    public func equilibriumTEUDays(flow: Double, capacity: Double) -> Double {
        guard flow > 0, capacity > 0 else { return 0 }
        let segments = segments(capacity: capacity)
        var left = 0.0
        var total = 0.0
        for segment in segments {
            let used = min(segment.widthTEU, flow - left)
            guard used > 0 else { break }
            total += used * segment.waitDays
            left += segment.widthTEU
        }
        if flow > left, let last = segments.last { total += (flow - left) * last.waitDays }
        return total
    }

    /// TEU-days a year waited beyond what the program charges at `flow` through `capacity`: F · g(F / C)
    /// less the integral of the wait. Valued at the program's value of time and added to its optimum, it
    /// gives the realised generalised cost.
    public func waitBeyondIntegral(flow: Double, capacity: Double) -> Double {
        totalExtraTEUDays(flow: flow, capacity: capacity) - equilibriumTEUDays(flow: flow, capacity: capacity)
    }

    /// F · g(F / C): extra TEU-days a year of waiting at `flow` TEU/year through `capacity` TEU/year.
    public func totalExtraTEUDays(flow: Double, capacity: Double) -> Double {
        guard flow > 0, capacity > 0 else { return 0 }
        return flow * extraDays(flow: flow, capacity: capacity)
    }

    /// Extra days every TEU waits at `flow` TEU/year through `capacity` TEU/year: g(F / C) (g₁ as F → 0).
    public func extraDays(flow: Double, capacity: Double) -> Double {
        guard flow > 0, capacity > 0 else { return breakpoints[0].extraDays }
        return extraDays(utilisation: flow / capacity)
    }
}
