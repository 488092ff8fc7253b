/// One entry of a scenario's `uncertainty` list, resolved to the links and nodes it picks.
///
/// In each sampled state the entry's elements are closed together with ``closedProbability``;
/// otherwise their capacities are multiplied by one factor drawn from ``capacityFactor``. Entries
/// with the same ``group`` share one random draw, so they are bad together (perfectly correlated);
/// other entries are independent. An element picked by several entries gets the product of their
/// factors (closure wins). Unlimited capacities stay unlimited.
public struct CapacityUncertainty: Sendable, Hashable {
    /// What the entry picks, as written: `link KUR-ALT`, `corridor middle, mode ferry`.
    public var label: String
    /// Where the entry was written, `file:line`.
    public var source: String
    /// The directed links it picks, in network order.
    public var links: [Link.ID]
    /// The nodes it picks, in network order.
    public var nodes: [Node.ID]
    /// Probability (0…1) that the elements are closed in a state.
    public var closedProbability: Double
    /// The capacity factor of the elements when they are open; `nil` means 1.
    public var capacityFactor: CapacityFactorDistribution?
    /// Entries with the same group share their random draw.
    public var group: String?

    public init(
        label: String,
        source: String,
        links: [Link.ID],
        nodes: [Node.ID],
        closedProbability: Double = 0,
        capacityFactor: CapacityFactorDistribution? = nil,
        group: String? = nil
    ) {
        self.label = label
        self.source = source
        self.links = links
        self.nodes = nodes
        self.closedProbability = closedProbability
        self.capacityFactor = capacityFactor
        self.group = group
    }

    /// The capacity factor at uniform draw `u` (0 ≤ u < 1): 0 (closed) when `u` falls below the
    /// closure probability, otherwise the factor distribution's quantile of the rest of the draw.
    public func factor(at u: Double) -> Double {
        if u < closedProbability { return 0 }
        guard let capacityFactor else { return 1 }
        let rest = closedProbability < 1 ? (u - closedProbability) / (1 - closedProbability) : 0
        return capacityFactor.quantile(rest)
    }
}
