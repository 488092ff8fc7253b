public import Simulation
import FreightNetwork

/// The report of `corridor plan` over years: the build year of each project, each year's costs, the targets
/// met or missed and the MIP gap (table or JSON).
public enum YearPlanReport {
    static func usd(_ v: Double) -> String { PlanReport.usd(v) }
    static func teu(_ v: Double?) -> String { v.map { $0.isFinite ? NumberFormatting.grouped($0) : "unlimited" } ?? "—" }

    /// The text report.
    public static func render(_ plan: YearPlanResult, file: String, name: String?) -> String {
        let gap = plan.relativeGap.map { NumberFormatting.fixed($0 * 100, 2) + "%" } ?? "—"
        var out = "Plan over years: \(name ?? file)  (\(file))\n"
        out += "Objective: discounted cost   Status: \(plan.status.rawValue)   MIP gap: \(gap)   Solver: \(plan.solver) (branch-and-cut)\n"
        out += "MIP: \(NumberFormatting.grouped(Double(plan.rows))) rows × \(NumberFormatting.grouped(Double(plan.columns))) columns "
            + "(\(plan.integerColumns) integer), \(plan.years.count) years\n\n"
        guard let value = plan.objectiveValue else {
            out += "No schedule: the solver ended with status \(plan.status.rawValue).\n"
            return out
        }
        out += headline(plan, value: value)
        out += "\nBuild schedule\n" + schedule(plan)
        out += "\nYears (USD/yr, undiscounted; the objective weighs each year by its discounted weight)\n" + years(plan)
        if plan.targets.contains(where: { $0.target.capacity != nil }) {
            out += "\nCapacity targets (corridor capacity as `corridor capacity` measures it)\n" + targets(plan)
        }
        if plan.targets.contains(where: { $0.target.transit != nil }) {
            out += "\nTransit targets (a demand's flow-weighted days over its delivered TEU: link times and dwell, no congestion "
                + "wait)\n" + transitTargets(plan)
        }
        out += "\nWhy this schedule\n"
        for line in explanation(plan) { out += "  • \(line)\n" }
        if let base = SensitivityReport.Base(plan) { out += SensitivityReport.render(plan.sensitivity, base: base) }
        return out
    }

    static func headline(_ plan: YearPlanResult, value: Double) -> String {
        let budget = plan.catalog.budgetUSD
        var out = "  Budget            \(usd(budget)) (capex over all years)\n"
        out += "  Chosen capex      \(usd(plan.capexUSD)) (\(budget > 0 ? NumberFormatting.percent(plan.capexUSD / budget) : "—") of the budget)\n"
        if let rate = plan.catalog.discountRate {
            out += "  Discount rate     \(NumberFormatting.fixed(rate * 100, 1))% (years weighted by 1/(1 + r)^(year − \(plan.years.first?.year.year ?? 0)))\n"
        }
        out += "  Objective         \(usd(value)): Σ over years of discounted weight × (annualised capex + opex + generalised cost)\n"
        if let none = plan.objectiveWithoutInvestment {
            out += "  Without projects  \(usd(none))  (the schedule saves \(usd(none - value)))\n"
        }
        if let ratio = plan.benefitCostRatio {
            out += "  Benefit-cost      \(PlanReport.ratioText(ratio)) (discounted generalised-cost savings / annualised capex + opex)\n"
        }
        if let bound = plan.bestBound { out += "  Best bound        \(usd(bound))\n" }
        if plan.shortfallPenaltyUSD > 0 {
            out += "  Shortfall penalty \(usd(plan.shortfallPenaltyUSD)) (not in the objective above: targets missed)\n"
        }
        return out
    }

    static func schedule(_ plan: YearPlanResult) -> String {
        var table = TextTable(["project", "units", "capex", "build year", "in service", "lead years", "annualised /yr", "description"],
                              right: [1, 2, 5, 6])
        for (i, project) in plan.projects.enumerated() {
            let inv = project.investment
            let annualised = plan.catalog.annualisedCostUSDPerUnit(i) * Double(max(project.units, 1))
            let build = project.buildYear.map(String.init) ?? "not built"
            let service = project.inServiceYear.map(String.init) ?? (project.buildYear == nil ? "—" : "after the horizon")
            table.add([inv.id, String(project.units), usd(inv.capexUSD * Double(max(project.units, 1))), build, service,
                       NumberFormatting.fixed(inv.leadTimeYears ?? 0, 1), usd(annualised), inv.description ?? ""])
        }
        return table.rendered() + "\n"
    }

