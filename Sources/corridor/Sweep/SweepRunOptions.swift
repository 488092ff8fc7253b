import ArgumentParser
import Foundation
import Reports
import Simulation

/// How `corridor sweep` runs and what it writes: format, file, threads, shard, rows, progress.
struct SweepRunOptions: ParsableArguments {
    @Option(help: "Report format: table, json, csv or jsonl (the records `corridor merge` reads).")
    var format: SweepFormat?

    @Option(name: .shortAndLong, help: "Write the report to this file (atomically) instead of stdout.")
    var output: String?

    @Option(parsing: .unconditional, help: "Worker threads, each with its own GLPK problem (the default is the number of cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(
        help: ArgumentHelp(
            "Run part I of N (0-based) and write JSON Lines; `auto` reads SLURM_ARRAY_TASK_ID/COUNT or JOB_COMPLETION_INDEX.",
            valueName: "I/N|auto|auto/N"))
    var shard: ShardArgument?

    @Option(parsing: .unconditional, help: "Rows of each ranked or binding table in the text report.")
    var limit: Int = SweepReport.defaultLimit

    @Flag(name: .shortAndLong, help: "No progress bar and no timing line on stderr.")
    var quiet = false

    func validate() throws {
        if threads < 1 { throw ValidationError("--threads must be at least 1.") }
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
        if shard != nil, let format, format != .jsonl {
            throw ValidationError(
                "A shard writes JSON Lines (--format jsonl); combine the parts with `corridor merge`.")
        }
    }

    /// The part to run, `auto` read from the environment.
    func resolvedShard() throws -> Shard {
        try shard?.resolve(ProcessInfo.processInfo.environment) ?? .whole
    }

    /// The format asked for; by default JSON Lines for a shard, else the table.
    var resolvedFormat: SweepFormat { format ?? (shard != nil ? .jsonl : .table) }
}
