public import FreightNetwork
public import LinearProgramming

/// What a sweep solves: each element closed in turn (and pairs of the worst), or samples of the
/// scenario's uncertainty. One value for the min-cost flow sweep (``SweepEngine``) and the capacity
/// sweep (``CapacitySweep``).
public enum SweepCases: Sendable {
    /// Single failures of ``FailureTarget``s, then pairs among the most critical.
    case singleFailures(SingleFailures)
    /// `samples` states of the uncertainty, drawn from `seed`.
    case monteCarlo(samples: Int, seed: UInt64)

    /// Which elements single failures close, and how pairs are picked.
    public struct SingleFailures: Sendable {
        public var kinds: [FailureTarget.Kind]
        public var includeEndpoints: Bool
        /// The modes links are limited to (empty: all).
        public var modes: [Mode]
        public var rankBy: RankKey
        /// K: close every pair among the K most critical; nil for single failures only.
        public var pairTop: Int?

        public init(
            kinds: [FailureTarget.Kind], includeEndpoints: Bool, modes: [Mode], rankBy: RankKey, pairTop: Int?
        ) {
            self.kinds = kinds
            self.includeEndpoints = includeEndpoints
            self.modes = modes
            self.rankBy = rankBy
            self.pairTop = pairTop
        }

        /// The targets in `network` (see ``FailureTarget/all(in:kinds:includeEndpoints:modes:)``).
        public func targets(in network: Network) -> [FailureTarget] {
            FailureTarget.all(
                in: network, kinds: kinds, includeEndpoints: includeEndpoints, modes: modes.isEmpty ? nil : Set(modes))
        }
    }
}

extension SweepEngine {
    /// Solves `shard`'s share of `cases` against the engine's network, whose `uncertainty` Monte
    /// Carlo samples.
    public func run(
        _ cases: SweepCases, scenario: String, file: String, uncertainty: [CapacityUncertainty], shard: Shard = .whole,
        threads: Int, control: SweepControl = SweepControl()
    ) throws(SolverError) -> SweepRun {
        switch cases {
        case .monteCarlo(let samples, let seed):
            let sampler = MonteCarloSampler(uncertainty: uncertainty, network: network, seed: seed)
            return try monteCarlo(
                scenario: scenario, file: file, sampler: sampler, samples: samples, shard: shard, threads: threads,
                control: control)
        case .singleFailures(let single):
            return try singleFailures(
                scenario: scenario, file: file, targets: single.targets(in: network), kinds: single.kinds,
                includeEndpoints: single.includeEndpoints, modes: single.modes, rankBy: single.rankBy,
                pairTop: single.pairTop, shard: shard, threads: threads, control: control)
        }
    }
}

extension CapacitySweep {
    /// The capacity of `corridor` in `shard`'s share of `cases` on `network`, whose `uncertainty`
    /// Monte Carlo samples.
    /// - Throws: ``CapacityError`` as ``singleFailures(scenario:network:corridor:targets:pairTop:from:to:shard:)``.
    public static func run(
        _ cases: SweepCases, scenario: String, network: Network, uncertainty: [CapacityUncertainty],
        corridor: CorridorSelection, shard: Shard = .whole
    ) throws(CapacityError) -> CapacitySweep {
        switch cases {
        case .monteCarlo(let samples, let seed):
            let sampler = MonteCarloSampler(uncertainty: uncertainty, network: network, seed: seed)
            return try monteCarlo(
                scenario: scenario, network: network, corridor: corridor, sampler: sampler, samples: samples,
                shard: shard)
        case .singleFailures(let single):
            return try singleFailures(
                scenario: scenario, network: network, corridor: corridor, targets: single.targets(in: network),
                pairTop: single.pairTop, shard: shard)
        }
    }
}
