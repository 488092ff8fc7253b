import FlowFormulation
import FreightNetwork
import LinearProgramming

/// Turns an LP solution back into domain terms (pure).
///
/// Works for both formulations: the arc form (``FlowProgram``: flows per commodity and link, routes
/// by path decomposition) and the path form (``PathProgram``: routes straight from the path columns).
struct FlowDecoder: StageDecoder {
    /// The network decoded; ``result(objectiveValue:solver:iterations:)`` adds congestion days to its times.
    var network: Network
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
    /// Congestion rows by link and node index, in the solved program (none in the path form).
    var linkCongestion: [LinearProgram.Constraint?] = []
    var nodeCongestion: [LinearProgram.Constraint?] = []

    init(formulation: FlowProgram, solution: LPSolution, scenario: String) {
        let network = formulation.network
        self.init(
            network: network, objective: formulation.objective, commodities: formulation.commodities,
            linkCapacity: formulation.linkCapacity, nodeCapacity: formulation.nodeCapacity,
            size: ResultAssembler.size(of: formulation.program, commodities: formulation.commodities.count),
            solution: solution, scenario: scenario,
            commodityFlow: formulation.flow.map { columns in
                var f = [Double](repeating: 0, count: network.links.count)
                for c in columns { f[c.link] = max(0, solution[c.variable]) }
                return f
            },
            unmet: formulation.unmet.enumerated().map { d, u in min(max(0, solution[u]), network.demands[d].teu) },
            paths: nil
        )
        linkCongestion = formulation.linkCongestion.map { $0?.row }
        nodeCongestion = formulation.nodeCongestion.map { $0?.row }
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

    /// The shared half of decoding: links, nodes, demands and the result.
    var assembler: ResultAssembler {
        ResultAssembler(
            network: network, objective: objective, scenario: scenario, size: size,
            demandTEU: network.demands.reduce(0) { $0 + $1.teu }, solution: solution, throughputDuals: throughputDuals)
    }

    func result(objectiveValue: Double?, solver: String, iterations: Int?) -> FlowResult {
        var linkFlow = [Double](repeating: 0, count: network.links.count)
        for f in commodityFlow { for (l, v) in f.enumerated() { linkFlow[l] += v } }
        let delivered = network.demands.indices.map { max(0, network.demands[$0].teu - unmet[$0]) }
        var throughput = [Double](repeating: 0, count: network.nodes.count)
        for (l, f) in linkFlow.enumerated() { throughput[network.linkEnds[l].to] += f }
        for (d, demand) in network.demands.enumerated() {
            if let o = network.index(of: demand.from) { throughput[o] += delivered[d] }
        }
        // The program charges the integral of each wait (the equilibrium); the objective reported is the
        // realised cost, every TEU's wait at the program's value of time.
        let realised =
            objective == .minCost && network.hasCongestion
            ? objectiveValue.map {
                $0 + FlowProgram.congestionValueOfTime(network)
                    * network.congestionWaitBeyondIntegral(linkFlow: linkFlow, throughput: throughput)
            } : objectiveValue
        // Times as every TEU sees them at these flows: each congesting element's extra days added.
        var decoder = self
        decoder.network = network.congested(linkFlow: linkFlow, throughput: throughput)
        var result = decoder.assemble(
            linkFlow: linkFlow, throughput: throughput, delivered: delivered,
            objectiveValue: realised, solver: solver, iterations: iterations)
        if realised != objectiveValue { result.programObjectiveValue = objectiveValue }
        if objective == .minCost && network.hasCongestion {
            result.congestionValueOfTime = FlowProgram.congestionValueOfTime(network)
        }
        return result
    }

    /// The result from the flows, on ``network`` with its congestion days already added.
    private func assemble(
        linkFlow: [Double], throughput: [Double], delivered: [Double],
        objectiveValue: Double?, solver: String, iterations: Int?
    ) -> FlowResult {
        let assembler = assembler
        let clean = ResultAssembler.clean
        let days = network.congestionDays(linkFlow: linkFlow, throughput: throughput)
        let links = network.links.enumerated().map { l, link in
            var flow = ResultAssembler.link(link, flow: clean(linkFlow[l])) {
                ($0, assembler.shadow(linkCapacity[l]), assembler.gain(linkCapacity[l]))
            }
            if network.congestion(link: l) != nil {
                flow.congestionDays = clean(days.links[l])
                flow.congestionPriceUSDPerTEU = assembler.shadow(linkCongestion.indices.contains(l) ? linkCongestion[l] : nil)
            }
            return flow
        }
        let nodes = network.nodes.enumerated().map { n, node in
            var flow = ResultAssembler.node(node, throughput: clean(throughput[n])) {
                ($0, assembler.shadow(nodeCapacity[n]), assembler.gain(nodeCapacity[n]))
            }
            if network.congestion(node: n) != nil {
                flow.congestionDays = clean(days.nodes[n])
                flow.congestionPriceUSDPerTEU = assembler.shadow(nodeCongestion.indices.contains(n) ? nodeCongestion[n] : nil)
            }
            return flow
        }
        return assembler.result(
            objectiveValue: objectiveValue, delivered: delivered, unmet: unmet,
            totals: totals(linkFlow: linkFlow, throughput: throughput, delivered: delivered),
            demands: decodeDemands(commodityFlow: commodityFlow, delivered: delivered, unmet: unmet),
            links: links, nodes: nodes, solver: solver, iterations: iterations)
    }

    /// A result with a status and no flows, for a solve that did not reach an optimum.
    static func empty(_ formulation: FlowProgram, scenario: String, status: TerminationStatus, solver: String)
        -> FlowResult
    {
        let network = formulation.network
        return ResultAssembler.empty(
            network, formulation.objective, demandTEU: network.demands.map(\.teu),
            size: ResultAssembler.size(of: formulation.program, commodities: formulation.commodities.count),
            scenario: scenario, status: status, solver: solver)
    }
}
