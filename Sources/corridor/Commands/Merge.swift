import ArgumentParser
import FileOutput
import Foundation
import Reports
import Simulation

extension Corridor {
    /// `corridor merge PART…`: the JSON Lines parts of a sharded sweep as one report.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
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

        @Option(help: "Rows of each ranked or binding table in the text report.")
        var limit: Int = SweepReport.defaultLimit

        @Flag(help: "Report what the parts hold even when shards or cases are missing.")
        var partial = false

        func validate() throws {
            guard !parts.isEmpty else { throw ValidationError("Give the part files to merge.") }
            if limit < 1 { throw ValidationError("--limit must be at least 1.") }
        }

        func run() throws {
            var texts: [String] = []
            do {
                for part in parts {
                    switch PartFile.contents(of: part) {
                    case .success(let read): texts.append(read)
                    case .failure(let reason): throw SweepMergeError("\(OutputPath.display(part)): cannot read: \(reason)")
                    }
                }
            } catch let error as SweepMergeError {
                Output.error("error: \(error.description)")
                throw ExitCodes.dataError
            }
            if texts.contains(where: CapacitySweepRecords.isCapacitySweep) {
                try mergeCapacity(texts)
                return
            }
            var runs: [SweepRun] = []
            var shards: [(file: String, shard: Shard)] = []
            do {
                for (part, text) in zip(parts, texts) {
                    let (run, shard) = try SweepRecords.parse(text, name: part)
                    runs.append(run)
                    shards.append((part, shard))
                }
                try checkShards(shards)
            } catch let error as SweepMergeError {
                Output.error("error: \(error.description)")
                throw ExitCodes.dataError
            }
            let merged: SweepRun
            do {
                merged = try SweepRun.merged(runs)
            } catch {
                Output.error("error: \(error.description)")
                throw ExitCodes.dataError
            }
            if !merged.isComplete && !partial {
                Output.error(
                    "error: the parts answer \(merged.completedCount) of \(merged.caseCount) cases"
                        + "\(merged.interrupted ? " (a part was interrupted)" : ""); rerun the missing shards, or add --partial"
                )
                throw ExitCodes.dataError
            }
            let text: String
            switch format {
            case .table: text = SweepReport.text(merged, rankBy: rankBy, limit: limit)
            case .json: text = SweepReport.json(merged, rankBy: rankBy)
            case .csv: text = SweepReport.csv(merged, rankBy: rankBy)
            case .jsonl: text = SweepRecords.render(merged, shard: .whole)
            }
            try Output.emit(text, to: output)
        }

        /// The parts of a capacity sweep (`sweep --metric capacity --shard`).
        private func mergeCapacity(_ texts: [String]) throws {
            var sweeps: [CapacitySweep] = []
            var file = ""
            let merged: CapacitySweep
            do {
                var shards: [(file: String, shard: Shard)] = []
                for (part, text) in zip(parts, texts) {
                    let (sweep, scenarioFile, shard) = try CapacitySweepRecords.parse(text, name: part)
                    sweeps.append(sweep)
                    shards.append((part, shard))
                    file = scenarioFile
                }
                try checkShards(shards)
                merged = try CapacitySweep.merged(sweeps)
            } catch let error as SweepMergeError {
                Output.error("error: \(error.description)")
                throw ExitCodes.dataError
            }
            if merged.answeredCount < merged.caseCount && !partial {
                Output.error(
                    "error: the parts answer \(merged.answeredCount) of \(merged.caseCount) cases; rerun the missing shards, or add --partial")
                throw ExitCodes.dataError
            }
            let text: String
            switch format {
            case .table: text = CapacitySweepReport.text(merged, file: file, limit: limit)
            case .json: text = CapacitySweepReport.json(merged, file: file)
            case .csv: text = CapacitySweepReport.csv(merged)
            case .jsonl: text = CapacitySweepRecords.render(merged, file: file, shard: .whole)
            }
            try Output.emit(text, to: output)
        }

        /// Every part has the same shard count, no shard twice and, unless --partial, every shard present.
        private func checkShards(_ shards: [(file: String, shard: Shard)]) throws {
            let count = shards[0].shard.count
            var seen: [Int: String] = [:]
            for (file, shard) in shards {
                guard shard.count == count else {
                    throw SweepMergeError(
                        "\(file) is shard \(shard) but \(shards[0].file) is shard \(shards[0].shard): different shard counts"
                    )
                }
                if let other = seen[shard.index] {
                    throw SweepMergeError("\(file) and \(other) are both shard \(shard)")
                }
                seen[shard.index] = file
            }
            let missing = (0..<count).filter { seen[$0] == nil }
            if !missing.isEmpty && !partial {
                let list =
                    missing.prefix(10).map { "\($0)/\(count)" }.joined(separator: ", ")
                    + (missing.count > 10 ? ", …" : "")
                throw SweepMergeError(
                    "missing shard\(missing.count == 1 ? "" : "s") \(list); rerun them, or add --partial")
            }
        }
    }
}
