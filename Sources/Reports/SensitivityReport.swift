public import FreightNetwork
public import Simulation

/// The "Sensitivity" section of `corridor plan` (one year or over years): the marginal values of the budget, of
/// each capacity target and of the discount rate, each from a MIP re-solve, as text and JSON.
public enum SensitivityReport {
    /// What the report needs to know of the plan the re-solves are compared with.
    public struct Base {
        /// The plan's objective.
        public var objective: Double
        /// Whether the objective counts TEU/yr (larger is better) rather than USD.
        public var teu: Bool
        /// Whether the objective is a discounted total over years (USD) rather than a rate (per year).
        public var overYears: Bool
        /// The candidate projects and the budget.
        public var catalog: InvestmentCatalog
        /// The plan's units per project (for a plan over years: built over the horizon).
        public var units: [Int]
        /// For a plan over years: each project's build year (nil: not built).
        public var buildYears: [Int?]?
        /// The label of each target (index as in `PlanSensitivity/Parameter/target(_:)` and
        /// `PlanSensitivity/Parameter/transitTarget(_:)`).
        public var targetLabels: [String]

        /// - Parameters:
        ///   - objective: The plan's objective (USD/yr, TEU/yr, or discounted USD over years).
        ///   - teu: Whether it counts TEU/yr.
        ///   - overYears: Whether it is a discounted total over years.
        ///   - catalog: The candidate projects and the budget.
        ///   - units: The plan's units per project.
        ///   - buildYears: For a plan over years, each project's build year.
        ///   - targetLabels: Each capacity target's label.
        public init(objective: Double, teu: Bool, overYears: Bool, catalog: InvestmentCatalog, units: [Int],
                    buildYears: [Int?]? = nil, targetLabels: [String]) {
            self.objective = objective
            self.teu = teu
            self.overYears = overYears
            self.catalog = catalog
            self.units = units
            self.buildYears = buildYears
            self.targetLabels = targetLabels
        }
    }

    static func usd(_ v: Double) -> String { PlanReport.usd(v) }

    /// An objective value with its unit.
    static func amount(_ base: Base, _ v: Double) -> String {
        base.teu ? "\(NumberFormatting.grouped(v)) TEU/yr" : usd(v) + (base.overYears ? "" : "/yr")
    }

    /// A signed objective change with its unit.
    static func change(_ base: Base, _ v: Double) -> String {
        base.teu ? "\(NumberFormatting.signedGrouped(v)) TEU/yr" : PlanReport.signedUSD(v) + (base.overYears ? "" : "/yr")
    }

    /// The portfolio (or schedule) of a re-solve, and whether it differs from the plan's.
    static func portfolio(_ base: Base, _ r: PlanSensitivity.Resolve) -> String {
        guard let units = r.units else { return "no solution (\(r.status.rawValue))" }
        let investments = base.catalog.investments
        let parts = investments.indices.filter { units[$0] > 0 }.map { i in
            let name = investments[i].isBinary || units[i] == 1 ? investments[i].id : "\(units[i])× \(investments[i].id)"
            return r.buildYears?[i].map { "\(name) \($0)" } ?? name
        }
        let text = parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
        let same = units == base.units && (base.buildYears == nil || r.buildYears.map { $0 == base.buildYears! } == true)
        return (base.buildYears == nil ? "portfolio " : "schedule ") + text + (same ? " (unchanged)" : " (CHANGED)")
    }

    /// A parameter value in words: USD, TEU/yr or a percentage.
    static func parameterText(_ r: PlanSensitivity.Resolve) -> String {
        switch r.parameter {
        case .budget: usd(r.value)
        case .target: "\(NumberFormatting.grouped(r.value)) TEU/yr"
        case .transitTarget: "\(NumberFormatting.fixed(r.value, 1)) days"
        case .discountRate: NumberFormatting.percent(r.value)
        }
    }

