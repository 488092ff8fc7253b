public import Simulation
import FreightNetwork

/// The report of `corridor plan`: the portfolio, the scenarios with and without it, and why (table or JSON).
public enum PlanReport {
    static func usd(_ v: Double) -> String { "USD " + NumberFormatting.money(v) }
    static func signedUSD(_ v: Double) -> String { (v > 0 ? "+" : v < 0 ? "-" : "") + "USD " + NumberFormatting.money(abs(v)) }

    /// Objective value in words (USD/yr or TEU/yr).
    private static func objectiveText(_ plan: PlanResult, _ v: Double) -> String {
        plan.maximises ? "\(NumberFormatting.grouped(v)) TEU/yr" : "\(usd(v))/yr"
    }

    private static func objectiveName(_ plan: PlanResult) -> String {
        let costs = plan.objectiveHasAnnualisedCost ? "the projects' annualised cost + " : ""
        return switch plan.objective {
        case .expectedCost: costs + "expected annual generalised cost (weighted over the scenarios)"
        case .maxThroughput: "expected TEU/yr delivered (weighted over the scenarios)"
        case .worstCase: costs + "worst-case annual generalised cost over the scenarios"
        case .maxCapacity: "the corridor's capacity, its maximum flow (weighted over the scenarios)"
        default: plan.objective.rawValue
        }
    }

    /// Loss (positive = worse) of a switched re-solve against the plan's objective.
    static func loss(_ plan: PlanResult, _ switched: Double?) -> Double? {
        guard let base = plan.objectiveValue, let switched else { return nil }
        return plan.maximises ? base - switched : switched - base
    }

    static func portfolioText(_ plan: PlanResult, _ units: [Int]) -> String {
        let parts = zip(plan.catalog.investments, units).filter { $0.1 > 0 }.map { $0.0.isBinary ? $0.0.id : "\($0.1)× \($0.0.id)" }
        return parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
    }

    /// The text report: heading, headline figures, the projects, the scenarios, the budget and why.
    public static func render(_ plan: PlanResult, file: String, name: String?) -> String {
        var out = heading(plan, file: file, name: name)
        guard let value = plan.objectiveValue else {
            out += "No portfolio: the solver ended with status \(plan.status.rawValue).\n"
            return out
        }
        out += headline(plan, value: value)
        out += "\nChosen portfolio: \(portfolioText(plan, plan.units))\n"
        out += projects(plan) + leadTimes(plan)
        out += "\nScenarios without → with the portfolio (min-cost flows of each scenario's network)\n"
        out += scenarios(plan)
        out += "\nMarginal value of budget\n" + budget(plan, value: value)
        out += "\nWhy this portfolio\n"
        for line in explanation(plan) { out += "  • \(line)\n" }
        out += "\n" + footnote(plan)
        if let base = SensitivityReport.Base(plan) { out += SensitivityReport.render(plan.sensitivity, base: base) }
        return out
    }

    /// The plan's name and file, objective, status, gap, solver and MIP size.
    static func heading(_ plan: PlanResult, file: String, name: String?) -> String {
        let gap = plan.relativeGap.map { NumberFormatting.fixed($0 * 100, 2) + "%" } ?? "—"
        var out = "Plan: \(name ?? file)  (\(file))\n"
        let cut = plan.method.kind == .arc ? " (branch-and-cut)" : ""
        out += "Objective: \(plan.objective.rawValue)   Status: \(plan.status.rawValue)   MIP gap: \(gap)   Solver: \(plan.solver)\(cut)\n"
        out += "MIP: \(NumberFormatting.grouped(Double(plan.rows))) rows × \(NumberFormatting.grouped(Double(plan.columns))) columns (\(plan.integerColumns) integer), \(plan.scenarios.count) scenario\(plan.scenarios.count == 1 ? "" : "s")\n"
        out += methodLine(plan.method, solver: plan.solver) + "\n"
        return out
    }

