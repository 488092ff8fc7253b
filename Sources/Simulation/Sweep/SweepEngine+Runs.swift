import FlowFormulation
import FreightNetwork
public import LinearProgramming

extension SweepEngine {
    /// Closes every target in turn (and, with `pairTop`, every pair among the K most critical) and
    /// returns the run of `shard`'s cases.
    ///
    /// Cases `0..<targets.count` close one target each, in target order; the pairs follow. Picking
    /// the pairs needs every single failure, so with pairs each shard solves all single failures
    /// and keeps its own share of them; the pairs are then shared out like the singles.
    /// - Parameters:
    ///   - scenario: The scenario's name, for the report.
    ///   - file: The scenario's file, for the report.
    ///   - targets: The elements to close, one case each.
    ///   - kinds: The kinds of element `targets` were drawn from, for the report.
    ///   - includeEndpoints: Whether demand endpoints were among the targets, for the report.
    ///   - modes: The modes `targets` were limited to, for the report (empty: all).
    ///   - rankBy: How the K most critical are picked.
    ///   - pairTop: K, or `nil` for single failures only.
    ///   - shard: The share of the cases this run solves.
    ///   - threads: Worker threads, each with its own GLPK problem.
    ///   - control: Cancellation and progress.
    public func singleFailures(
        scenario: String,
        file: String,
        targets: [FailureTarget],
        kinds: [FailureTarget.Kind],
        includeEndpoints: Bool,
        modes: [Mode] = [],
        rankBy: RankKey,
        pairTop: Int?,
        shard: Shard = .whole,
        threads: Int,
        control: SweepControl = SweepControl()
    ) throws(SolverError) -> SweepRun {
        var (intact, run) = try start(.singleFailures, scenario: scenario, file: file, caseCount: targets.count)
        run.targetKinds = kinds.map(\.rawValue)
        run.includeEndpoints = includeEndpoints
        run.modes = modes.map(\.rawValue)
        run.targets = targets.map(\.element)
        run.rankBy = rankBy
        run.pairTop = pairTop
        run.cases = targets.indices.map { [$0] }

        let singles = Array(targets.indices).filter { pairTop != nil || shard.owns($0) }
        let disruptions = targets.map(\.disruption)
        let answers = try solve(
            singles, disruption: { disruptions[$0] }, from: intact, threads: threads, control: control)
        for (position, index) in singles.enumerated() { run.results[index] = answers[position] }

        if let pairTop, !control.shouldStop() {
            let ranking = CriticalityRanking(run, rankBy: rankBy)
            let top = ranking.singles.prefix(pairTop).filter(\.hasEffect).map(\.targets[0])
            var pairs: [[Int]] = []
            for (i, a) in top.enumerated() {
                for b in top[(i + 1)...] {
                    // A pair that closes no more than one of its members (a country and its only node) is that single.
                    let both = disruptions[a].combined(with: disruptions[b])
                    if both != disruptions[a] && both != disruptions[b] { pairs.append([a, b]) }
                }
            }
            run.cases += pairs
            run.results += Array(repeating: nil, count: pairs.count)
            let owned = Array(targets.count..<run.cases.count).filter(shard.owns)
            let cases = run.cases
            let answers = try solve(
                owned,
                disruption: { cases[$0].map { disruptions[$0] }.reduce(Disruption()) { $0.combined(with: $1) } },
                from: intact, threads: threads, control: control)
            for (position, index) in owned.enumerated() { run.results[index] = answers[position] }
            // Keep only this shard's share of the single failures.
            for index in targets.indices where !shard.owns(index) { run.results[index] = nil }
        }
        run.interrupted = run.results.indices.contains { shard.owns($0) && run.results[$0] == nil }
        return run
    }

    /// Solves `samples` states drawn by `sampler` (shard `shard`'s share of them) and returns the run.
    public func monteCarlo(
        scenario: String,
        file: String,
        sampler: MonteCarloSampler,
        samples: Int,
        shard: Shard = .whole,
        threads: Int,
        control: SweepControl = SweepControl()
    ) throws(SolverError) -> SweepRun {
        var (intact, run) = try start(.monteCarlo, scenario: scenario, file: file, caseCount: samples)
        run.seed = sampler.seed
        run.uncertainty = sampler.uncertainty.map {
            UncertaintyInfo(
                label: $0.label, source: $0.source, elementCount: $0.links.count + $0.nodes.count,
                closedProbability: $0.closedProbability, capacityFactor: $0.capacityFactor?.summary, group: $0.group)
        }
        run.sampleFactors = Array(repeating: nil, count: samples)
        let owned = Array(0..<samples).filter(shard.owns)
        let answers = try solve(
            owned, disruption: { sampler.disruption($0) }, from: intact, threads: threads, control: control)
        for (position, index) in owned.enumerated() where answers[position] != nil {
            run.results[index] = answers[position]
            run.sampleFactors[index] = sampler.factors(index)
        }
        run.interrupted = owned.contains { run.results[$0] == nil }
        return run
    }

    /// Solves the intact network and starts a run of `kind` over `caseCount` cases with its figures.
    private func start(
        _ kind: SweepRun.Kind, scenario: String, file: String, caseCount: Int
    ) throws(SolverError) -> (Intact, SweepRun) {
        let intact = try solveIntact()
        let run = SweepRun(
            kind: kind, scenario: scenario, file: file, programDigest: ProgramDigest.of(formulation.program),
            intact: intact.metrics, capacities: capacities, caseCount: caseCount)
        return (intact, run)
    }
}
