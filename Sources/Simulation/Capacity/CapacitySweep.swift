public import FreightNetwork

/// How much of one corridor's capacity each failure removes: every single failure (and pairs
/// among the worst), or Monte Carlo samples of the scenario's uncertainty. Each case is one
/// maximum flow on the disrupted network (no LP), between the intact network's sources and sinks.
public struct CapacitySweep: Sendable, Hashable {
    /// One failure case.
    public struct Case: Sendable, Hashable {
        /// Its place in the unsharded sweep: the target's index for a single failure, the number of
        /// targets plus the pair's index for a pair (what a shard owns, and the tie-break of the ranking).
        public var index: Int
        /// What failed: one element, or two for a pair.
        public var elements: [SweepElement]
        /// The corridor's capacity with them closed, TEU/yr; nil when still unlimited.
        public var capacityTEU: Double?
        /// The minimum cut with them closed.
        public var cut: [CorridorCapacity.CutElement]
        /// Capacity lost against the intact network, TEU/yr: `.infinity` when an unlimited corridor
        /// becomes limited, 0 when both are unlimited.
        public var lostTEU: Double

        public init(
            index: Int, elements: [SweepElement], capacityTEU: Double?, cut: [CorridorCapacity.CutElement],
            lostTEU: Double
        ) {
            self.index = index
            self.elements = elements
            self.capacityTEU = capacityTEU
            self.cut = cut
            self.lostTEU = lostTEU
        }
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

        /// The figures of `capacities` against the intact capacity `reference` (`.infinity` when unlimited).
        public init(capacities: [Double], reference: Double) {
            let sorted = capacities.sorted()
            func quantile(_ q: Double) -> Double {
                // Nearest rank: the smallest value with at least q of the samples at or below it.
                sorted.isEmpty
                    ? .nan : sorted[max(0, min(sorted.count - 1, Int((q * Double(sorted.count)).rounded(.up)) - 1))]
            }
            samples = capacities.count
            self.capacities = capacities
            mean = capacities.reduce(0, +) / Double(max(1, capacities.count))
            p10 = quantile(0.1)
            p50 = quantile(0.5)
            p90 = quantile(0.9)
            reducedSamples = capacities.filter { $0 < reference - 1e-9 * max(1, reference) }.count
        }
    }

    /// Single failures (and pairs) or Monte Carlo samples, as in a flow sweep.
    public typealias Kind = SweepRun.Kind

    public var scenario: String
    public var kind: Kind
    public var corridor: CorridorSelection
    /// The intact network's capacity and cut.
    public var intact: CorridorCapacity
    /// Single failures, then pairs, ranked by capacity lost (largest first; ties in target order).
    public var cases: [Case]
    /// Cases of the unsharded sweep: targets plus pairs, or samples.
    public var caseCount: Int
    /// Monte Carlo: each sample's capacity by sample index (`.infinity` when unlimited), nil where a
    /// shard did not own it.
    public var sampleCapacities: [Double?]

    /// The Monte Carlo distribution over the samples answered (all of them unless a merge was partial).
    public var distribution: Distribution? {
        let answered = sampleCapacities.compactMap { $0 }
        guard kind == .monteCarlo, !answered.isEmpty else { return nil }
        return Distribution(capacities: answered, reference: intact.capacityTEU ?? .infinity)
    }

    /// Cases (or samples) answered.
    public var answeredCount: Int { kind == .monteCarlo ? sampleCapacities.count { $0 != nil } : cases.count }

    public init(
        scenario: String, kind: Kind, corridor: CorridorSelection, intact: CorridorCapacity, cases: [Case],
        caseCount: Int,
        sampleCapacities: [Double?] = []
    ) {
        self.scenario = scenario
        self.kind = kind
        self.corridor = corridor
        self.intact = intact
        self.cases = cases
        self.caseCount = caseCount
        self.sampleCapacities = sampleCapacities
    }

    /// Single failures first, then pairs, each by capacity lost (largest first), ties in case order.
    static func ranked(_ cases: [Case]) -> [Case] {
        cases.sorted { a, b in
            if (a.elements.count == 1) != (b.elements.count == 1) { return a.elements.count == 1 }
            return (a.lostTEU, b.index) > (b.lostTEU, a.index)
        }
    }