    /// "Method: …": how the plan's MIP was solved, and its programs (the MIP, its relaxation, the program
    /// without projects, the re-solves) by the seasonal branch-and-bound and by fallbacks to the whole MIP.
    static func methodLine(_ m: PlanMethod, solver: String) -> String {
        let solves = "\(m.solves) solve\(m.solves == 1 ? "" : "s")"
        let whole = "\(solver)'s branch-and-cut on the whole MIP"
        guard m.triedDecomposition else { return "Method: arc, \(whole) (\(solves))\n" }
        let nodes = "\(m.nodes) node\(m.nodes == 1 ? "" : "s")"
        if m.kind == .arc {
            return "Method: arc, \(whole), where the branch-and-bound with period decomposition proved nothing (\(solves): "
                + "\(m.decompositionSolves) by that search over \(nodes), \(m.fallbacks) fell back)\n"
        }
        return "Method: \(m.kind.rawValue) (\(solves): \(m.decompositionSolves) by it over \(nodes), "
            + "\(m.fallbacks) fell back to \(solver)'s whole MIP)\n"
    }

    /// Budget, capex, the objective `value` and its bounds, and what the portfolio gains over building nothing.
    static func headline(_ plan: PlanResult, value: Double) -> String {
        let budget = plan.catalog.budgetUSD
        var out = "  Budget            \(usd(budget)) (capex, one-off)\n"
        out += "  Chosen capex      \(usd(plan.capexUSD)) (\(budget > 0 ? NumberFormatting.percent(plan.capexUSD / budget) : "—") of the budget)\n"
        out += economicsHeadline(plan)
        out += "  Objective         \(objectiveText(plan, value)): \(objectiveName(plan))\n"
        if let none = plan.objectiveWithoutInvestment {
            let gain = plan.maximises ? value - none : none - value
            out += "  Without projects  \(objectiveText(plan, none))  (the portfolio \(plan.maximises ? "adds \(NumberFormatting.grouped(gain)) TEU/yr" : "saves \(usd(gain))/yr"))\n"
        }
        if let bound = plan.bestBound { out += "  Best bound        \(objectiveText(plan, bound))\n" }
        if let relaxation = plan.relaxationBound { out += "  LP relaxation     \(objectiveText(plan, relaxation))  (fractional projects allowed)\n" }
        return out
    }

    /// The projects a switched re-solve built more of (`more`) or fewer of than the plan, by id; "—" when none.
    static func switchedProjects(_ plan: PlanResult, _ project: PlanResult.ProjectOutcome, more: Bool) -> String {
        let ids = project.portfolioIfSwitched.map { units in
            zip(plan.catalog.investments.indices, units).filter { more ? $0.1 > plan.units[$0.0] : $0.1 < plan.units[$0.0] }
                .map { plan.catalog.investments[$0.0].id }.joined(separator: ", ")
        } ?? ""
        return ids.isEmpty ? "—" : ids
    }

    /// The chosen projects' table, the storage they build, and the table of the projects not chosen.
    static func projects(_ plan: PlanResult) -> String {
        let economics = plan.hasEconomics ? ["annualised /yr", "benefit /yr", "NPV", "BCR"] : []
        let shift = economics.count
        var chosen = TextTable(
            ["project", "units", "capex"] + economics + ["loss if dropped /yr", "payback", "then built instead", "description"],
            right: Set(1...(4 + shift)))
        var others = TextTable(
            ["project", "max units", "capex/unit"] + economics + ["loss if forced in /yr", "then dropped", "description"],
            right: Set(1...(3 + shift)))
        for project in plan.projects {
            let inv = project.investment
            let loss = loss(plan, project.objectiveIfSwitched)
            let lossText = loss.map { $0 < 0 ? "≈ 0 (within the gap)" : plan.maximises ? "\(NumberFormatting.grouped($0)) TEU" : usd($0) }
                ?? (project.switchStatus.map { "(\($0.rawValue))" } ?? (inv.minUnits > 0 ? "committed" : "—"))
            let cells = plan.hasEconomics ? appraisalCells(project.appraisal) : []
            if project.units > 0 {
                let capex = inv.capexUSD * Double(project.units)
                let simple = !plan.maximises ? loss.flatMap { $0 > 1 ? NumberFormatting.fixed(capex / $0, 1) + " yr" : nil } : nil
                let payback = plan.hasEconomics ? paybackText(project.appraisal) : simple ?? "—"
                let instead = switchedProjects(plan, project, more: true)
                chosen.add([inv.id, String(project.units), usd(capex)] + cells + [lossText, payback, instead, inv.description ?? ""])
            } else {
                let dropped = switchedProjects(plan, project, more: false)
                let infeasible = project.switchStatus == .infeasible ? "does not fit the budget" : lossText
                others.add([inv.id, String(inv.maxUnits), usd(inv.capexUSD)] + cells + [infeasible, dropped, inv.description ?? ""])
            }
        }
        var out = ""
        if !chosen.rows.isEmpty { out += chosen.rendered() + "\n" }
        out += portfolioTotals(plan)
        let stores = storageBuilt(plan)
        if !stores.isEmpty {
            let list = stores.map { "\($0.node) \(NumberFormatting.grouped($0.teu)) TEU (\($0.project))" }.joined(separator: ", ")
            out += "Storage built: \(list); it holds stock only in the scenarios with periods.\n"
        }
        if !others.rows.isEmpty {
            let unit = plan.hasEconomics ? " (appraised for one unit)" : ""
            out += "\nNot chosen\(unit)\n" + others.rendered() + "\n"
        }
        return out
    }

