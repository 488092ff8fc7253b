public import FreightNetwork
import LinearProgramming

extension PeriodProgram {
    /// Demands grouped into commodities for the time-expanded program, in order of first appearance.
    ///
    /// Demands with the same destination, value of time and late penalty share a commodity (with one or
    /// more origins): freight bound for the same place at the same costs is interchangeable there, so their
    /// due dates are met together (a TEU of one stands for a TEU of another at the destination) while each
    /// origin ships only its own demands over the year. The static model merges by origin instead; with
    /// periods that would let freight for one destination meet, period by period, what another needs.
    /// ``Commodity/origin`` is the first demand's origin; ``origins`` lists them all.
    public static func commodities(_ network: Network) -> [Commodity] {
        Commodity.grouped(network) { _, demand in
            network.index(of: demand.to).map {
                Key(
                    sink: $0, valueOfTime: demand.valueOfTimeUSDPerTEUDay, late: latePenalty(demand),
                    background: demand.isBackground, avoided: demand.avoidedCountries)
            }
        }
    }

    /// The distinct origin nodes of a commodity's demands, in order of first appearance.
    public static func origins(of commodity: Commodity, _ network: Network) -> [Int] {
        var seen: [Int] = []
        for d in commodity.demands {
            if let o = network.index(of: network.demands[d].from), !seen.contains(o) { seen.append(o) }
        }
        return seen
    }

    private struct Key: Hashable {
        var sink: Int
        var valueOfTime: Double
        var late: Double
        /// Background traffic never shares a commodity with freight, so that each is decoded apart.
        var background: Bool
        /// The countries the demands avoid (sorted): freight that avoids a country never stands in for
        /// freight that does not.
        var avoided: [String]
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
                for arrival in c.arrivals {
                    nodeTerms[head * P + arrival.period].append(.init(c.variable, arrival.fraction))
                }
            }
        }
        for columns in stock { for c in columns { stockTerms[c.node * P + c.period].append(.init(c.variable, 1)) } }
        for (d, demand) in network.demands.enumerated() {
            guard let origin = network.index(of: demand.from) else { continue }
            for p in 0..<P { nodeTerms[origin * P + p].append(.init(shipped[d][p], 1)) }
        }

        var linkRows = [[LinearProgram.Constraint?]](
            repeating: Array(repeating: nil, count: P), count: network.links.count)
        for (l, link) in network.links.enumerated() {
            guard let annual = link.capacityTEU else { continue }
            for p in 0..<P where !linkTerms[l * P + p].isEmpty {
                let capacity = periodCapacity(
                    annual, days: schedule.periods[p].days, factor: schedule.linkCapacityFactor[l][p])
                linkRows[l][p] = lp.addConstraint(
                    FlowProgram.clipped("cap_link_\(link.id.rawValue)_\(periodNames[p])"),
                    linkTerms[l * P + p], bounds: .upper(capacity))
            }
        }
        var nodeRows = [[LinearProgram.Constraint?]](
            repeating: Array(repeating: nil, count: P), count: network.nodes.count)
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
                nodeRows[n][p] = lp.addConstraint(
                    FlowProgram.clipped("cap_node_\(node.id.rawValue)_\(periodNames[p])"),
                    nodeTerms[n * P + p], bounds: .upper(capacity))
            }
            guard let storage = node.storageCapacityTEU else { continue }
            for p in 0..<P where !stockTerms[n * P + p].isEmpty {
                storageRows[n][p] = lp.addConstraint(
                    FlowProgram.clipped("store_\(node.id.rawValue)_\(periodNames[p])"),
                    stockTerms[n * P + p], bounds: .upper(storage))
            }
        }
        addCongestion(&lp, network, schedule, linkTerms: linkTerms, nodeTerms: nodeTerms, periodNames)
        return (linkRows, nodeRows, storageRows)
    }

    /// Prices congestion per period: each congesting element's segments on its capacity in the period
    /// (``FlowProgram/addRows(_:_:_:_:offset:vot:)``), valued at ``FlowProgram/congestionValueOfTime(_:)``.
    ///
    /// Only the cost: transit times, and so the period freight arrives in, stay uncongested (a delay
    /// that moved arrivals would make the program non-linear).
    private static func addCongestion(
        _ lp: inout LinearProgram,
        _ network: Network,
        _ schedule: PeriodSchedule,
        linkTerms: [[LinearProgram.Term]],
        nodeTerms: [[LinearProgram.Term]],
        _ periodNames: [String]
    ) {
        let vot = lp.sense == .minimize ? FlowProgram.congestionValueOfTime(network) : 0
        let P = schedule.periods.count
        // (name, throughput terms by period, curve and annual capacity, capacity factor by period) per element.
        var elements: [(String, ArraySlice<[LinearProgram.Term]>, (curve: CongestionCurve, capacity: Double), [Double])] = []
        for l in network.links.indices {
            guard let congestion = network.congestion(link: l) else { continue }
            elements.append(("link_\(network.links[l].id.rawValue)", linkTerms[l * P..<(l + 1) * P], congestion,
                schedule.linkCapacityFactor[l]))
        }
        for n in network.nodes.indices {
            guard let congestion = network.congestion(node: n) else { continue }
            elements.append(("node_\(network.nodes[n].id.rawValue)", nodeTerms[n * P..<(n + 1) * P], congestion,
                schedule.nodeCapacityFactor[n]))
        }
        for (name, terms, congestion, factors) in elements {
            for (p, periodTerms) in zip(0..<P, terms) where !periodTerms.isEmpty {
                let capacity = periodCapacity(congestion.capacity, days: schedule.periods[p].days, factor: factors[p])
                guard capacity > 0 else { continue }
                _ = FlowProgram.addRows(
                    &lp, "\(name)_\(periodNames[p])", periodTerms, congestion.curve.segments(capacity: capacity),
                    offset: 0, vot: vot)
            }
        }
    }

    /// Period names for row and column names: the schedule's names when unique, else p1, p2, ….
    static func periodLabels(_ schedule: PeriodSchedule) -> [String] {
        let names = schedule.periods.map(\.name)
        let ok =
            Set(names).count == names.count
            && names.allSatisfy { !$0.isEmpty && $0.utf8.count <= 32 && !$0.contains(" ") }
        return ok ? names : names.indices.map { "p\($0 + 1)" }
    }

    /// Commodity labels: `to_DESTINATION`, with the value of time (and late penalty) when several share it.
    static func labels(_ commodities: [Commodity], _ sinks: [Int], _ network: Network) -> [String] {
        var perSink: [Int: Int] = [:]
        for k in commodities.indices { perSink[sinks[k], default: 0] += 1 }
        var used: Set<String> = []
        return commodities.enumerated().map { k, c in
            let id = network.nodes[sinks[k]].id.rawValue
            var label = "to_\(id)"
            if perSink[sinks[k], default: 0] > 1 {
                let vot = c.valueOfTimeUSDPerTEUDay
                label += vot == vot.rounded() && abs(vot) < 1e15 ? "_vot\(Int(vot))" : "_vot\(vot)"
            }
            if label.utf8.count > 128 { label = "to_\(id.prefix(60))_k\(k)" }
            if used.contains(label) { label += "_k\(k)" }
            used.insert(label)
            return label
        }
    }
}
