import FreightNetwork
public import Simulation

/// The human-readable summary of `corridor run`.
public enum TableReport {
    typealias F = NumberFormatting

    /// Renders a result as text tables: headline figures, corridors, demands, binding capacities.
    ///
    /// - Parameters:
    ///   - r: The result.
    ///   - context: The scenario's name, file and changes, for the heading.
    ///   - bindingLimit: How many binding capacities to list (all when nil).
    public static func render(_ r: FlowResult, context: ReportContext, bindingLimit: Int? = 15) -> String {
        var out = heading(r, context: context)
        guard r.status.hasSolution else {
            return out + "\nNo optimal solution: \(r.status.rawValue). Nothing below is reported.\n"
        }
        out += "\n" + headline(r)
        out += "\nCorridors\n" + corridors(r)
        if r.hasBothDirections { out += "\nDirections (China–Europe freight each way; shares of that direction)\n" + directions(r) }
        out += "\nDemands\n" + demands(r)
        out += BackgroundReport.text(r)
        out += "\nBinding capacities" + binding(r, limit: bindingLimit)
        out += congestion(r)
        if let study = context.capacity {
            out += "\nCapacity (maximum flow per corridor on its own and shared links; λ and more: `corridor capacity`)\n"
            out += CapacityReport.summary(study).text()
            let cuts = CapacityReport.cuts(study)
            if !cuts.rows.isEmpty { out += "\n" + cuts.title + "\n" + cuts.text() }
        }
        out += PeriodReport.text(r)
        return out
    }

    /// The scenario, objective, status, solver and LP size, then the changes and warnings applied.
    static func heading(_ r: FlowResult, context: ReportContext) -> String {
        var out = "Scenario: \(r.scenario)  (\(context.file))\n"
        out += "Objective: \(r.objective.rawValue)   Status: \(r.status.rawValue)   Solver: \(r.solverName)"
        out += "   LP: \(F.grouped(Double(r.programSize.rows))) rows × \(F.grouped(Double(r.programSize.columns))) columns"
        if r.programSize.method == .paths {
            let volume = r.programSize.volumeIterations.map { ", started from \($0) volume-algorithm iterations" } ?? ""
            out += " (column generation, \(r.programSize.rounds ?? 0) rounds\(volume))"
        } else if r.programSize.periodDecomposition {
            out += " (period decomposition, \(r.programSize.rounds ?? 0) master solves)"
        }
        if let after = r.programSize.dualSimplexAfterIterations {
            out += " (primal simplex, then dual after \(F.grouped(Double(after))) iterations)"
        }
        out += "\n"
        for change in context.changes { out += "  change: \(change)\n" }
        for warning in context.warnings { out += "  \(warning)\n" }
        return out
    }

    /// Demand, delivered, unmet, cost and time, and the objective in words.
    static func headline(_ r: FlowResult) -> String {
        let deliveredShare = r.demandTEU > 0 ? " (\(F.percent(r.deliveredTEU / r.demandTEU)))" : ""
        var out = "  Demand          \(F.grouped(r.demandTEU)) TEU/yr\n"
        out += "  Delivered       \(F.grouped(r.deliveredTEU)) TEU/yr\(deliveredShare)\n"
        if let mt = r.deliveredMegatonnes { out += "  Delivered mass  \(F.fixed(mt, 2)) Mt/yr\n" }
        out += "  Unmet           \(F.grouped(r.unmetTEU)) TEU/yr\n"
        out += "  Total cost      USD \(F.money(r.totalCostUSD))/yr (tariffs and handling)\n"
        out += "  Avg cost        \(r.avgCostUSDPerTEU.map { "USD " + F.grouped($0) } ?? "—") per TEU\n"
        out += "  Avg transit     \(r.avgTimeDays.map { F.fixed($0, 1) } ?? "—") days\n"
        if r.objective == .minCost {
            // The parts add up to the objective: what is left is the background traffic's (its tariffs, time and
            // unmet penalty), which the freight's figures leave out.
            let objective = r.objectiveValue ?? 0
            out += "  Objective       USD \(F.money(objective))/yr (cost USD \(F.money(r.totalCostUSD)) + time value USD"
            out += " \(F.money(r.timeValueUSD)) + unmet penalty USD \(F.money(r.unmetPenaltyUSD))"
            if !r.background.isEmpty {
                out += " + background traffic USD \(F.money(objective - r.totalCostUSD - r.timeValueUSD - r.unmetPenaltyUSD))"
            }
            out += ")\n"
        } else {
            out += "  Max throughput  \(F.grouped(r.objectiveValue ?? 0)) TEU/yr (delivered, capped by each demand's TEU"
            out += r.unmetTEU < 0.5
                ? ": every demand is met, so this measures demand, not capacity; see the Capacity section or `corridor capacity`)\n"
                : ")\n"
        }
        return out
    }

    /// Delivered TEU/yr, share and flow-weighted days of each corridor; Mt/yr and trains/day where the
    /// scenario gives `tonnes_per_teu` and `teu_per_train`.
    static func corridors(_ r: FlowResult) -> String {
        let tonnes = r.hasTonnage
        let trains = r.corridors.contains { r.trainsPerDay(corridor: $0.corridor) != nil }
        var headers = ["corridor", "TEU/yr", "share", "days"]
        if tonnes { headers.append("Mt/yr") }
        if trains { headers.append("trains/day") }
        var corridors = TextTable(headers, right: Set(1..<headers.count))
        for c in r.corridorSummaries {
            var row = [c.corridor, F.grouped(c.teu), F.percent(c.share), F.fixed(c.avgTimeDays, 1)]
            if tonnes { row.append(r.megatonnes(corridor: c.corridor).map { F.fixed($0, 2) } ?? "—") }
            if trains { row.append(r.trainsPerDay(corridor: c.corridor).map { F.fixed($0, 1) } ?? "—") }
            corridors.add(row)
        }
        return corridors.rendered()
    }

