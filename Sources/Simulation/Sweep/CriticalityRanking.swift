/// Single failures (and pairs) ranked by how much they hurt, against the intact network.
public struct CriticalityRanking: Sendable {
    /// One case's effect.
    public struct Entry: Sendable, Hashable {
        /// The case's index in the sweep.
        public var caseIndex: Int
        /// The targets it closes (positions in ``SweepRun/targets``).
        public var targets: [Int]
        public var metrics: CaseMetrics
        /// Intact delivered TEU/year minus the case's.
        public var lostTEU: Double
        /// Change of total cost (tariffs and handling of delivered freight), USD/year.
        public var addedCostUSD: Double
        /// Change of average transit days, when both deliver something.
        public var addedDays: Double?
        /// Change of generalised cost (the objective), USD/year.
        public var addedObjectiveUSD: Double?
        /// Pairs only: the pair's added generalised cost minus the sum of its two single failures'
        /// (> 0: the two together hurt more than apart, as when they are each other's detour).
        public var interactionUSD: Double?

        /// True when the case changed the optimum: freight lost or generalised cost up.
        public var hasEffect: Bool { lostTEU > 0.005 || (addedObjectiveUSD ?? 0) > 0.5 }
    }

    /// Single failures with an answer, most critical first; cases without an optimum last.
    public var singles: [Entry]
    /// Pairs with an answer, most critical first.
    public var pairs: [Entry]
    /// The key the entries are ordered by.
    public var rankBy: RankKey

    /// Ranks `run`'s answered cases by `rankBy` (the run's own key when `nil`).
    ///
    /// Ties (figures are compared rounded: 0.01 TEU, 1 USD, 0.0001 day) go to the lower case index,
    /// so the order is the same on every machine.
    public init(_ run: SweepRun, rankBy: RankKey? = nil) {
        let key = rankBy ?? run.rankBy
        self.rankBy = key
        var singles: [Entry] = []
        var pairs: [Entry] = []
        var singleObjective: [Int: Double] = [:]
        for (index, targets) in run.cases.enumerated() where targets.count == 1 {
            guard let metrics = run.results[index] else { continue }
            let entry = Self.entry(index, targets, metrics, run.intact)
            if let added = entry.addedObjectiveUSD { singleObjective[targets[0]] = added }
            singles.append(entry)
        }
        for (index, targets) in run.cases.enumerated() where targets.count > 1 {
            guard let metrics = run.results[index] else { continue }
            var entry = Self.entry(index, targets, metrics, run.intact)
            let parts = targets.compactMap { singleObjective[$0] }
            if let added = entry.addedObjectiveUSD, parts.count == targets.count {
                entry.interactionUSD = added - parts.reduce(0, +)
            }
            pairs.append(entry)
        }
        self.singles = Self.sorted(singles, by: key)
        self.pairs = Self.sorted(pairs, by: key)
    }

    private static func entry(_ index: Int, _ targets: [Int], _ metrics: CaseMetrics, _ intact: CaseMetrics) -> Entry {
        let optimal = metrics.isOptimal
        return Entry(
            caseIndex: index,
            targets: targets,
            metrics: metrics,
            lostTEU: optimal ? intact.deliveredTEU - metrics.deliveredTEU : 0,
            addedCostUSD: optimal ? metrics.totalCostUSD - intact.totalCostUSD : 0,
            addedDays: optimal ? metrics.avgTimeDays.flatMap { days in intact.avgTimeDays.map { days - $0 } } : nil,
            addedObjectiveUSD: optimal
                ? metrics.objectiveUSD.flatMap { value in intact.objectiveUSD.map { value - $0 } } : nil
        )
    }

    /// Most critical first by `key`, ties to the lower case index; cases without an optimum last.
    static func sorted(_ entries: [Entry], by key: RankKey) -> [Entry] {
        func rounded(_ value: Double?, _ step: Double) -> Double { ((value ?? 0) / step).rounded() }
        func keys(_ e: Entry) -> [Double] {
            let lost = rounded(e.lostTEU, 0.01)
            let objective = rounded(e.addedObjectiveUSD, 1)
            switch key {
            case .lostTEU: return [lost, objective]
            case .objective: return [objective, lost]
            case .cost: return [rounded(e.addedCostUSD, 1), objective]
            case .days: return [rounded(e.addedDays, 0.0001), objective]
            }
        }
        return entries.sorted { a, b in
            if a.metrics.isOptimal != b.metrics.isOptimal { return a.metrics.isOptimal }
            let (ka, kb) = (keys(a), keys(b))
            if ka != kb { return ka.lexicographicallyPrecedes(kb, by: >) }
            return a.caseIndex < b.caseIndex
        }
    }
}
