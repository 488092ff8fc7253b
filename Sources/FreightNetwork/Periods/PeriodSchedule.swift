/// The time axis of a seasonal scenario: named periods (months, weeks) and what changes per period.
///
/// A scenario without periods has no schedule and is solved as one annual steady state. With a
/// schedule, annual figures are spread over the periods:
///
/// - a link's or node's capacity in period p is `capacityTEU × days(p) / 365 × factor[p]`
///   (TEU/year stays the unit in files; a factor of 0 closes it in that period, also on an unlimited
///   link or node, on which any other factor has no effect);
/// - a demand releases `teu × demandShare[d][p]` TEU in period p (the shares start proportional to
///   seasonal weight × days and sum to 1; a period-scoped `scale_demand` multiplies some of them, and
///   the sum then grows or shrinks with the year's volume);
/// - a link's transit time in period p is `timeDays + linkExtraDays[l][p]`;
/// - storage (``Node/storageCapacityTEU``) is a stock in TEU, not a rate.
///
/// Arrays are dense and indexed like the network they were built for: `[link][period]`,
/// `[node][period]`, `[demand][period]`.
public struct PeriodSchedule: Sendable, Hashable {
    /// One period of the year.
    public struct Period: Sendable, Hashable {
        /// Short name used in files and reports (`jan`, `w01`).
        public var name: String
        /// Length in days (> 0).
        public var days: Double

        public init(name: String, days: Double) {
            self.name = name
            self.days = days
        }
    }

    /// The periods in order; the year is cyclic (the last period is followed by the first).
    public var periods: [Period]
    /// `linkCapacityFactor[l][p]`: multiplier (≥ 0) of link l's capacity in period p.
    public var linkCapacityFactor: [[Double]]
    /// `nodeCapacityFactor[n][p]`: multiplier (≥ 0) of node n's throughput capacity in period p.
    public var nodeCapacityFactor: [[Double]]
    /// `demandShare[d][p]`: share (≥ 0) of demand d's annual TEU released in period p; it sums to 1
    /// over p unless period-scoped `scale_demand` changes scaled some periods.
    public var demandShare: [[Double]]
    /// `linkExtraDays[l][p]`: days added to link l's transit time in period p (negative: a period-scoped cut;
    /// the loader keeps the transit time at 0 or more).
    public var linkExtraDays: [[Double]]

    /// A schedule with every factor 1, no extra days, and each demand spread in proportion to period length.
    public init(periods: [Period], linkCount: Int, nodeCount: Int, demandCount: Int) {
        self.periods = periods
        let ones = [Double](repeating: 1, count: periods.count)
        let zeros = [Double](repeating: 0, count: periods.count)
        let total = periods.reduce(0) { $0 + $1.days }
        let share = periods.map { total > 0 ? $0.days / total : 0 }
        self.linkCapacityFactor = Array(repeating: ones, count: linkCount)
        self.nodeCapacityFactor = Array(repeating: ones, count: nodeCount)
        self.demandShare = Array(repeating: share, count: demandCount)
        self.linkExtraDays = Array(repeating: zeros, count: linkCount)
    }

    /// A schedule sized for `network` (see ``init(periods:linkCount:nodeCount:demandCount:)``).
    public init(periods: [Period], for network: Network) {
        self.init(
            periods: periods, linkCount: network.links.count, nodeCount: network.nodes.count,
            demandCount: network.demands.count
        )
    }

    /// Total days of all periods (365 for a calendar year of months).
    public var totalDays: Double { periods.reduce(0) { $0 + $1.days } }
}

extension PeriodSchedule {
    /// The capacity factors of period `p` as edits of the network the schedule was built for, at
    /// annual rates: a factor of 0 closes the node or link, any other scales its capacity
    /// (``NetworkEdit/capacityFactor(_:on:)``). Transit times and demand shares are not network edits.
    public func edits(inPeriod p: Int) -> [NetworkEdit] {
        nodeCapacityFactor.indices.map { NetworkEdit.capacityFactor(nodeCapacityFactor[$0][p], on: .node($0)) }
            + linkCapacityFactor.indices.map { NetworkEdit.capacityFactor(linkCapacityFactor[$0][p], on: .link($0)) }
    }
}
