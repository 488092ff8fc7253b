/// Extra days every TEU spends at a capacity-limited node or link as its utilisation rises.
///
/// The curve is given by breakpoints (utilisation ρᵢ in (0, 1], extra days gᵢ ≥ 0), utilisation
/// strictly increasing: below ρ₁ every TEU waits g₁ days; between breakpoints the curve is linear;
/// beyond the last breakpoint its last slope continues up to full capacity (ρ = 1). The curve must
/// be convex: its slopes (0 before ρ₁, then one per pair of breakpoints) never fall, so it never
/// falls either.
///
/// At flow F on capacity C the TEU-days of extra delay are D(F) = F · g(F / C) at every breakpoint
/// and the straight line between breakpoints (``totalExtraTEUDays(flow:capacity:)``); every TEU
/// through the element waits D(F) / F days (``extraDays(flow:capacity:)``). D is convex and
/// piecewise linear, so a linear program can carry it exactly with one column per segment
/// (``segments(capacity:)``).
public struct CongestionCurve: Sendable, Hashable {
    /// One point of the curve.
    public struct Breakpoint: Sendable, Hashable {
        /// Flow over capacity, in (0, 1].
        public var utilisation: Double
        /// Extra days per TEU at that utilisation, ≥ 0.
        public var extraDays: Double

        public init(utilisation: Double, extraDays: Double) { (self.utilisation, self.extraDays) = (utilisation, extraDays) }
    }

    /// One linear piece of D: `widthShare` × capacity TEU/year, each costing `marginalDays` TEU-days.
    public struct Segment: Sendable, Hashable {
        /// TEU/year the segment spans.
        public var widthTEU: Double
        /// Extra TEU-days of delay per TEU/year added in this segment (the slope of D).
        public var marginalDays: Double
    }

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

    /// The linear pieces of D on `capacity` TEU/year, in order; their widths add up to the capacity.
    ///
    /// The first piece runs from 0 to ρ₁·C with slope g₁. Marginal days never fall from piece to piece.
    public func segments(capacity: Double) -> [Segment] {
        var result: [Segment] = []
        var flow = 0.0
        var delay = 0.0
        for point in points {
            let next = point.utilisation * capacity
            let total = next * point.extraDays
            let width = next - flow
            if width > 0 { result.append(Segment(widthTEU: width, marginalDays: (total - delay) / width)) }
            flow = next
            delay = total
        }
        return result
    }

    /// D(F): extra TEU-days a year of delay at `flow` TEU/year through `capacity` TEU/year.
    public func totalExtraTEUDays(flow: Double, capacity: Double) -> Double {
        guard flow > 0, capacity > 0 else { return 0 }
        var left = 0.0
        var total = 0.0
        for segment in segments(capacity: capacity) {
            let used = min(segment.widthTEU, flow - left)
            guard used > 0 else { break }
            total += used * segment.marginalDays
            left += segment.widthTEU
        }
        // Beyond capacity (a rounding overshoot) the last slope continues.
        if flow > left, let last = segments(capacity: capacity).last { total += (flow - left) * last.marginalDays }
        return total
    }

    /// Extra days per TEU at `flow` TEU/year through `capacity` TEU/year: D(F) / F (g₁ as F → 0).
    public func extraDays(flow: Double, capacity: Double) -> Double {
        guard flow > 0, capacity > 0 else { return breakpoints.first?.extraDays ?? 0 }
        return totalExtraTEUDays(flow: flow, capacity: capacity) / flow
    }
}
