/// Everything a sweep found, enough to write its report: what was swept, the intact network's
/// figures and each case's answer.
///
/// A shard's run holds only its own cases' answers; the runs of all shards, merged
/// (``merged(_:)``), equal the run of one unsharded sweep. Nothing here depends on threads,
/// timing or the order in which cases were solved.
public struct SweepRun: Sendable, Hashable {
    /// What kind of sweep.
    public enum Kind: String, Sendable, Hashable {
        /// Every element closed in turn, and optionally pairs of the most critical.
        case singleFailures = "single-failures"
        /// Sampled states of the scenario's `uncertainty`.
        case monteCarlo = "monte-carlo"
    }

    public var kind: Kind
    /// The scenario's name and file, as given.
    public var scenario: String
    public var file: String
    /// A digest of the intact network's LP (``ProgramDigest``): parts of different networks never merge.
    public var programDigest: String
    /// The intact network's figures.
    public var intact: CaseMetrics
    /// The capacities that may bind; ``CaseMetrics/binding`` holds positions in this list.
    public var capacities: [SweepElement]

    // MARK: Single failures

    /// The `--targets` kinds, such as `["links", "nodes"]`.
    public var targetKinds: [String] = []
    /// Whether demand origins and destinations (and their only links) were closed too.
    public var includeEndpoints = false
    /// The `--modes` links and nodes were limited to, such as `["rail", "road", "ferry"]`; empty for all.
    public var modes: [String] = []
    /// The elements closed; ``cases`` refer to them by position.
    public var targets: [SweepElement] = []
    /// How the ranking orders the cases and picks the pairs.
    public var rankBy: RankKey = .lostTEU
    /// K of `--pairs --top K`, or `nil` without pairs.
    public var pairTop: Int?
    /// The targets each case closes: one for a single failure, two for a pair; singles first.
    public var cases: [[Int]] = []

    // MARK: Monte Carlo

    /// The seed of the samples.
    public var seed: UInt64?
    /// The scenario's uncertainty entries.
    public var uncertainty: [UncertaintyInfo] = []
    /// Each sample's capacity factor per uncertainty entry (0 = closed), or `nil` when not run.
    public var sampleFactors: [[Double]?] = []

    // MARK: Answers

    /// The answer of each case, by case index; `nil` when this run did not solve it.
    public var results: [CaseMetrics?]
    /// True when the sweep was stopped before every case of its share was solved.
    public var interrupted = false

    public init(
        kind: Kind, scenario: String, file: String, programDigest: String, intact: CaseMetrics,
        capacities: [SweepElement], caseCount: Int
    ) {
        self.kind = kind
        self.scenario = scenario
        self.file = file
        self.programDigest = programDigest
        self.intact = intact
        self.capacities = capacities
        results = Array(repeating: nil, count: caseCount)
    }

    /// How many cases the whole sweep has (over all shards).
    public var caseCount: Int { results.count }

    /// How many cases have an answer here.
    public var completedCount: Int { results.count { $0 != nil } }

    /// True when every case has an answer.
    public var isComplete: Bool { completedCount == caseCount }

    /// The runs of several shards as one: the same sweep (everything but the answers must agree)
    /// with the answers of all of them.
    ///
    /// - Throws: ``SweepMergeError`` when the parts are of different sweeps or answer a case twice.
    public static func merged(_ parts: [SweepRun]) throws(SweepMergeError) -> SweepRun {
        guard var merged = parts.first else { throw SweepMergeError("no parts to merge") }
        for (p, part) in parts.enumerated().dropFirst() {
            var bare = part
            bare.results = merged.results
            bare.sampleFactors = merged.sampleFactors
            bare.interrupted = merged.interrupted
            guard bare == merged else {
                throw SweepMergeError(
                    "part \(p + 1) is of a different sweep than part 1 (\(merged.differences(from: part)))")
            }
            for (index, result) in part.results.enumerated() {
                guard let result else { continue }
                if merged.results[index] != nil {
                    throw SweepMergeError(
                        "case \(index) is answered by more than one part (part \(p + 1) and an earlier one)")
                }
                merged.results[index] = result
                if index < part.sampleFactors.count, let factors = part.sampleFactors[index] {
                    merged.sampleFactors[index] = factors
                }
            }
            merged.interrupted = merged.interrupted || part.interrupted
        }
        return merged
    }

    /// What differs from `other` apart from the answers, for messages.
    func differences(from other: SweepRun) -> String {
        var found: [String] = []
        if kind != other.kind { found.append("kind \(kind.rawValue) vs \(other.kind.rawValue)") }
        if programDigest != other.programDigest {
            found.append("network digest \(programDigest) vs \(other.programDigest)")
        }
        if caseCount != other.caseCount { found.append("\(caseCount) vs \(other.caseCount) cases") }
        if seed != other.seed {
            found.append("seed \(seed.map(String.init) ?? "none") vs \(other.seed.map(String.init) ?? "none")")
        }
        if targets != other.targets || targetKinds != other.targetKinds || modes != other.modes {
            found.append("targets")
        }
        if cases != other.cases || pairTop != other.pairTop { found.append("case list") }
        if scenario != other.scenario || file != other.file { found.append("scenario") }
        return found.isEmpty ? "parameters" : found.joined(separator: ", ")
    }
}
