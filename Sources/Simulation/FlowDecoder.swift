import FlowFormulation
import FreightNetwork
import LinearProgramming

/// Turns an LP solution back into domain terms (pure).
///
/// Works for both formulations: the arc form (``FlowProgram``: flows per commodity and link, routes
/// by path decomposition) and the path form (``PathProgram``: routes straight from the path columns).
struct FlowDecoder {
    let network: Network
    let objective: Objective
    let commodities: [Commodity]
    /// Capacity rows by link and node index, in the solved program.
    let linkCapacity: [LinearProgram.Constraint?]
    let nodeCapacity: [LinearProgram.Constraint?]
    let size: ProgramSize
    let solution: LPSolution
    let scenario: String
    /// Max throughput: the stage-1 solution, whose duals are TEU gained per TEU of capacity.
    var throughputDuals: LPSolution?
    /// `commodityFlow[k][l]`: TEU/year of commodity k on link l (≥ 0).
    let commodityFlow: [[Double]]
    /// `unmet[d]`: TEU/year of demand d not delivered, within 0…teu.
    let unmet: [Double]
    /// Routes as (demand, links, TEU/year) when the formulation has them (paths); nil: decompose.
    let paths: [PathDecomposition.Path]?

    /// Values below this many TEU/year are numerical dust and reported as 0.
    static let dust = 1e-6

    init(formulation: FlowProgram, solution: LPSolution, scenario: String) {
        let network = formulation.network
        self.init(
            network: network, objective: formulation.objective, commodities: formulation.commodities,
            linkCapacity: formulation.linkCapacity, nodeCapacity: formulation.nodeCapacity,
            size: Self.size(of: formulation), solution: solution, scenario: scenario,
            commodityFlow: formulation.flow.map { columns in
                var f = [Double](repeating: 0, count: network.links.count)
                for c in columns { f[c.link] = max(0, solution[c.variable]) }
                return f
            },
            unmet: formulation.unmet.enumerated().map { d, u in min(max(0, solution[u]), network.demands[d].teu) },
            paths: nil
        )
    }

    init(
        network: Network, objective: Objective, commodities: [Commodity],
        linkCapacity: [LinearProgram.Constraint?], nodeCapacity: [LinearProgram.Constraint?],
        size: ProgramSize, solution: LPSolution, scenario: String,
        commodityFlow: [[Double]], unmet: [Double], paths: [PathDecomposition.Path]?
    ) {
        self.network = network
        self.objective = objective
        self.commodities = commodities
        self.linkCapacity = linkCapacity
        self.nodeCapacity = nodeCapacity
        self.size = size
        self.solution = solution
        self.scenario = scenario
        self.commodityFlow = commodityFlow
        self.unmet = unmet
        self.paths = paths
    }

    static func clean(_ v: Double) -> Double { abs(v) < dust ? 0 : v }

    func result(objectiveValue: Double?, solver: String, iterations: Int?) -> FlowResult {
        var linkFlow = [Double](repeating: 0, count: network.links.count)
        for f in commodityFlow { for (l, v) in f.enumerated() { linkFlow[l] += v } }
        let delivered = network.demands.indices.map { max(0, network.demands[$0].teu - unmet[$0]) }
        var throughput = [Double](repeating: 0, count: network.nodes.count)
        for (l, f) in linkFlow.enumerated() { throughput[network.linkEnds[l].to] += f }
        for (d, demand) in network.demands.enumerated() {
            if let o = network.index(of: demand.from) { throughput[o] += delivered[d] }
        }

        let demands = decodeDemands(commodityFlow: commodityFlow, delivered: delivered, unmet: unmet)
        let totals = Totals(
            network: network,
            commodities: commodities,
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
            objective: objective,
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
            programSize: size,
            solverName: solver,
            iterations: iterations
        )
    }

    /// A result with a status and no flows, for a solve that did not reach an optimum.
    static func empty(_ formulation: FlowProgram, scenario: String, status: TerminationStatus, solver: String)
        -> FlowResult
    {
        empty(formulation.network, formulation.objective, size(of: formulation), scenario, status, solver)
    }

    /// A result with a status and no flows, for a formulation of `size`.
    static func empty(
        _ network: Network, _ objective: Objective, _ size: ProgramSize, _ scenario: String,
        _ status: TerminationStatus, _ solver: String
    ) -> FlowResult {
        let total = network.demands.reduce(0) { $0 + $1.teu }
        return FlowResult(
            scenario: scenario, objective: objective, status: status, objectiveValue: nil,
            demandTEU: total, deliveredTEU: 0, unmetTEU: 0, totalCostUSD: 0, timeValueUSD: 0, unmetPenaltyUSD: 0,
            avgCostUSDPerTEU: nil, avgTimeDays: nil, corridors: [], links: [], nodes: [], demands: [], binding: [],
            programSize: size,
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
