import FreightNetwork
public import Simulation

/// The tables of a sweep report, built once for text and CSV.
public enum SweepTables {
    typealias Cell = ReportTable.Cell
    typealias Column = ReportTable.Column
    typealias F = NumberFormatting

    /// Ranked single failures (`limit` rows at most), or the pairs when `pairs` is true: the changes
    /// against the intact network, and with `absolute` the case's own figures and status too.
    public static func ranking(
        _ run: SweepRun, _ ranking: CriticalityRanking, pairs: Bool, limit: Int? = nil, absolute: Bool = false
    ) -> ReportTable {
        let entries = pairs ? ranking.pairs : ranking.singles
        var columns = [Column("rank", csv: "rank", numeric: true)]
        columns +=
            pairs
            ? [Column("closed", csv: "closed"), Column("names", csv: "names")]
            : [Column("element", csv: "element"), Column("id", csv: "id"), Column("name", csv: "name")]
        columns += [
            Column("lost TEU/yr", csv: "lost_teu", numeric: true),
            Column("Δ total cost USD/yr", csv: "added_total_cost_usd", numeric: true),
            Column("Δ avg days", csv: "added_avg_time_days", numeric: true),
            Column("Δ generalised cost USD/yr", csv: "added_generalised_cost_usd", numeric: true),
        ]
        if pairs { columns.append(Column("interaction USD/yr", csv: "interaction_usd", numeric: true)) }
        // With demand both ways: the lost TEU split by direction.
        let directions = Direction.allCases.filter { run.intact.deliveredTEUByDirection[$0] != nil }
        for direction in directions {
            columns.append(Column("lost \(direction.rawValue)", csv: "lost_teu_\(direction.rawValue)", numeric: true))
        }
        // With background traffic: how much of it the case strands (its unmet penalty is in the generalised cost).
        let background = run.intact.backgroundLostTEU != nil
        if background {
            columns.append(Column("background lost TEU/yr", csv: "background_lost_teu", numeric: true))
        }
        if absolute {
            columns += [
                Column("delivered TEU/yr", csv: "delivered_teu", numeric: true),
                Column("total cost USD/yr", csv: "total_cost_usd", numeric: true),
                Column("avg days", csv: "avg_time_days", numeric: true),
                Column("generalised cost USD/yr", csv: "generalised_cost_usd", numeric: true),
                Column("status", csv: "status"),
            ]
        }
        let title = pairs ? "Pairs among the \(run.pairTop ?? 0) most critical" : "Single failures"
        var table = ReportTable(name: pairs ? "pairs" : "single_failures", title: title, columns: columns)
        for (rank, entry) in entries.prefix(limit ?? entries.count).enumerated() {
            var row: [Cell] = [.number(Double(rank + 1), display: String(rank + 1))]
            let targets = entry.targets.map { run.targets[$0] }
            if pairs {
                row += [
                    .text(targets.map(\.id).joined(separator: " + ")),
                    .text(targets.map(\.name).joined(separator: " + ")),
                ]
            } else {
                row += [.text(targets[0].kind), .text(targets[0].id), .text(targets[0].name)]
            }
            let m = entry.metrics
            let optimal = m.isOptimal
            row += [
                optimal ? .number(entry.lostTEU, display: F.grouped(entry.lostTEU)) : .number(nil, display: "—"),
                optimal
                    ? .number(entry.addedCostUSD, display: F.signedMoney(entry.addedCostUSD))
                    : .number(nil, display: "—"),
                .number(entry.addedDays, display: entry.addedDays.map { F.signedFixed($0, 2) } ?? "—"),
                .number(entry.addedObjectiveUSD, display: entry.addedObjectiveUSD.map(F.signedMoney) ?? "—"),
            ]
            if pairs {
                row.append(.number(entry.interactionUSD, display: entry.interactionUSD.map(F.signedMoney) ?? "—"))
            }
            let lostByDirection = m.lostTEUByDirection(against: run.intact)
            for direction in directions {
                row.append(optimal ? .grouped(lostByDirection[direction]) : .number(nil, display: "—"))
            }
            if background {
                row.append(optimal ? .grouped(m.backgroundLostTEU ?? 0) : .number(nil, display: "—"))
            }
            if absolute {
                row += [
                    optimal ? .grouped(m.deliveredTEU) : .number(nil, display: "—"),
                    optimal ? .number(m.totalCostUSD, display: F.money(m.totalCostUSD)) : .number(nil, display: "—"),
                    .fixed(m.avgTimeDays, 1),
                    .number(m.objectiveUSD, display: m.objectiveUSD.map(F.money) ?? "—"),
                    .text(m.status?.rawValue ?? "failed"),
                ]
            }
            table.add(row)
        }
        return table
    }

