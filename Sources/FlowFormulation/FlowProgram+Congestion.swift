public import FreightNetwork
public import LinearProgramming

/// The congestion of one node or link in the LP: its row and its segment columns.
///
/// With throughput F (the same terms as the element's capacity row) and the segments j of its curve
/// on its capacity (`CongestionCurve/segments(capacity:)`), widths wⱼ and waits sⱼ:
///
///     F − Σ_{j ≥ j₀} y[j] − y_over ≤ Σ_{j < j₀} wⱼ        (cong_link_ID / cong_node_ID)
///     0 ≤ y[j] ≤ wⱼ,   cost(y[j]) = v̄ · sⱼ,   y_over ≥ 0 at the last wait
///
/// where the leading segments j < j₀ have sⱼ = 0 and need no column. The waits rise with j (the curve
/// is convex), so a minimum fills the segments in order and Σ sⱼ·y[j] is the integral of the wait up to
/// F: Beckmann's program, whose optimum routes each TEU by its own wait (a user equilibrium); no
/// integer is needed. y_over, at the last wait, only fills above the capacity the pieces were cut for
/// (an investment's, or a sweep case's, raised capacity): the row never caps the flow.
public struct CongestionRows: Sendable {
    /// The row tying the element's throughput to its segment columns.
    public let row: LinearProgram.Constraint
    /// The segment columns with a positive slope, in order, with their segment.
    public let segments: [(variable: LinearProgram.Variable, segment: CongestionCurve.Segment)]
    /// TEU/year carried with no extra delay cost (the leading flat segments): the row's bound before
    /// any originating TEU are taken off.
    public let freeTEU: Double
}

extension FlowProgram {
    /// The value of time, USD per TEU-day, that prices congestion delay in the objective: the network's
    /// `FreightNetwork/Network/congestionValueOfTime` (a scenario's
    /// `congestion_value_of_time_usd_per_teu_day`), else the mean over demands weighted by TEU (0 when
    /// no demand has volume).
    ///
    /// The extra TEU-days D(F) of an element are shared by every commodity through it, so one value
    /// prices them all; with a single value of time in the network this is exact. Reported times
    /// use every demand's own days.
    public static func congestionValueOfTime(_ network: Network) -> Double {
        if let set = network.congestionValueOfTime { return set }
        let teu = network.demands.reduce(0) { $0 + $1.teu }
        guard teu > 0 else { return 0 }
        return network.demands.reduce(0) { $0 + $1.teu * $1.valueOfTimeUSDPerTEUDay } / teu
    }

    /// Adds the congestion row and segment columns of every congesting element some flow touches.
    ///
    /// - Parameters:
    ///   - linkTerms: the flow terms of each link (its capacity row's terms).
    ///   - nodeTerms: the throughput terms of each node and the TEU originating there.
    static func addCongestion(
        _ lp: inout LinearProgram,
        _ network: Network,
        _ objective: Objective,
        linkTerms: [[LinearProgram.Term]],
        nodeTerms: (terms: [[LinearProgram.Term]], originating: [Double])
    ) -> (links: [CongestionRows?], nodes: [CongestionRows?]) {
        let vot = objective == .minCost ? congestionValueOfTime(network) : 0
        var links = [CongestionRows?](repeating: nil, count: network.links.count)
        var nodes = [CongestionRows?](repeating: nil, count: network.nodes.count)
        for l in network.links.indices where !linkTerms[l].isEmpty {
            guard let (curve, capacity) = network.congestion(link: l) else { continue }
            let name = "link_\(network.links[l].id.rawValue)"
            links[l] = addRows(&lp, name, linkTerms[l], curve.segments(capacity: capacity), offset: 0, vot: vot)
        }
        for n in network.nodes.indices where !nodeTerms.terms[n].isEmpty {
            guard let (curve, capacity) = network.congestion(node: n) else { continue }
            let name = "node_\(network.nodes[n].id.rawValue)"
            nodes[n] = addRows(
                &lp, name, nodeTerms.terms[n], curve.segments(capacity: capacity),
                offset: nodeTerms.originating[n], vot: vot)
        }
        return (links, nodes)
    }

    /// One element's row and columns (named `cong_NAME`, `y_NAME_sJ`) for throughput `terms` + `offset`;
    /// nil when its curve is flat (no delay at any load).
    static func addRows(
        _ lp: inout LinearProgram,
        _ name: String,
        _ terms: [LinearProgram.Term],
        _ segments: [CongestionCurve.Segment],
        offset: Double,
        vot: Double
    ) -> CongestionRows? {
        guard let first = segments.firstIndex(where: { $0.waitDays > 0 }) else { return nil }
        let free = segments[..<first].reduce(0) { $0 + $1.widthTEU }
        var columns: [(variable: LinearProgram.Variable, segment: CongestionCurve.Segment)] = []
        var rowTerms = terms
        for (j, segment) in segments.enumerated().dropFirst(first) {
            let y = lp.addVariable(
                clipped("y_\(name)_s\(j + 1)"), bounds: .range(0, segment.widthTEU), cost: vot * segment.waitDays)
            columns.append((y, segment))
            rowTerms.append(.init(y, -1))
        }
        // Beyond the pieces (a capacity an investment or a sweep case raised), the last slope continues:
        // the congestion row never limits the flow itself, the capacity row does.
        if let last = segments.last {
            let over = lp.addVariable(clipped("y_\(name)_over"), bounds: .lower(0), cost: vot * last.waitDays)
            rowTerms.append(.init(over, -1))
        }
        let row = lp.addConstraint(clipped("cong_\(name)"), rowTerms, bounds: .upper(free - offset))
        return CongestionRows(row: row, segments: columns, freeTEU: free)
    }
}
