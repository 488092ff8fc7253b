public import FreightNetwork

/// How much of one corridor's capacity each failure removes: every single failure (and pairs
/// among the worst), or Monte Carlo samples of the scenario's uncertainty. Each case is one
/// maximum flow on the disrupted network (no LP), between the intact network's sources and sinks.
public struct CapacitySweep: Sendable, Hashable {
    /// One failure case.
    public struct Case: Sendable, Hashable {
        /// What failed: one element, or two for a pair.
        public var elements: [SweepElement]
        /// The corridor's capacity with them closed, TEU/yr; nil when still unlimited.
        public var capacityTEU: Double?
        /// The minimum cut with them closed.
        public var cut: [CorridorCapacity.CutElement]
        /// Capacity lost against the intact network, TEU/yr: `.infinity` when an unlimited corridor
        /// becomes limited, 0 when both are unlimited.
        public var lostTEU: Double
    }

    /// Monte Carlo figures of the corridor's capacity over the samples, TEU/yr.
    public struct Distribution: Sendable, Hashable {
        public var samples: Int
        /// Capacities in sample order (`.infinity` when unlimited).
        public var capacities: [Double]
        public var mean: Double
        public var p10: Double
        public var p50: Double
        public var p90: Double
        /// Samples whose capacity is below the intact one (by more than 1e-9 relative).
        public var reducedSamples: Int
    }

    public var scenario: String
    public var corridor: CorridorSelection
    /// The intact network's capacity and cut.
    public var intact: CorridorCapacity
    /// Single failures, then pairs, ranked by capacity lost (largest first; ties in target order).
    public var cases: [Case]
    /// The Monte Carlo distribution, when sampled.
    public var distribution: Distribution?

    /// Closes each target in turn (and, with `pairTop`, every pair among the `pairTop` targets that
    /// remove most capacity) and ranks them by capacity lost.
    /// - Throws: ``CapacityError`` when the intact network has no open source or sink, or a cut does
    ///   not match its flow.
    public static func singleFailures(
        scenario: String, network: Network, corridor: CorridorSelection, targets: [FailureTarget], pairTop: Int? = nil,
        from: [String] = [], to: [String] = []
    ) throws(CapacityError) -> CapacitySweep {
        let base = try CapacityAnalysis(network: network, from: from, to: to)
        let intact = try base.capacity(of: corridor)
        let ends = (base.sources.map { network.nodes[$0].id.rawValue }, base.sinks.map { network.nodes[$0].id.rawValue })
        func evaluate(_ elements: [SweepElement], _ disruption: Disruption) throws(CapacityError) -> Case {
            let capacity = try capacity(network.applying(disruption), corridor, ends)
            return Case(elements: elements, capacityTEU: capacity.capacityTEU, cut: capacity.cut, lostTEU: lost(intact, capacity))
        }
        var singles: [(index: Int, case: Case)] = []
        for (i, target) in targets.enumerated() {
            singles.append((i, try evaluate([target.element], target.disruption)))
        }
        singles.sort { ($0.case.lostTEU, $1.index) > ($1.case.lostTEU, $0.index) }
        var cases = singles.map(\.case)
        if let pairTop, pairTop >= 2 {
            let worst = singles.prefix(pairTop).map { targets[$0.index] }
            var pairs: [(index: Int, case: Case)] = []
            for a in worst.indices {
                for b in worst.indices where b > a {
                    let disruption = worst[a].disruption.combined(with: worst[b].disruption)
                    pairs.append((pairs.count, try evaluate([worst[a].element, worst[b].element], disruption)))
                }
            }
            pairs.sort { ($0.case.lostTEU, $1.index) > ($1.case.lostTEU, $0.index) }
            cases += pairs.map(\.case)
        }
        return CapacitySweep(scenario: scenario, corridor: corridor, intact: intact, cases: cases, distribution: nil)
    }

    /// The corridor's capacity in each of `samples` states drawn by `sampler`.
    public static func monteCarlo(
        scenario: String, network: Network, corridor: CorridorSelection, sampler: MonteCarloSampler, samples: Int,
        from: [String] = [], to: [String] = []
    ) throws(CapacityError) -> CapacitySweep {
        let base = try CapacityAnalysis(network: network, from: from, to: to)
        let intact = try base.capacity(of: corridor)
        let ends = (base.sources.map { network.nodes[$0].id.rawValue }, base.sinks.map { network.nodes[$0].id.rawValue })
        var capacities: [Double] = []
        for i in 0..<samples {
            capacities.append(try capacity(network.applying(sampler.disruption(i)), corridor, ends).capacityTEU ?? .infinity)
        }
        let sorted = capacities.sorted()
        func quantile(_ q: Double) -> Double {
            // Nearest rank: the smallest value with at least q of the samples at or below it.
            sorted[max(0, min(sorted.count - 1, Int((q * Double(sorted.count)).rounded(.up)) - 1))]
        }
        let reference = intact.capacityTEU ?? .infinity
        let distribution = Distribution(
            samples: samples, capacities: capacities, mean: capacities.reduce(0, +) / Double(max(1, samples)),
            p10: quantile(0.1), p50: quantile(0.5), p90: quantile(0.9),
            reducedSamples: capacities.filter { $0 < reference - 1e-9 * max(1, reference) }.count)
        return CapacitySweep(scenario: scenario, corridor: corridor, intact: intact, cases: [], distribution: distribution)
    }

    /// The capacity of `network` between the intact network's endpoints (those still open); zero
    /// when a failure closes every source or sink.
    static func capacity(_ network: Network, _ corridor: CorridorSelection, _ ends: ([String], [String])) throws(CapacityError) -> CorridorCapacity {
        do {
            return try CapacityAnalysis(network: network, from: ends.0, to: ends.1).capacity(of: corridor)
        } catch .noEndpoints {
            return CorridorCapacity(
                selection: corridor, capacityTEU: 0, unlimitedPath: nil, cut: [], linkFlows: [], sources: [], sinks: [])
        }
    }

    static func lost(_ intact: CorridorCapacity, _ after: CorridorCapacity) -> Double {
        switch (intact.capacityTEU, after.capacityTEU) {
        case (let a?, let b?): max(0, a - b)
        case (nil, _?): .infinity
        default: 0
        }
    }
}
