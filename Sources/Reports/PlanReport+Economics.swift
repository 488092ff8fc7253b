import FreightNetwork
import Simulation

extension PlanReport {
    /// The discount rate as a percentage: 0.06 → "6.0%".
    static func rateText(_ rate: Double) -> String { NumberFormatting.percent(rate) }

    /// The headline lines of the economics: the discount rate and the portfolio's annualised cost, or that the plan
    /// has none.
    static func economicsHeadline(_ plan: PlanResult) -> String {
        guard plan.hasEconomics, let rate = plan.catalog.discountRate else {
            return "  Economics         none: the plan file has no discount_rate, so capex enters only the budget row (no NPV or BCR)\n"
        }
        var out = "  Discount rate     \(rateText(rate)) (annualised cost = capex × CRF + opex, over each project's life)\n"
        if let annualised = plan.annualisedCostUSD {
            let where_ = plan.objectiveHasAnnualisedCost ? "in the objective" : "not in the \(plan.objective.rawValue) objective, which counts TEU"
            out += "  Annualised cost   \(usd(annualised))/yr of the chosen projects (\(where_))\n"
        }
        return out
    }

    /// Annualised cost, benefit, NPV and BCR of an appraisal, as table cells ("—" when not computed).
    static func appraisalCells(_ appraisal: Appraisal?) -> [String] {
        guard let a = appraisal else { return ["—", "—", "—", "—"] }
        return [usd(a.annualisedCostUSDPerYear), usd(a.benefitUSDPerYear), signedUSD(a.netPresentValueUSD), ratioText(a.benefitCostRatio)]
    }

    /// A benefit–cost ratio with two decimals, "—" when undefined (no cost).
    static func ratioText(_ ratio: Double?) -> String { ratio.map { NumberFormatting.fixed($0, 2) } ?? "—" }

    /// Simple payback in years, "never" when the benefit does not exceed the opex.
    static func paybackText(_ appraisal: Appraisal?) -> String {
        guard let appraisal else { return "—" }
        return appraisal.paybackYears.map { NumberFormatting.fixed($0, 1) + " yr" } ?? "never"
    }

    /// The portfolio's totals and whether every chosen project earns its capital (BCR ≥ 1).
    static func portfolioTotals(_ plan: PlanResult) -> String {
        guard plan.hasEconomics, let rate = plan.catalog.discountRate else { return "" }
        var out = ""
        if let p = plan.portfolioAppraisal {
            out += "Portfolio: capex \(usd(p.capexUSD)), annualised \(usd(p.annualisedCostUSDPerYear))/yr, benefit \(usd(p.benefitUSDPerYear))/yr"
            out += " (without → with), NPV \(signedUSD(p.netPresentValueUSD)) at \(rateText(rate)), BCR \(ratioText(p.benefitCostRatio)),"
            out += " payback \(paybackText(p))\n"
        }
        let chosen = plan.projects.filter { $0.units > 0 && $0.appraisal != nil }
        guard !chosen.isEmpty else { return out }
        let below = chosen.filter { ($0.appraisal?.benefitCostRatio ?? .infinity) < 1 }
        if below.isEmpty {
            let lowest = chosen.min { ($0.appraisal?.benefitCostRatio ?? .infinity) < ($1.appraisal?.benefitCostRatio ?? .infinity) }
            let text = lowest.map { "\($0.investment.id), \(ratioText($0.appraisal?.benefitCostRatio))" } ?? ""
            out += "Every chosen project has a benefit–cost ratio of at least 1 (lowest: \(text)).\n"
        } else {
            let list = below.map { "\($0.investment.id) \(ratioText($0.appraisal?.benefitCostRatio))" }.joined(separator: ", ")
            let why = plan.objectiveHasAnnualisedCost
                ? "committed, required by another project, or within the MIP gap"
                : "the \(plan.objective.rawValue) objective does not weigh cost"
            out += "Chosen with a benefit–cost ratio below 1: \(list) (\(why)).\n"
        }
        return out
    }

