import FlowFormulation
import FreightNetwork
import LinearProgramming
import Scenarios
import Testing

@Suite("Pricing searches stop at their targets")
struct PricingSearchTests {
    /// Pricing's searches stop once the commodity's destinations are settled: each demand's path must still be
    /// a shortest one, as a search over the whole network (``ShortestPathTree``) finds it.
    @Test("Every priced path costs what the full search's shortest path costs", arguments: [UInt64(1), 7])
    func pricedPathsAreShortest(seed: UInt64) throws {
        let network = try NetworkGenerator(.init(nodes: 300, links: 1_200, demands: 30, origins: 4, seed: seed)).network()
        let program = PathProgram(network: network)
        let priced = program.price(duals: nil, rows: program.noCapacityRows)
        #expect(priced.count == network.demands.count)
        for path in priced {
            let demand = network.demands[path.demand]
            let vot = demand.valueOfTimeUSDPerTEUDay
            let origin = try #require(network.index(of: demand.from))
            let sink = try #require(network.index(of: demand.to))
            let weight: [Double?] = network.links.indices.map { l in
                program.openLink[l] ? FlowProgram.linkCost(l, vot: vot, network) : nil
            }
            let tree = ShortestPathTree(root: origin, outgoing: network.outgoing, ends: network.linkEnds, weight: weight)
            let cost = program.pathCost(path.links, valueOfTime: vot)
            #expect(abs(cost - tree.distance[sink]) <= 1e-9 * max(1, tree.distance[sink]), "demand \(demand.id.rawValue)")
            #expect(network.linkEnds[path.links[0]].from == origin && network.linkEnds[path.links.last ?? 0].to == sink)
        }
    }

    /// The heap pops in (distance, node) order whatever the order of pushes.
    @Test("MinHeap pops by distance, then node")
    func heapOrder() {
        var generator = SplitMix64(seed: 3)
        var items: [(Double, Int)] = []
        for node in 0..<500 { items.append((Double(Int.random(in: 0..<40, using: &generator)), node)) }
        var heap = MinHeap()
        for (distance, node) in items.shuffled(using: &generator) { heap.push(distance, node) }
        var popped: [(Double, Int)] = []
        while let item = heap.pop() { popped.append(item) }
        let expected = items.sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        #expect(popped.map(\.0) == expected.map(\.0))
        #expect(popped.map(\.1) == expected.map(\.1))
    }
}
