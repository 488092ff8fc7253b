import ArgumentParser
import FreightNetwork
import Scenarios
import Simulation

/// What `corridor sweep` solves: single failures (and pairs), or Monte Carlo samples; and what it measures.
struct SweepCaseOptions: ParsableArguments {
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

    @Option(parsing: .unconditional, help: "How many of the most critical single failures --pairs combines.")
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

    @Option(name: .customLong("monte-carlo"), parsing: .unconditional, help: "Sample this many states of the scenario's uncertainty.")
    var monteCarlo: Int?

    @Option(parsing: .unconditional, help: "Seed of the Monte Carlo samples.")
    var seed: UInt64 = 1

    func validate() throws {
        guard singleFailures != (monteCarlo != nil) else {
            throw ValidationError("Give exactly one of --single-failures and --monte-carlo N.")
        }
        if let monteCarlo, monteCarlo < 1 { throw ValidationError("--monte-carlo needs at least 1 sample.") }
        if pairs && !singleFailures { throw ValidationError("--pairs goes with --single-failures.") }
        if modes != nil && !singleFailures { throw ValidationError("--modes goes with --single-failures.") }
        if top < 2 { throw ValidationError("--top must be at least 2 (a pair needs two).") }
        _ = try cases()
        if metric == .capacity {
            guard corridor != nil else { throw ValidationError("--metric capacity needs --corridor NAME (e.g. --corridor middle).") }
        } else if corridor != nil {
            throw ValidationError("--corridor goes with --metric capacity.")
        }
    }

    /// The cases asked for in `scenario`.
    /// - Throws: exit 65 when Monte Carlo is asked of a scenario without an `uncertainty` list.
    func cases(for scenario: Scenario) throws -> SweepCases {
        if monteCarlo != nil && scenario.uncertainty.isEmpty {
            Output.error(
                "\(scenario.file): error: --monte-carlo needs an `uncertainty` list in the scenario (see Scenarios/SCHEMA.md)")
            throw ExitCodes.dataError
        }
        return try cases()
    }

    /// The cases asked for, the comma lists parsed.
    /// - Throws: a usage error naming an unknown kind or mode, or an empty list.
    func cases() throws -> SweepCases {
        let kinds: [FailureTarget.Kind] = try CommaList.values(
            targets, option: "--targets", noun: "kind", empty: "give at least one of links, nodes, borders, countries.")
        let modes: [Mode] = try self.modes.map {
            try CommaList.values($0, option: "--modes", noun: "mode", empty: "give at least one mode.")
        } ?? []
        if let monteCarlo { return .monteCarlo(samples: monteCarlo, seed: seed) }
        return .singleFailures(
            .init(kinds: kinds, includeEndpoints: includeEndpoints, modes: modes, rankBy: rankBy, pairTop: pairs ? top : nil))
    }
}

/// What `corridor sweep` measures per case.
enum SweepMetric: String, ExpressibleByArgument, CaseIterable {
    case flow
    case capacity
}

extension RankKey: ExpressibleByArgument {}
