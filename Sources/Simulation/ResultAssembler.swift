import FlowFormulation
import FreightNetwork
import LinearProgramming

/// Builds a ``FlowResult`` from decoded flows: the part the annual (``FlowDecoder``) and period
/// (``PeriodDecoder``) decoders share (pure).
///
/// A decoder reads its formulation's columns into flows, throughputs, deliveries, routes and cost totals;
/// this turns them into links, nodes, demands, corridor shares, binding constraints and the result, with
/// one rule for closed and unlimited elements, one dust threshold and one reading of the duals.
struct ResultAssembler {
    let network: Network
    let objective: Objective
    let scenario: String
    /// The solved LP's size.
    let size: ProgramSize
    /// The demand the result is measured against (TEU/year).
    let demandTEU: Double
    /// The solution decoded (for max throughput, stage 2's).
    let solution: LPSolution
    /// Max throughput: the stage-1 solution, whose duals are TEU gained per TEU of capacity.
    let throughputDuals: LPSolution?

    /// Values below this many TEU/year are numerical dust and reported as 0.
    static let dust = 1e-6

    static func clean(_ v: Double) -> Double { abs(v) < dust ? 0 : v }

    /// Money and time totals of the flow, before penalties: USD/year and TEU·days/year.
    ///
    /// Each decoder sums them in its formulation's own order (the arc form by link and node, the period
    /// form by column), so that its figures stay the same to the last bit.
    struct Totals {
        /// Tariffs and handling (USD/year).
        var cost = 0.0
        /// Transit and dwell (TEU·days/year).
        var days = 0.0
        /// Those days valued at each commodity's value of time (USD/year).
        var timeValue = 0.0
    }

    /// The size of a solved LP.
    static func size(
        of program: LinearProgram, commodities: Int, method: SolutionMethod = .arc, rounds: Int? = nil
    ) -> ProgramSize {
        ProgramSize(
            rows: program.rowCount, columns: program.columnCount, nonZeros: program.nonZeroCount,
            commodities: commodities, method: method, rounds: rounds)
    }

    /// An element's reported capacity and whether its capacity rows are priced: a closed element has
    /// capacity 0 and no prices; an unlimited one no prices.
    ///
    /// - Parameter scaled: the capacity reported for an open element (the annual one by default; a period's).
    static func limit(_ capacity: Double?, closed: Bool, scaled: (Double?) -> Double? = { $0 })
        -> (capacity: Double?, priced: Bool)
    {
        (closed ? 0 : scaled(capacity), capacity != nil && !closed)
    }

    /// Flow over capacity, nil when unlimited or closed.
    static func utilization(_ flow: Double, _ capacity: Double?) -> Double? {
        guard let capacity, capacity > 0 else { return nil }
        return flow / capacity
    }

    /// USD saved per extra TEU of capacity: minus the row dual of a minimisation, never negative.
    func shadow(_ row: LinearProgram.Constraint?) -> Double {
        guard let row else { return 0 }
        let value = -solution.dual(row)
        return abs(value) < 1e-7 ? 0 : max(0, value)
    }

    /// Max throughput: extra TEU delivered per extra TEU of capacity (the stage-1 dual, ≥ 0); nil otherwise.
    func gain(_ row: LinearProgram.Constraint?) -> Double? {
        guard let throughputDuals else { return nil }
        guard let row else { return 0 }
        let value = throughputDuals.dual(row)
        return abs(value) < 1e-9 ? 0 : max(0, value)
    }

