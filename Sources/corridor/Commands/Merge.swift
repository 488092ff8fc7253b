import ArgumentParser
import Reports
import Simulation

extension Corridor {
    /// `corridor merge PART…`: the JSON Lines parts of a sharded sweep as one report.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Combine the JSON Lines parts of a sharded sweep into the report of one unsharded run.",
            discussion: """
                Reads the files written by `corridor sweep … --shard I/N` (all of one sweep: same scenario, options \
                and shard count N) and prints exactly what the unsharded sweep prints with the same --format. \
                Missing shards or interrupted parts are an error (exit 65) unless --partial.
                """
        )

        @Argument(help: "The parts (JSON Lines files written by `corridor sweep --shard`).")
        var parts: [String]

        @Option(help: "Report format: table, json, csv or jsonl.")
        var format: SweepFormat = .table

        @Option(name: .shortAndLong, help: "Write the report to this file (atomically) instead of stdout.")
        var output: String?

        @Option(
            name: .customLong("rank-by"),
            help: "Rank single failures by lost-teu, objective, cost or days (default: as swept).")
        var rankBy: RankKey?

        @Option(parsing: .unconditional, help: "Rows of each ranked or binding table in the text report.")
        var limit: Int = SweepReport.defaultLimit

        @Flag(help: "Report what the parts hold even when shards or cases are missing.")
        var partial = false

        func validate() throws {
            guard !parts.isEmpty else { throw ValidationError("Give the part files to merge.") }
            if limit < 1 { throw ValidationError("--limit must be at least 1.") }
        }

        func run() throws {
            let merge = SweepMerge(parts: parts, partial: partial)
            let texts = try merge.read()
            let text: String
            if texts.contains(where: CapacitySweepRecords.isCapacitySweep) {
                let (sweep, file) = try merge.capacity(texts)
                text = format.render(sweep, file: file, shard: .whole, limit: limit)
            } else {
                text = format.render(try merge.flow(texts), shard: .whole, rankBy: rankBy, limit: limit)
            }
            try Output.emit(text, to: output)
        }
    }
}
