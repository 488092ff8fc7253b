import FreightNetwork
public import Simulation

/// The tables of one result, for CSV export (`corridor run --csv DIR`, one file per table) and HTML.
public enum RunTables {
    typealias Cell = ReportTable.Cell
    typealias Column = ReportTable.Column

    /// summary, corridors, demands, routes, links, nodes, binding, then background and background_load
    /// (with background traffic) and the capacity tables (when studied) — in that order.
    public static func all(_ r: FlowResult, context: ReportContext) -> [ReportTable] {
        [summary(r, context: context), corridors(r), demands(r), routes(r), links(r), nodes(r), binding(r)]
            + BackgroundReport.tables(r) + (context.capacity.map(CapacityReport.tables) ?? [])
    }

    /// Headline figures, one per row: metric, value, unit.
    public static func summary(_ r: FlowResult, context: ReportContext) -> ReportTable {
        var t = ReportTable(name: "summary", title: "Summary", columns: [
            Column("metric", csv: "metric"), Column("value", csv: "value", numeric: true), Column("unit", csv: "unit"),
        ])
        t.add([.text("scenario"), .text(r.scenario), .text("")])
        t.add([.text("file"), .text(context.file), .text("")])
        t.add([.text("objective"), .text(r.objective.rawValue), .text("")])
        t.add([.text("status"), .text(r.status.rawValue), .text("")])
        let rows: [(String, Double?, String, Int)] = [
            ("demand", r.demandTEU, "TEU/yr", 0), ("delivered", r.deliveredTEU, "TEU/yr", 0), ("unmet", r.unmetTEU, "TEU/yr", 0),
            ("total cost", r.totalCostUSD, "USD/yr", 0), ("avg cost", r.avgCostUSDPerTEU, "USD/TEU", 0),
            ("avg transit", r.avgTimeDays, "days", 1), ("time value", r.timeValueUSD, "USD/yr", 0),
            ("unmet penalty", r.unmetPenaltyUSD, "USD/yr", 0), ("objective value", r.objectiveValue, r.objective == .minCost ? "USD/yr" : "TEU/yr", 0),
        ]
        for (name, value, unit, decimals) in rows { t.add([.text(name), .fixed(value, decimals), .text(unit)]) }
        if let mt = r.deliveredMegatonnes { t.add([.text("delivered mass"), .fixed(mt, 3), .text("Mt/yr")]) }
        return t
    }

    public static func corridors(_ r: FlowResult) -> ReportTable {
        var t = ReportTable(name: "corridors", title: "Corridors", columns: [
            Column("corridor", csv: "corridor"), Column("TEU/yr", csv: "teu", numeric: true),
            Column("share", csv: "share", numeric: true), Column("USD/TEU", csv: "avg_cost_usd_per_teu", numeric: true),
            Column("days", csv: "avg_time_days", numeric: true),
        ])
        let tonnes = r.hasTonnage
        let trains = r.corridors.contains { r.trainsPerDay(corridor: $0.corridor) != nil }
        if tonnes { t.columns.append(Column("Mt/yr", csv: "mt", numeric: true)) }
        if trains { t.columns.append(Column("trains/day", csv: "trains_per_day", numeric: true)) }
        for c in r.corridorSummaries {
            var row: [Cell] = [
                .text(c.corridor), .grouped(c.teu), .percent(c.share), .grouped(c.avgCostUSDPerTEU),
                .fixed(c.avgTimeDays, 1),
            ]
            if tonnes { row.append(.fixed(r.megatonnes(corridor: c.corridor), 3)) }
            if trains { row.append(.fixed(r.trainsPerDay(corridor: c.corridor), 2)) }
            t.add(row)
        }
        return t
    }

    public static func demands(_ r: FlowResult) -> ReportTable {
        var t = ReportTable(name: "demands", title: "Demands", columns: [
            Column("demand", csv: "demand"), Column("from", csv: "from"), Column("to", csv: "to"),
            Column("TEU/yr", csv: "teu", numeric: true), Column("delivered", csv: "delivered_teu", numeric: true),
            Column("unmet", csv: "unmet_teu", numeric: true), Column("USD/TEU", csv: "avg_cost_usd_per_teu", numeric: true),
            Column("days", csv: "avg_time_days", numeric: true), Column("main route", csv: "main_route"),
        ])
        let tonnes = r.demands.contains { $0.tonnesPerTEU != nil }
        if tonnes { t.columns.append(Column("delivered Mt/yr", csv: "delivered_mt", numeric: true)) }
        for d in r.demands {
            var row: [Cell] = [
                .text(d.id.rawValue), .text(d.from.rawValue), .text(d.to.rawValue), .grouped(d.teu),
                .grouped(d.deliveredTEU), .grouped(d.unmetTEU), .grouped(d.avgCostUSDPerTEU), .fixed(d.avgTimeDays, 1),
                .text(mainRoute(d)),
            ]
            if tonnes { row.append(.fixed(d.deliveredMegatonnes, 4)) }
            t.add(row)
        }
        return t
    }

    /// "corridor: A→B→C (share)" of a demand's largest route, or "not carried (unmet)".
    static func mainRoute(_ d: DemandResult) -> String {
        d.routes.first.map { route in
            let share = d.deliveredTEU > 0 && d.routes.count > 1 ? " (\(NumberFormatting.percent(route.teu / d.deliveredTEU)))" : ""
            return "\(route.corridor): " + via(route) + share
        } ?? "not carried (unmet)"
    }

