/// The distributions of a Monte Carlo sweep's answers, and how often each capacity binds.
public struct MonteCarloSummary: Sendable {
    /// A figure's distribution over the samples that have it.
    public struct Distribution: Sendable, Hashable {
        /// How many samples have the figure.
        public var count: Int
        public var mean: Double
        /// Percentiles 5, 50 and 95 (linear interpolation between order statistics, R's type 7).
        public var p5: Double
        public var p50: Double
        public var p95: Double
        public var minimum: Double
        public var maximum: Double

        /// The distribution of `values`, in the order given (the sum runs in that order, so the
        /// mean is the same bit for bit whenever the values are); `nil` when there are none.
        public init?(_ values: [Double]) {
            guard !values.isEmpty else { return nil }
            let sorted = values.sorted()
            count = values.count
            mean = values.reduce(0, +) / Double(values.count)
            p5 = Self.quantile(sorted, 0.05)
            p50 = Self.quantile(sorted, 0.50)
            p95 = Self.quantile(sorted, 0.95)
            minimum = sorted[0]
            maximum = sorted[sorted.count - 1]
        }

        static func quantile(_ sorted: [Double], _ p: Double) -> Double {
            let h = Double(sorted.count - 1) * p
            let low = Int(h.rounded(.down))
            let high = min(low + 1, sorted.count - 1)
            return sorted[low] + (h - Double(low)) * (sorted[high] - sorted[low])
        }
    }

    /// How often one capacity binds.
    public struct Binding: Sendable, Hashable {
        /// Position in ``SweepRun/capacities``.
        public var capacity: Int
        /// Share of the optimal samples in which it binds.
        public var share: Double
        /// True when it binds in the intact network.
        public var bindsIntact: Bool
    }

    /// How often one uncertainty entry was closed, and its mean factor.
    public struct EntryStatistics: Sendable, Hashable {
        public var closedShare: Double
        public var meanFactor: Double
    }

    /// Samples with an answer, and of those, with an optimum.
    public var samples: Int
    public var optimal: Int
    public var delivered: Distribution?
    public var lostTEU: Distribution?
    public var totalCost: Distribution?
    public var avgDays: Distribution?
    public var objective: Distribution?
    /// Capacities that bind in some sample or in the intact network, most often first.
    public var binding: [Binding]
    /// One per ``SweepRun/uncertainty`` entry.
    public var entries: [EntryStatistics]

    public init(_ run: SweepRun) {
        let answered = run.results.compactMap { $0 }
        let optimal = answered.filter(\.isOptimal)
        samples = answered.count
        self.optimal = optimal.count
        delivered = Distribution(optimal.map(\.deliveredTEU))
        lostTEU = Distribution(optimal.map { run.intact.deliveredTEU - $0.deliveredTEU })
        totalCost = Distribution(optimal.map(\.totalCostUSD))
        avgDays = Distribution(optimal.compactMap(\.avgTimeDays))
        objective = Distribution(optimal.compactMap(\.objectiveUSD))
        var counts = [Int](repeating: 0, count: run.capacities.count)
        for metrics in optimal {
            for position in metrics.binding where position < counts.count { counts[position] += 1 }
        }
        let intact = Set(run.intact.binding)
        binding = counts.indices
            .filter { counts[$0] > 0 || intact.contains($0) }
            .map {
                Binding(
                    capacity: $0, share: optimal.isEmpty ? 0 : Double(counts[$0]) / Double(optimal.count),
                    bindsIntact: intact.contains($0))
            }
            .sorted { ($0.share, $1.capacity) > ($1.share, $0.capacity) }
        let factors = run.sampleFactors.compactMap { $0 }
        entries = run.uncertainty.indices.map { e in
            let values = factors.compactMap { e < $0.count ? $0[e] : nil }
            guard !values.isEmpty else { return EntryStatistics(closedShare: 0, meanFactor: 1) }
            return EntryStatistics(
                closedShare: Double(values.count { $0 == 0 }) / Double(values.count),
                meanFactor: values.reduce(0, +) / Double(values.count)
            )
        }
    }
}
