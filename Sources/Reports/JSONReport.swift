import FreightNetwork
public import Simulation

/// The JSON contract of `corridor run --format json` (keys stable; see docs/json.md).
public enum JSONReport {
    /// Version of the JSON layout; bumped on any breaking change.
    public static let formatVersion = 1

    /// The whole result as a JSON value.
    /// `value` when the run reached an optimum, else null.
    private static func solved(_ r: FlowResult, _ value: Double) -> JSONValue {
        r.status == .optimal ? .number(value) : .null
    }

    public static func value(_ r: FlowResult, context: ReportContext) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("format_version", .number(Double(formatVersion))),
            ("scenario", .string(r.scenario)),
            ("file", .string(context.file)),
            ("objective", .string(r.objective.rawValue)),
            ("status", .string(r.status.rawValue)),
            ("objective_value", .number(r.objectiveValue)),
            ("demand_teu", .number(r.demandTEU)),
            // Without an optimum there are no flows: null, not 0 (nothing was found to be carried or left).
            ("delivered_teu", solved(r, r.deliveredTEU)),
            ("unmet_teu", solved(r, r.unmetTEU)),
            ("total_cost_usd", solved(r, r.totalCostUSD)),
            ("time_value_usd", solved(r, r.timeValueUSD)),
            ("unmet_penalty_usd", solved(r, r.unmetPenaltyUSD)),
            ("avg_cost_usd_per_teu", .number(r.avgCostUSDPerTEU)),
            ("avg_time_days", .number(r.avgTimeDays)),
            ("corridors", .array(r.corridorSummaries.map { corridor($0, r) })),
            ("directions", .array(r.directionSummaries.map(direction))),
            ("links", .array(r.links.map(link))),
            ("nodes", .array(r.nodes.map(node))),
            ("demands", .array(r.demands.map(demand))),
            ("binding", .array(r.binding.map(binding))),
            ("changes", .array(context.changes.map { .string($0) })),
            ("lp", .object([
                ("rows", .number(Double(r.programSize.rows))),
                ("columns", .number(Double(r.programSize.columns))),
                ("nonzeros", .number(Double(r.programSize.nonZeros))),
                ("commodities", .number(Double(r.programSize.commodities))),
                ("solver", .string(r.solverName)),
                ("iterations", r.iterations.map { .number(Double($0)) } ?? .null),
                ("method", .string(r.programSize.methodName)),
                ("rounds", r.programSize.rounds.map { .number(Double($0)) } ?? .null),
            ])),
        ]
        // Only with congestion (min-cost): the program's own optimum, what an exported LP solves to.
        if let program = r.programObjectiveValue, let at = fields.firstIndex(where: { $0.0 == "objective_value" }) {
            fields.insert(("program_objective_value", .number(program)), at: at + 1)
        }
        // Only with congestion (min-cost): the value of time its waits were priced at.
        if let vot = r.congestionValueOfTime, let at = fields.firstIndex(where: { $0.0 == "objective_value" }) {
            let after = fields.firstIndex(where: { $0.0 == "program_objective_value" }) ?? at
            fields.insert(("congestion_value_of_time_usd_per_teu_day", .number(vot)), at: after + 1)
        }
        // Only when they happened: the stall guard's switch of a primal simplex solve to the dual simplex (after
        // how many iterations), and column generation's start from the volume algorithm (its iterations).
        var solveNotes: [(String, JSONValue)] = []
        if let after = r.programSize.dualSimplexAfterIterations {
            solveNotes.append(("switched_to_dual_after_iterations", .number(Double(after))))
        }
        if let volume = r.programSize.volumeIterations { solveNotes.append(("volume_iterations", .number(Double(volume)))) }
        if !solveNotes.isEmpty, let at = fields.firstIndex(where: { $0.0 == "lp" }), case .object(let lp) = fields[at].1 {
            fields[at].1 = .object(lp + solveNotes)
        }
        // Only with `tonnes_per_teu`: delivered million tonnes a year, after `delivered_teu`.
        if let mt = r.deliveredMegatonnes, let at = fields.firstIndex(where: { $0.0 == "delivered_teu" }) {
            fields.insert(("delivered_mt", .number(mt)), at: at + 1)
        }
        // Scenarios with background traffic only: its flows and loads, apart from the demands.
        if let background = BackgroundReport.json(r) { fields.append(("background", background)) }
        if let study = context.capacity { fields.append(("capacity", CapacityReport.entries(study))) }
        // Scenarios with periods only: the per-period list (annual figures above are its sums).
        if let periods = r.periods {
            fields.append(("waiting_cost_usd", .number(r.waitingCostUSD)))
            fields.append(("periods", PeriodReport.json(periods)))
        }
        return .object(fields)
    }

    /// Rendered JSON text.
    public static func render(_ r: FlowResult, context: ReportContext) -> String {
        value(r, context: context).rendered()
    }

    /// A corridor's TEU/yr and share; with `r`, `mt` (with `tonnes_per_teu`) and `trains_per_day` (with
    /// `teu_per_train`).
    static func corridor(_ c: CorridorShare, _ r: FlowResult? = nil) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("corridor", .string(c.corridor)), ("teu", .number(c.teu)), ("share", .number(c.share)),
        ]
        if let mt = r?.megatonnes(corridor: c.corridor) { fields.append(("mt", .number(mt))) }
        if let trains = r?.trainsPerDay(corridor: c.corridor) { fields.append(("trains_per_day", .number(trains))) }
        return .object(fields)
    }

    /// A corridor of the whole result: its share with its flow-weighted cost and days (congestion included).
    /// Mt/yr and trains/day follow when the scenario gives `tonnes_per_teu` and `teu_per_train`.
    static func corridor(_ c: CorridorSummary, _ r: FlowResult) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("corridor", .string(c.corridor)), ("teu", .number(c.teu)), ("share", .number(c.share)),
            ("avg_cost_usd_per_teu", .number(c.avgCostUSDPerTEU)), ("avg_time_days", .number(c.avgTimeDays)),
        ]
        if let mt = r.megatonnes(corridor: c.corridor) { fields.append(("mt", .number(mt))) }
        if let trains = r.trainsPerDay(corridor: c.corridor) { fields.append(("trains_per_day", .number(trains))) }
        return .object(fields)
    }

    /// One direction's demand, delivered and unmet TEU/yr, cost, days and corridors (shares of its own
    /// delivered TEU).
    static func direction(_ d: DirectionSummary) -> JSONValue {
        .object([
            ("direction", .string(d.direction.rawValue)),
            ("demand_teu", .number(d.demandTEU)),
            ("delivered_teu", .number(d.deliveredTEU)),
            ("unmet_teu", .number(d.unmetTEU)),
            ("avg_cost_usd_per_teu", .number(d.avgCostUSDPerTEU)),
            ("avg_time_days", .number(d.avgTimeDays)),
            ("corridors", .array(d.corridors.map { c in
                .object([
                    ("corridor", .string(c.corridor)), ("teu", .number(c.teu)), ("share", .number(c.share)),
                    ("avg_cost_usd_per_teu", .number(c.avgCostUSDPerTEU)), ("avg_time_days", .number(c.avgTimeDays)),
                ])
            })),
        ])
    }

    static func link(_ l: LinkFlow) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("id", .string(l.id.rawValue)),
            ("from", .string(l.from.rawValue)),
            ("to", .string(l.to.rawValue)),
            ("mode", .string(l.mode.rawValue)),
            ("corridor", .string(l.corridor)),
            ("flow_teu", .number(l.flowTEU)),
            ("capacity_teu", .number(l.capacityTEU)),
            ("utilization", .number(l.utilization)),
            ("shadow_price_usd_per_teu", .number(l.shadowPriceUSDPerTEU)),
            ("throughput_gain_per_teu", .number(l.throughputGainPerTEU)),
            ("congestion_extra_days", .number(l.congestionDays)),
            ("congestion_price_usd_per_teu", .number(l.congestionPriceUSDPerTEU)),
            ("closed", .bool(l.isClosed)),
        ]
        if let size = l.teuPerTrain, let trains = l.trainsPerDay {
            fields += [("teu_per_train", .number(size)), ("trains_per_day", .number(trains))]
        }
        return .object(fields)
    }

    static func node(_ n: NodeFlow) -> JSONValue {
        .object([
            ("id", .string(n.id.rawValue)),
            ("name", .string(n.name)),
            ("kind", .string(n.kind.rawValue)),
            ("country", .string(n.country)),
            ("lat", .number(n.latitude)),
            ("lon", .number(n.longitude)),
            ("throughput_teu", .number(n.throughputTEU)),
            ("capacity_teu", .number(n.capacityTEU)),
            ("utilization", .number(n.utilization)),
            ("shadow_price_usd_per_teu", .number(n.shadowPriceUSDPerTEU)),
            ("throughput_gain_per_teu", .number(n.throughputGainPerTEU)),
            ("congestion_extra_days", .number(n.congestionDays)),
            ("congestion_price_usd_per_teu", .number(n.congestionPriceUSDPerTEU)),
            ("closed", .bool(n.isClosed)),
        ])
    }

    static func demand(_ d: DemandResult) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("id", .string(d.id.rawValue)),
            ("from", .string(d.from.rawValue)),
            ("to", .string(d.to.rawValue)),
            ("direction", .string(d.direction.rawValue)),
            ("teu", .number(d.teu)),
            ("delivered_teu", .number(d.deliveredTEU)),
            ("unmet_teu", .number(d.unmetTEU)),
            ("avg_cost_usd_per_teu", .number(d.avgCostUSDPerTEU)),
            ("avg_time_days", .number(d.avgTimeDays)),
            ("routes", .array(d.routes.map(route))),
        ]
        if let tonnes = d.tonnesPerTEU, let mt = d.deliveredMegatonnes {
            let units: [(String, JSONValue)] = [("tonnes_per_teu", .number(tonnes)), ("delivered_mt", .number(mt))]
            fields.insert(contentsOf: units, at: fields.count - 1)
        }
        if !d.avoidedCountries.isEmpty {
            fields.insert(("avoid_countries", .array(d.avoidedCountries.map { .string($0) })), at: fields.count - 1)
        }
        return .object(fields)
    }

    static func route(_ r: Route) -> JSONValue {
        .object([
            ("teu", .number(r.teu)),
            ("corridor", .string(r.corridor)),
            ("cost_usd_per_teu", .number(r.costUSDPerTEU)),
            ("time_days", .number(r.timeDays)),
            ("via", .array(r.keyNodes.map { .string($0.rawValue) })),
            ("nodes", .array(r.nodes.map { .string($0.rawValue) })),
            ("links", .array(r.links.map { .string($0.rawValue) })),
        ])
    }

    static func binding(_ b: BindingConstraint) -> JSONValue {
        .object([
            ("element", .string(b.element.rawValue)),
            ("id", .string(b.id)),
            ("name", .string(b.name)),
            ("flow_teu", .number(b.flowTEU)),
            ("capacity_teu", .number(b.capacityTEU)),
            ("shadow_price_usd_per_teu", .number(b.shadowPriceUSDPerTEU)),
            ("throughput_gain_per_teu", .number(b.throughputGainPerTEU)),
        ])
    }
}
