import CorridorTestSupport
import FreightNetwork
import Simulation
import Testing

/// Checks a result against its network: conservation, capacities, closures, route sums and shares
/// (background traffic, reported apart, is in the flows and checked with the demands).
func expectInvariants(_ r: FlowResult, _ network: Network, sourceLocation: SourceLocation = #_sourceLocation) {
    // Conservation per node: in − out = delivered to it − originated there.
    var balance = [Double](repeating: 0, count: network.nodes.count)
    var scale = 1.0
    for (l, link) in r.links.enumerated() {
        let (a, b) = network.linkEnds[l]
        balance[a] -= link.flowTEU
        balance[b] += link.flowTEU
        scale = max(scale, link.flowTEU)
        if let capacity = link.capacityTEU {
            #expect(link.flowTEU <= capacity * (1 + 1e-7) + 1e-6, "link \(link.id) over capacity", sourceLocation: sourceLocation)
        }
        if link.isClosed { #expect(link.flowTEU == 0, "closed link \(link.id) carries freight", sourceLocation: sourceLocation) }
    }
    for demand in r.demands + r.background {
        if let o = network.index(of: demand.from), let t = network.index(of: demand.to) {
            balance[o] += demand.deliveredTEU
            balance[t] -= demand.deliveredTEU
        }
        #expect(isClose(demand.deliveredTEU + demand.unmetTEU, demand.teu, tolerance: 1e-6), sourceLocation: sourceLocation)
        let routed = demand.routes.reduce(0) { $0 + $1.teu }
        #expect(isClose(routed, demand.deliveredTEU, tolerance: 1e-6), "routes of \(demand.id) do not sum to delivered", sourceLocation: sourceLocation)
    }
    for (n, b) in balance.enumerated() {
        #expect(abs(b) <= 1e-6 * scale + 1e-6, "flow not conserved at \(network.nodes[n].id): \(b)", sourceLocation: sourceLocation)
    }
    for node in r.nodes {
        if let capacity = node.capacityTEU {
            #expect(node.throughputTEU <= capacity * (1 + 1e-7) + 1e-6, "node \(node.id) over capacity", sourceLocation: sourceLocation)
        }
    }
    // Paths sum back to link flows, relative to the link's flow, and for near-zero flows to the network's largest
    // (a 12-month solve left 1.65e-4 TEU/yr on TBS-POT whose routes summed to 1.62e-4: 3e-6 TEU, 1e-11 of it).
    var fromRoutes: [Link.ID: Double] = [:]
    for demand in r.demands + r.background { for route in demand.routes { for l in route.links { fromRoutes[l, default: 0] += route.teu } } }
    for link in r.links {
        let routed = fromRoutes[link.id] ?? 0
        #expect(
            abs(routed - link.flowTEU) <= 1e-6 * max(1, abs(link.flowTEU)) + 1e-10 * scale,
            "routes do not sum to the flow on \(link.id): \(routed) against \(link.flowTEU)", sourceLocation: sourceLocation)
    }
    if r.deliveredTEU > 0 {
        #expect(isClose(r.corridors.reduce(0) { $0 + $1.share }, 1, tolerance: 1e-9), "shares do not sum to 1", sourceLocation: sourceLocation)
    }
}
