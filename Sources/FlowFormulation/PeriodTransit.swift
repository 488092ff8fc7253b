public import FreightNetwork

/// Where freight entering a link in one period arrives, on a cyclic year of periods.
///
/// Freight enters uniformly over its period p, `[start(p), end(p))`, and needs τ days (link time +
/// the period's extra days + dwell at the head node), so it arrives uniformly over
/// `[start(p) + τ, end(p) + τ)`. The share arriving in period p′ is the overlap of that interval with
/// p′ (taken modulo the year's length, so the period after the last is the first) divided by the
/// length of p, rounded to 64ths (see ``arrivals(enteringIn:transitDays:)``). With periods of equal length L
/// and τ = q·L + r (0 ≤ r < L) this is the rule "1 − r/L arrives in p + q and r/L in p + q + 1"; with one
/// period everything arrives in it.
public struct PeriodTransit: Sendable, Hashable {
    /// One share of an arrival: the period it lands in and its fraction (0 < fraction ≤ 1).
    public struct Arrival: Sendable, Hashable {
        public var period: Int
        public var fraction: Double
        public init(period: Int, fraction: Double) {
            self.period = period
            self.fraction = fraction
        }
    }

    /// Start of each period in days from the start of the year.
    public let starts: [Double]
    /// Length of each period in days.
    public let lengths: [Double]
    /// The year's length in days (Σ lengths).
    public let yearDays: Double

    public init(_ schedule: PeriodSchedule) {
        var starts: [Double] = []
        var t = 0.0
        for period in schedule.periods {
            starts.append(t)
            t += period.days
        }
        self.starts = starts
        self.lengths = schedule.periods.map(\.days)
        self.yearDays = t
    }

    /// Shares of freight entering in period `p` with a transit of `days` (≥ 0), by arrival period, in
    /// period order: multiples of 1/``resolution`` that sum to exactly 1.
    public func arrivals(enteringIn p: Int, transitDays days: Double) -> [Arrival] {
        let count = lengths.count
        guard count > 1, yearDays > 0 else { return [Arrival(period: p, fraction: 1)] }
        let length = lengths[p]
        var share = [Double](repeating: 0, count: count)
        // Position of the arrival interval's start inside the year, and the period holding it.
        var t = (starts[p] + days).truncatingRemainder(dividingBy: yearDays)
        var remaining = length
        var j = period(containing: t)
        var guardCount = 0
        // The interval is at most a year long: one lap over the periods (plus the first again) covers it.
        while remaining > 1e-12 * max(1, length), guardCount <= count + 1 {
            guardCount += 1
            let end = starts[j] + lengths[j]
            let piece = min(remaining, max(0, end - t))
            share[j] += piece
            remaining -= piece
            j = (j + 1) % count
            t = starts[j]
        }
        // Shares are rounded to multiples of 1/resolution (a month's share to within about half a day), so
        // they and their sums are exact in binary floating point: the balance rows stay exactly conserving
        // and the simplex method meets no nearly singular bases (arbitrary shares such as 19/31 made GLPK
        // fail on the bundled network). The largest share absorbs the rounding, so the shares sum to 1.
        var units = share.map { ($0 / length * Self.resolution).rounded() }
        let largest = units.indices.max { (units[$0], $1) < (units[$1], $0) } ?? p
        units[largest] += Self.resolution - units.reduce(0, +)
        let result = units.enumerated().compactMap { q, u in
            u > 0 ? Arrival(period: q, fraction: u / Self.resolution) : nil
        }
        return result.isEmpty ? [Arrival(period: p, fraction: 1)] : result
    }

    /// Shares are multiples of 1 / resolution.
    public static let resolution = 64.0

    private func period(containing t: Double) -> Int {
        var last = 0
        for (j, start) in starts.enumerated() where start <= t && lengths[j] > 0 { last = j }
        // A start exactly at a period's end (rounding) belongs to the next period.
        if t >= starts[last] + lengths[last] { return (last + 1) % lengths.count }
        return last
    }
}
