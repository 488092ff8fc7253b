extension PlanFile {
    /// The economic fields of one investment, as read.
    struct Economics {
        /// `lifetime_years`: whole years, 1–200.
        var lifetimeYears: Int?
        /// `opex_usd_per_year`: USD/yr, ≥ 0 (default 0).
        var opexUSDPerYear: Double
        /// `lead_time_years`: years, 0–50 (a plan over `years` delays the project's effect by it; a plan of one year reports it).
        var leadTimeYears: Double?
    }

    /// The investment keys of the economics.
    static let economicsKeys = ["lifetime_years", "opex_usd_per_year", "lead_time_years"]

    /// Reads `discount_rate` (a fraction between 0 and 1).
    static func readDiscountRate(_ top: inout FieldReader) -> Double? {
        top.number("discount_rate", rule: .range(0...1, name: "a discount rate (a fraction: 0.06 for 6 %)"))
    }

    /// Reads an investment's `lifetime_years`, `opex_usd_per_year` and `lead_time_years`. With a `discount_rate`
    /// in the plan (`declaresDiscountRate`), `lifetime_years` is required; without one, the economic fields are
    /// ignored with a warning (the capex enters only the budget row).
    static func readEconomics(_ reader: inout FieldReader, id: String?, declaresDiscountRate: Bool) -> Economics {
        var lifetime: Int?
        reader.describe("lifetime_years", .object([("minimum", 1), ("maximum", 200)]))
        if let years = reader.integer("lifetime_years") {
            if (1...200).contains(years.value) {
                lifetime = years.value
            } else {
                let message = "expected a lifetime between 1 and 200 years, found \(years.value)"
                reader.report(ScenarioError(at: years.position, field: reader.fieldPath("lifetime_years"), message: message))
            }
        } else if declaresDiscountRate, !reader.contains("lifetime_years") {
            let name = id.map { "'\($0)'" } ?? "this investment"
            let message = "required field is missing: \(name) needs a lifetime because the plan has a discount_rate"
            reader.report(ScenarioError(at: reader.position, field: reader.fieldPath("lifetime_years"), message: message,
                                        hint: "add lifetime_years: N (whole years), or remove discount_rate"))
        }
        let opex = reader.number("opex_usd_per_year") ?? 0
        let lead = reader.number("lead_time_years", rule: .range(0...50, name: "a lead time in years"))
        let economic = ["lifetime_years", "opex_usd_per_year"].filter { reader.contains($0) }
        if !declaresDiscountRate, let first = economic.first {
            let message = "ignored: the plan has no discount_rate, so capex enters only the budget row"
            reader.report(ScenarioError(.warning, at: reader.position, field: reader.fieldPath(first), message: message,
                                        hint: "add discount_rate: 0.06 (say) at the top of the plan file"))
        }
        return Economics(lifetimeYears: lifetime, opexUSDPerYear: opex, leadTimeYears: lead)
    }
}
