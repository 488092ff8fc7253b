import ArgumentParser

extension Corridor {
    /// `corridor sweep FILE`: single failures ranked by criticality, or Monte Carlo over the
    /// scenario's uncertainty; warm-started, parallel and shardable.
    struct Sweep: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sweep",
            abstract: "Rank single failures by how much they hurt, or sample the scenario's uncertainty (Monte Carlo).",
            discussion: """
                --single-failures closes each link, node (and, with --targets, each border or country) in turn and \
                ranks them against the intact network by lost TEU, added total cost, added average days and added \
                generalised cost; --pairs --top K then closes every pair among the K most critical. --monte-carlo N \
                samples N states of the scenario's `uncertainty` list (Scenarios/SCHEMA.md) and reports the mean, P5, \
                P50 and P95 of delivered TEU, cost and days, and how often each capacity binds; the same --seed gives \
                the same answer whatever the thread count or sharding.

                Every case re-solves one LP per thread from the intact network's optimal basis (dual simplex), in \
                parallel on --threads threads. --shard I/N runs a deterministic part and writes JSON Lines; \
                `corridor merge` combines the parts into what one unsharded run prints. A progress bar is shown \
                on stderr when it is a terminal. Ctrl-C stops: the finished cases are written and the exit status \
                is 130 (143 for SIGTERM).
                """
        )

        @OptionGroup var scenario: ScenarioOptions

        @OptionGroup var cases: SweepCaseOptions

        @OptionGroup var runOptions: SweepRunOptions

        func run() throws {
            let shard = try runOptions.resolvedShard()
            let scenario = try self.scenario.loadAnnual(for: "sweep")
            let job = SweepJob(scenario: scenario, cases: try cases.cases(for: scenario), shard: shard, options: runOptions)
            if cases.metric == .capacity {
                try job.runCapacity(corridor: cases.corridor ?? "")
            } else {
                try job.runFlow()
            }
        }
    }
}