    /// The parts of one sharded sweep as the unsharded sweep.
    /// - Throws: ``SweepMergeError`` when the parts are of different sweeps or answer a case twice.
    public static func merged(_ parts: [CapacitySweep]) throws(SweepMergeError) -> CapacitySweep {
        guard var merged = parts.first else { throw SweepMergeError("no parts") }
        var seen = Set(merged.cases.map(\.index))
        for part in parts.dropFirst() {
            guard part.scenario == merged.scenario, part.kind == merged.kind, part.corridor == merged.corridor,
                part.caseCount == merged.caseCount, part.intact == merged.intact
            else {
                throw SweepMergeError("the parts are not of one capacity sweep (scenario, corridor or cases differ)")
            }
            for c in part.cases {
                guard seen.insert(c.index).inserted else { throw SweepMergeError("case \(c.index) is in two parts") }
                merged.cases.append(c)
            }
            for (i, capacity) in part.sampleCapacities.enumerated() where capacity != nil {
                guard i < merged.sampleCapacities.count, merged.sampleCapacities[i] == nil else {
                    throw SweepMergeError("sample \(i) is in two parts")
                }
                merged.sampleCapacities[i] = capacity
            }
        }
        merged.cases = ranked(merged.cases)
        return merged
    }

    /// Closes each target in turn (and, with `pairTop`, every pair among the `pairTop` targets that
    /// remove most capacity) and ranks them by capacity lost.
    /// - Throws: ``CapacityError`` when the intact network has no open source or sink, or a cut does
    ///   not match its flow.
    public static func singleFailures(
        scenario: String, network: Network, corridor: CorridorSelection, targets: [FailureTarget], pairTop: Int? = nil,
        from: [String] = [], to: [String] = [], shard: Shard = .whole
    ) throws(CapacityError) -> CapacitySweep {
        let (intact, ends) = try intactCapacity(network, corridor, from: from, to: to)
        func evaluate(_ index: Int, _ elements: [SweepElement], _ disruption: Disruption) throws(CapacityError) -> Case
        {
            let capacity = try capacity(network.applying(disruption), corridor, ends)
            return Case(
                index: index, elements: elements, capacityTEU: capacity.capacityTEU, cut: capacity.cut,
                lostTEU: lost(intact, capacity))
        }
        // Every part ranks all single failures (each one maximum flow), as the pairs are drawn from the
        // worst of them; it keeps the cases it owns.
        var singles: [Case] = []
        for (i, target) in targets.enumerated() {
            singles.append(try evaluate(i, [target.element], target.disruption))
        }
        singles = ranked(singles)
        var cases = singles.filter { shard.owns($0.index) }
        var count = targets.count
        if let pairTop, pairTop >= 2 {
            let worst = singles.prefix(pairTop).map { targets[$0.index] }
            for a in worst.indices {
                for b in worst.indices where b > a {
                    defer { count += 1 }
                    guard shard.owns(count) else { continue }
                    let disruption = worst[a].disruption.combined(with: worst[b].disruption)
                    cases.append(try evaluate(count, [worst[a].element, worst[b].element], disruption))
                }
            }
        }
        return CapacitySweep(
            scenario: scenario, kind: .singleFailures, corridor: corridor, intact: intact, cases: ranked(cases),
            caseCount: count)
    }

    /// The corridor's capacity in each of `samples` states drawn by `sampler`.
    public static func monteCarlo(
        scenario: String, network: Network, corridor: CorridorSelection, sampler: MonteCarloSampler, samples: Int,
        from: [String] = [], to: [String] = [], shard: Shard = .whole
    ) throws(CapacityError) -> CapacitySweep {
        let (intact, ends) = try intactCapacity(network, corridor, from: from, to: to)
        var capacities = [Double?](repeating: nil, count: samples)
        for i in 0..<samples where shard.owns(i) {
            capacities[i] =
                try capacity(network.applying(sampler.disruption(i)), corridor, ends).capacityTEU ?? .infinity
        }
        return CapacitySweep(
            scenario: scenario, kind: .monteCarlo, corridor: corridor, intact: intact, cases: [], caseCount: samples,
            sampleCapacities: capacities)
    }

    /// The intact network's capacity and its endpoints (source and sink ids), which every case keeps.
    static func intactCapacity(_ network: Network, _ corridor: CorridorSelection, from: [String], to: [String])
        throws(CapacityError) -> (CorridorCapacity, ([String], [String]))
    {
        let base = try CapacityAnalysis(network: network, from: from, to: to)
        let ends = (base.sources.map { network.nodes[$0].id.rawValue }, base.sinks.map { network.nodes[$0].id.rawValue })
        return (try base.capacity(of: corridor), ends)
    }

    /// The capacity of `network` between the intact network's endpoints (those still open); zero
    /// when a failure closes every source or sink.
    static func capacity(_ network: Network, _ corridor: CorridorSelection, _ ends: ([String], [String]))
        throws(CapacityError) -> CorridorCapacity
    {
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
