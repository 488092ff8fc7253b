import FlowFormulation
public import FreightNetwork
public import LinearProgramming

/// The cost–time trade-off of some demands: their cost per TEU against days as their value of
/// time is swept, the whole network solved each time (capacities shared with every other demand).
///
/// For a fixed flow the min-cost objective is a line in the swept value of time *v*:
/// `a + v · b`, with *b* the chosen demands' TEU-days. The optimum is the lower envelope of those
/// lines, so its breakpoints are found exactly by intersecting the lines of two solutions and
/// solving there (the parametric method of Eisner and Severance), not by a grid.
public struct CostTimeFrontier: Sendable {
    /// One distinct solution for the chosen demands and the values of time for which it is optimal.
    public struct Point: Sendable, Hashable {
        /// The value of time range, USD per TEU per day, over which this point is optimal.
        public var votFrom: Double
        public var votTo: Double
        /// Tariffs plus handling of the chosen demands' delivered TEU, USD per TEU (nil when none delivered).
        public var costUSDPerTEU: Double?
        /// Flow-weighted transit days of the chosen demands' delivered TEU (nil when none delivered).
        public var timeDays: Double?
        /// Delivered and unmet TEU/year of the chosen demands.
        public var deliveredTEU: Double
        public var unmetTEU: Double
        /// Delivered TEU/year of the chosen demands by corridor, largest first.
        public var corridors: [CorridorShare]
        /// The chosen demands' routes (merged over demands), largest first.
        public var routes: [Route]
        /// True when no other point is at most as dear and at most as slow (and better in one).
        public var isPareto: Bool
    }

    /// The swept demands' ids.
    public var demands: [Demand.ID]
    /// Their total TEU/year.
    public var demandTEU: Double
    /// The swept range of the value of time, USD per TEU per day.
    public var votRange: ClosedRange<Double>
    /// Every distinct solution in order of rising value of time.
    public var points: [Point]
    /// How many LPs were solved.
    public var solves: Int
    /// `optimal`, or the status of the first solve that found no optimum (the sweep stopped there).
    public var status: SolveStatus
    /// False when the sweep reached its limit of LPs with breakpoints left to find: the ranges after
    /// the first one left unrefined end at the intersection of their neighbours' lines, not at a solve.
    public var breakpointsExact = true

    /// The Pareto-efficient points, cheapest (slowest) first.
    public var pareto: [Point] { points.filter(\.isPareto) }

    /// Sweeps the value of time of `demands` (indices into `network.demands`) over `votRange`.
    ///
    /// - Parameters:
    ///   - network: The network to solve.
    ///   - demands: The demands (indices into `network.demands`) whose value of time is swept.
    ///   - votRange: The range swept, USD per TEU per day.
    ///   - simulator: The solver set-up each LP is solved with.
    ///   - maxSolves: A safety limit on the number of LPs (``breakpointsExact`` says whether it was reached).
    /// - Throws: `SolverError` when the backend failed.
    public static func sweep(
        _ network: Network,
        demands: [Int],
        votRange: ClosedRange<Double>,
        simulator: Simulator,
        maxSolves: Int = 1_000
    ) throws(SolverError) -> CostTimeFrontier {
        var search = FrontierSearch(network: network, chosen: demands, simulator: simulator, maxSolves: maxSolves)
        let points = try search.run(votRange)
        var frontier = CostTimeFrontier(
            demands: demands.map { network.demands[$0].id },
            demandTEU: demands.reduce(0) { $0 + network.demands[$1].teu },
            votRange: votRange,
            points: Self.markPareto(points),
            solves: search.solves,
            status: search.status
        )
        frontier.breakpointsExact = !search.limited
        return frontier
    }

    /// Marks the efficient points: those delivering the most TEU of any point (up to 1e-9
    /// relative) that no other such point beats on both cost and days (better in one by more than
    /// 1e-9 relative, no worse in the other). Partly unmet points are never efficient.
    static func markPareto(_ points: [Point]) -> [Point] {
        func better(_ a: Double, _ b: Double) -> Bool { a < b - 1e-9 * max(1, abs(b)) }
        func noWorse(_ a: Double, _ b: Double) -> Bool { a <= b + 1e-9 * max(1, abs(b)) }
        let most = points.filter { $0.costUSDPerTEU != nil }.map(\.deliveredTEU).max() ?? 0
        func eligible(_ p: Point) -> Bool { p.costUSDPerTEU != nil && p.timeDays != nil && p.deliveredTEU >= most * (1 - 1e-9) - 1e-6 }
        return points.map { p in
            var p = p
            guard eligible(p), let c = p.costUSDPerTEU, let d = p.timeDays else {
                p.isPareto = false
                return p
            }
            p.isPareto = !points.contains { q in
                guard eligible(q), let qc = q.costUSDPerTEU, let qd = q.timeDays else { return false }
                return noWorse(qc, c) && noWorse(qd, d) && (better(qc, c) || better(qd, d))
            }
            return p
        }
    }

    /// The efficient point that beats `point` on cost and days, if any (the first by value of time).
    public func dominating(_ point: Point) -> Point? {
        guard let c = point.costUSDPerTEU, let d = point.timeDays else { return nil }
        return pareto.first { q in
            guard let qc = q.costUSDPerTEU, let qd = q.timeDays else { return false }
            return qc <= c + 1e-9 * max(1, c) && qd <= d + 1e-9 * max(1, d) && q != point
        }
    }
}