    /// Single failures then pairs, each ranked, with full figures (CSV): a `case` column says which.
    public static func rankingCSV(_ run: SweepRun, _ ranking: CriticalityRanking) -> ReportTable {
        // With background traffic: what of it each case strands, after the delivered freight.
        let background = run.intact.backgroundLostTEU != nil
        let columns =
            [
                Column("case", csv: "case"), Column("rank", csv: "rank", numeric: true),
                Column("element", csv: "element"),
                Column("id", csv: "id"), Column("name", csv: "name"),
                Column("lost TEU/yr", csv: "lost_teu", numeric: true),
                Column("Δ total cost USD/yr", csv: "added_total_cost_usd", numeric: true),
                Column("Δ avg days", csv: "added_avg_time_days", numeric: true),
                Column("Δ generalised cost USD/yr", csv: "added_generalised_cost_usd", numeric: true),
                Column("interaction USD/yr", csv: "interaction_usd", numeric: true),
                Column("delivered TEU/yr", csv: "delivered_teu", numeric: true),
            ]
            + (background ? [Column("background lost TEU/yr", csv: "background_lost_teu", numeric: true)] : []) + [
                Column("total cost USD/yr", csv: "total_cost_usd", numeric: true),
                Column("avg days", csv: "avg_time_days", numeric: true),
                Column("generalised cost USD/yr", csv: "generalised_cost_usd", numeric: true),
                Column("status", csv: "status"),
            ]
        var table = ReportTable(name: "criticality", title: "Single failures and pairs", columns: columns)
        for (label, entries) in [("single", ranking.singles), ("pair", ranking.pairs)] {
            for (rank, e) in entries.enumerated() {
                let targets = e.targets.map { run.targets[$0] }
                let m = e.metrics
                let optimal = m.isOptimal
                var row: [ReportTable.Cell] = [
                    .text(label), .grouped(Double(rank + 1)), .text(targets.map(\.kind).joined(separator: "+")),
                    .text(targets.map(\.id).joined(separator: "+")),
                    .text(targets.map(\.name).joined(separator: " + ")),
                    .grouped(optimal ? e.lostTEU : nil), .grouped(optimal ? e.addedCostUSD : nil),
                    .fixed(e.addedDays, 4),
                    .grouped(e.addedObjectiveUSD), .grouped(e.interactionUSD), .grouped(optimal ? m.deliveredTEU : nil),
                ]
                if background { row.append(.grouped(optimal ? m.backgroundLostTEU ?? 0 : nil)) }
                row += [
                    .grouped(optimal ? m.totalCostUSD : nil), .fixed(m.avgTimeDays, 4), .grouped(m.objectiveUSD),
                    .text(m.status?.rawValue ?? "failed"),
                ]
                table.add(row)
            }
        }
        return table
    }

    /// Monte Carlo: intact value, mean and percentiles of each figure.
    public static func distributions(_ run: SweepRun, _ summary: MonteCarloSummary) -> ReportTable {
        var table = ReportTable(
            name: "distributions",
            title: "Distributions over the samples",
            columns: [
                Column("figure", csv: "figure"), Column("unit", csv: "unit"),
                Column("intact", csv: "intact", numeric: true),
                Column("mean", csv: "mean", numeric: true), Column("P5", csv: "p5", numeric: true),
                Column("P50", csv: "p50", numeric: true), Column("P95", csv: "p95", numeric: true),
                Column("min", csv: "min", numeric: true), Column("max", csv: "max", numeric: true),
            ])
        let intact = run.intact
        // Millions with a decimal: the spread of a Monte Carlo run is often a few million on billions.
        let millions = { (value: Double) in F.fixed(value / 1e6, 1) }
        let rows: [(String, String, Double?, MonteCarloSummary.Distribution?, (Double) -> String)] = [
            ("Delivered", "TEU/yr", intact.deliveredTEU, summary.delivered, F.grouped),
            ("Lost", "TEU/yr", 0, summary.lostTEU, F.grouped),
            ("Total cost", "USD m/yr", intact.totalCostUSD, summary.totalCost, millions),
            ("Avg transit", "days", intact.avgTimeDays, summary.avgDays, { F.fixed($0, 2) }),
            ("Generalised cost", "USD m/yr", intact.objectiveUSD, summary.objective, millions),
        ]
        for (label, unit, intactValue, d, show) in rows {
            func cell(_ v: Double?) -> Cell { .number(v, display: v.map(show) ?? "—") }
            table.add([
                .text(label), .text(unit), cell(intactValue), cell(d?.mean), cell(d?.p5), cell(d?.p50), cell(d?.p95),
                cell(d?.minimum), cell(d?.maximum),
            ])
        }
        return table
    }