    static func years(_ plan: YearPlanResult) -> String {
        var table = TextTable(
            ["year", "scenario", "growth", "weight", "capex started", "annualised capex", "opex", "generalised cost",
             "without projects", "unmet TEU/yr", "in service"], right: Set(2...9))
        for y in plan.years {
            let service = zip(plan.catalog.investments, y.inService).filter { $0.1 > 0 }
                .map { $0.1 > 1 ? "\($0.1)× \($0.0.id)" : $0.0.id }.joined(separator: ", ")
            table.add([String(y.year.year), y.scenario, NumberFormatting.fixed(y.year.demandGrowth, 3),
                       NumberFormatting.fixed(y.discountedWeight, 3), usd(y.capexStartedUSD), usd(y.annualisedCapexUSD),
                       usd(y.opexUSD), usd(y.generalisedCostUSD), y.generalisedCostWithoutUSD.map(usd) ?? "—",
                       NumberFormatting.grouped(y.unmetTEU), service.isEmpty ? "—" : service])
        }
        return table.rendered() + "\n"
    }

    static func targets(_ plan: YearPlanResult) -> String {
        let rows = capacityRows(plan)
        var table = TextTable(rows.header, right: rows.numeric)
        for row in rows.rows { table.add(row) }
        return table.rendered() + "\n"
    }

    static func transitTargets(_ plan: YearPlanResult) -> String {
        let rows = transitRows(plan)
        var table = TextTable(rows.header, right: rows.numeric)
        for row in rows.rows { table.add(row) }
        return table.rendered() + "\n"
    }

    /// The capacity targets' table (text and HTML): header, numeric columns, rows.
    static func capacityRows(_ plan: YearPlanResult) -> (header: [String], numeric: Set<Int>, rows: [[String]]) {
        let rows = plan.targets.compactMap { t -> [String]? in
            guard let target = t.target.capacity else { return nil }
            return [target.label, String(t.year), teu(t.capacityTEU), NumberFormatting.grouped(target.minimumTEU),
                    NumberFormatting.grouped(t.shortfallTEU), t.met ? "yes" : "MISSED"]
        }
        return (["target", "year", "capacity TEU/yr", "target TEU/yr", "shortfall TEU/yr", "met"], [1, 2, 3, 4], rows)
    }

    /// The transit targets' table (text and HTML): header, numeric columns, rows.
    static func transitRows(_ plan: YearPlanResult) -> (header: [String], numeric: Set<Int>, rows: [[String]]) {
        let rows = plan.targets.compactMap { t -> [String]? in
            guard let target = t.target.transit else { return nil }
            return [target.label, String(t.year), t.transitDays.map { NumberFormatting.fixed($0, 2) } ?? "—",
                    NumberFormatting.fixed(target.maxDays, 2), NumberFormatting.fixed(t.daysOver, 2),
                    NumberFormatting.grouped(t.demandTEU), NumberFormatting.grouped(t.unmetTEU), t.met ? "yes" : "MISSED"]
        }
        return (["target", "year", "transit days", "target days", "days over", "demand TEU/yr", "unmet TEU/yr", "met"],
                [1, 2, 3, 4, 5, 6], rows)
    }

    /// One missed target in words: which, in which year, and by how much.
    public static func missedText(_ t: YearPlanResult.TargetOutcome) -> String {
        switch t.target {
        case .capacity:
            return "in \(t.year) the corridor reaches \(teu(t.capacityTEU)) TEU/yr, \(NumberFormatting.grouped(t.shortfallTEU)) TEU/yr short"
        case .transit(let target):
            var text = "in \(t.year) the demand takes "
                + (t.transitDays.map { "\(NumberFormatting.fixed($0, 2)) days" } ?? "— (nothing delivered)")
                + ", \(NumberFormatting.fixed(t.daysOver, 2)) days over \(NumberFormatting.fixed(target.maxDays, 2))"
            if t.unmetTEU > 1e-6 { text += ", with \(NumberFormatting.grouped(t.unmetTEU)) TEU/yr not delivered" }
            return text
        }
    }

    /// Why the schedule: what is built when and why, which targets bind or are missed.
    public static func explanation(_ plan: YearPlanResult) -> [String] {
        var lines: [String] = []
        for (i, project) in plan.projects.enumerated() {
            let lead = project.investment.leadTimeYears ?? 0
            if let build = project.buildYear {
                let service = project.inServiceYear.map { "in service from \($0)" } ?? "not in service within the plan's years"
                lines.append("\(project.investment.id): built in \(build) (lead time \(NumberFormatting.fixed(lead, 1)) yr, \(service)); "
                    + "annualised cost \(usd(plan.catalog.annualisedCostUSDPerUnit(i) * Double(project.units)))/yr from \(build).")
            } else {
                lines.append("\(project.investment.id): not built: in no year would its annualised cost "
                    + "(\(usd(plan.catalog.annualisedCostUSDPerUnit(i)))/yr) buy enough generalised cost or progress towards the targets.")
            }
        }
        if let ratio = plan.benefitCostRatio, ratio < 1, !plan.targets.isEmpty {
            lines.append("The schedule's benefit-cost ratio is \(PlanReport.ratioText(ratio)) (< 1): its savings do not pay for it; "
                + "it is built to meet the targets.")
        }
        let missed = plan.missed
        if missed.isEmpty {
            if !plan.targets.isEmpty { lines.append("Every target is met in every year it holds.") }
        } else {
            for t in missed {
                lines.append("Target missed: \(t.target.label) — \(missedText(t)), with the budget "
                    + "(\(usd(plan.catalog.budgetUSD))) and the lead times of the candidates.")
            }
        }
        if let gap = plan.relativeGap, gap > 0.0001 {
            lines.append("The MIP stopped at a gap of \(NumberFormatting.fixed(gap * 100, 2))%: a better schedule may exist.")
        }
        return lines
    }

