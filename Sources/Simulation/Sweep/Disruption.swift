public import FreightNetwork

/// The state of a network in one sweep case: capacity factors of some links and nodes.
///
/// A factor of 0 closes the element (nothing passes; a closed node closes every link at it);
/// other factors multiply the element's capacity (TEU/year), and unlimited stays unlimited.
/// Elements not mentioned keep the scenario's values. Indices are dense indices of the network.
/// Unlike a scenario's `scale_capacity`, whose factor 0 leaves a limited element open at capacity 0,
/// a factor of 0 here closes (`NetworkEdit/capacityFactor(_:on:)`).
public struct Disruption: Sendable, Hashable {
    /// Capacity factor by link index.
    public private(set) var linkFactors: [Int: Double] = [:]
    /// Capacity factor by node index.
    public private(set) var nodeFactors: [Int: Double] = [:]

    public init() {}

    /// True when nothing is changed.
    public var isEmpty: Bool { linkFactors.isEmpty && nodeFactors.isEmpty }

    /// Closes a link.
    public mutating func close(link: Int) { linkFactors[link] = 0 }

    /// Closes a node.
    public mutating func close(node: Int) { nodeFactors[node] = 0 }

    /// Multiplies a link's capacity factor by `factor` (≥ 0).
    public mutating func scale(link: Int, by factor: Double) {
        precondition(factor >= 0 && factor.isFinite, "capacity factor \(factor) is not a finite number ≥ 0")
        linkFactors[link, default: 1] *= factor
    }

    /// Multiplies a node's capacity factor by `factor` (≥ 0).
    public mutating func scale(node: Int, by factor: Double) {
        precondition(factor >= 0 && factor.isFinite, "capacity factor \(factor) is not a finite number ≥ 0")
        nodeFactors[node, default: 1] *= factor
    }

    /// Both disruptions at once: factors multiply.
    public func combined(with other: Disruption) -> Disruption {
        var result = self
        for (link, factor) in other.linkFactors { result.scale(link: link, by: factor) }
        for (node, factor) in other.nodeFactors { result.scale(node: node, by: factor) }
        return result
    }
}

extension Disruption {
    /// The disruption as network edits, nodes then links in index order: factor 0 closes the element,
    /// other factors multiply its capacity (`NetworkEdit/capacityFactor(_:on:)`).
    public var edits: [NetworkEdit] {
        nodeFactors.sorted { $0.key < $1.key }.map { NetworkEdit.capacityFactor($0.value, on: .node($0.key)) }
            + linkFactors.sorted { $0.key < $1.key }.map { NetworkEdit.capacityFactor($0.value, on: .link($0.key)) }
    }
}

extension Network {
    /// The network with `disruption` applied (see ``Disruption/edits``).
    public func applying(_ disruption: Disruption) -> Network {
        do {
            return try applying(disruption.edits)
        } catch {
            preconditionFailure("a disrupted copy of a valid network is valid: \(error)")
        }
    }
}
