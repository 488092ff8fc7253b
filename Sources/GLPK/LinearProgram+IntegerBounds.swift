internal import LinearProgramming

extension LinearProgram {
    /// This program with every integer column's bounds rounded inward to integers, and whether
    /// some integer column has no integer value within its bounds.
    ///
    /// `glp_intopt` rejects integer columns with fractional bounds (`GLP_EBOUND`); rounding them
    /// inward does not change the set of integer solutions. A bound within 1e-9 of an integer
    /// snaps to it, so 2.0000000001 stays 2. Continuous columns are untouched.
    func withIntegralIntegerBounds() -> (program: LinearProgram, hasEmptyIntegerRange: Bool) {
        var program = self
        var hasEmptyIntegerRange = false
        for (index, column) in columns.enumerated() where column.isInteger {
            let lower = column.bounds.lowerValue
            let upper = column.bounds.upperValue
            let roundedLower = lower.isFinite ? Self.integer(lower, rounding: .up) : lower
            let roundedUpper = upper.isFinite ? Self.integer(upper, rounding: .down) : upper
            guard roundedLower != lower || roundedUpper != upper else { continue }
            if roundedLower > roundedUpper {
                hasEmptyIntegerRange = true
                continue
            }
            let bounds: Bounds =
                switch column.bounds {
                case .free: .free
                case .lower: .lower(roundedLower)
                case .upper: .upper(roundedUpper)
                case .range, .fixed:
                    roundedLower == roundedUpper ? .fixed(roundedLower) : .range(roundedLower, roundedUpper)
                }
            program.setBounds(Variable(index: index), bounds)
        }
        return (program, hasEmptyIntegerRange)
    }

    /// `value` snapped to the nearest integer when within 1e-9 of it, else rounded by `rule`.
    private static func integer(_ value: Double, rounding rule: FloatingPointRoundingRule) -> Double {
        let nearest = value.rounded()
        return abs(value - nearest) <= 1e-9 ? nearest : value.rounded(rule)
    }
}
