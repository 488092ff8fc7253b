public import Simulation
import FreightNetwork

/// `corridor plan --html`: one self-contained page (inline CSS and SVG, no scripts) with the chosen projects and
/// their economics, the scenarios, a map of what the portfolio builds, the sensitivity and why; for a plan over
/// years the build schedule, the years and the targets.
public enum PlanHTMLReport {
    typealias F = NumberFormatting

    static func usd(_ v: Double) -> String { PlanReport.usd(v) }

    /// The page's title and the line of facts under it (escaped here).
    static func heading(_ title: String, _ facts: [String]) -> String {
        "<h1>\(HTML.escape(title))</h1>\n<p class=\"sub\">" + facts.map(HTML.escape).joined(separator: " · ") + "</p>\n"
    }

    /// A MIP gap as a percentage with two decimals, "—" when unknown.
    static func gapText(_ gap: Double?) -> String { gap.map { F.fixed($0 * 100, 2) + "%" } ?? "—" }

    /// A table of text cells (`numeric`: the columns aligned right).
    static func table(_ headers: [String], numeric: Set<Int>, rows: [[String]]) -> String {
        var table = ReportTable(
            name: "plan", title: "",
            columns: headers.enumerated().map { i, h in ReportTable.Column(h, csv: h, numeric: numeric.contains(i)) })
        for row in rows { table.add(row.map { .text($0) }) }
        return table.html()
    }

    /// The page of a plan of one year.
    /// - Parameters:
    ///   - plan: The plan.
    ///   - file: The plan file as given.
    ///   - name: The plan's name, if any.
    public static func render(_ plan: PlanResult, file: String, name: String?) -> String {
        let title = name ?? file
        var body = heading("Plan: \(title)", [
            file, "objective \(plan.objective.rawValue)", "status \(plan.status.rawValue)", "MIP gap \(gapText(plan.relativeGap))",
            "\(plan.solver) (\(plan.method.kind == .arc ? "branch-and-cut" : plan.method.kind.rawValue))",
            "\(plan.scenarios.count) scenario\(plan.scenarios.count == 1 ? "" : "s")",
        ])
        guard let value = plan.objectiveValue else {
            return HTML.page(title: "corridor plan: \(title)", body: body + "<p>No portfolio: \(HTML.escape(plan.status.rawValue)).</p>\n")
        }
        var cards = [("Budget", usd(plan.catalog.budgetUSD)), ("Chosen capex", usd(plan.capexUSD)),
                     ("Objective", plan.maximises ? "\(F.grouped(value)) TEU/yr" : "\(usd(value))/yr")]
        if let none = plan.objectiveWithoutInvestment, !plan.maximises { cards.append(("Saves", "\(usd(none - value))/yr")) }
        if let rate = plan.catalog.discountRate { cards.append(("Discount rate", F.percent(rate))) }
        if let p = plan.portfolioAppraisal {
            cards += [("Portfolio NPV", PlanReport.signedUSD(p.netPresentValueUSD)), ("Portfolio BCR", PlanReport.ratioText(p.benefitCostRatio))]
        }
        body += HTMLReport.cards(cards)
        body += HTML.section("Chosen projects: \(PlanReport.portfolioText(plan, plan.units))", projects(plan, chosen: true)
            + "<p>\(HTML.escape(PlanReport.portfolioTotals(plan)))</p>\n", id: "chosen")
        if plan.projects.contains(where: { $0.units == 0 }) {
            body += HTML.section("Not chosen (appraised for one unit)", projects(plan, chosen: false), id: "not-chosen")
        }
        body += HTML.section("Scenarios without → with the portfolio", scenarios(plan), id: "scenarios")
        if let map = map(plan) { body += HTML.section("Map", map, id: "map") }
        if let base = SensitivityReport.Base(plan), let s = plan.sensitivity {
            body += HTML.section("Sensitivity", sensitivity(s, base: base), id: "sensitivity")
        }
        body += HTML.section("Why this portfolio", HTML.list(PlanReport.explanation(plan)), id: "why")
        body += "<p class=\"sub\">\(HTML.escape(PlanReport.footnote(plan)))</p>\n"
        return HTML.page(title: "corridor plan: \(title)", body: body)
    }

    /// The chosen (or the other) projects with their economics.
    static func projects(_ plan: PlanResult, chosen: Bool) -> String {
        let economics = plan.hasEconomics
        var rows: [[String]] = []
        for p in plan.projects where (p.units > 0) == chosen {
            let inv = p.investment
            let units = chosen ? p.units : 1
            var row = [inv.id, chosen ? String(p.units) : String(inv.maxUnits), usd(inv.capexUSD * Double(units))]
            if economics { row += PlanReport.appraisalCells(p.appraisal) + [PlanReport.paybackText(p.appraisal)] }
            let loss = PlanReport.loss(plan, p.objectiveIfSwitched)
            row.append(loss.map { plan.maximises ? "\(F.grouped($0)) TEU/yr" : "\(usd($0))/yr" } ?? "—")
            row.append(inv.description ?? "")
            rows.append(row)
        }
        let headers = ["project", chosen ? "units" : "max units", chosen ? "capex" : "capex/unit"]
            + (economics ? ["annualised /yr", "benefit /yr", "NPV", "BCR", "payback"] : [])
            + [chosen ? "loss if dropped" : "loss if forced in", "description"]
        return table(headers, numeric: Set(1..<(headers.count - 1)), rows: rows)
    }

    /// Each scenario without → with the portfolio.
    static func scenarios(_ plan: PlanResult) -> String {
        let rows = plan.scenarios.map { s in
            [s.name, F.percent(s.weight), F.grouped(s.without.deliveredTEU), F.grouped(s.with.deliveredTEU),
             s.without.objectiveValue.map { usd($0) } ?? "—", s.with.objectiveValue.map { usd($0) } ?? "—",
             F.fixed(s.without.avgTimeDays ?? .nan, 1), F.fixed(s.with.avgTimeDays ?? .nan, 1)]
        }
        return table(["scenario", "weight", "delivered without", "delivered with", "cost without /yr", "cost with /yr",
                      "days without", "days with"], numeric: Set(1...7), rows: rows)
    }

    /// The sensitivity re-solves as a table.
    static func sensitivity(_ s: PlanSensitivity, base: SensitivityReport.Base) -> String {
        let entries = s.budget.map { ("budget", $0) }
            + s.targets.enumerated().flatMap { k, row in
                row.map { (k < base.targetLabels.count ? base.targetLabels[k] : "target \(k + 1)", $0) }
            } + s.discountRate.map { ("discount rate", $0) }
        var rows = entries.map { label, r in [label, SensitivityReport.line(base, r)] }
        if let r = s.unlimitedBudget { rows.append(["no budget limit", SensitivityReport.unlimitedText(base, r)]) }
        return table(["parameter", "re-solve"], numeric: [], rows: rows)
    }

    /// The first scenario's flows with the portfolio, the chosen projects' links drawn thick and their nodes
    /// ringed; nil when there is no scenario.
    static func map(_ plan: PlanResult) -> String? {
        guard let scenario = plan.scenarios.first else { return nil }
        let chosen = plan.projects.filter { $0.units > 0 }.map(\.investment)
        let (links, nodes) = SVGMap.touched(by: chosen)
        let svg = SVGMap.highlight(scenario.with, title: "\(scenario.name) with the portfolio", links: links, nodes: nodes)
        return HTMLReport.figure(svg, "The chosen projects' links (thick, orange) and nodes (ringed) on \(scenario.name)'s "
            + "network with the portfolio; other links grey. Hover a link for its figures.")
    }
}