    /// Each scenario without → with the portfolio, then the corridor's capacity and the seasonal figures where computed.
    static func scenarios(_ plan: PlanResult) -> String {
        var table = TextTable(["scenario", "weight", "delivered TEU/yr", "unmet TEU/yr", "generalised cost /yr", "Δ cost /yr", "avg USD/TEU", "avg days", "middle TEU/yr"], right: [1, 2, 3, 4, 5, 6, 7, 8])
        for s in plan.scenarios {
            let a = s.without, b = s.with
            let middleA = a.corridors.first { $0.corridor == "middle" }?.teu ?? 0
            let middleB = b.corridors.first { $0.corridor == "middle" }?.teu ?? 0
            let costA = a.objectiveValue ?? .nan, costB = b.objectiveValue ?? .nan
            let label = s.with.periods.map { "\(s.name) (\($0.count) periods)" } ?? s.name
            table.add([
                label, NumberFormatting.percent(s.weight),
                "\(NumberFormatting.grouped(a.deliveredTEU)) → \(NumberFormatting.grouped(b.deliveredTEU))",
                "\(NumberFormatting.grouped(a.unmetTEU)) → \(NumberFormatting.grouped(b.unmetTEU))",
                "\(usd(costA)) → \(usd(costB))", signedUSD(costB - costA),
                "\(NumberFormatting.grouped(a.avgCostUSDPerTEU ?? .nan)) → \(NumberFormatting.grouped(b.avgCostUSDPerTEU ?? .nan))",
                "\(NumberFormatting.fixed(a.avgTimeDays ?? .nan, 1)) → \(NumberFormatting.fixed(b.avgTimeDays ?? .nan, 1))",
                "\(NumberFormatting.grouped(middleA)) → \(NumberFormatting.grouped(middleB))",
            ])
        }
        return table.rendered() + "\n" + capacities(plan) + seasonal(plan)
    }

    /// The corridor's capacity without → with the portfolio in each scenario where it was computed.
    static func capacities(_ plan: PlanResult) -> String {
        let capacities = plan.scenarios.filter { $0.capacityWithTEU != nil || $0.capacityWithoutTEU != nil }
        guard let corridor = capacities.first?.corridor else { return "" }
        func teu(_ v: Double?) -> String { v.map { $0.isFinite ? NumberFormatting.grouped($0) : "unlimited" } ?? "—" }
        var out = "Capacity of the \(corridor) corridor without → with the portfolio (maximum flow, TEU/yr; `corridor capacity`):\n"
        for s in capacities {
            var line = "  \(s.name): \(teu(s.capacityWithoutTEU)) → \(teu(s.capacityWithTEU))"
            if let a = s.capacityWithoutTEU, let b = s.capacityWithTEU, a.isFinite, b.isFinite {
                line += " (\(NumberFormatting.signedGrouped(b - a)))"
            }
            out += line + "\n"
        }
        return out + "\n"
    }

    /// Holding and late costs and the peak stock without → with the portfolio, for the scenarios with periods.
    static func seasonal(_ plan: PlanResult) -> String {
        let seasonal = plan.scenarios.filter { $0.with.periods != nil }
        guard !seasonal.isEmpty else { return "" }
        var out = "Seasonal scenarios (time-expanded; the cost includes holding and late penalties):\n"
        for s in seasonal {
            let peakA = (s.without.periods ?? []).map(\.stockTEU).max() ?? 0
            let peakB = (s.with.periods ?? []).map(\.stockTEU).max() ?? 0
            out += "  \(s.name): holding + late USD \(NumberFormatting.money(s.without.waitingCostUSD)) → \(NumberFormatting.money(s.with.waitingCostUSD))/yr,"
            out += " peak stock \(NumberFormatting.grouped(peakA)) → \(NumberFormatting.grouped(peakB)) TEU\n"
        }
        return out
    }

