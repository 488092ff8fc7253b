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
struct PeriodDecoder: StageDecoder {
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

    /// The shared half of decoding: links, nodes, demands and the result.
    var assembler: ResultAssembler {
        ResultAssembler(
            network: formulation.network, objective: formulation.objective, scenario: scenario,
            size: ResultAssembler.size(of: formulation.program, commodities: formulation.commodities.count),
            demandTEU: formulation.due.reduce(0) { $0 + $1.reduce(0, +) }, solution: solution,
            throughputDuals: throughputDuals)
    }

    func result(objectiveValue: Double?, solver: String, iterations: Int?) -> FlowResult {
        let network = formulation.network
        let schedule = formulation.schedule
        let P = formulation.periodCount

        // Per-period link flows and node throughputs; cost and time by column, then at the origins.
        var linkFlow = [[Double]](repeating: Array(repeating: 0, count: P), count: network.links.count)
        var throughput = [[Double]](repeating: Array(repeating: 0, count: P), count: network.nodes.count)
        var totals = ResultAssembler.Totals()
        // TEU × value of time through each link and node per period: what the congestion waits add to the time
        // value. The totals count every flow's waits, background traffic's too; the assembler takes off the
        // background's routes (whose days include the waits), leaving the freight's.
        var worth = (link: linkFlow, node: throughput)
        for (k, columns) in formulation.flow.enumerated() {
            let vot = formulation.commodities[k].valueOfTimeUSDPerTEUDay
            for c in columns {
                let x = value(c.variable)
                guard x > 0 else { continue }
                linkFlow[c.link][c.period] += x
                let head = network.linkEnds[c.link].to
                worth.link[c.link][c.period] += x * vot
                for a in c.arrivals {
                    throughput[head][a.period] += x * a.fraction
                    worth.node[head][a.period] += x * a.fraction * vot
                }
                let link = network.links[c.link]
                let transit = link.timeDays + schedule.linkExtraDays[c.link][c.period] + network.nodes[head].dwellDays
                totals.cost += x * (link.costUSDPerTEU + network.nodes[head].handlingCostUSDPerTEU)
                totals.days += x * transit
                totals.timeValue += x * vot * transit
            }
        }
        let shipped = formulation.shipped.map { $0.map(value) }
        let lost = formulation.lost.map { $0.map(value) }
        for (d, demand) in network.demands.enumerated() {
            guard let o = network.index(of: demand.from) else { continue }
            let origin = network.nodes[o]
            for p in 0..<P {
                throughput[o][p] += shipped[d][p]
                worth.node[o][p] += shipped[d][p] * demand.valueOfTimeUSDPerTEUDay
                totals.cost += shipped[d][p] * origin.handlingCostUSDPerTEU
                totals.days += shipped[d][p] * origin.dwellDays
                totals.timeValue += shipped[d][p] * demand.valueOfTimeUSDPerTEUDay * origin.dwellDays
            }
        }
        let (beyond, waits) = addCongestion(to: &totals, linkFlow: linkFlow, throughput: throughput, value: worth)
        // The program charges the integral of each wait; the objective reported is the realised cost.
        let realised =
            formulation.objective == .minCost
            ? objectiveValue.map { $0 + FlowProgram.congestionValueOfTime(network) * beyond } : objectiveValue
        let delivered = shipped.map { $0.reduce(0, +) }
        let unmet = lost.map { $0.reduce(0, +) }

        // Each route's days as the totals count them: the period's extra days and congestion waits included.
        let extra = (
            link: network.links.indices.map { l in (0..<P).map { schedule.linkExtraDays[l][$0] + waits.link[l][$0] } },
            node: waits.node)
        let paths = PeriodPaths(formulation: formulation, solution: solution, extraDays: extra).decompose()
        let demands = network.demands.enumerated().map { d, demand in
            ResultAssembler.demandResult(
                demand, direction: network.direction(of: demand), teu: formulation.due[d].reduce(0, +), delivered: delivered[d], unmet: unmet[d],
                routes: paths.routes[d])
        }
        var result = assembler.result(
            objectiveValue: realised, delivered: delivered, unmet: unmet, totals: totals, demands: demands,
            links: annualLinks(linkFlow), nodes: annualNodes(throughput), solver: solver, iterations: iterations)
        if realised != objectiveValue { result.programObjectiveValue = objectiveValue }
        if formulation.objective == .minCost && network.hasCongestion {
            result.congestionValueOfTime = FlowProgram.congestionValueOfTime(network)
        }
        result.periods = periods(
            linkFlow: linkFlow, throughput: throughput, shipped: shipped, lost: lost, corridors: paths.corridors)
        return result
    }

    /// A result with a status and no flows (and no periods), for a solve that did not reach an optimum.
    static func empty(_ formulation: PeriodProgram, scenario: String, status: TerminationStatus, solver: String)
        -> FlowResult
    {
        var result = ResultAssembler.empty(
            formulation.network, formulation.objective, demandTEU: formulation.due.map { $0.reduce(0, +) },
            size: ResultAssembler.size(of: formulation.program, commodities: formulation.commodities.count),
            scenario: scenario, status: status, solver: solver)
        result.periods = []
        return result
    }
}

extension PeriodDecoder {
    /// Adds each congesting element's extra TEU-days per period (its curve at the period's whole flow on
    /// the period's capacity) for the freight through it to the totals' days, and their value at the
    /// freight's value of time. Background traffic's delay is left out, as its routes' figures are.
    ///
    /// Only the totals: routes keep their uncongested days (``Simulator/periodCongestionNote``). Returns the
    /// TEU-days all traffic waits beyond the integral the program charges (see
    /// ``CongestionCurve/waitBeyondIntegral(flow:capacity:)``).
    func addCongestion(
        to totals: inout ResultAssembler.Totals, linkFlow: [[Double]], throughput: [[Double]],
        value: (link: [[Double]], node: [[Double]])
    ) -> (beyond: Double, waits: (link: [[Double]], node: [[Double]])) {
        let network = formulation.network
        let schedule = formulation.schedule
        let P = formulation.periodCount
        var beyond = 0.0
        var waits = (
            link: [[Double]](repeating: Array(repeating: 0, count: P), count: network.links.count),
            node: [[Double]](repeating: Array(repeating: 0, count: P), count: network.nodes.count))
        func add(_ curve: CongestionCurve, _ annual: Double, factor: Double, period p: Int, flow: Double, value: Double) -> Double {
            let capacity = PeriodProgram.periodCapacity(annual, days: schedule.periods[p].days, factor: factor)
            guard flow > 0, capacity > 0 else { return 0 }
            let days = curve.extraDays(flow: flow, capacity: capacity)
            beyond += curve.waitBeyondIntegral(flow: flow, capacity: capacity)
            totals.days += flow * days
            totals.timeValue += value * days
            return days
        }
        for l in network.links.indices {
            guard let (curve, annual) = network.congestion(link: l) else { continue }
            for p in 0..<P {
                waits.link[l][p] = add(
                    curve, annual, factor: schedule.linkCapacityFactor[l][p], period: p, flow: linkFlow[l][p],
                    value: value.link[l][p])
            }
        }
        for n in network.nodes.indices {
            guard let (curve, annual) = network.congestion(node: n) else { continue }
            for p in 0..<P {
                waits.node[n][p] = add(
                    curve, annual, factor: schedule.nodeCapacityFactor[n][p], period: p, flow: throughput[n][p],
                    value: value.node[n][p])
            }
        }
        return (beyond, waits)
    }
}
