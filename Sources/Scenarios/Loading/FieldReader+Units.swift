
extension FieldReader {
    /// Capacities below this many TEU/year are suspicious: most likely written in thousands or
    /// millions of TEU.
    static let smallestPlausibleCapacityTEU = 1.0
    /// Times and dwells above this many days are suspicious: most likely written in hours.
    static let longestPlausibleDays = 365.0

    /// Reads a capacity in TEU/year (a number ≥ 0), with a warning when it is below 1 TEU/year.
    ///
    /// - Parameter zeroHint: What to suggest for a capacity of exactly 0, which lets nothing pass.
    mutating func capacity(_ key: String, required: Bool = false, zeroHint: String) -> Double? {
        guard let value = number(key, required: required) else { return nil }
        guard value < Self.smallestPlausibleCapacityTEU, let node = self.value(key) else { return value }
        let found = Self.describe(node)
        let hint =
            value == 0
            ? zeroHint
            : "capacities are in TEU per year: \(Self.format(value)) million TEU/year is "
                + "\(Self.format((value * 1e6).rounded()))"
        report(
            ScenarioError(
                .warning,
                at: position(of: node),
                field: fieldPath(key),
                message: "expected a capacity of at least 1 TEU/year, found \(found)",
                hint: hint
            )
        )
        return value
    }

    /// Reads a duration in days (a number ≥ 0 unless `rule` says otherwise), with a warning when it is above
    /// 365 days.
    mutating func days(_ key: String, required: Bool = false, rule: NumberRule = .nonNegative) -> Double? {
        guard let value = number(key, required: required, rule: rule) else { return nil }
        guard value > Self.longestPlausibleDays, let node = self.value(key) else { return value }
        let hours = Self.format((value / 24 * 10).rounded() / 10)
        report(
            ScenarioError(
                .warning,
                at: position(of: node),
                field: fieldPath(key),
                message: "expected at most 365 days, found \(Self.describe(node))",
                hint: "times are in days: \(Self.format(value)) hours would be \(hours) days"
            )
        )
        return value
    }

    /// Reads `tonnes_per_teu`: cargo mass per TEU in tonnes, above 0 and at most 40 (a loaded 40-ft box
    /// carries at most about 27 t, two TEU).
    mutating func tonnesPerTEU() -> Double? {
        number("tonnes_per_teu", rule: .range(0.001...40, name: "tonnes per TEU"))
    }

    /// Reads `congestion_value_of_time_usd_per_teu_day`: USD per TEU-day that prices every congestion
    /// wait, 0 to 100,000 (the demands' values of time are of the order of 10 to 1,000).
    mutating func congestionValueOfTime() -> Double? {
        number("congestion_value_of_time_usd_per_teu_day", rule: .range(0...100_000, name: "USD per TEU-day"))
    }

    /// Reads `teu_per_train`: TEU one train carries, 1 to 1,000.
    mutating func teuPerTrain() -> Double? {
        number("teu_per_train", rule: .range(1...1000, name: "TEU per train"))
    }
}
