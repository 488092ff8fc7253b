/// The discounted-cash-flow appraisal of a project (or a portfolio): annualised cost, annual benefit, NPV,
/// benefit–cost ratio and payback, at one discount rate.
///
/// With r the discount rate and n the lifetime in years, the capital recovery factor
/// CRF = r(1+r)^n / ((1+r)^n − 1) (1/n when r = 0) turns capex into an equal annual charge, and the
/// annuity factor AF = 1/CRF is the present value of USD 1 a year for n years. Then
///
///     annualised cost = capex × CRF + opex                     (USD/yr)
///     NPV             = (benefit − opex) × AF − capex           (USD)
///     BCR             = benefit × AF / (capex + opex × AF)
///     payback         = capex / (benefit − opex)                (years, undiscounted; nil when benefit ≤ opex)
///
/// so BCR ≥ 1 ⇔ NPV ≥ 0 ⇔ benefit ≥ annualised cost.
public struct Appraisal: Sendable, Hashable {
    /// One project's (or one part of a portfolio's) costs: capex (USD, one-off), opex (USD/yr), lifetime (whole years).
    public struct Part: Sendable, Hashable {
        public var capexUSD: Double
        public var opexUSDPerYear: Double
        public var lifetimeYears: Int
        public init(capexUSD: Double, opexUSDPerYear: Double, lifetimeYears: Int) {
            self.capexUSD = capexUSD
            self.opexUSDPerYear = opexUSDPerYear
            self.lifetimeYears = lifetimeYears
        }
    }

    /// The discount rate (a fraction: 0.06 for 6 %).
    public var discountRate: Double
    /// Capex, USD (one-off).
    public var capexUSD: Double
    /// Operating cost, USD/yr.
    public var opexUSDPerYear: Double
    /// Capex × CRF + opex, USD/yr.
    public var annualisedCostUSDPerYear: Double
    /// The annual benefit, USD/yr (for `corridor plan`: the drop in the scenarios' weighted annual generalised cost).
    public var benefitUSDPerYear: Double
    /// Present value of the benefits over the life, USD.
    public var presentValueBenefitsUSD: Double
    /// Capex + present value of the opex over the life, USD.
    public var presentValueCostsUSD: Double

    /// The net present value, USD: PV benefits − PV costs.
    public var netPresentValueUSD: Double { presentValueBenefitsUSD - presentValueCostsUSD }

    /// PV benefits / PV costs; nil when the costs are 0.
    public var benefitCostRatio: Double? {
        presentValueCostsUSD > 0 ? presentValueBenefitsUSD / presentValueCostsUSD : nil
    }

    /// Capex / (benefit − opex), years (undiscounted); nil when the benefit does not exceed the opex.
    public var paybackYears: Double? {
        let net = benefitUSDPerYear - opexUSDPerYear
        return net > 0 ? capexUSD / net : nil
    }

    /// The appraisal of one project (`lifetimeYears` > 0).
    public init(capexUSD: Double, opexUSDPerYear: Double, lifetimeYears: Int, benefitUSDPerYear: Double, discountRate: Double) {
        self.init(
            parts: [Part(capexUSD: capexUSD, opexUSDPerYear: opexUSDPerYear, lifetimeYears: lifetimeYears)],
            benefitUSDPerYear: benefitUSDPerYear, discountRate: discountRate)
    }

    /// The appraisal of a portfolio whose parts live for different lifetimes and share one annual benefit.
    ///
    /// The benefit is shared among the parts in proportion to their annualised costs, each share discounted
    /// over its part's life: PV benefits = benefit × Σ aᵢ·AFᵢ / Σ aᵢ (aᵢ the annualised cost of part i), and
    /// PV costs = Σ (capexᵢ + opexᵢ·AFᵢ) = Σ aᵢ·AFᵢ. So BCR = benefit / Σ aᵢ, and with one part, or parts of one
    /// lifetime, these are the formulas of a single project.
    public init(parts: [Part], benefitUSDPerYear: Double, discountRate: Double) {
        self.discountRate = discountRate
        self.benefitUSDPerYear = benefitUSDPerYear
        capexUSD = parts.reduce(0) { $0 + $1.capexUSD }
        opexUSDPerYear = parts.reduce(0) { $0 + $1.opexUSDPerYear }
        var annualised = 0.0
        var presentCosts = 0.0
        for part in parts {
            let factor = Self.annuityFactor(rate: discountRate, years: part.lifetimeYears)
            annualised += part.capexUSD * Self.capitalRecoveryFactor(rate: discountRate, years: part.lifetimeYears) + part.opexUSDPerYear
            presentCosts += part.capexUSD + part.opexUSDPerYear * factor
        }
        annualisedCostUSDPerYear = annualised
        presentValueCostsUSD = presentCosts
        if parts.count == 1 {
            presentValueBenefitsUSD = benefitUSDPerYear * Self.annuityFactor(rate: discountRate, years: parts[0].lifetimeYears)
        } else if annualised > 0 {
            presentValueBenefitsUSD = benefitUSDPerYear * presentCosts / annualised
        } else {
            let longest = max(1, parts.map(\.lifetimeYears).max() ?? 1)
            presentValueBenefitsUSD = benefitUSDPerYear * Self.annuityFactor(rate: discountRate, years: longest)
        }
    }

    /// The capital recovery factor r(1+r)^n / ((1+r)^n − 1), 1/n when r = 0: the equal annual payment, per USD
    /// of capex, that repays it with interest over n years (per year).
    public static func capitalRecoveryFactor(rate: Double, years: Int) -> Double {
        precondition(years > 0, "a lifetime must be positive")
        guard rate != 0 else { return 1 / Double(years) }
        var growth = 1.0
        for _ in 0..<years { growth *= 1 + rate }
        return rate * growth / (growth - 1)
    }

    /// The annuity factor 1/CRF = ((1+r)^n − 1) / (r(1+r)^n), n when r = 0: the present value of USD 1 a year
    /// for n years (years).
    public static func annuityFactor(rate: Double, years: Int) -> Double {
        1 / capitalRecoveryFactor(rate: rate, years: years)
    }
}
