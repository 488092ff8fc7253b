import ArgumentParser
import FlowFormulation
import Foundation
import FreightNetwork
import GLPK
import LinearProgramming
import Reports
import Scenarios
import Simulation

extension Corridor {
    /// `corridor sweep FILE`: single failures ranked by criticality, or Monte Carlo over the
    /// scenario's uncertainty; warm-started, parallel and shardable.
    struct Sweep: ParsableCommand {
        static let configuration = CommandConfiguration(
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

        @Argument(help: "Scenario file (YAML or JSON), e.g. Scenarios/baseline-2021.yaml.")
        var file: String

        @Flag(name: .customLong("single-failures"), help: "Close each element in turn and rank them.")
        var singleFailures = false

        @Option(
            help: ArgumentHelp(
                "What to close: a comma-separated list of links, nodes, borders, countries.",
                valueName: "kinds"))
        var targets: String = "links,nodes"

        @Flag(
            name: .customLong("include-endpoints"),
            help: "Also close the nodes where demands start or end, and the links that are their only way out or in.")
        var includeEndpoints = false

        @Option(
            help: ArgumentHelp(
                "Close only links of these modes (and nodes on them), e.g. rail,road,ferry.", valueName: "modes"))
        var modes: String?

        @Flag(help: "Also close every pair among the --top most critical single failures (N-2).")
        var pairs = false

        @Option(help: "How many of the most critical single failures --pairs combines.")
        var top: Int = 10

        @Option(name: .customLong("rank-by"), help: "lost-teu (then generalised cost), objective, cost or days.")
        var rankBy: RankKey = .lostTEU

        @Option(
            help: ArgumentHelp(
                "flow: re-solve the min-cost flow per case (lost TEU, cost, days); capacity: the maximum flow of --corridor per case, ranked by capacity lost.",
                valueName: "flow|capacity"))
        var metric: SweepMetric = .flow

        @Option(
            name: .customLong("corridor"),
            help: ArgumentHelp("With --metric capacity: the corridor tag (or `overland`, or tags joined by commas).", valueName: "name"))
        var corridor: String?

        @Option(name: .customLong("monte-carlo"), help: "Sample this many states of the scenario's uncertainty.")
        var monteCarlo: Int?

        @Option(help: "Seed of the Monte Carlo samples.")
        var seed: UInt64 = 1

        @Option(help: "Report format: table, json, csv or jsonl (the records `corridor merge` reads).")
        var format: SweepFormat?

        @Option(name: .shortAndLong, help: "Write the report to this file (atomically) instead of stdout.")
        var output: String?

        @Option(help: "Worker threads, each with its own GLPK problem (the default is the number of cores).")
        var threads: Int = ProcessInfo.processInfo.activeProcessorCount

        @Option(
            help: ArgumentHelp(
                "Run part I of N (0-based) and write JSON Lines; `auto` reads SLURM_ARRAY_TASK_ID/COUNT or JOB_COMPLETION_INDEX.",
                valueName: "I/N|auto|auto/N"))
        var shard: ShardArgument?

        @Option(help: "Rows of each ranked or binding table in the text report.")
        var limit: Int = SweepReport.defaultLimit

        @Flag(name: .shortAndLong, help: "No progress bar and no timing line on stderr.")
        var quiet = false

        func validate() throws {
            guard singleFailures != (monteCarlo != nil) else {
                throw ValidationError("Give exactly one of --single-failures and --monte-carlo N.")
            }
            if let monteCarlo, monteCarlo < 1 { throw ValidationError("--monte-carlo needs at least 1 sample.") }
            if pairs && !singleFailures { throw ValidationError("--pairs goes with --single-failures.") }
            if modes != nil && !singleFailures { throw ValidationError("--modes goes with --single-failures.") }
            if top < 2 { throw ValidationError("--top must be at least 2 (a pair needs two).") }
            if threads < 1 { throw ValidationError("--threads must be at least 1.") }
            if limit < 1 { throw ValidationError("--limit must be at least 1.") }
            _ = try targetKinds()
            _ = try modeList()
            if metric == .capacity {
                guard corridor != nil else { throw ValidationError("--metric capacity needs --corridor NAME (e.g. --corridor middle).") }
            } else if corridor != nil {
                throw ValidationError("--corridor goes with --metric capacity.")
            }
            if shard != nil, let format, format != .jsonl {
                throw ValidationError(
                    "A shard writes JSON Lines (--format jsonl); combine the parts with `corridor merge`.")
            }
        }

        func targetKinds() throws -> [FailureTarget.Kind] {
            var kinds: [FailureTarget.Kind] = []
            for word in targets.split(separator: ",").map({ String($0).trimmingCharacters(in: .whitespaces) }) {
                guard let kind = FailureTarget.Kind(rawValue: word) else {
                    let allowed = FailureTarget.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                    throw ValidationError("--targets: unknown kind '\(word)'; expected a list of \(allowed).")
                }
                if !kinds.contains(kind) { kinds.append(kind) }
            }
            guard !kinds.isEmpty else {
                throw ValidationError("--targets: give at least one of links, nodes, borders, countries.")
            }
            return kinds
        }

        func modeList() throws -> [Mode] {
            guard let modes else { return [] }
            var list: [Mode] = []
            for word in modes.split(separator: ",").map({ String($0).trimmingCharacters(in: .whitespaces) }) {
                guard let mode = Mode(rawValue: word) else {
                    throw ValidationError(
                        "--modes: unknown mode '\(word)'; expected a list of \(Mode.allCases.map(\.rawValue).joined(separator: ", "))."
                    )
                }
                if !list.contains(mode) { list.append(mode) }
            }
            guard !list.isEmpty else { throw ValidationError("--modes: give at least one mode.") }
            return list
        }

        func run() throws {
            let shard = try self.shard?.resolve(ProcessInfo.processInfo.environment) ?? .whole
            let format = self.format ?? (self.shard != nil ? .jsonl : .table)
            let scenario = try Output.loadScenario(file)
            try PeriodsGuard.rejectPeriods(scenario, command: "sweep")
            if monteCarlo != nil && scenario.uncertainty.isEmpty {
                Output.error(
                    "\(file): error: --monte-carlo needs an `uncertainty` list in the scenario (see Scenarios/SCHEMA.md)"
                )
                throw ExitCodes.dataError
            }

            if metric == .capacity {
                try runCapacity(scenario, shard: shard, format: format)
                return
            }
            let engine = SweepEngine(network: scenario.network, factory: GLPKSolver())
            let progress = ProgressBar(enabled: !quiet && ProgressBar.stderrIsTerminal, label: "sweep")
            Interrupt.install()
            let control = SweepControl(
                shouldStop: { Interrupt.requested },
                casesPlanned: { progress.plan($0) },
                caseFinished: { progress.advance() }
            )
            let clock = ContinuousClock()
            let started = clock.now
            let kinds = try targetKinds()
            let modes = try modeList()
            let run: SweepRun
            do throws(SolverError) {
                if let samples = monteCarlo {
                    let sampler = MonteCarloSampler(
                        uncertainty: scenario.uncertainty, network: scenario.network, seed: seed)
                    run = try engine.monteCarlo(
                        scenario: scenario.name, file: file, sampler: sampler, samples: samples, shard: shard,
                        threads: threads, control: control)
                } else {
                    let list = FailureTarget.all(
                        in: scenario.network, kinds: kinds, includeEndpoints: includeEndpoints,
                        modes: modes.isEmpty ? nil : Set(modes))
                    run = try engine.singleFailures(
                        scenario: scenario.name, file: file, targets: list, kinds: kinds,
                        includeEndpoints: includeEndpoints,
                        modes: modes, rankBy: rankBy, pairTop: pairs ? top : nil, shard: shard, threads: threads,
                        control: control)
                }
            } catch {
                progress.finish()
                Output.error("error: \(error.description)")
                throw ExitCodes.solverFailure
            }
            progress.finish()
            let elapsed = clock.now - started

            let text: String
            switch format {
            case .table: text = SweepReport.text(run, limit: limit)
            case .json: text = SweepReport.json(run)
            case .csv: text = SweepReport.csv(run)
            case .jsonl: text = SweepRecords.render(run, shard: shard)
            }
            try Output.emit(text, to: output)

            let solved = run.results.compactMap { $0 }
            if !quiet {
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                let iterations = solved.reduce(0) { $0 + $1.iterations }
                let perCase = solved.isEmpty ? 0 : seconds * 1000 / Double(solved.count)
                Output.error(
                    "sweep: \(solved.count) case\(solved.count == 1 ? "" : "s")\(shard.count > 1 ? " (shard \(shard))" : "") "
                        + "in \(String(format: "%.2f", seconds)) s on \(threads) thread\(threads == 1 ? "" : "s"), "
                        + "\(String(format: "%.1f", perCase)) ms per case, \(iterations) warm simplex iterations")
            }
            if Interrupt.requested || run.interrupted {
                Output.error(
                    "sweep: interrupted; wrote the \(solved.count) finished case\(solved.count == 1 ? "" : "s")")
                throw ExitCode(Interrupt.requested ? Interrupt.exitStatus : 130)
            }
            let failures = solved.filter { $0.status == nil }
            if let first = failures.first {
                Output.error("error: the solver failed on \(failures.count) case(s); first: \(first.failure ?? "")")
                throw ExitCodes.solverFailure
            }
        }
    }
}

extension Corridor.Sweep {
    /// `--metric capacity`: one maximum flow of the corridor per failure or sample.
    func runCapacity(_ scenario: Scenario, shard: Shard, format: SweepFormat) throws {
        let network = scenario.network
        let defaults = CorridorSelection.defaults(in: network)
        let selection = try CorridorSelection.parse(corridor ?? "", defaults: defaults, network: network, file: file)
        let kinds = try targetKinds()
        let modes = try modeList()
        let sweep: CapacitySweep
        do throws(CapacityError) {
            if let samples = monteCarlo {
                let sampler = MonteCarloSampler(uncertainty: scenario.uncertainty, network: network, seed: seed)
                sweep = try CapacitySweep.monteCarlo(
                    scenario: scenario.name, network: network, corridor: selection, sampler: sampler, samples: samples, shard: shard)
            } else {
                let targets = FailureTarget.all(
                    in: network, kinds: kinds, includeEndpoints: includeEndpoints, modes: modes.isEmpty ? nil : Set(modes))
                sweep = try CapacitySweep.singleFailures(
                    scenario: scenario.name, network: network, corridor: selection, targets: targets, pairTop: pairs ? top : nil,
                    shard: shard)
            }
        } catch {
            Output.error("\(file): error: \(error.description)")
            throw ExitCodes.dataError
        }
        let text: String
        switch format {
        case .table: text = CapacitySweepReport.text(sweep, file: file, limit: limit)
        case .json: text = CapacitySweepReport.json(sweep, file: file)
        case .csv: text = CapacitySweepReport.csv(sweep)
        case .jsonl: text = CapacitySweepRecords.render(sweep, file: file, shard: shard)
        }
        try Output.emit(text, to: output)
    }
}

/// What `corridor sweep` measures per case.
enum SweepMetric: String, ExpressibleByArgument, CaseIterable {
    case flow
    case capacity
}

/// Formats of `corridor sweep` and `corridor merge`.
enum SweepFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
    case csv
    case jsonl
}

extension RankKey: ExpressibleByArgument {}
