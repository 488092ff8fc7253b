import FlowFormulation
import FreightNetwork
import LinearProgramming

/// Turns an LP solution back into domain terms (pure).
struct FlowDecoder {
    let formulation: FlowProgram
    let solution: LPSolution
    let scenario: String
    /// Max throughput: the stage-1 solution, whose duals are TEU gained per TEU of capacity.
    var throughputDuals: LPSolution?

    /// Values below this many TEU/year are numerical dust and reported as 0.
    static let dust = 1e-6

    init(formulation: FlowProgram, solution: LPSolution, scenario: String) {
        self.formulation = formulation
        self.solution = solution
        self.scenario = scenario
    }

    static func clean(_ v: Double) -> Double { abs(v) < dust ? 0 : v }

    func result(objectiveValue: Double?, solver: String, iterations: Int?) -> FlowResult {
        let network = formulation.network
        var linkFlow = [Double](repeating: 0, count: network.links.count)
        var commodityFlow: [[Double]] = []
        for columns in formulation.flow {
            var f = [Double](repeating: 0, count: network.links.count)
            for c in columns {
                let v = max(0, solution[c.variable])
                f[c.link] = v
                linkFlow[c.link] += v
            }
            commodityFlow.append(f)
        }
        let unmet = formulation.unmet.enumerated().map { d, u in min(max(0, solution[u]), network.demands[d].teu) }
        let delivered = network.demands.indices.map { max(0, network.demands[$0].teu - unmet[$0]) }
        var throughput = [Double](repeating: 0, count: network.nodes.count)
        for (l, f) in linkFlow.enumerated() { throughput[network.linkEnds[l].to] += f }
        for (d, demand) in network.demands.enumerated() {
            if let o = network.index(of: demand.from) { throughput[o] += delivered[d] }
        }

        let demands = decodeDemands(commodityFlow: commodityFlow, delivered: delivered, unmet: unmet)
        let totals = Totals(
            formulation: formulation,
            linkFlow: linkFlow,
            commodityFlow: commodityFlow,
            throughput: throughput,
            delivered: delivered,
            unmet: unmet
        )
        let links = decodeLinks(linkFlow)
        let nodes = decodeNodes(throughput)
        return FlowResult(
            scenario: scenario,
            objective: formulation.objective,
            status: solution.termination,
            objectiveValue: objectiveValue,
            demandTEU: network.demands.reduce(0) { $0 + $1.teu },
            deliveredTEU: Self.clean(delivered.reduce(0, +)),
            unmetTEU: Self.clean(unmet.reduce(0, +)),
            totalCostUSD: totals.cost,
            timeValueUSD: totals.timeValue,
            unmetPenaltyUSD: totals.penalty,
            avgCostUSDPerTEU: totals.delivered > Self.dust ? totals.cost / totals.delivered : nil,
            avgTimeDays: totals.delivered > Self.dust ? totals.days / totals.delivered : nil,
            corridors: Self.shares(demands),
            links: links,
            nodes: nodes,
            demands: demands,
            binding: Self.binding(links: links, nodes: nodes),
            programSize: Self.size(of: formulation),
            solverName: solver,
            iterations: iterations
        )
    }

    /// A result with a status and no flows, for a solve that did not reach an optimum.
    static func empty(_ formulation: FlowProgram, scenario: String, status: TerminationStatus, solver: String)
        -> FlowResult
    {
        let total = formulation.network.demands.reduce(0) { $0 + $1.teu }
        return FlowResult(
            scenario: scenario, objective: formulation.objective, status: status, objectiveValue: nil,
            demandTEU: total, deliveredTEU: 0, unmetTEU: 0, totalCostUSD: 0, timeValueUSD: 0, unmetPenaltyUSD: 0,
            avgCostUSDPerTEU: nil, avgTimeDays: nil, corridors: [], links: [], nodes: [], demands: [], binding: [],
            programSize: Self.size(of: formulation),
            solverName: solver,
            iterations: nil
        )
    }

    /// Rows, columns, non-zeros and commodities of a formulation's LP.
    static func size(of formulation: FlowProgram) -> ProgramSize {
        let program = formulation.program
        return ProgramSize(
            rows: program.rowCount,
            columns: program.columnCount,
            nonZeros: program.nonZeroCount,
            commodities: formulation.commodities.count
        )
    }
}