    /// What the re-solve with a larger budget gained over the plan's objective `value`, and why nothing when nothing.
    static func budget(_ plan: PlanResult, value: Double) -> String {
        guard let more = plan.objectiveWithMoreBudget, let marginal = plan.marginalValueOfBudget else { return "  not computed\n" }
        let budget = plan.catalog.budgetUSD
        let extra = budget * plan.budgetStep
        let gain = plan.maximises ? more - value : value - more
        var out = "  +\(NumberFormatting.fixed(plan.budgetStep * 100, 0))% budget (\(usd(extra))) → \(objectiveText(plan, more)): "
        out += plan.maximises ? "+\(NumberFormatting.grouped(gain)) TEU/yr" : "\(usd(gain))/yr less"
        out += " (\(plan.maximises ? NumberFormatting.fixed(marginal * 1e6, 2) + " TEU/yr" : "USD " + NumberFormatting.fixed(marginal * 1e6, 0) + "/yr") per extra USD 1 m); portfolio: \(portfolioText(plan, plan.portfolioWithMoreBudget ?? plan.units))\n"
        if abs(gain) <= 1e-9 * max(1, abs(value)) {
            let left = budget - plan.capexUSD
            out += "  The budget does not bind: \(usd(left)) is left, and no remaining candidate both fits \(usd(left + extra)) and lowers the objective.\n"
        }
        return out
    }

    /// Plain sentences that explain the choice, computed from the re-solves.
    public static func explanation(_ plan: PlanResult) -> [String] {
        var lines: [String] = []
        guard let value = plan.objectiveValue else { return lines }
        let names = plan.scenarios.map(\.name)
        for project in plan.projects where project.units > 0 {
            let because = builtBecause(plan, project)
            guard let loss = loss(plan, project.objectiveIfSwitched) else {
                if let because { lines.append(because + ".") }
                continue
            }
            if let because {
                var line = because + "; re-optimised without it the plan is \(usd(abs(loss)))/yr \(loss < 0 ? "better (within the gap)" : "worse")"
                line += worstScenario(plan, project)
                lines.append(line + ".")
                continue
            }
            if loss < 0 {
                lines.append("\(project.investment.id) is worth nothing measurable: without it the re-solve found a portfolio as good within the MIP gap.")
                continue
            }
            var line = "\(project.investment.id) (\(usd(project.investment.capexUSD * Double(project.units)))) is worth "
            line += plan.maximises ? "\(NumberFormatting.grouped(loss)) TEU/yr" : "\(usd(loss))/yr"
            line += " to the plan"
            if let last = PlanReport.loss(plan, project.objectiveWithOneUnitFewer) {
                line += " (its last unit: \(plan.maximises ? NumberFormatting.grouped(last) + " TEU/yr" : usd(last) + "/yr"))"
            }
            line += worstScenario(plan, project)
            let capex = project.investment.capexUSD * Double(project.units)
            if !plan.maximises, !plan.hasEconomics, loss > 0, capex / loss > 30 {
                line += "; it pays back only in \(NumberFormatting.fixed(capex / loss, 0)) years: it is built because the budget has room"
                line += " (capex costs nothing beyond the budget row), not because it earns its capital"
            }
            lines.append(line + ".")
        }
        let rejected = plan.projects.filter { $0.units == 0 }
        for project in rejected {
            if let reason = leftOutBecause(plan, project) {
                if project.appraisal.map({ $0.netPresentValueUSD < 0 }) == true {
                    lines.append(reason + ".")
                    continue
                }
                let loss = loss(plan, project.objectiveIfSwitched)
                let why = project.switchStatus == .infeasible ? ": it does not fit the budget together with what the plan needs"
                    : loss.map { $0 > 1e-6 * max(1, abs(value)) ? ": forcing it in makes the plan worse by \(usd($0))/yr (it displaces better projects)" : ": forcing it in changes the objective by less than the gap" } ?? ""
                lines.append(reason + why + ".")
                continue
            }
            if project.switchStatus == .infeasible {
                lines.append("\(project.investment.id) (\(usd(project.investment.capexUSD))) cannot be built within the budget together with what the plan needs.")
            } else if let loss = loss(plan, project.objectiveIfSwitched), loss > 1e-6 * max(1, abs(value)) {
                lines.append("\(project.investment.id) (\(usd(project.investment.capexUSD))): forcing it in makes the plan worse by \(plan.maximises ? NumberFormatting.grouped(loss) + " TEU/yr" : usd(loss) + "/yr") (it displaces better projects or relieves nothing that binds).")
            } else if project.objectiveIfSwitched != nil {
                lines.append("\(project.investment.id) is not needed: forcing it in changes the objective by less than the gap.")
            }
        }
        for s in plan.scenarios {
            let top = s.with.binding.filter { $0.shadowPriceUSDPerTEU >= 0.5 }.sorted { $0.shadowPriceUSDPerTEU > $1.shadowPriceUSDPerTEU }.prefix(3)
            guard !top.isEmpty else { continue }
            let text = top.map { "\($0.id) (USD \(NumberFormatting.grouped($0.shadowPriceUSDPerTEU))/TEU)" }.joined(separator: ", ")
            lines.append("With the portfolio, \(s.name) is still limited by \(text).")
        }
        _ = names
        return lines
    }