    /// The result of an optimal solution.
    ///
    /// - Parameters:
    ///   - delivered: TEU/year delivered per demand; `unmet`: not delivered (or lost) per demand.
    ///   - totals: cost and time of the flow; the unmet penalty is added here.
    func result(
        objectiveValue: Double?, delivered: [Double], unmet: [Double], totals: Totals, demands: [DemandResult],
        links: [LinkFlow], nodes: [NodeFlow], solver: String, iterations: Int?
    ) -> FlowResult {
        let freight = network.demands.indices.filter { !network.demands[$0].isBackground }
        let carried = Self.background(network, demands)
        var penalty = 0.0
        for d in freight { penalty += unmet[d] * network.demands[d].unmetPenaltyUSDPerTEU }
        let totalDelivered = freight.reduce(0) { $0 + delivered[$1] }
        let cost = totals.cost - carried.cost
        let days = totals.days - carried.days
        // Max throughput maximises every delivered TEU, background included, and stage 2 keeps that total:
        // what it reports is the freight's part of it.
        let backgroundDelivered = network.demands.indices.reduce(0) {
            network.demands[$1].isBackground ? $0 + delivered[$1] : $0
        }
        return FlowResult(
            scenario: scenario,
            objective: FlowResult.Objective(formulation: objective),
            status: SolveStatus(solution.termination),
            objectiveValue: objective == .maxThroughput ? objectiveValue.map { $0 - backgroundDelivered } : objectiveValue,
            demandTEU: demandTEU - carried.teu,
            deliveredTEU: Self.clean(totalDelivered),
            unmetTEU: Self.clean(freight.reduce(0) { $0 + unmet[$1] }),
            totalCostUSD: cost,
            timeValueUSD: totals.timeValue - carried.timeValue,
            unmetPenaltyUSD: penalty,
            avgCostUSDPerTEU: totalDelivered > Self.dust ? cost / totalDelivered : nil,
            avgTimeDays: totalDelivered > Self.dust ? days / totalDelivered : nil,
            corridors: Self.shares(carried.freight),
            links: links,
            nodes: nodes,
            demands: carried.freight,
            background: carried.flows,
            binding: Self.binding(links: links, nodes: nodes),
            programSize: size,
            solverName: solver,
            iterations: iterations
        )
    }

    /// The background traffic among `demands` (those of ``FreightNetwork/Demand/isBackground`` network demands)
    /// and what it adds to the flow's totals, which the freight's figures leave out: TEU/year due, tariffs and
    /// handling (USD/year), TEU·days/year and their time value (USD/year), summed over its routes.
    static func background(_ network: Network, _ demands: [DemandResult])
        -> (freight: [DemandResult], flows: [DemandResult], teu: Double, cost: Double, days: Double, timeValue: Double)
    {
        let ids = Dictionary(
            network.demands.filter(\.isBackground).map { ($0.id, $0.valueOfTimeUSDPerTEUDay) }, uniquingKeysWith: { a, _ in a })
        guard !ids.isEmpty else { return (demands, [], 0, 0, 0, 0) }
        var result: (freight: [DemandResult], flows: [DemandResult], teu: Double, cost: Double, days: Double, timeValue: Double) =
            ([], [], 0, 0, 0, 0)
        for demand in demands {
            guard let vot = ids[demand.id] else {
                result.freight.append(demand)
                continue
            }
            result.flows.append(demand)
            result.teu += demand.teu
            for route in demand.routes {
                result.cost += route.teu * route.costUSDPerTEU
                result.days += route.teu * route.timeDays
                result.timeValue += route.teu * route.timeDays * vot
            }
        }
        return result
    }

    /// A result with a status and no flows, for a solve that did not reach an optimum; `demandTEU[d]` is demand
    /// d's TEU/year (the China–Europe ones are summed: background traffic is never counted as demand).
    static func empty(
        _ network: Network, _ objective: Objective, demandTEU: [Double], size: ProgramSize, scenario: String,
        status: TerminationStatus, solver: String
    ) -> FlowResult {
        FlowResult(
            scenario: scenario, objective: FlowResult.Objective(formulation: objective), status: SolveStatus(status), objectiveValue: nil,
            demandTEU: network.demands.indices.reduce(0) { network.demands[$1].isBackground ? $0 : $0 + demandTEU[$1] }, deliveredTEU: 0, unmetTEU: 0, totalCostUSD: 0, timeValueUSD: 0, unmetPenaltyUSD: 0,
            avgCostUSDPerTEU: nil, avgTimeDays: nil, corridors: [], links: [], nodes: [], demands: [], binding: [],
            programSize: size,
            solverName: solver,
            iterations: nil
        )
    }
}
