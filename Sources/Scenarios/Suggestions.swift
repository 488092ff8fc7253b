/// Finds the nearest valid word for a misspelt key, enum value or id.
enum Suggestions {
    /// The candidate closest to `word`, when it is close enough to be what the author meant.
    ///
    /// Closeness is the optimal-string-alignment (restricted Damerau–Levenshtein) distance,
    /// ignoring case: at most 1 for short words, up to 3 for long ones, and less than the word's
    /// length (so `C` does not suggest `A`). A candidate that starts with `word` (`distance` for
    /// `distance_km`), or that `word` starts with (`DOS-MOW` for `DOS-MOW:rev`), also counts: unit
    /// suffixes are easy to forget.
    /// Ties go to the earlier candidate.
    ///
    /// - Parameter generous: Allows a distance up to half the word's length, for when the
    ///   candidates are few and known to be needed (required keys that are missing).
    static func nearest(to word: String, in candidates: some Sequence<String>, generous: Bool = false) -> String? {
        let target = Array(word.lowercased())
        guard !target.isEmpty else { return nil }
        let normal = min(3, max(1, target.count / 3))
        let limit = generous ? max(normal, target.count / 2) : normal
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let lowered = Array(candidate.lowercased())
            var distance = Self.distance(target, lowered)
            let isPrefix = target.count >= 3 && lowered.starts(with: target)
            let isExtended = lowered.count >= 3 && target.starts(with: lowered)
            if distance > limit, isPrefix || isExtended { distance = limit }
            guard distance <= limit, distance < target.count else { continue }
            if best.map({ distance < $0.distance }) ?? true { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// `did you mean 'x'?` for the nearest candidate, or `nil` when none is close.
    static func hint(for word: String, in candidates: some Sequence<String>) -> String? {
        nearest(to: word, in: candidates).map { "did you mean '\($0)'?" }
    }

    /// The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
    /// two neighbouring characters each cost 1.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
