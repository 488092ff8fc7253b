import FlowFormulation
import FreightNetwork
import LinearProgramming

/// Turns a solution of a ``PeriodProgram`` into an annual ``FlowResult`` with its periods (pure).
///
/// Routes come from the time-expanded path decomposition (``PeriodPaths``); their cost and days are the
/// static ones (without a period's extra days or time in storage).
///
/// Annual flows, throughputs, deliveries and losses are sums over the periods. An annual capacity is the
/// sum of the period capacities, and its shadow price Σ_p price(p)·days(p)/365·factor(p): what one more
/// TEU/year of capacity, spread over the year as the file spreads it, saves.
struct PeriodDecoder {
    let formulation: PeriodProgram
    let solution: LPSolution
    let scenario: String
    /// Max throughput: the stage-1 solution, whose duals are TEU gained per TEU of capacity.
    var throughputDuals: LPSolution?

    init(formulation: PeriodProgram, solution: LPSolution, scenario: String) {
        self.formulation = formulation
        self.solution = solution
        self.scenario = scenario
    }

    private func value(_ v: LinearProgram.Variable) -> Double { max(0, solution[v]) }

    func result(objectiveValue: Double?, solver: String, iterations: Int?) -> FlowResult {
        let network = formulation.network
        let schedule = formulation.schedule
        let P = formulation.periodCount
        let clean = FlowDecoder.clean

        // Per-period link flows and node throughputs; annual per-commodity flows for routes.
        var linkFlow = [[Double]](repeating: Array(repeating: 0, count: P), count: network.links.count)
        var throughput = [[Double]](repeating: Array(repeating: 0, count: P), count: network.nodes.count)
        var cost = 0.0
        var timeValue = 0.0
        var days = 0.0
        for (k, columns) in formulation.flow.enumerated() {
            let vot = formulation.commodities[k].valueOfTimeUSDPerTEUDay
            for c in columns {
                let x = value(c.variable)
                guard x > 0 else { continue }
                linkFlow[c.link][c.period] += x
                let head = network.linkEnds[c.link].to
                for a in c.arrivals { throughput[head][a.period] += x * a.fraction }
                let link = network.links[c.link]
                let transit = link.timeDays + schedule.linkExtraDays[c.link][c.period] + network.nodes[head].dwellDays
                cost += x * (link.costUSDPerTEU + network.nodes[head].handlingCostUSDPerTEU)
                days += x * transit
                timeValue += x * vot * transit
            }
        }
        let shipped = formulation.shipped.map { $0.map(value) }
        let lost = formulation.lost.map { $0.map(value) }
        var penalty = 0.0
        for (d, demand) in network.demands.enumerated() {
            guard let o = network.index(of: demand.from) else { continue }
            let origin = network.nodes[o]
            for p in 0..<P {
                throughput[o][p] += shipped[d][p]
                cost += shipped[d][p] * origin.handlingCostUSDPerTEU
                days += shipped[d][p] * origin.dwellDays
                timeValue += shipped[d][p] * demand.valueOfTimeUSDPerTEUDay * origin.dwellDays
            }
            penalty += lost[d].reduce(0, +) * demand.unmetPenaltyUSDPerTEU
        }
        let delivered = shipped.map { $0.reduce(0, +) }
        let unmet = lost.map { $0.reduce(0, +) }

        let paths = PeriodPaths(formulation: formulation, solution: solution).decompose()
        let demands = decodeDemands(routes: paths.routes, delivered: delivered, unmet: unmet)
        let links = annualLinks(linkFlow)
        let nodes = annualNodes(throughput)
        let totalDelivered = delivered.reduce(0, +)
        var result = FlowResult(
            scenario: scenario,
            objective: formulation.objective,
            status: solution.termination,
            objectiveValue: objectiveValue,
            demandTEU: formulation.due.reduce(0) { $0 + $1.reduce(0, +) },
            deliveredTEU: clean(totalDelivered),
            unmetTEU: clean(unmet.reduce(0, +)),
            totalCostUSD: cost,
            timeValueUSD: timeValue,
            unmetPenaltyUSD: penalty,
            avgCostUSDPerTEU: totalDelivered > FlowDecoder.dust ? cost / totalDelivered : nil,
            avgTimeDays: totalDelivered > FlowDecoder.dust ? days / totalDelivered : nil,
            corridors: FlowDecoder.shares(demands),
            links: links,
            nodes: nodes,
            demands: demands,
            binding: FlowDecoder.binding(links: links, nodes: nodes),
            programSize: Self.size(of: formulation),
            solverName: solver,
            iterations: iterations
        )
        result.periods = periods(
            linkFlow: linkFlow, throughput: throughput, shipped: shipped, lost: lost, corridors: paths.corridors)
        return result
    }

    /// A result with a status and no flows, for a solve that did not reach an optimum.
    static func empty(_ formulation: PeriodProgram, scenario: String, status: TerminationStatus, solver: String)
        -> FlowResult
    {
        var result = FlowResult(
            scenario: scenario, objective: formulation.objective, status: status, objectiveValue: nil,
            demandTEU: formulation.due.reduce(0) { $0 + $1.reduce(0, +) }, deliveredTEU: 0, unmetTEU: 0,
            totalCostUSD: 0, timeValueUSD: 0, unmetPenaltyUSD: 0, avgCostUSDPerTEU: nil, avgTimeDays: nil,
            corridors: [], links: [], nodes: [], demands: [], binding: [], programSize: size(of: formulation),
            solverName: solver, iterations: nil
        )
        result.periods = []
        return result
    }

    static func size(of formulation: PeriodProgram) -> ProgramSize {
        ProgramSize(
            rows: formulation.program.rowCount, columns: formulation.program.columnCount,
            nonZeros: formulation.program.nonZeroCount, commodities: formulation.commodities.count)
    }

    /// Demand results with the routes of the time-expanded decomposition.
    func decodeDemands(routes: [[Route]], delivered: [Double], unmet: [Double]) -> [DemandResult] {
        let network = formulation.network
        return network.demands.enumerated().map { d, demand in
            FlowDecoder.demandResult(
                demand, teu: formulation.due[d].reduce(0, +), delivered: delivered[d], unmet: unmet[d],
                routes: routes[d])
        }
    }
}
