import ArgumentParser
import FileOutput
import Reports
import Simulation

/// What `corridor merge` does with the parts of a sharded sweep: read them, check their shards, merge
/// them and render the report of the whole sweep. Every problem says `error: …` and exits 65.
struct SweepMerge {
    /// The part files, as named on the command line.
    let parts: [String]
    /// Report what the parts hold even when shards or cases are missing.
    let partial: Bool

    /// The text of every part.
    func read() throws -> [String] {
        try parts.map { part in
            switch PartFile.contents(of: part) {
            case .success(let text): return text
            case .failure(let reason): throw fail("\(OutputPath.display(part)): cannot read: \(reason)")
            }
        }
    }

    /// The parts of a flow sweep as one run.
    func flow(_ texts: [String]) throws -> SweepRun {
        let merged: SweepRun
        do {
            let parsed = try zip(parts, texts).map { part, text in try SweepRecords.parse(text, name: part) }
            try Shard.checkParts(zip(parts, parsed.map(\.shard)).map { ($0, $1) }, partial: partial)
            merged = try SweepRun.merged(parsed.map(\.run))
        } catch {
            throw fail("\(error)")
        }
        if !merged.isComplete && !partial {
            throw fail(
                "the parts answer \(merged.completedCount) of \(merged.caseCount) cases"
                    + "\(merged.interrupted ? " (a part was interrupted)" : ""); rerun the missing shards, or add --partial")
        }
        return merged
    }

    /// The parts of a capacity sweep (`sweep --metric capacity --shard`) as one, and its scenario file.
    func capacity(_ texts: [String]) throws -> (sweep: CapacitySweep, file: String) {
        let merged: CapacitySweep
        let parsed: [(sweep: CapacitySweep, file: String, shard: Shard)]
        do {
            parsed = try zip(parts, texts).map { part, text in try CapacitySweepRecords.parse(text, name: part) }
            try Shard.checkParts(zip(parts, parsed.map(\.shard)).map { ($0, $1) }, partial: partial)
            merged = try CapacitySweep.merged(parsed.map(\.sweep))
        } catch {
            throw fail("\(error)")
        }
        if merged.answeredCount < merged.caseCount && !partial {
            throw fail(
                "the parts answer \(merged.answeredCount) of \(merged.caseCount) cases; rerun the missing shards, or add --partial")
        }
        return (merged, parsed.last?.file ?? "")
    }

    private func fail(_ message: String) -> ExitCode {
        Output.error("error: \(message)")
        return ExitCodes.dataError
    }
}
