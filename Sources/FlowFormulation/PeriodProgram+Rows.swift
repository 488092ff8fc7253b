public import FreightNetwork
import LinearProgramming

extension PeriodProgram {
    /// Demands grouped into commodities for the time-expanded program, in order of first appearance.
    ///
    /// Only demands with the same origin, destination, value of time and late penalty share a commodity:
    /// their freight is interchangeable, so the grouping is exact. The static model also merges demands
    /// bound for different destinations; with periods that would be a relaxation (freight released for one
    /// destination could stand in, period by period, for freight released for another), so it is not done.
    public static func commodities(_ network: Network) -> [Commodity] {
        var commodities: [Commodity] = []
        var position: [Key: Int] = [:]
        for (index, demand) in network.demands.enumerated() {
            guard let origin = network.index(of: demand.from), let sink = network.index(of: demand.to) else { continue }
            let key = Key(origin: origin, sink: sink, valueOfTime: demand.valueOfTimeUSDPerTEUDay, late: latePenalty(demand))
            if let at = position[key] {
                commodities[at].demands.append(index)
            } else {
                position[key] = commodities.count
                commodities.append(Commodity(origin: origin, valueOfTimeUSDPerTEUDay: demand.valueOfTimeUSDPerTEUDay, demands: [index]))
            }
        }
        return commodities
    }

    private struct Key: Hashable {
        var origin: Int
        var sink: Int
        var valueOfTime: Double
        var late: Double
    }

    /// Capacity in period `p` of an annual capacity (TEU/year): annual × days(p)/365 × factor.
    public static func periodCapacity(_ annual: Double, days: Double, factor: Double) -> Double {
        annual * days / 365 * factor
    }

    /// Link, node throughput and storage rows per period, for limited elements that some column touches.
    static func addCapacityRows(
        _ lp: inout LinearProgram,
        _ network: Network,
        _ schedule: PeriodSchedule,
        _ flow: [[FlowColumn]],
        _ stock: [[StockColumn]],
        _ shipped: [[LinearProgram.Variable]],
        _ periodNames: [String]
    ) -> ([[LinearProgram.Constraint?]], [[LinearProgram.Constraint?]], [[LinearProgram.Constraint?]]) {
        let P = schedule.periods.count
        var linkTerms = [[LinearProgram.Term]](repeating: [], count: network.links.count * P)
        var nodeTerms = [[LinearProgram.Term]](repeating: [], count: network.nodes.count * P)
        var stockTerms = [[LinearProgram.Term]](repeating: [], count: network.nodes.count * P)
        for columns in flow {
            for c in columns {
                linkTerms[c.link * P + c.period].append(.init(c.variable, 1))
                let head = network.linkEnds[c.link].to
                for arrival in c.arrivals { nodeTerms[head * P + arrival.period].append(.init(c.variable, arrival.fraction)) }
            }
        }
        for columns in stock { for c in columns { stockTerms[c.node * P + c.period].append(.init(c.variable, 1)) } }
        for (d, demand) in network.demands.enumerated() {
            guard let origin = network.index(of: demand.from) else { continue }
            for p in 0..<P { nodeTerms[origin * P + p].append(.init(shipped[d][p], 1)) }
        }

        var linkRows = [[LinearProgram.Constraint?]](repeating: Array(repeating: nil, count: P), count: network.links.count)
        for (l, link) in network.links.enumerated() {
            guard let annual = link.capacityTEU else { continue }
            for p in 0..<P where !linkTerms[l * P + p].isEmpty {
                let capacity = periodCapacity(annual, days: schedule.periods[p].days, factor: schedule.linkCapacityFactor[l][p])
                linkRows[l][p] = lp.addConstraint(FlowProgram.clipped("cap_link_\(link.id.rawValue)_\(periodNames[p])"),
                                                  linkTerms[l * P + p], bounds: .upper(capacity))
            }
        }
        var nodeRows = [[LinearProgram.Constraint?]](repeating: Array(repeating: nil, count: P), count: network.nodes.count)
        var storageRows = nodeRows
        for (n, node) in network.nodes.enumerated() {
            for p in 0..<P where !nodeTerms[n * P + p].isEmpty {
                let factor = schedule.nodeCapacityFactor[n][p]
                let capacity: Double
                if let annual = node.capacityTEU {
                    capacity = periodCapacity(annual, days: schedule.periods[p].days, factor: factor)
                } else if factor <= 0 {
                    capacity = 0  // an unlimited node closed in this period
                } else {
                    continue
                }
                nodeRows[n][p] = lp.addConstraint(FlowProgram.clipped("cap_node_\(node.id.rawValue)_\(periodNames[p])"),
                                                  nodeTerms[n * P + p], bounds: .upper(capacity))
            }
            guard let storage = node.storageCapacityTEU else { continue }
            for p in 0..<P where !stockTerms[n * P + p].isEmpty {
                storageRows[n][p] = lp.addConstraint(FlowProgram.clipped("store_\(node.id.rawValue)_\(periodNames[p])"),
                                                     stockTerms[n * P + p], bounds: .upper(storage))
            }
        }
        return (linkRows, nodeRows, storageRows)
    }

    /// Period names for row and column names: the schedule's names when unique, else p1, p2, ….
    static func periodLabels(_ schedule: PeriodSchedule) -> [String] {
        let names = schedule.periods.map(\.name)
        let ok = Set(names).count == names.count && names.allSatisfy { !$0.isEmpty && $0.utf8.count <= 32 && !$0.contains(" ") }
        return ok ? names : names.indices.map { "p\($0 + 1)" }
    }

    /// Commodity labels: `ORIGIN_DESTINATION`, with the first demand's id when several share the pair.
    static func labels(_ commodities: [Commodity], _ sinks: [Int], _ network: Network) -> [String] {
        var pairs: [String: Int] = [:]
        for (k, c) in commodities.enumerated() { pairs["\(c.origin)>\(sinks[k])", default: 0] += 1 }
        var used: Set<String> = []
        return commodities.enumerated().map { k, c in
            var label = "\(network.nodes[c.origin].id.rawValue)_\(network.nodes[sinks[k]].id.rawValue)"
            if pairs["\(c.origin)>\(sinks[k])", default: 0] > 1 { label = network.demands[c.demands[0]].id.rawValue }
            if label.utf8.count > 128 { label = "\(network.nodes[c.origin].id.rawValue.prefix(60))_k\(k)" }
            if used.contains(label) { label += "_k\(k)" }
            used.insert(label)
            return label
        }
    }
}
