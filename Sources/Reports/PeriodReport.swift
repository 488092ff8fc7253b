import FreightNetwork
public import Simulation

/// The per-period parts of the reports of a seasonal scenario: text table, JSON list, HTML curves, comparison.
public enum PeriodReport {
    typealias F = NumberFormatting

    /// Corridors shipped in any period, by TEU over the year (largest first, ties by name).
    static func corridors(_ periods: [PeriodResult]) -> [String] {
        var teu: [String: Double] = [:]
        for p in periods { for c in p.corridors { teu[c.corridor, default: 0] += c.teu } }
        return teu.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
    }

    /// The `Periods` section of `corridor run` (TEU per period; annual totals are the sums).
    public static func text(_ r: FlowResult) -> String {
        guard let periods = r.periods, !periods.isEmpty else { return "" }
        let corridors = Array(corridors(periods).prefix(4))
        var out =
            "\nPeriods (TEU in each period; late and stock at its end; late TEU-d = TEU-days past the due period)\n"
        var table = TextTable(
            ["period", "days", "due", "shipped", "delivered", "lost", "late", "stock", "late TEU-d"]
                + corridors, right: Set(1..<(9 + corridors.count)))
        for p in periods {
            table.add(
                [
                    p.name, F.fixed(p.days, 0), F.grouped(p.dueTEU), F.grouped(p.shippedTEU),
                    F.grouped(p.deliveredTEU),
                    F.grouped(p.lostTEU), F.grouped(p.lateTEU), F.grouped(p.stockTEU), F.grouped(p.lateTEUDays),
                ]
                    + corridors.map { F.grouped(p.corridorTEU($0)) })
        }
        let sum = { (f: (PeriodResult) -> Double) in periods.reduce(0) { $0 + f($1) } }
        table.add(
            [
                "year", F.fixed(sum(\.days), 0), F.grouped(sum(\.dueTEU)), F.grouped(sum(\.shippedTEU)),
                F.grouped(sum(\.deliveredTEU)), F.grouped(sum(\.lostTEU)), "", "", F.grouped(sum(\.lateTEUDays)),
            ]
                + corridors.map { c in F.grouped(sum { $0.corridorTEU(c) }) })
        out += table.rendered()
        out +=
            "  Late and storage cost USD \(F.money(sum(\.lateCostUSD) + sum(\.holdingCostUSD)))/yr"
            + " (late penalty USD \(F.money(sum(\.lateCostUSD))), holding USD \(F.money(sum(\.holdingCostUSD))))\n"
        let warehouses = periods[0].stocks.indices.filter { i in periods.contains { $0.stocks[i].stockTEU > 0 } }
        if !warehouses.isEmpty {
            out += "\nWarehouse stock at the end of each period, TEU\n"
            var stock = TextTable(["node", "capacity"] + periods.map(\.name), right: Set(1..<(2 + periods.count)))
            for i in warehouses {
                let first = periods[0].stocks[i]
                stock.add(
                    ["\(first.id.rawValue) \(first.name)", F.grouped(first.capacityTEU)]
                        + periods.map { F.grouped($0.stocks[i].stockTEU) })
            }
            out += stock.rendered()
        }
        let busiest = periods.compactMap { p -> (String, PeriodLinkFlow)? in
            p.links.filter { ($0.utilization ?? 0) >= 1 - 1e-6 && ($0.capacityTEU ?? 0) > 0 }
                .max { ($0.shadowPriceUSDPerTEU ?? 0, $1.id.rawValue) < ($1.shadowPriceUSDPerTEU ?? 0, $0.id.rawValue) }
                .map { (p.name, $0) }
        }
        if !busiest.isEmpty {
            out += "\nFull links with the highest shadow price per period (USD saved per extra TEU in that period)\n"
            var full = TextTable(
                ["period", "link", "corridor", "flow TEU", "capacity", "shadow USD/TEU"], right: [3, 4, 5])
            for (name, link) in busiest {
                full.add([
                    name, link.id.rawValue, link.corridor, F.grouped(link.flowTEU), F.grouped(link.capacityTEU ?? 0),
                    F.grouped(link.shadowPriceUSDPerTEU ?? 0),
                ])
            }
            out += full.rendered()
        }
        return out
    }

    /// The JSON `periods` list of a result.
    static func json(_ periods: [PeriodResult]) -> JSONValue {
        .array(
            periods.map { p in
                .object([
                    ("name", .string(p.name)),
                    ("days", .number(p.days)),
                    ("due_teu", .number(p.dueTEU)),
                    ("shipped_teu", .number(p.shippedTEU)),
                    ("delivered_teu", .number(p.deliveredTEU)),
                    ("lost_teu", .number(p.lostTEU)),
                    ("late_teu", .number(p.lateTEU)),
                    ("stock_teu", .number(p.stockTEU)),
                    ("late_teu_days", .number(p.lateTEUDays)),
                    ("late_cost_usd", .number(p.lateCostUSD)),
                    ("holding_cost_usd", .number(p.holdingCostUSD)),
                    ("corridors", .array(p.corridors.map { JSONReport.corridor($0) })),
                    ("stocks", .array(p.stocks.map(stock))),
                    ("links", .array(p.links.map { l in
                        element(l.id.rawValue, ("flow_teu", l.flowTEU), l.capacityTEU, l.utilization, l.shadowPriceUSDPerTEU)
                    })),
                    ("nodes", .array(p.nodes.map { n in
                        element(n.id.rawValue, ("throughput_teu", n.throughputTEU), n.capacityTEU, n.utilization, n.shadowPriceUSDPerTEU)
                    })),
                ])
            })
    }

