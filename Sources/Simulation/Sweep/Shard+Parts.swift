extension Shard {
    /// Checks the shards of the parts of one sweep, named by file: every part has the same shard
    /// count, no shard comes twice and, unless `partial`, every shard is there.
    /// - Throws: ``SweepMergeError`` naming the parts at fault.
    public static func checkParts(_ parts: [(file: String, shard: Shard)], partial: Bool) throws(SweepMergeError) {
        guard let first = parts.first else { return }
        let count = first.shard.count
        var seen: [Int: String] = [:]
        for (file, shard) in parts {
            guard shard.count == count else {
                throw SweepMergeError(
                    "\(file) is shard \(shard) but \(first.file) is shard \(first.shard): different shard counts")
            }
            if let other = seen[shard.index] {
                throw SweepMergeError("\(file) and \(other) are both shard \(shard)")
            }
            seen[shard.index] = file
        }
        let missing = (0..<count).filter { seen[$0] == nil }
        if !missing.isEmpty && !partial {
            let list =
                missing.prefix(10).map { "\($0)/\(count)" }.joined(separator: ", ") + (missing.count > 10 ? ", …" : "")
            throw SweepMergeError("missing shard\(missing.count == 1 ? "" : "s") \(list); rerun them, or add --partial")
        }
    }
}
