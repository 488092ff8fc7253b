import FlowFormulation
import FreightNetwork
import GLPK
import LinearProgramming
import Scenarios
import Testing

@Suite("Origin aggregation on generated networks")
struct GeneratedAggregationTests {
    @Test("Size M (1,000 nodes, 4,000 links, 100 demands, 10 origins): at least 5× fewer columns aggregated")
    func fewerColumnsAtM() throws {
        let network = try NetworkGenerator(.init(nodes: 1_000, links: 4_000, demands: 100, origins: 10, seed: 1))
            .network()
        let aggregated = FlowProgram(network: network, aggregateDemands: true)
        let perDemand = FlowProgram(network: network, aggregateDemands: false)
        #expect(aggregated.commodities.count == 10)
        #expect(perDemand.commodities.count == 100)
        let ratio = Double(perDemand.program.columnCount) / Double(aggregated.program.columnCount)
        #expect(
            ratio >= 5,
            "columns: \(perDemand.program.columnCount) per demand, \(aggregated.program.columnCount) aggregated")
        #expect(aggregated.program.rowCount < perDemand.program.rowCount)
    }

    @Test(
        "Aggregated and per-demand LPs solve to the same optimum with GLPK",
        arguments: [UInt64(1), 2]
    )
    func sameOptimum(seed: UInt64) throws {
        let network = try NetworkGenerator(.init(nodes: 60, links: 240, demands: 20, origins: 5, seed: seed)).network()
        let aggregated = FlowProgram(network: network, aggregateDemands: true)
        let perDemand = FlowProgram(network: network, aggregateDemands: false)
        #expect(aggregated.commodities.count == 5)
        let a = try GLPKSolver().solve(aggregated.program)
        let b = try GLPKSolver().solve(perDemand.program)
        #expect(a.termination == .optimal && b.termination == .optimal)
        let x = try #require(a.objective)
        let y = try #require(b.objective)
        #expect(abs(x - y) <= 1e-6 * max(1, abs(y)), "aggregated \(x), per demand \(y)")
        #expect(perDemand.program.columnCount > 3 * aggregated.program.columnCount)
    }
}