    /// A warehouse's stock at the end of a period.
    static func stock(_ s: PeriodStock) -> JSONValue {
        .object([("id", .string(s.id.rawValue)), ("stock_teu", .number(s.stockTEU)), ("capacity_teu", .number(s.capacityTEU))])
    }

    /// A link or node in a period: its id, its flow (TEU under the key given), its capacity, utilization and shadow price.
    static func element(
        _ id: String, _ flow: (key: String, teu: Double), _ capacityTEU: Double?, _ utilization: Double?,
        _ shadowPriceUSDPerTEU: Double?
    ) -> JSONValue {
        .object([
            ("id", .string(id)), (flow.key, .number(flow.teu)), ("capacity_teu", .number(capacityTEU)),
            ("utilization", .number(utilization)), ("shadow_price_usd_per_teu", .number(shadowPriceUSDPerTEU)),
        ])
    }

    /// The HTML `Seasons` section: TEU shipped per corridor and warehouse stock, per period, as lines.
    static func html(_ r: FlowResult) -> String {
        guard let periods = r.periods, !periods.isEmpty else { return "" }
        let names = periods.map(\.name)
        let corridors = corridors(periods)
        var charts = HTMLReport.figure(
            SVGCharts.lines(
                corridors.map { c in (c, SVGCharts.colour(c, among: corridors), periods.map { $0.corridorTEU(c) }) },
                labels: names, caption: "TEU shipped per period by corridor"),
            "TEU shipped per period, by the main corridor of the route")
        var stockSeries = periods[0].stocks.indices.filter { i in periods.contains { $0.stocks[i].stockTEU > 0 } }
            .enumerated().map { j, i in
                (
                    periods[0].stocks[i].id.rawValue, ["#c0392b", "#16a085", "#2c3e50", "#b7950b"][j % 4],
                    periods.map { $0.stocks[i].stockTEU }
                )
            }
        stockSeries.append(("late at destinations", "#7f8c8d", periods.map(\.lateTEU)))
        charts += HTMLReport.figure(
            SVGCharts.lines(stockSeries, labels: names, caption: "Stock and backlog at the end of each period"),
            "Warehouse stock and late freight (due, not yet delivered) at the end of each period, TEU")
        charts += HTMLReport.figure(
            SVGCharts.lines(
                [
                    ("delivered", "#27ae60", periods.map(\.deliveredTEU)),
                    ("lost", "#c0392b", periods.map(\.lostTEU)),
                    ("due", "#2d7dd2", periods.map(\.dueTEU)),
                ],
                labels: names, caption: "Due, delivered and lost TEU per period"),
            "Due, delivered and lost TEU per period")
        return HTML.section(
            "Seasons", "<div class=\"charts\">\n\(charts)</div>\n<pre>\(HTML.escape(text(r)))</pre>\n", id: "seasons")
    }

    /// The HTML `Seasons` section of a comparison: TEU shipped on each corridor per period, one line per
    /// scenario and corridor (scenarios with the base's periods), then the per-period differences.
    static func comparisonHTML(_ c: ScenarioComparison) -> String {
        guard let base = c.base.result.periods, !base.isEmpty else { return "" }
        let same = c.entries.filter { $0.result.periods?.map(\.name) == base.map(\.name) }
        guard same.count > 1 else { return "" }
        let corridors = Array(Self.corridors(same.flatMap { $0.result.periods ?? [] }).prefix(3))
        var charts = ""
        for corridor in corridors {
            let series = same.enumerated().map { i, e in
                (
                    e.label, ["#2d7dd2", "#e67e22", "#27ae60", "#8e44ad", "#c0392b"][i % 5],
                    (e.result.periods ?? []).map { $0.corridorTEU(corridor) }
                )
            }
            charts += HTMLReport.figure(
                SVGCharts.lines(series, labels: base.map(\.name), caption: "TEU shipped on \(corridor) per period"),
                "TEU shipped per period on the \(corridor) corridor, by scenario")
        }
        return HTML.section(
            "Seasons", "<div class=\"charts\">\n\(charts)</div>\n<pre>\(HTML.escape(comparison(c)))</pre>\n",
            id: "seasons")
    }

    /// Per-period differences against the base, for scenarios with the same periods as the base.
    public static func comparison(_ c: ScenarioComparison) -> String {
        guard let base = c.base.result.periods, !base.isEmpty else { return "" }
        var out = ""
        for e in c.entries.dropFirst() {
            guard let other = e.result.periods, other.map(\.name) == base.map(\.name) else { continue }
            let corridors = Array(Self.corridors(base + other).prefix(3))
            out += "\nPer period: \(e.label) against \(c.base.label) (TEU; Δ = \(e.label) − \(c.base.label))\n"
            var table = TextTable(
                ["period", "delivered", "Δ delivered", "lost", "Δ lost", "stock", "Δ stock"]
                    + corridors.map { "Δ \($0)" }, right: Set(1..<(7 + corridors.count)))
            for (a, b) in zip(base, other) {
                table.add(
                    [
                        b.name, F.grouped(b.deliveredTEU), F.signedGrouped(b.deliveredTEU - a.deliveredTEU),
                        F.grouped(b.lostTEU), F.signedGrouped(b.lostTEU - a.lostTEU), F.grouped(b.stockTEU),
                        F.signedGrouped(b.stockTEU - a.stockTEU),
                    ]
                        + corridors.map { F.signedGrouped(b.corridorTEU($0) - a.corridorTEU($0)) })
            }
            out += table.rendered()
        }
        return out
    }
}