    /// Monte Carlo: each uncertainty entry, and how often it was closed in the samples.
    public static func uncertainty(_ run: SweepRun, _ summary: MonteCarloSummary) -> ReportTable {
        var table = ReportTable(
            name: "uncertainty",
            title: "Uncertain elements",
            columns: [
                Column("entry", csv: "entry"), Column("elements", csv: "elements", numeric: true),
                Column("closed p", csv: "closed_probability", numeric: true),
                Column("capacity factor", csv: "capacity_factor"),
                Column("group", csv: "group"), Column("closed in", csv: "closed_share", numeric: true),
                Column("mean factor", csv: "mean_factor", numeric: true), Column("source", csv: "source"),
            ])
        for (e, entry) in run.uncertainty.enumerated() {
            let stats = e < summary.entries.count ? summary.entries[e] : nil
            table.add([
                .text(entry.label), .grouped(Double(entry.elementCount)),
                entry.closedProbability > 0 ? .percent(entry.closedProbability) : .number(0, display: "—"),
                .text(entry.capacityFactor ?? "—"), .text(entry.group ?? "—"), .percent(stats?.closedShare),
                .fixed(stats?.meanFactor, 3), .text(entry.source),
            ])
        }
        return table
    }

    /// Monte Carlo: capacities by how often they bind (`limit` rows at most).
    public static func binding(_ run: SweepRun, _ summary: MonteCarloSummary, limit: Int? = nil) -> ReportTable {
        var table = ReportTable(
            name: "binding",
            title: "Capacities that bind",
            columns: [
                Column("element", csv: "element"), Column("id", csv: "id"), Column("name", csv: "name"),
                Column("binds in", csv: "binding_share", numeric: true), Column("intact", csv: "binds_intact"),
            ])
        for b in summary.binding.prefix(limit ?? summary.binding.count) {
            let element = run.capacities[b.capacity]
            table.add([
                .text(element.kind), .text(element.id), .text(element.name), .percent(b.share),
                .text(b.bindsIntact ? "binds" : ""),
            ])
        }
        return table
    }

    /// Monte Carlo: one row per answered sample, with each entry's factor (CSV).
    public static func samples(_ run: SweepRun) -> ReportTable {
        var columns = [
            Column("sample", csv: "sample", numeric: true), Column("status", csv: "status"),
            Column("delivered TEU/yr", csv: "delivered_teu", numeric: true),
            Column("lost TEU/yr", csv: "lost_teu", numeric: true),
            Column("total cost USD/yr", csv: "total_cost_usd", numeric: true),
            Column("avg days", csv: "avg_time_days", numeric: true),
            Column("generalised cost USD/yr", csv: "generalised_cost_usd", numeric: true),
        ]
        for e in run.uncertainty.indices {
            columns.append(Column("factor \(e + 1)", csv: "factor_\(e + 1)", numeric: true))
        }
        var table = ReportTable(name: "samples", title: "Samples", columns: columns)
        for (index, metrics) in run.results.enumerated() {
            guard let m = metrics else { continue }
            let optimal = m.isOptimal
            var row: [Cell] = [
                .grouped(Double(index)), .text(m.status?.rawValue ?? "failed"),
                optimal ? .grouped(m.deliveredTEU) : .number(nil, display: "—"),
                optimal ? .grouped(run.intact.deliveredTEU - m.deliveredTEU) : .number(nil, display: "—"),
                optimal ? .grouped(m.totalCostUSD) : .number(nil, display: "—"),
                .fixed(m.avgTimeDays, 2), .grouped(m.objectiveUSD),
            ]
            let factors = index < run.sampleFactors.count ? run.sampleFactors[index] ?? [] : []
            for e in run.uncertainty.indices { row.append(.fixed(e < factors.count ? factors[e] : nil, 3)) }
            table.add(row)
        }
        return table
    }
}
