/// Bounds on a column or a row of a linear program.
///
/// Values are in the units of the model that built the program (TEU per year for flows).
public enum Bounds: Sendable, Hashable {
    /// −∞ < v < +∞.
    case free
    /// v ≥ lower.
    case lower(Double)
    /// v ≤ upper.
    case upper(Double)
    /// lower ≤ v ≤ upper.
    case range(Double, Double)
    /// v = value.
    case fixed(Double)

    /// The lower bound, or `-infinity`.
    public var lowerValue: Double {
        switch self {
        case .free, .upper: -.infinity
        case .lower(let l), .range(let l, _): l
        case .fixed(let v): v
        }
    }

    /// The upper bound, or `+infinity`.
    public var upperValue: Double {
        switch self {
        case .free, .lower: .infinity
        case .upper(let u), .range(_, let u): u
        case .fixed(let v): v
        }
    }

    /// A problem with these bounds, or `nil` when they are usable: finite where given and ordered.
    public var problem: String? {
        switch self {
        case .free: return nil
        case .lower(let v), .upper(let v), .fixed(let v):
            return v.isFinite ? nil : "bound \(v) is not finite"
        case .range(let l, let u):
            guard l.isFinite, u.isFinite else { return "bounds \(l)...\(u) are not finite" }
            return l <= u ? nil : "lower bound \(l) exceeds upper bound \(u)"
        }
    }
}