    /// "; without it S costs USD x/yr more" for the scenario that loses most when the project is forced out, or "".
    static func worstScenario(_ plan: PlanResult, _ project: PlanResult.ProjectOutcome) -> String {
        guard !project.scenarioCostsIfSwitched.isEmpty, project.scenarioCostsIfSwitched.count == plan.scenarios.count else { return "" }
        let deltas = zip(plan.scenarios, project.scenarioCostsIfSwitched).map { ($0.0.name, $0.1 - ($0.0.with.objectiveValue ?? 0)) }
        guard let best = deltas.max(by: { $0.1 < $1.1 }), best.1 > 1 else { return "" }
        return "; without it \(best.0) costs \(usd(best.1))/yr more"
    }

    /// Storage a project of the chosen portfolio builds: (project, node, TEU over all its units).
    static func storageBuilt(_ plan: PlanResult) -> [(project: String, node: String, teu: Double)] {
        plan.projects.filter { $0.units > 0 }.flatMap { project in
            project.investment.effects.compactMap { effect -> (project: String, node: String, teu: Double)? in
                guard case .storage(let node, let teu, _) = effect else { return nil }
                return (project.investment.id, node.rawValue, teu * Double(project.units))
            }
        }
    }

    /// One project of the plan as JSON: its choice, its re-solves, its economics and its storage.
    static func projectJSON(_ plan: PlanResult, _ p: PlanResult.ProjectOutcome) -> JSONValue {
        let teu = p.investment.effects.reduce(0.0) { total, effect in
            guard case .storage(_, let teu, _) = effect else { return total }
            return total + teu
        }
        let storage: [(String, JSONValue)] = teu > 0 ? [("storage_teu", .number(teu * Double(p.units)))] : []
        let fields: [(String, JSONValue)] = [
            ("id", .string(p.investment.id)), ("units", .number(Double(p.units))),
            ("capex_usd", .number(p.investment.capexUSD * Double(p.units))),
            ("objective_if_switched", .number(p.objectiveIfSwitched)),
            ("loss_if_switched", .number(loss(plan, p.objectiveIfSwitched))),
            ("switch_status", p.switchStatus.map { .string($0.rawValue) } ?? .null),
            ("loss_of_last_unit", .number(loss(plan, p.objectiveWithOneUnitFewer))),
            ("portfolio_if_switched", p.portfolioIfSwitched.map { .array($0.map { .number(Double($0)) }) } ?? .null),
            ("lifetime_years", .number(p.investment.lifetimeYears.map(Double.init))),
            ("opex_usd_per_year", .number(p.investment.opexUSDPerYear)),
            ("lead_time_years", .number(p.investment.leadTimeYears)),
            ("appraisal", json(p.appraisal, units: p.appraisal == nil ? nil : p.appraisedUnits)),
        ]
        return .object(fields + storage)
    }

