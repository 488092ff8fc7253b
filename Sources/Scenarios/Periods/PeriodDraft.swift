import FreightNetwork

/// A scenario's periods and per-period factors under construction, kept beside a ``NetworkDraft``.
///
/// Rows are indexed like the draft's nodes, links and demands and grow with them, so records added
/// by later changes (or demands replaced by a file that extends this one) never misalign. Factors
/// start at 1 and extra days at 0; period-scoped changes multiply or add to them.
struct PeriodDraft {
    /// The periods in order.
    var periods: [PeriodSchedule.Period]
    /// Where `periods` was written (its value), for "already declared" messages.
    var declaredAt: SourcePosition
    /// `seasonality.demand` weight (≥ 0) of each period, 1 when not given.
    var demandWeights: [Double]
    /// `linkFactor[l][p]`: multiplier of link l's capacity in period p.
    var linkFactor: [[Double]] = []
    /// `nodeFactor[n][p]`: multiplier of node n's capacity in period p.
    var nodeFactor: [[Double]] = []
    /// `demandFactor[d][p]`: multiplier of demand d's seasonal share in period p (`scale_demand`).
    var demandFactor: [[Double]] = []
    /// `linkExtraDays[l][p]`: days added to link l's transit time in period p.
    var linkExtraDays: [[Double]] = []

    /// Periods for a draft that already holds `nodes`, `links` and `demands` records.
    init(periods: [PeriodSchedule.Period], declaredAt: SourcePosition, nodes: Int, links: Int, demands: Int) {
        self.periods = periods
        self.declaredAt = declaredAt
        self.demandWeights = Array(repeating: 1, count: periods.count)
        for _ in 0..<nodes { appendNode() }
        for _ in 0..<links { appendLink() }
        for _ in 0..<demands { appendDemand() }
    }

    /// The period names, in order.
    var names: [String] { periods.map(\.name) }

    /// A row of ones, one per period.
    private var ones: [Double] { Array(repeating: 1, count: periods.count) }

    /// Adds the row of a new node.
    mutating func appendNode() { nodeFactor.append(ones) }

    /// Adds the rows of a new directed link.
    mutating func appendLink() {
        linkFactor.append(ones)
        linkExtraDays.append(Array(repeating: 0, count: periods.count))
    }

    /// Adds the row of a new demand.
    mutating func appendDemand() { demandFactor.append(ones) }

    /// Keeps the rows of the demands at `indices` (in that order), when a file's own `demands` or
    /// `background` replace its base's.
    mutating func keepDemands(_ indices: [Int]) { demandFactor = indices.map { demandFactor[$0] } }

    /// The share of a year's demand each period releases before `scale_demand`: weight × days,
    /// normalised to sum to 1 (all zeros when every weighted period is 0, which reading rejects).
    var baseDemandShare: [Double] {
        let weighted = zip(periods, demandWeights).map { $0.days * $1 }
        let total = weighted.reduce(0, +)
        return weighted.map { total > 0 ? $0 / total : 0 }
    }

    /// The schedule, indexed like the network built from the same draft.
    func schedule() -> PeriodSchedule {
        var schedule = PeriodSchedule(
            periods: periods, linkCount: linkFactor.count, nodeCount: nodeFactor.count,
            demandCount: demandFactor.count)
        schedule.linkCapacityFactor = linkFactor
        schedule.nodeCapacityFactor = nodeFactor
        schedule.linkExtraDays = linkExtraDays
        let base = baseDemandShare
        schedule.demandShare = demandFactor.map { factors in zip(base, factors).map { $0 * $1 } }
        return schedule
    }
}

extension PeriodSchedule.Period {
    /// The 12 calendar months `jan`…`dec` of a 365-day year.
    static let months: [Self] = zip(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    ).map { Self(name: $0, days: Double($1)) }

    /// The 52 weeks `w01`…`w52` of 7 days each (364 days).
    static let weeks: [Self] = (1...52).map { Self(name: $0 < 10 ? "w0\($0)" : "w\($0)", days: 7) }
}

extension NetworkDraft {
    /// A warning for each node storage, holding cost or late penalty in a scenario without periods,
    /// where nothing uses them.
    func unusedWithoutPeriodsWarnings() -> [ScenarioError] {
        guard periods == nil, periodsAreKnown else { return [] }
        return periodOnlyFields.values.sorted { $0.position < $1.position }.map { source in
            ScenarioError(
                .warning, at: source.position, field: source.path,
                message: "unused in a scenario without periods (the annual model has no storage or lateness)",
                hint: "add 'periods: months' to use it")
        }
    }
}
