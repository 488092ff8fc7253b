import CorridorTestSupport
import FlowFormulation
import FreightNetwork
import Testing

/// The arc form's columns exist exactly where a commodity can flow: on open links (link and both
/// ends open) whose tail the origin reaches and whose head reaches one of the commodity's sinks.
/// Checked against a naive fixed-point reachability, not the library's depth-first search.
@Suite("Small LP: columns only where a commodity can flow")
struct ReachabilityPruningTests {
    @Test("Flow columns are exactly the open links on origin-to-sink walks", arguments: Array(UInt64(1)...UInt64(12)))
    func columnsOnlyWhereFlowIsPossible(seed: UInt64) throws {
        let network = try RandomCorridor.network(seed: seed, nodes: 16)
        let program = FlowProgram(network: network)
        let open = network.links.indices.map { l in
            !network.links[l].isClosed && !network.nodes[network.linkEnds[l].from].isClosed
                && !network.nodes[network.linkEnds[l].to].isClosed
        }
        var pruned = 0
        for (k, commodity) in program.commodities.enumerated() {
            let sinks = commodity.demands.compactMap { network.index(of: network.demands[$0].to) }
            let forward = Self.closure(network, open, from: [commodity.origin], forward: true)
            let backward = Self.closure(network, open, from: sinks, forward: false)
            let expected = network.links.indices.filter { l in
                !network.nodes[commodity.origin].isClosed && open[l] && forward[network.linkEnds[l].from]
                    && backward[network.linkEnds[l].to]
            }
            #expect(program.flow[k].map(\.link) == expected, "seed \(seed), commodity \(k)")
            pruned += network.links.count - expected.count
        }
        #expect(pruned > 0)
    }

    /// Nodes reachable from `starts` (forward) or reaching them (backward) over open links: repeated sweeps to a fixed point.
    static func closure(_ network: Network, _ open: [Bool], from starts: [Int], forward: Bool) -> [Bool] {
        var seen = [Bool](repeating: false, count: network.nodes.count)
        for s in starts where !network.nodes[s].isClosed { seen[s] = true }
        var changed = true
        while changed {
            changed = false
            for l in network.links.indices where open[l] {
                let (a, b) = forward ? network.linkEnds[l] : (network.linkEnds[l].to, network.linkEnds[l].from)
                if seen[a], !seen[b] {
                    seen[b] = true
                    changed = true
                }
            }
        }
        return seen
    }
}