    /// One re-solve's line: the moved parameter, the objective and its change, the slope and the portfolio.
    static func line(_ base: Base, _ r: PlanSensitivity.Resolve) -> String {
        let relative = r.baseValue != 0 ? (r.value - r.baseValue) / r.baseValue : 0
        let step: String
        switch r.parameter {
        case .discountRate: step = NumberFormatting.signedFixed((r.value - r.baseValue) * 100, 1) + " pp"
        case .transitTarget: step = NumberFormatting.signedFixed(r.value - r.baseValue, 1) + " days"
        case .budget, .target: step = NumberFormatting.signedFixed(relative * 100, 0) + "%"
        }
        var out = "\(step) (\(parameterText(r))): "
        guard let objective = r.objective else { return out + portfolio(base, r) }
        out += "objective \(amount(base, objective)) (\(change(base, objective - base.objective))"
        let missed = r.shortfallTEU > 0 || r.missed > 0
        if let slope = r.slope(from: base.objective), !missed {
            switch r.parameter {
            case .budget: out += "; \(change(base, slope * 1e6)) per USD 1 m of budget"
            case .target: out += "; \(change(base, slope)) per TEU/yr of target"
            case .transitTarget: out += "; \(change(base, -slope)) per day taken off the target"
            case .discountRate: break
            }
        }
        out += "); " + portfolio(base, r)
        if missed {
            var parts: [String] = []
            if r.shortfallTEU > 0 { parts.append("\(NumberFormatting.grouped(r.shortfallTEU)) TEU/yr short") }
            if r.overTEUDays > 0 { parts.append("\(NumberFormatting.grouped(r.overTEUDays)) TEU-days/yr beyond their transit times") }
            out += "; MISSED: the targets are " + parts.joined(separator: " and ") + " over their years, so no "
                + "marginal value (the objective leaves out the shortfall penalty)"
        }
        if let without = r.objectiveWithoutInvestment, r.parameter == .discountRate {
            out += "; net saving against building nothing at this rate: \(PlanReport.signedUSD(without - objective))"
            if without < objective, !base.targetLabels.isEmpty { out += " (the targets make it worth less than nothing)" }
        }
        if let a = r.appraisal {
            out += "; its NPV \(PlanReport.signedUSD(a.netPresentValueUSD)), BCR \(PlanReport.ratioText(a.benefitCostRatio))"
        }
        if let a = r.chosenAppraisal, r.units != base.units {
            out += "; the plan's portfolio at this rate: NPV \(PlanReport.signedUSD(a.netPresentValueUSD)), "
                + "BCR \(PlanReport.ratioText(a.benefitCostRatio))"
        }
        return out
    }

    /// What meeting the missed targets would take: the re-solve with no budget limit.
    static func unlimitedText(_ base: Base, _ r: PlanSensitivity.Resolve) -> String {
        var out = "missed targets with no budget limit: "
        guard let objective = r.objective else { return out + portfolio(base, r) }
        if r.missedTargets.isEmpty {
            out += "every target met at capex \(r.capexUSD.map(usd) ?? "—") (objective \(amount(base, objective)), "
                + "\(change(base, objective - base.objective))); " + portfolio(base, r)
        } else {
            out += "still missed: " + r.missedTargets.joined(separator: "; ")
                + " (the candidates and their lead times cannot meet them at any budget); " + portfolio(base, r)
        }
        return out
    }

    /// The text section: a heading and one line per re-solve; "" when there is none.
    /// - Parameters:
    ///   - sensitivity: The re-solves.
    ///   - base: The plan they are compared with.
    public static func render(_ sensitivity: PlanSensitivity?, base: Base) -> String {
        guard let s = sensitivity, !(s.budget.isEmpty && s.targets.isEmpty && s.discountRate.isEmpty && s.unlimitedBudget == nil) else {
            return ""
        }
        var out = "\nSensitivity (each a MIP re-solve with one parameter moved, everything else as in the plan)\n"
        let budgetWord = base.overYears ? "total budget" : "budget"
        for r in s.budget { out += "  \(budgetWord) \(line(base, r))\n" }
        for (k, row) in s.targets.enumerated() {
            let label = k < base.targetLabels.count ? base.targetLabels[k] : "target \(k + 1)"
            for r in row { out += "  \(label): \(line(base, r))\n" }
        }
        if let r = s.unlimitedBudget { out += "  \(unlimitedText(base, r))\n" }
        for r in s.discountRate { out += "  discount rate \(line(base, r))\n" }
        if s.discountRate.isEmpty, base.catalog.hasEconomics, base.teu {
            out += "  discount rate: not re-solved: the objective counts TEU, not the annualised cost\n"
        }
        let changed = s.discountRate.filter { $0.units != nil && !portfolio(base, $0).hasSuffix("(unchanged)") }
        if !s.discountRate.isEmpty {
            out += changed.isEmpty
                ? "  The chosen \(base.buildYears == nil ? "portfolio" : "schedule") holds at every discount rate tried.\n"
                : "  The chosen \(base.buildYears == nil ? "portfolio" : "schedule") changes at "
                    + changed.map { NumberFormatting.percent($0.value) }.joined(separator: " and ") + ".\n"
        }
        let unit = base.teu ? "TEU/yr" : base.overYears ? "USD (discounted over the years)" : "USD/yr"
        out += "  Objective changes in \(unit); a negative change lowers the objective"
        out += base.teu ? ".\n" : " (better for a cost).\n"
        return out
    }

