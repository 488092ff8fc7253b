import FreightNetwork
import Simulation

/// What every optimal result must satisfy, whatever the network: the fuzz targets' oracle.
enum FlowInvariants {
    /// Every broken invariant, as text: conservation at each node, link and node capacities,
    /// nothing on closed elements, delivered + unmet = volume for each demand and background flow.
    ///
    /// - Parameter approximate: The solution came from the interior point method, which GLPK
    ///   stops at a relative tolerance of about 1e-8 without a crossover to a vertex: flows may
    ///   then be off by up to 1e-7 of the largest volume or capacity in the network.
    static func violations(_ result: FlowResult, _ network: Network, approximate: Bool = false) -> [String] {
        // Background traffic is reported apart from the demands; here both count, in network order.
        let reported = Dictionary((result.demands + result.background).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let demands = network.demands.compactMap { reported[$0.id] }
        guard result.links.count == network.links.count, result.nodes.count == network.nodes.count,
            demands.count == network.demands.count, result.demands.count == network.freightDemands.count
        else { return ["the result does not list every link, node and demand"] }
        let scale = max(1, network.demands.reduce(0) { $0 + $1.teu })
        let largest = ([scale] + network.links.compactMap(\.capacityTEU) + network.nodes.compactMap(\.capacityTEU)).max() ?? 1
        // Exact (simplex): conservation to 1e-6 of the volume, capacities to 1e-6 of themselves.
        let slack = 1e-6 * (approximate ? largest : scale)
        func over(_ flow: Double, _ capacity: Double) -> Bool {
            flow > capacity + 1e-6 * max(1, capacity) + (approximate ? 1e-7 * largest : 1e-9 * scale)
        }
        var problems: [String] = []
        var balance = [Double](repeating: 0, count: network.nodes.count)
        var throughput = [Double](repeating: 0, count: network.nodes.count)
        for (l, flow) in result.links.enumerated() {
            let (a, b) = network.linkEnds[l]
            balance[a] -= flow.flowTEU
            balance[b] += flow.flowTEU
            throughput[b] += flow.flowTEU
            if flow.flowTEU < -slack { problems.append("\(flow.id): negative flow \(flow.flowTEU)") }
            if let capacity = network.links[l].capacityTEU,
                over(flow.flowTEU, capacity)
            {
                problems.append("\(flow.id): \(flow.flowTEU) over capacity \(capacity)")
            }
            let closed = network.links[l].isClosed || network.nodes[a].isClosed || network.nodes[b].isClosed
            if closed, abs(flow.flowTEU) > slack { problems.append("\(flow.id): closed but carries \(flow.flowTEU)") }
        }
        for (d, demand) in demands.enumerated() {
            let o = network.index(of: network.demands[d].from)!
            let t = network.index(of: network.demands[d].to)!
            balance[o] += demand.deliveredTEU
            balance[t] -= demand.deliveredTEU
            throughput[o] += demand.deliveredTEU
            if abs(demand.deliveredTEU + demand.unmetTEU - network.demands[d].teu) > slack {
                problems.append("\(demand.id): delivered + unmet ≠ \(network.demands[d].teu)")
            }
        }
        for (n, node) in network.nodes.enumerated() {
            if abs(balance[n]) > slack { problems.append("\(node.id): flow not conserved (\(balance[n]))") }
            if let capacity = node.capacityTEU, over(throughput[n], capacity) {
                problems.append("\(node.id): throughput \(throughput[n]) over capacity \(capacity)")
            }
        }
        return problems
    }
}