    /// The projects' lead times, when any is given: read and reported, not modelled (a plan is one year).
    static func leadTimes(_ plan: PlanResult) -> String {
        let given = plan.catalog.investments.compactMap { inv in inv.leadTimeYears.map { "\(inv.id) \(NumberFormatting.fixed($0, 1))" } }
        guard !given.isEmpty else { return "" }
        return "Lead times, years (not modelled: the plan is one steady year): \(given.joined(separator: ", "))\n"
    }

    /// The closing note: how the figures are defined.
    static func footnote(_ plan: PlanResult) -> String {
        guard plan.hasEconomics else {
            return "Capex is one-off and enters only the budget row (capex ≤ budget); the objective is annual. A project's \"loss if dropped\" re-optimises the rest of the portfolio without it; payback = its capex / that loss.\n"
        }
        var out = "Annualised cost = capex × CRF + opex, CRF = r(1+r)^n / ((1+r)^n − 1) at the discount rate r over the lifetime n;"
        out += " the budget bounds capex. Benefit = the drop in the weighted annual generalised cost the project brings with the rest"
        out += " of the chosen portfolio held fixed (not chosen: one unit added to it). NPV = (benefit − opex) × annuity factor − capex;"
        out += " BCR = PV benefits / (capex + PV opex); payback = capex / (benefit − opex), undiscounted. \"Loss if dropped\" instead"
        out += " re-optimises the rest of the portfolio without the project.\n"
        return out
    }

    /// The sentence that explains a chosen project by its appraisal, or nil without one.
    static func builtBecause(_ plan: PlanResult, _ project: PlanResult.ProjectOutcome) -> String? {
        guard let a = project.appraisal, let rate = plan.catalog.discountRate else { return nil }
        let id = project.investment.id
        let ratio = ratioText(a.benefitCostRatio)
        let verb = (a.benefitCostRatio ?? .infinity) >= 1 ? "is built because its BCR is \(ratio)" : "is built although its BCR is \(ratio)"
        return "\(id) (\(usd(a.capexUSD))) \(verb): it saves \(usd(a.benefitUSDPerYear))/yr against an annualised cost of "
            + "\(usd(a.annualisedCostUSDPerYear))/yr (NPV \(signedUSD(a.netPresentValueUSD)) at \(rateText(rate)))"
    }

    /// The sentence that explains a project left out by its appraisal (one unit), or nil without one.
    static func leftOutBecause(_ plan: PlanResult, _ project: PlanResult.ProjectOutcome) -> String? {
        guard let a = project.appraisal, let rate = plan.catalog.discountRate else { return nil }
        let id = project.investment.id
        let saves = "one unit would save \(usd(a.benefitUSDPerYear))/yr against \(usd(a.annualisedCostUSDPerYear))/yr"
        if a.netPresentValueUSD < 0 {
            return "\(id) is left out because its NPV is \(signedUSD(a.netPresentValueUSD)) at \(rateText(rate)) (BCR \(ratioText(a.benefitCostRatio)): \(saves))"
        }
        return "\(id) has a BCR of \(ratioText(a.benefitCostRatio)) against the portfolio (NPV \(signedUSD(a.netPresentValueUSD)) at \(rateText(rate)); \(saves)), but is left out"
    }

    /// An appraisal as JSON (every figure).
    static func json(_ appraisal: Appraisal?, units: Int? = nil) -> JSONValue {
        guard let a = appraisal else { return .null }
        var fields: [(String, JSONValue)] = units.map { [("units", .number(Double($0)))] } ?? []
        fields += [
            ("capex_usd", .number(a.capexUSD)), ("opex_usd_per_year", .number(a.opexUSDPerYear)),
            ("annualised_cost_usd_per_year", .number(a.annualisedCostUSDPerYear)),
            ("benefit_usd_per_year", .number(a.benefitUSDPerYear)),
            ("pv_benefits_usd", .number(a.presentValueBenefitsUSD)), ("pv_costs_usd", .number(a.presentValueCostsUSD)),
            ("npv_usd", .number(a.netPresentValueUSD)), ("benefit_cost_ratio", .number(a.benefitCostRatio)),
            ("payback_years", .number(a.paybackYears)),
        ]
        return .object(fields)
    }
}
