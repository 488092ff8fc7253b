public import FreightNetwork

/// Draws network states from a scenario's capacity uncertainty, reproducibly.
///
/// State `i` is drawn from a generator seeded by (seed, i) alone (``SeededRandom/init(seed:index:)``):
/// one uniform number per group (or per ungrouped entry), in the order the entries are listed, so
/// the same seed and list give the same states whatever the thread count, shard or order.
public struct MonteCarloSampler: Sendable {
    public let uncertainty: [CapacityUncertainty]
    public let seed: UInt64
    /// For each entry, the position of the draw it uses.
    let draw: [Int]
    let drawCount: Int
    /// For each entry, the dense indices of its links and nodes.
    let links: [[Int]]
    let nodes: [[Int]]

    public init(uncertainty: [CapacityUncertainty], network: Network, seed: UInt64) {
        self.uncertainty = uncertainty
        self.seed = seed
        var groups: [String: Int] = [:]
        var draw: [Int] = []
        var count = 0
        for entry in uncertainty {
            if let group = entry.group, let shared = groups[group] {
                draw.append(shared)
                continue
            }
            if let group = entry.group { groups[group] = count }
            draw.append(count)
            count += 1
        }
        self.draw = draw
        drawCount = count
        links = uncertainty.map { $0.links.compactMap { network.index(of: $0) } }
        nodes = uncertainty.map { $0.nodes.compactMap { network.index(of: $0) } }
    }

    /// The uniform draws (0..<1) of state `index`, one per group or ungrouped entry.
    public func draws(_ index: Int) -> [Double] {
        var random = SeededRandom(seed: seed, index: index)
        return (0..<drawCount).map { _ in random.unit() }
    }

    /// The capacity factor of each entry in state `index` (0 = closed).
    public func factors(_ index: Int) -> [Double] {
        let u = draws(index)
        return uncertainty.enumerated().map { e, entry in entry.factor(at: u[draw[e]]) }
    }

    /// State `index` as a disruption of the network.
    public func disruption(_ index: Int) -> Disruption {
        var disruption = Disruption()
        for (e, factor) in factors(index).enumerated() where factor != 1 {
            for link in links[e] { disruption.scale(link: link, by: factor) }
            for node in nodes[e] { disruption.scale(node: node, by: factor) }
        }
        return disruption
    }
}
