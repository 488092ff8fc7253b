import CorridorTestSupport
import FlowFormulation
import FreightNetwork
import GLPK
import LinearProgramming
import Simulation
import Testing

/// Max throughput from one origin is a maximum flow: it must equal an Edmonds–Karp max flow on
/// the node-split graph, that flow must equal the capacity of the minimum cut it certifies, and
/// `corridor`'s reported flows must saturate every arc of that cut (true of every maximum flow).
@Suite("Properties: max throughput against max-flow and min-cut")
struct MaxFlowPropertyTests {
    let simulator = Simulator(solver: GLPKSolver())

    @Test("Max throughput equals the maximum flow and the minimum cut, and saturates that cut")
    func maxThroughputIsMaxFlowAndMinCut() async {
        await checkProperty(seed: 5, input: NetworkGen.networks(.singleOrigin(sameValueOfTime: false))) { spec, label in
            let network = try spec.network()
            let result = try simulator.run(network, scenario: label, objective: .maxThroughput)
            try #require(result.status == .optimal, "\(label): \(spec)")
            #expect(flowViolations(result, network) == [], "\(label): \(spec)")

            var graph = SplitGraph(network, vot: 0, includeUnmet: false)
            let (maximum, sourceSide) = graph.maxFlow()
            let cut = graph.arcs.filter { sourceSide[$0.from] && !sourceSide[$0.to] }
            let cutCapacity = cut.reduce(0) { $0 + $1.capacity }
            #expect(
                isClose(cutCapacity, maximum, tolerance: 1e-9), "\(label): max flow \(maximum), its cut \(cutCapacity)")
            #expect(
                isClose(result.deliveredTEU, maximum, tolerance: 1e-7),
                "\(label): corridor \(result.deliveredTEU), max flow \(maximum): \(spec)")

            // Every maximum flow fills the forward arcs of a minimum cut and leaves its backward arcs empty.
            let scale = max(1, result.demandTEU)
            for arc in cut {
                let carried = reported(arc.role, result)
                #expect(
                    abs(carried - arc.capacity) <= 1e-7 * scale,
                    "\(label): cut arc \(arc.role) carries \(carried) of \(arc.capacity): \(spec)")
            }
            for arc in graph.arcs where !sourceSide[arc.from] && sourceSide[arc.to] {
                let carried = reported(arc.role, result)
                #expect(
                    abs(carried) <= 1e-7 * scale,
                    "\(label): arc \(arc.role) back across the cut carries \(carried): \(spec)")
            }
        }
    }

    /// The TEU/year `corridor` reports on the element an arc stands for.
    private func reported(_ role: SplitGraph.Role, _ result: FlowResult) -> Double {
        switch role {
        case .link(let l): result.links[l].flowTEU
        case .node(let n): result.nodes[n].throughputTEU
        case .origin: result.deliveredTEU
        case .delivered(let d), .demand(let d): result.demands[d].deliveredTEU
        case .unmet(let d): result.demands[d].unmetTEU
        }
    }
}