    /// The key nodes of a route joined by arrows.
    static func via(_ route: Route) -> String { route.keyNodes.map(\.rawValue).joined(separator: "→") }

    public static func routes(_ r: FlowResult) -> ReportTable {
        var t = ReportTable(name: "routes", title: "Routes per demand", columns: [
            Column("demand", csv: "demand"), Column("rank", csv: "rank", numeric: true), Column("corridor", csv: "corridor"),
            Column("TEU/yr", csv: "teu", numeric: true), Column("USD/TEU", csv: "cost_usd_per_teu", numeric: true),
            Column("days", csv: "time_days", numeric: true), Column("via", csv: "via"), Column("links", csv: "links"),
        ])
        for d in r.demands {
            for (i, route) in d.routes.enumerated() {
                t.add([.text(d.id.rawValue), .number(Double(i + 1), display: "\(i + 1)"), .text(route.corridor), .grouped(route.teu),
                    .grouped(route.costUSDPerTEU), .fixed(route.timeDays, 1), .text(via(route)),
                    .text(route.links.map(\.rawValue).joined(separator: " "))])
            }
        }
        return t
    }

    public static func links(_ r: FlowResult) -> ReportTable {
        var t = ReportTable(name: "links", title: "Links", columns: [
            Column("id", csv: "id"), Column("from", csv: "from"), Column("to", csv: "to"), Column("mode", csv: "mode"),
            Column("corridor", csv: "corridor"), Column("flow TEU/yr", csv: "flow_teu", numeric: true),
            Column("capacity", csv: "capacity_teu", numeric: true), Column("utilization", csv: "utilization", numeric: true),
            Column("shadow USD/TEU", csv: "shadow_price_usd_per_teu", numeric: true),
            Column("extra days", csv: "congestion_extra_days", numeric: true),
            Column("wait USD/TEU", csv: "congestion_price_usd_per_teu", numeric: true), Column("closed", csv: "closed"),
        ])
        let trains = r.links.contains { $0.teuPerTrain != nil }
        if trains { t.columns.append(Column("trains/day", csv: "trains_per_day", numeric: true)) }
        for l in r.links {
            var row: [Cell] = [
                .text(l.id.rawValue), .text(l.from.rawValue), .text(l.to.rawValue), .text(l.mode.rawValue),
                .text(l.corridor), .grouped(l.flowTEU), .grouped(l.capacityTEU), .percent(l.utilization),
                .grouped(l.shadowPriceUSDPerTEU), .fixed(l.congestionDays, 2), .grouped(l.congestionPriceUSDPerTEU),
                .text(l.isClosed ? "true" : "false"),
            ]
            if trains { row.append(.fixed(l.trainsPerDay, 2)) }
            t.add(row)
        }
        return t
    }

    public static func nodes(_ r: FlowResult) -> ReportTable {
        var t = ReportTable(name: "nodes", title: "Nodes", columns: [
            Column("id", csv: "id"), Column("name", csv: "name"), Column("kind", csv: "kind"), Column("country", csv: "country"),
            Column("lat", csv: "lat", numeric: true), Column("lon", csv: "lon", numeric: true),
            Column("throughput TEU/yr", csv: "throughput_teu", numeric: true), Column("capacity", csv: "capacity_teu", numeric: true),
            Column("utilization", csv: "utilization", numeric: true),
            Column("shadow USD/TEU", csv: "shadow_price_usd_per_teu", numeric: true),
            Column("extra days", csv: "congestion_extra_days", numeric: true),
            Column("wait USD/TEU", csv: "congestion_price_usd_per_teu", numeric: true), Column("closed", csv: "closed"),
        ])
        for n in r.nodes {
            t.add([.text(n.id.rawValue), .text(n.name), .text(n.kind.rawValue), .text(n.country), .fixed(n.latitude, 2),
                .fixed(n.longitude, 2), .grouped(n.throughputTEU), .grouped(n.capacityTEU), .percent(n.utilization),
                .grouped(n.shadowPriceUSDPerTEU), .fixed(n.congestionDays, 2), .grouped(n.congestionPriceUSDPerTEU),
                .text(n.isClosed ? "true" : "false")])
        }
        return t
    }

    public static func binding(_ r: FlowResult) -> ReportTable {
        var t = ReportTable(name: "binding", title: "Binding capacities", columns: [
            Column("element", csv: "element"), Column("id", csv: "id"), Column("name", csv: "name"),
            Column("flow TEU/yr", csv: "flow_teu", numeric: true), Column("capacity", csv: "capacity_teu", numeric: true),
            Column("shadow USD/TEU", csv: "shadow_price_usd_per_teu", numeric: true),
            Column("gain", csv: "throughput_gain_per_teu", numeric: true),
        ])
        for b in r.binding {
            t.add([.text(b.element.rawValue), .text(b.id), .text(b.name), .grouped(b.flowTEU), .grouped(b.capacityTEU),
                .grouped(b.shadowPriceUSDPerTEU), .fixed(b.throughputGainPerTEU, 2)])
        }
        return t
    }
}