    /// Each direction: demand, delivered, unmet, flow-weighted cost and days, and its corridors' shares.
    static func directions(_ r: FlowResult) -> String {
        var table = TextTable(
            ["direction", "TEU/yr", "delivered", "unmet", "USD/TEU", "days", "corridors"], right: [1, 2, 3, 4, 5])
        for d in r.directionSummaries {
            let corridors = d.corridors.map { "\($0.corridor) \(F.percent($0.share))" }.joined(separator: ", ")
            table.add([
                d.direction.rawValue, F.grouped(d.demandTEU), F.grouped(d.deliveredTEU), F.grouped(d.unmetTEU),
                d.avgCostUSDPerTEU.map { F.grouped($0) } ?? "—", d.avgTimeDays.map { F.fixed($0, 1) } ?? "—",
                corridors.isEmpty ? "none carried" : corridors,
            ])
        }
        return table.rendered()
    }

    /// The elements whose congestion curve adds time at this flow, or whose next TEU would: extra days
    /// per TEU, what the next TEU's wait costs, and the hard capacity's shadow price. Empty when none.
    static func congestion(_ r: FlowResult) -> String {
        var table = TextTable(
            ["element", "id", "name", "utilization", "extra days", "wait USD/TEU", "shadow USD/TEU"],
            right: [3, 4, 5, 6])
        func add(_ kind: String, _ id: String, _ name: String, _ u: Double?, _ days: Double?, _ price: Double?, _ shadow: Double?) {
            guard let days, days > 0.005 || (price ?? 0) > 1e-6 else { return }
            table.add([
                kind, id, name, u.map(F.percent) ?? "—", F.fixed(days, 2), F.grouped(price ?? 0), F.grouped(shadow ?? 0),
            ])
        }
        for n in r.nodes {
            add("node", n.id.rawValue, n.name, n.utilization, n.congestionDays, n.congestionPriceUSDPerTEU, n.shadowPriceUSDPerTEU)
        }
        for l in r.links {
            add("link", l.id.rawValue, "\(l.from) → \(l.to)", l.utilization, l.congestionDays, l.congestionPriceUSDPerTEU,
                l.shadowPriceUSDPerTEU)
        }
        guard !table.rows.isEmpty else { return "" }
        let valued = r.congestionValueOfTime.map { "its days at \(F.grouped($0)) USD per TEU-day" } ?? "at the mean value of time"
        return "\nCongestion (extra days per TEU as elements fill; wait = what the next TEU's wait there costs in USD, \(valued))\n"
            + table.rendered()
    }

    /// Each demand: TEU, delivered, unmet, cost, days and its main route.
    static func demands(_ r: FlowResult) -> String {
        var demands = TextTable(["demand", "TEU/yr", "delivered", "unmet", "USD/TEU", "days", "main route"], right: [1, 2, 3, 4, 5])
        for d in r.demands {
            let main = d.routes.first.map { route in
                let share = d.deliveredTEU > 0 && d.routes.count > 1 ? " (\(F.percent(route.teu / d.deliveredTEU)))" : ""
                return "\(route.corridor): " + route.keyNodes.map(\.rawValue).joined(separator: "→") + share
            } ?? "not carried (unmet)"
            demands.add([
                d.id.rawValue, F.grouped(d.teu), F.grouped(d.deliveredTEU), F.grouped(d.unmetTEU),
                d.avgCostUSDPerTEU.map { F.grouped($0) } ?? "—", d.avgTimeDays.map { F.fixed($0, 1) } ?? "—", main,
            ])
        }
        return demands.rendered()
    }

    /// The rest of the "Binding capacities" heading (what the prices mean), then the first `limit` binding capacities.
    static func binding(_ r: FlowResult, limit: Int?) -> String {
        let isMax = r.objective == .maxThroughput
        var out = isMax
            ? " (gain = extra TEU delivered per extra TEU/yr of capacity; shadow = USD/yr saved per extra TEU/yr at that throughput)\n"
            : " (shadow price = USD/yr saved per extra TEU/yr of capacity)\n"
        guard !r.binding.isEmpty else { return out + "  none: no capacity limits the answer\n" }
        var headers = ["element", "id", "name", "flow TEU/yr", "capacity", "shadow USD/TEU"]
        if isMax { headers.append("gain") }
        var binding = TextTable(headers, right: [3, 4, 5, 6])
        for b in r.binding.prefix(limit ?? r.binding.count) {
            var row = [b.element.rawValue, b.id, b.name, F.grouped(b.flowTEU), F.grouped(b.capacityTEU),
                F.grouped(b.shadowPriceUSDPerTEU)]
            if isMax { row.append(F.fixed(b.throughputGainPerTEU ?? 0, 2)) }
            binding.add(row)
        }
        out += binding.rendered()
        if let limit, r.binding.count > limit {
            out += "  … and \(r.binding.count - limit) more (see --format json)\n"
        }
        return out
    }
}
