public import FlowFormulation
public import FreightNetwork

/// Splits a commodity's link flows into origin–destination paths, deterministically.
///
/// Walks from the origin along the link with the most remaining flow (ties: lower link index)
/// until it reaches a sink that still needs freight; takes the bottleneck; repeats. Cycles met on
/// the way are cancelled. Because the multi-sink flow conserves TEU, the paths sum back to the
/// link flows (up to cancelled cycles and numerical dust below `tolerance`).
public struct PathDecomposition: Sendable {
    /// A path: the links it uses in order, the demand it serves, and its TEU/year.
    public struct Path: Sendable, Hashable {
        public var demand: Int
        public var links: [Int]
        public var teu: Double
    }

    public let paths: [Path]

    /// - Parameters:
    ///   - commodity: The commodity whose flow is decomposed.
    ///   - linkFlow: TEU/year of this commodity per link index (entries for every link).
    ///   - delivered: TEU/year delivered per demand index of the commodity.
    ///   - network: The network the flow is on.
    ///   - tolerance: Flow below this (TEU/year) is numerical dust and left out.
    public init(
        commodity: Commodity,
        linkFlow: [Double],
        delivered: [Int: Double],
        network: Network,
        tolerance: Double = 1e-6
    ) {
        var flow = linkFlow
        var need = delivered
        var sinksAt: [Int: [Int]] = [:]
        for d in commodity.demands {
            if let t = network.index(of: network.demands[d].to) { sinksAt[t, default: []].append(d) }
        }
        var paths: [Path] = []
        var guardCount = 0
        let limit = 4 * (network.links.count + 1) * (commodity.demands.count + 1) + 1000
        walking: while need.values.contains(where: { $0 > tolerance }), guardCount < limit {
            guardCount += 1
            var node = commodity.origin
            var links: [Int] = []
            var position: [Int: Int] = [node: 0]
            while true {
                if !links.isEmpty, let d = sinksAt[node]?.first(where: { need[$0, default: 0] > tolerance }) {
                    let amount = min(links.map { flow[$0] }.min() ?? 0, need[d, default: 0])
                    for l in links { flow[l] -= amount }
                    need[d, default: 0] -= amount
                    paths.append(Path(demand: d, links: links, teu: amount))
                    continue walking
                }
                var best: Int?
                for l in network.outgoing[node] where flow[l] > tolerance {
                    if let b = best, flow[b] >= flow[l] { continue }
                    best = l
                }
                guard let next = best else { break walking }
                let head = network.linkEnds[next].to
                if let start = position[head] {
                    let cycle = Array(links[start...]) + [next]
                    let amount = cycle.map { flow[$0] }.min() ?? 0
                    for l in cycle { flow[l] -= amount }
                    continue walking
                }
                links.append(next)
                position[head] = links.count
                node = head
            }
        }
        self.paths = paths
    }
}
