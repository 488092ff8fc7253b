import FreightNetwork
public import Simulation

extension PlanHTMLReport {
    /// The page of a plan over years: headline, build schedule, years, targets, sensitivity and why.
    /// - Parameters:
    ///   - plan: The plan over years.
    ///   - file: The plan file as given.
    ///   - name: The plan's name, if any.
    public static func render(_ plan: YearPlanResult, file: String, name: String?) -> String {
        let title = name ?? file
        var body = heading("Plan over years: \(title)", [
            file, "discounted cost", "status \(plan.status.rawValue)", "MIP gap \(gapText(plan.relativeGap))",
            "\(plan.solver) (branch-and-cut)", "\(plan.years.count) years",
        ])
        guard let value = plan.objectiveValue else {
            return HTML.page(title: "corridor plan: \(title)", body: body + "<p>No schedule: \(HTML.escape(plan.status.rawValue)).</p>\n")
        }
        var cards = [("Budget", usd(plan.catalog.budgetUSD)), ("Chosen capex", usd(plan.capexUSD)), ("Objective", usd(value))]
        if let none = plan.objectiveWithoutInvestment { cards.append(("Saves", usd(none - value))) }
        if let rate = plan.catalog.discountRate { cards.append(("Discount rate", F.percent(rate))) }
        if let ratio = plan.benefitCostRatio { cards.append(("Benefit-cost ratio", PlanReport.ratioText(ratio))) }
        cards.append(("Targets missed", String(plan.missed.count)))
        body += HTMLReport.cards(cards)
        let schedule = plan.projects.enumerated().map { i, p in
            [p.investment.id, String(p.units), usd(p.investment.capexUSD * Double(max(p.units, 1))),
             p.buildYear.map(String.init) ?? "not built", p.inServiceYear.map(String.init) ?? "—",
             F.fixed(p.investment.leadTimeYears ?? 0, 1), usd(plan.catalog.annualisedCostUSDPerUnit(i) * Double(max(p.units, 1))),
             p.investment.description ?? ""]
        }
        body += HTML.section("Build schedule", table(
            ["project", "units", "capex", "build year", "in service", "lead years", "annualised /yr", "description"],
            numeric: [1, 2, 5, 6], rows: schedule), id: "schedule")
        let years = plan.years.map { y in
            [String(y.year.year), y.scenario, F.fixed(y.year.demandGrowth, 3), F.fixed(y.discountedWeight, 3), usd(y.capexStartedUSD),
             usd(y.annualisedCapexUSD), usd(y.opexUSD), usd(y.generalisedCostUSD), y.generalisedCostWithoutUSD.map(usd) ?? "—",
             F.grouped(y.unmetTEU)]
        }
        body += HTML.section("Years (USD/yr, undiscounted)", table(
            ["year", "scenario", "growth", "weight", "capex started", "annualised capex", "opex", "generalised cost",
             "without projects", "unmet TEU/yr"], numeric: Set(2...9), rows: years), id: "years")
        for (title, rows, id) in [("Capacity targets", YearPlanReport.capacityRows(plan), "targets"),
                                  ("Transit targets", YearPlanReport.transitRows(plan), "transit-targets")] where !rows.rows.isEmpty {
            body += HTML.section(title, table(rows.header, numeric: rows.numeric, rows: rows.rows), id: id)
        }
        if let base = SensitivityReport.Base(plan), let s = plan.sensitivity {
            body += HTML.section("Sensitivity", sensitivity(s, base: base), id: "sensitivity")
        }
        body += HTML.section("Why this schedule", HTML.list(YearPlanReport.explanation(plan)), id: "why")
        return HTML.page(title: "corridor plan: \(title)", body: body)
    }
}
