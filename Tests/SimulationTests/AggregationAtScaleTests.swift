import FlowFormulation
import FreightNetwork
import GLPK
import LinearProgramming
import Scenarios
import Simulation
import Testing

/// Origin aggregation is exact at size M, not only on small networks: the aggregated arc form
/// (10 commodities, one per origin) and the per-demand path form (column generation keeps one row and
/// its own paths for each of the 100 demands) reach the same optimum.
@Suite("Origin aggregation at size M")
struct AggregationAtScaleTests {
    @Test("M (1,000 nodes, 4,000 links, 100 demands, 10 origins): aggregated arc form = per-demand path form")
    func sameOptimumAtM() throws {
        let network = try NetworkGenerator(.init(nodes: 1_000, links: 4_000, demands: 100, origins: 10, seed: 1))
            .network()
        let aggregated = try Simulator(solver: GLPKSolver(), method: .arc).run(network, scenario: "M")
        let perDemand = try Simulator(solver: GLPKSolver(), method: .paths).run(network, scenario: "M")
        #expect(aggregated.status == .optimal && perDemand.status == .optimal)
        let x = try #require(aggregated.objectiveValue)
        let y = try #require(perDemand.objectiveValue)
        #expect(abs(x - y) <= 1e-6 * max(1, abs(y)), "aggregated arc form \(x), per-demand paths \(y)")
        // The arc form really was aggregated: 10 commodities, not 100.
        #expect(FlowProgram(network: network).commodities.count == 10)
    }
}
