public import FreightNetwork

/// Demands that share an origin, a value of time and the countries they avoid (and are all freight or
/// all background traffic), optimised as one commodity with several sinks.
///
/// Aggregating is exact: such demands see the same cost on every link, so any optimal
/// multi-sink flow splits back into per-demand paths at the same total cost.
public struct Commodity: Sendable, Hashable {
    /// Dense index of the origin node.
    public var origin: Int
    /// Value of time in USD per TEU per day shared by every demand of the commodity.
    public var valueOfTimeUSDPerTEUDay: Double
    /// Indices into `Network.demands`, in file order.
    public var demands: [Int]
    /// Nodes (dense indices, ascending) the commodity may not pass through: those of the countries its
    /// demands avoid (`FreightNetwork/Network/avoidedNodes(of:)`); every demand of a commodity avoids the same.
    public var avoidedNodes: [Int]

    public init(origin: Int, valueOfTimeUSDPerTEUDay: Double, demands: [Int], avoidedNodes: [Int] = []) {
        self.origin = origin
        self.valueOfTimeUSDPerTEUDay = valueOfTimeUSDPerTEUDay
        self.demands = demands
        self.avoidedNodes = avoidedNodes
    }

    /// `blocked[n]`: node n is one the commodity avoids; nil when it avoids none.
    public func blockedNodes(count: Int) -> [Bool]? {
        guard !avoidedNodes.isEmpty else { return nil }
        var blocked = [Bool](repeating: false, count: count)
        for n in avoidedNodes { blocked[n] = true }
        return blocked
    }

    /// Groups a network's demands into commodities, in order of first appearance.
    ///
    /// Demands whose origin and destination coincide cannot occur (the loader rejects them).
    /// - Parameters:
    ///   - network: The network whose demands are grouped.
    ///   - aggregate: When false, every demand is its own commodity (for checking exactness).
    ///   - separate: Indices of demands kept as commodities of their own even when aggregating (a demand whose
    ///     own flow a row reads, such as a transit-time target's).
    public static func aggregate(_ network: Network, aggregate: Bool = true, separate: Set<Int> = []) -> [Commodity] {
        grouped(network) { index, demand in
            network.index(of: demand.from).map {
                Key(
                    origin: $0, valueOfTime: demand.valueOfTimeUSDPerTEUDay, background: demand.isBackground,
                    avoided: demand.avoidedCountries, demand: aggregate && !separate.contains(index) ? nil : index)
            }
        }
    }

    /// Groups the demands for which `key` gives a key (by index and demand; nil leaves the demand out) into
    /// commodities of the demands with equal keys, in order of first appearance. A commodity's origin is
    /// its first demand's, its avoided nodes its first demand's (the key must separate demands that
    /// avoid different countries).
    static func grouped<Group: Hashable>(_ network: Network, by key: (Int, Demand) -> Group?) -> [Commodity] {
        var commodities: [Commodity] = []
        var position: [Group: Int] = [:]
        for (index, demand) in network.demands.enumerated() {
            guard let origin = network.index(of: demand.from), let key = key(index, demand) else { continue }
            if let at = position[key] {
                commodities[at].demands.append(index)
            } else {
                position[key] = commodities.count
                commodities.append(
                    Commodity(
                        origin: origin, valueOfTimeUSDPerTEUDay: demand.valueOfTimeUSDPerTEUDay, demands: [index],
                        avoidedNodes: network.avoidedNodes(of: demand))
                )
            }
        }
        return commodities
    }

    private struct Key: Hashable {
        var origin: Int
        var valueOfTime: Double
        /// Background traffic never shares a commodity with freight, so that each is decoded (and a
        /// sweep's metrics summed) apart.
        var background: Bool
        /// The countries the demands avoid (sorted).
        var avoided: [String]
        /// The demand's index when demands are not aggregated.
        var demand: Int?
    }
}
