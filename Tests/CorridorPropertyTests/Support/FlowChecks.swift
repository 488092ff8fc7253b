import CorridorTestSupport
import FreightNetwork
import Simulation

/// What a reported result must satisfy whatever the optimum: every violation, as text.
///
/// Flows are conserved at every node (in − out = delivered there − originated there), no link
/// or node carries more than its capacity, closed elements carry nothing, each demand's delivered
/// and unmet TEU add up to its volume, its routes add up to what it delivered and, over all
/// demands, to each link's flow, and corridor shares sum to 1. Background traffic is checked with the
/// demands (it is reported apart, in network order within each list), and the freight totals leave it out.
func flowViolations(_ result: FlowResult, _ network: Network) -> [String] {
    var problems: [String] = []
    let scale = max(1, network.demands.reduce(0) { $0 + $1.teu })
    let tolerance = 1e-7 * scale
    func over(_ flow: Double, _ capacity: Double) -> Bool { flow > capacity + 1e-7 * max(1, capacity) + 1e-9 * scale }

    // Every demand once, in network order: the freight's and the background's lists side by side.
    let reported = Dictionary((result.demands + result.background).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let demands = network.demands.compactMap { reported[$0.id] }
    guard result.links.count == network.links.count, result.nodes.count == network.nodes.count,
        demands.count == network.demands.count, result.demands.count + result.background.count == demands.count,
        result.demands.map(\.id) == network.freightDemands.map(\.id)
    else {
        return [
            "result lists \(result.links.count) links, \(result.nodes.count) nodes, \(result.demands.count) demands, "
                + "\(result.background.count) background flows"
        ]
    }
    let freightDelivered = result.demands.reduce(0) { $0 + $1.deliveredTEU }
    if !isClose(result.deliveredTEU, freightDelivered, tolerance: 1e-9) && abs(result.deliveredTEU - freightDelivered) > tolerance {
        problems.append("delivered \(result.deliveredTEU) is not the freight's \(freightDelivered)")
    }

    var balance = [Double](repeating: 0, count: network.nodes.count)
    var entering = [Double](repeating: 0, count: network.nodes.count)
    for (l, link) in result.links.enumerated() {
        let (a, b) = network.linkEnds[l]
        if link.flowTEU < -tolerance { problems.append("link \(link.id) carries a negative flow \(link.flowTEU)") }
        balance[a] -= link.flowTEU
        balance[b] += link.flowTEU
        entering[b] += link.flowTEU
        if let capacity = network.links[l].capacityTEU, over(link.flowTEU, capacity) {
            problems.append("link \(link.id) carries \(link.flowTEU) TEU over its capacity \(capacity)")
        }
        let closed = network.links[l].isClosed || network.nodes[a].isClosed || network.nodes[b].isClosed
        if closed, abs(link.flowTEU) > tolerance { problems.append("closed link \(link.id) carries \(link.flowTEU)") }
    }
    var originated = [Double](repeating: 0, count: network.nodes.count)
    for (d, demand) in demands.enumerated() {
        let o = network.index(of: network.demands[d].from)!
        let t = network.index(of: network.demands[d].to)!
        balance[o] += demand.deliveredTEU
        balance[t] -= demand.deliveredTEU
        originated[o] += demand.deliveredTEU
        if !isClose(demand.deliveredTEU + demand.unmetTEU, network.demands[d].teu, tolerance: 1e-7) {
            problems.append(
                "demand \(demand.id): delivered \(demand.deliveredTEU) + unmet \(demand.unmetTEU) ≠ \(network.demands[d].teu)"
            )
        }
        if demand.deliveredTEU < -tolerance || demand.unmetTEU < -tolerance {
            problems.append("demand \(demand.id) has a negative delivered or unmet volume")
        }
        let routed = demand.routes.reduce(0) { $0 + $1.teu }
        if abs(routed - demand.deliveredTEU) > tolerance {
            problems.append("routes of \(demand.id) carry \(routed), it delivered \(demand.deliveredTEU)")
        }
    }
    for (n, value) in balance.enumerated() where abs(value) > tolerance {
        problems.append("flow not conserved at \(network.nodes[n].id): off by \(value) TEU")
    }
    for (n, node) in network.nodes.enumerated() {
        let throughput = entering[n] + originated[n]
        if !isClose(result.nodes[n].throughputTEU, throughput, tolerance: 1e-7)
            && abs(result.nodes[n].throughputTEU - throughput) > tolerance
        {
            problems.append(
                "node \(node.id) reports throughput \(result.nodes[n].throughputTEU), its flows make \(throughput)")
        }
        if let capacity = node.capacityTEU, over(throughput, capacity) {
            problems.append("node \(node.id) passes \(throughput) TEU over its capacity \(capacity)")
        }
        if node.isClosed, throughput > tolerance { problems.append("closed node \(node.id) passes \(throughput) TEU") }
    }
    var fromRoutes: [Link.ID: Double] = [:]
    for demand in demands {
        for route in demand.routes { for id in route.links { fromRoutes[id, default: 0] += route.teu } }
    }
    for link in result.links where abs((fromRoutes[link.id] ?? 0) - link.flowTEU) > tolerance {
        problems.append("routes put \(fromRoutes[link.id] ?? 0) TEU on \(link.id), its flow is \(link.flowTEU)")
    }
    if result.deliveredTEU > tolerance, !isClose(result.corridors.reduce(0) { $0 + $1.share }, 1, tolerance: 1e-9) {
        problems.append("corridor shares sum to \(result.corridors.reduce(0) { $0 + $1.share })")
    }
    return problems
}