    /// The report as JSON: every figure of the text report.
    public static func json(_ plan: YearPlanResult, file: String, name: String?) -> String {
        let projects: [JSONValue] = plan.projects.enumerated().map { i, p in
            .object([
                ("id", .string(p.investment.id)), ("units", .number(Double(p.units))),
                ("units_by_year", .array(p.unitsByYear.map { .number(Double($0)) })),
                ("build_year", .number(p.buildYear.map(Double.init))), ("in_service_year", .number(p.inServiceYear.map(Double.init))),
                ("capex_usd", .number(p.investment.capexUSD * Double(p.units))),
                ("lead_time_years", .number(p.investment.leadTimeYears)),
                ("lifetime_years", .number(p.investment.lifetimeYears.map(Double.init))),
                ("opex_usd_per_year", .number(p.investment.opexUSDPerYear)),
                ("annualised_cost_usd_per_year_per_unit", .number(plan.catalog.annualisedCostUSDPerUnit(i))),
            ])
        }
        let years: [JSONValue] = plan.years.map { y in
            .object([
                ("year", .number(Double(y.year.year))), ("scenario", .string(y.scenario)),
                ("demand_growth", .number(y.year.demandGrowth)), ("weight", .number(y.year.weight)),
                ("discounted_weight", .number(y.discountedWeight)), ("budget_usd", .number(y.year.budgetUSD)),
                ("capex_started_usd", .number(y.capexStartedUSD)), ("annualised_capex_usd", .number(y.annualisedCapexUSD)),
                ("opex_usd", .number(y.opexUSD)), ("generalised_cost_usd", .number(y.generalisedCostUSD)),
                ("generalised_cost_without_projects_usd", .number(y.generalisedCostWithoutUSD)),
                ("total_usd", .number(y.totalUSD)), ("unmet_teu", .number(y.unmetTEU)),
                ("in_service", .object(zip(plan.catalog.investments, y.inService).map { ($0.id, .number(Double($1))) })),
            ])
        }
        let targets: [JSONValue] = plan.targets.map { t in
            switch t.target {
            case .capacity(let target):
                return .object([
                    ("kind", .string("capacity")), ("label", .string(target.label)), ("corridor", .string(target.corridor)),
                    ("min_capacity_teu", .number(target.minimumTEU)), ("by_year", .number(Double(target.byYear))),
                    ("year", .number(Double(t.year))), ("capacity_teu", .number(t.capacityTEU)),
                    ("capacity_unlimited", .bool(t.capacityTEU == .infinity)),
                    ("shortfall_teu", .number(t.shortfallTEU)), ("met", .bool(t.met)),
                ])
            case .transit(let target):
                return .object([
                    ("kind", .string("transit")), ("label", .string(target.label)), ("demand", .string(target.demand)),
                    ("max_days", .number(target.maxDays)), ("by_year", .number(Double(target.byYear))),
                    ("year", .number(Double(t.year))), ("transit_days", .number(t.transitDays)),
                    ("days_over", .number(t.daysOver)), ("demand_teu", .number(t.demandTEU)), ("unmet_teu", .number(t.unmetTEU)),
                    ("over_teu_days", .number(t.overTEUDays)), ("met", .bool(t.met)),
                ])
            }
        }
        let value: JSONValue = .object([
            ("file", .string(file)), ("name", name.map { .string($0) } ?? .null),
            ("objective", .string("discounted-cost")), ("status", .string(plan.status.rawValue)),
            ("objective_value", .number(plan.objectiveValue)), ("best_bound", .number(plan.bestBound)),
            ("relative_gap", .number(plan.relativeGap)),
            ("objective_without_investment", .number(plan.objectiveWithoutInvestment)),
            ("shortfall_penalty_usd", .number(plan.shortfallPenaltyUSD)),
            ("benefit_cost_ratio", .number(plan.benefitCostRatio)),
            ("budget_usd", .number(plan.catalog.budgetUSD)), ("capex_usd", .number(plan.capexUSD)),
            ("discount_rate", .number(plan.catalog.discountRate)),
            ("rows", .number(Double(plan.rows))), ("columns", .number(Double(plan.columns))),
            ("integer_columns", .number(Double(plan.integerColumns))), ("solver", .string(plan.solver)),
            ("projects", .array(projects)), ("years", .array(years)), ("targets", .array(targets)),
            ("targets_missed", .number(Double(plan.missed.count))),
            ("sensitivity", SensitivityReport.json(plan.sensitivity, base: SensitivityReport.Base(plan))),
            ("explanation", .array(explanation(plan).map { .string($0) })),
        ])
        return value.rendered()
    }
}
