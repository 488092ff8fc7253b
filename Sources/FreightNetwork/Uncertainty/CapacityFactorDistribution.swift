/// How an element's capacity factor (a multiplier of its capacity, ≥ 0) is distributed.
///
/// Sampled by inversion: ``quantile(_:)`` of a uniform number in 0..<1, so that elements sharing
/// one uniform draw move together (low draws are the bad states: closure first, then the lowest
/// factors).
public enum CapacityFactorDistribution: Sendable, Hashable {
    /// Always this factor.
    case fixed(Double)
    /// Uniform between `low` and `high`.
    case uniform(low: Double, high: Double)
    /// Triangular between `low` and `high` with its peak at `mode`.
    case triangular(low: Double, mode: Double, high: Double)
    /// One of `values`, with the matching `probabilities` (which sum to 1).
    case discrete(values: [Double], probabilities: [Double])

    /// The factor at cumulative probability `u` (0 ≤ u < 1).
    public func quantile(_ u: Double) -> Double {
        let u = min(max(u, 0), 1)
        switch self {
        case .fixed(let value):
            return value
        case .uniform(let low, let high):
            return low + u * (high - low)
        case .triangular(let low, let mode, let high):
            guard high > low else { return low }
            let split = (mode - low) / (high - low)
            if u < split { return low + ((high - low) * (mode - low) * u).squareRoot() }
            return high - ((high - low) * (high - mode) * (1 - u)).squareRoot()
        case .discrete(let values, let probabilities):
            // Values in ascending order, so that low draws give the low factors.
            let order = values.indices.sorted { (values[$0], $0) < (values[$1], $1) }
            var cumulative = 0.0
            for index in order {
                cumulative += probabilities[index]
                if u < cumulative { return values[index] }
            }
            return order.last.map { values[$0] } ?? 1
        }
    }

    /// The expected factor.
    public var mean: Double {
        switch self {
        case .fixed(let value): value
        case .uniform(let low, let high): (low + high) / 2
        case .triangular(let low, let mode, let high): (low + mode + high) / 3
        case .discrete(let values, let probabilities): zip(values, probabilities).reduce(0) { $0 + $1.0 * $1.1 }
        }
    }

    /// `0.7`, `uniform 0.7–0.75`, `triangular 0.5–0.8–1`, `0.5 (30%) or 1 (70%)`.
    public var summary: String {
        switch self {
        case .fixed(let value): return Self.format(value)
        case .uniform(let low, let high): return "uniform \(Self.format(low))–\(Self.format(high))"
        case .triangular(let low, let mode, let high):
            return "triangular \(Self.format(low))–\(Self.format(mode))–\(Self.format(high))"
        case .discrete(let values, let probabilities):
            return zip(values, probabilities).map { "\(Self.format($0)) (\(Self.format($1 * 100))%)" }
                .joined(separator: " or ")
        }
    }

    /// A number as written in summaries: `0.7`, `1`, `33.3`.
    static func format(_ value: Double) -> String {
        let rounded = (value * 1_000).rounded() / 1_000
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
    }
}
