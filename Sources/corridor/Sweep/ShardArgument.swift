import ArgumentParser
import Simulation

/// `--shard I/N`, `--shard auto` or `--shard auto/N`: which part of a sweep this process runs.
///
/// `auto` takes the index from the batch scheduler: Slurm array jobs (`SLURM_ARRAY_TASK_ID` minus
/// `SLURM_ARRAY_TASK_MIN`, count `SLURM_ARRAY_TASK_COUNT`) or Kubernetes Indexed Jobs
/// (`JOB_COMPLETION_INDEX`; Kubernetes does not pass the count, so write `auto/N`).
struct ShardArgument: ExpressibleByArgument, Sendable {
    var index: Int?
    var count: Int?

    init?(argument: String) {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count) else { return nil }
        if parts[0] == "auto" {
            index = nil
        } else {
            guard let i = Int(parts[0]), i >= 0 else { return nil }
            index = i
        }
        if parts.count == 2 {
            guard let n = Int(parts[1]), n >= 1 else { return nil }
            count = n
        } else {
            guard index == nil else { return nil }
            count = nil
        }
    }

    static var defaultCompletionKind: CompletionKind { .list(["auto", "0/2", "1/2"]) }

    /// The shard, with `auto` parts read from `environment`.
    ///
    /// - Throws: `ValidationError` when the environment does not say, or the index is out of range.
    func resolve(_ environment: [String: String]) throws -> Shard {
        var index = self.index
        var count = self.count
        if index == nil {
            if let task = environment["SLURM_ARRAY_TASK_ID"].flatMap({ Int($0) }) {
                let minimum = environment["SLURM_ARRAY_TASK_MIN"].flatMap { Int($0) } ?? 0
                index = task - minimum
                count = count ?? environment["SLURM_ARRAY_TASK_COUNT"].flatMap { Int($0) }
            } else if let completion = environment["JOB_COMPLETION_INDEX"].flatMap({ Int($0) }) {
                index = completion
            } else {
                throw ValidationError(
                    "--shard auto: neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX is set; give the index, as in --shard 0/8."
                )
            }
        }
        guard let index, let count else {
            throw ValidationError("--shard auto: the number of shards is not in the environment; write --shard auto/N.")
        }
        guard count >= 1, (0..<count).contains(index) else {
            throw ValidationError("--shard \(index)/\(count): the index must be in 0..<\(count).")
        }
        return Shard(index: index, count: count)
    }
}