    public static func json(_ plan: PlanResult, file: String, name: String?) -> String {
        func scenario(_ r: FlowResult) -> JSONValue {
            var fields: [(String, JSONValue)] = [
                ("status", .string(r.status.rawValue)), ("delivered_teu", .number(r.deliveredTEU)), ("unmet_teu", .number(r.unmetTEU)),
                ("generalised_cost_usd", .number(r.objectiveValue)), ("total_cost_usd", .number(r.totalCostUSD)),
                ("avg_cost_usd_per_teu", .number(r.avgCostUSDPerTEU)), ("avg_days", .number(r.avgTimeDays)),
                ("corridors", .object(r.corridors.map { ($0.corridor, .number($0.teu)) })),
                ("binding", .array(r.binding.map { .object([("element", .string($0.element.rawValue)), ("id", .string($0.id)), ("shadow_usd_per_teu", .number($0.shadowPriceUSDPerTEU))]) })),
            ]
            if let periods = r.periods {
                fields += [
                    ("periods", .number(Double(periods.count))),
                    ("holding_cost_usd", .number(periods.reduce(0) { $0 + $1.holdingCostUSD })),
                    ("late_cost_usd", .number(periods.reduce(0) { $0 + $1.lateCostUSD })),
                    ("peak_stock_teu", .number(periods.map(\.stockTEU).max() ?? 0)),
                ]
            }
            return .object(fields)
        }
        let value: JSONValue = .object([
            ("file", .string(file)), ("name", name.map { .string($0) } ?? .null),
            ("objective", .string(plan.objective.rawValue)), ("status", .string(plan.status.rawValue)),
            ("objective_value", .number(plan.objectiveValue)), ("best_bound", .number(plan.bestBound)),
            ("relative_gap", .number(plan.relativeGap)), ("lp_relaxation", .number(plan.relaxationBound)),
            ("objective_without_investment", .number(plan.objectiveWithoutInvestment)),
            ("budget_usd", .number(plan.catalog.budgetUSD)), ("capex_usd", .number(plan.capexUSD)),
            ("discount_rate", .number(plan.catalog.discountRate)), ("economics", .bool(plan.hasEconomics)),
            ("annualised_cost_usd_per_year", .number(plan.annualisedCostUSD)),
            ("portfolio_appraisal", json(plan.portfolioAppraisal)),
            ("rows", .number(Double(plan.rows))), ("columns", .number(Double(plan.columns))),
            ("integer_columns", .number(Double(plan.integerColumns))), ("solver", .string(plan.solver)),
            ("method", .string(plan.method.kind.rawValue)), ("solves", .number(Double(plan.method.solves))),
            ("decomposition_solves", .number(Double(plan.method.decompositionSolves))),
            ("fallbacks", .number(Double(plan.method.fallbacks))),
            ("nodes", plan.method.triedDecomposition ? .number(Double(plan.method.nodes)) : .null),
            ("portfolio", .array(plan.projects.map { projectJSON(plan, $0) })),
            ("scenarios", .array(plan.scenarios.map { s in
                var fields: [(String, JSONValue)] = [("name", .string(s.name)), ("weight", .number(s.weight)),
                    ("without", scenario(s.without)), ("with", scenario(s.with))]
                if let corridor = s.corridor {
                    fields.append(("capacity", .object([
                        ("corridor", .string(corridor)),
                        ("without_teu", .number(s.capacityWithoutTEU)), ("with_teu", .number(s.capacityWithTEU)),
                        ("without_unlimited", .bool(s.capacityWithoutTEU == .infinity)),
                        ("with_unlimited", .bool(s.capacityWithTEU == .infinity)),
                    ])))
                }
                return .object(fields)
            })),
            ("budget_step", .number(plan.budgetStep)), ("objective_with_more_budget", .number(plan.objectiveWithMoreBudget)),
            ("portfolio_with_more_budget", plan.portfolioWithMoreBudget.map { .array($0.map { .number(Double($0)) }) } ?? .null),
            ("marginal_value_of_budget_per_usd", .number(plan.marginalValueOfBudget)),
            ("sensitivity", SensitivityReport.json(plan.sensitivity, base: SensitivityReport.Base(plan))),
            ("explanation", .array(explanation(plan).map { .string($0) })),
        ])
        return value.rendered()
    }
}