    /// The re-solves as JSON (null when not computed).
    /// - Parameter sensitivity: The re-solves.
    /// - Parameter base: The plan they are compared with.
    public static func json(_ sensitivity: PlanSensitivity?, base: Base?) -> JSONValue {
        guard let s = sensitivity else { return .null }
        func entry(_ r: PlanSensitivity.Resolve) -> JSONValue {
            var fields: [(String, JSONValue)] = [
                ("base_value", .number(r.baseValue)), ("value", .number(r.value)), ("status", .string(r.status.rawValue)),
                ("objective_value", .number(r.objective)),
                ("objective_change", .number(base.flatMap { b in r.objective.map { $0 - b.objective } })),
                ("slope", .number(r.slope(from: base?.objective))),
                ("units", r.units.map { .array($0.map { .number(Double($0)) }) } ?? .null),
            ]
            if let years = r.buildYears { fields.append(("build_years", .array(years.map { .number($0.map(Double.init)) }))) }
            if r.parameter == .discountRate || r.objectiveWithoutInvestment != nil {
                fields.append(("objective_without_investment", .number(r.objectiveWithoutInvestment)))
            }
            fields.append(("shortfall_teu", .number(r.shortfallTEU)))
            if r.buildYears != nil {
                fields.append(("over_teu_days", .number(r.overTEUDays)))
                fields.append(("targets_missed", .number(Double(r.missed))))
                fields.append(("missed_targets", .array(r.missedTargets.map { .string($0) })))
                fields.append(("capex_usd", .number(r.capexUSD)))
            }
            fields.append(("appraisal", PlanReport.json(r.appraisal)))
            fields.append(("chosen_portfolio_appraisal", PlanReport.json(r.chosenAppraisal)))
            return .object(fields)
        }
        var fields: [(String, JSONValue)] = [
            ("step", .number(s.step)), ("discount_rate_step", .number(s.rateStep)),
            ("budget", .array(s.budget.map(entry))),
            ("targets", .array(s.targets.enumerated().map { k, row in
                .object([
                    ("label", base.map { k < $0.targetLabels.count ? .string($0.targetLabels[k]) : .null } ?? .null),
                    ("resolves", .array(row.map(entry))),
                ])
            })),
            ("discount_rate", .array(s.discountRate.map(entry))),
        ]
        if base?.overYears == true { fields.append(("unlimited_budget", s.unlimitedBudget.map(entry) ?? .null)) }
        return .object(fields)
    }
}

extension SensitivityReport.Base {
    /// The base of a plan of one year; nil without a portfolio.
    /// - Parameter plan: The plan.
    public init?(_ plan: PlanResult) {
        guard let value = plan.objectiveValue else { return nil }
        let corridor = plan.scenarios.first { $0.corridor != nil }?.corridor ?? "corridor"
        self.init(objective: value, teu: plan.maximises, overYears: false, catalog: plan.catalog, units: plan.units,
                  targetLabels: ["\(corridor) capacity target"])
    }

    /// The base of a plan over years; nil without a schedule.
    /// - Parameter plan: The plan.
    public init?(_ plan: YearPlanResult) {
        guard let value = plan.objectiveValue else { return nil }
        let labels = plan.planTargets.map(\.label)
        self.init(objective: value, teu: false, overYears: true, catalog: plan.catalog, units: plan.projects.map(\.units),
                  buildYears: plan.projects.map(\.buildYear), targetLabels: labels)
    }
}
