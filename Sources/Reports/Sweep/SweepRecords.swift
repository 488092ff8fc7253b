import FreightNetwork
public import Simulation

/// A sweep as JSON Lines: a `sweep` header record, one `case` record per answered case, and an
/// `end` record. What a shard writes and `corridor merge` reads back.
///
/// Numbers are written in Swift's shortest round-trip form and read back with a correctly rounded
/// conversion, so a run written and read again is equal to the original, bit for bit.
public enum SweepRecords {
    /// The records' `format_version`.
    public static let formatVersion = 1

    /// The run as JSON Lines, for shard `shard`.
    public static func render(_ run: SweepRun, shard: Shard) -> String {
        var lines = [header(run, shard: shard).compact()]
        for (index, metrics) in run.results.enumerated() {
            guard let metrics else { continue }
            var members: [(String, JSONValue)] = [("record", .string("case")), ("index", .number(Double(index)))]
            members += Self.metrics(metrics)
            if run.kind == .monteCarlo, index < run.sampleFactors.count, let factors = run.sampleFactors[index] {
                members.append(("factors", .array(factors.map { .number($0) })))
            }
            lines.append(JSONValue.object(members).compact())
        }
        let owned = run.results.indices.count { shard.owns($0) }
        lines.append(
            JSONValue.object([
                ("record", .string("end")), ("shard", shardJSON(shard)),
                ("completed", .number(Double(run.completedCount))),
                ("owned", .number(Double(owned))), ("interrupted", .bool(run.interrupted)),
            ]).compact())
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a part written by ``render(_:shard:)``.
    ///
    /// - Parameters:
    ///   - text: The part's JSON Lines.
    ///   - name: The file's name, for messages.
    /// - Throws: `SweepMergeError` naming the line of the first problem.
    public static func parse(_ text: String, name: String) throws(SweepMergeError) -> (run: SweepRun, shard: Shard) {
        var run: SweepRun?
        var shard: Shard?
        let ended = try records(text, name: name) { (record) throws(SweepMergeError) -> Bool in
            switch record["record"]?.stringValue {
            case "sweep":
                guard run == nil else { throw SweepMergeError("a second header record") }
                (run, shard) = try readHeader(record)
            case "case":
                guard run != nil else { throw SweepMergeError("a case record before the header") }
                try readCase(record, into: &run!)
            case "end":
                guard run != nil else { throw SweepMergeError("the end record before the header") }
                run!.interrupted = record["interrupted"]?.boolValue ?? true
                return true
            default:
                throw SweepMergeError("not a sweep record (expected \"record\": \"sweep\", \"case\" or \"end\")")
            }
            return false
        }
        guard let run, let shard else {
            throw SweepMergeError("\(name): no sweep header record (is it a `corridor sweep` JSON Lines file?)")
        }
        guard ended else { throw SweepMergeError("\(name): truncated: no end record") }
        return (run, shard)
    }

    // MARK: - Writing

    static func header(_ run: SweepRun, shard: Shard) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("record", .string("sweep")),
            ("format_version", .number(Double(formatVersion))),
            ("kind", .string(run.kind.rawValue)),
            ("scenario", .string(run.scenario)),
            ("file", .string(run.file)),
            ("program_digest", .string(run.programDigest)),
            ("shard", shardJSON(shard)),
            ("cases", .number(Double(run.caseCount))),
            ("intact", .object(metrics(run.intact))),
            ("capacities", .array(run.capacities.map(element))),
        ]
        switch run.kind {
        case .singleFailures:
            members += [
                ("target_kinds", .array(run.targetKinds.map { .string($0) })),
                ("include_endpoints", .bool(run.includeEndpoints)),
                ("modes", .array(run.modes.map { .string($0) })),
                ("rank_by", .string(run.rankBy.rawValue)),
                ("pair_top", run.pairTop.map { .number(Double($0)) } ?? .null),
                ("targets", .array(run.targets.map(element))),
                ("case_targets", .array(run.cases.map { .array($0.map { .number(Double($0)) }) })),
            ]
        case .monteCarlo:
            members += [
                ("seed", run.seed.map { .string(String($0)) } ?? .null),
                ("uncertainty", .array(run.uncertainty.map(uncertainty))),
            ]
        }
        return .object(members)
    }

    static func shardJSON(_ shard: Shard) -> JSONValue {
        .object([("index", .number(Double(shard.index))), ("count", .number(Double(shard.count)))])
    }

    static func element(_ e: SweepElement) -> JSONValue {
        .object([("element", .string(e.kind)), ("id", .string(e.id)), ("name", .string(e.name))])
    }

    static func uncertainty(_ u: UncertaintyInfo) -> JSONValue {
        .object([
            ("label", .string(u.label)), ("source", .string(u.source)), ("elements", .number(Double(u.elementCount))),
            ("closed_probability", .number(u.closedProbability)),
            ("capacity_factor", u.capacityFactor.map { .string($0) } ?? .null),
            ("group", u.group.map { .string($0) } ?? .null),
        ])
    }

    /// A case's figures as JSON members (also used by the JSON report).
    static func metrics(_ m: CaseMetrics) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [
            ("status", .string(m.status?.rawValue ?? "failed")),
            ("failure", m.failure.map { .string($0) } ?? .null),
            ("objective_usd", .number(m.objectiveUSD)),
            ("delivered_teu", .number(m.deliveredTEU)),
            ("total_cost_usd", .number(m.totalCostUSD)),
            ("avg_time_days", .number(m.avgTimeDays)),
            ("binding", .array(m.binding.map { .number(Double($0)) })),
            ("iterations", .number(Double(m.iterations))),
        ]
        // Networks with demand both ways only: delivered TEU/yr per direction, after `delivered_teu`.
        if !m.deliveredTEUByDirection.isEmpty {
            members.insert(("delivered_teu_by_direction", byDirection(m.deliveredTEUByDirection)), at: 4)
        }
        // Networks with background traffic only: what of it is left unmet, after the delivered freight.
        if let lost = m.backgroundLostTEU {
            let at = members.firstIndex { $0.0 == "total_cost_usd" } ?? members.count
            members.insert(("background_lost_teu", .number(lost)), at: at)
        }
        return members
    }

    /// `{"westbound": …, "eastbound": …}` in ``Direction`` order.
    static func byDirection(_ values: [Direction: Double]) -> JSONValue {
        .object(Direction.allCases.compactMap { d in values[d].map { (d.rawValue, .number($0)) } })
    }

    // MARK: - Reading

    private static func readHeader(_ r: JSONValue) throws(SweepMergeError) -> (SweepRun, Shard) {
        guard let version = r["format_version"]?.numberValue, Int(exactly: version) == formatVersion else {
            throw SweepMergeError("unsupported format_version (this corridor reads \(formatVersion))")
        }
        guard let kindText = r["kind"]?.stringValue, let kind = SweepRun.Kind(rawValue: kindText) else {
            throw SweepMergeError("unknown sweep kind")
        }
        let shard = try readShard(r["shard"])
        let run0 = SweepRun(
            kind: kind,
            scenario: try text(r, "scenario"),
            file: try text(r, "file"),
            programDigest: try text(r, "program_digest"),
            intact: try readMetrics(r["intact"] ?? .null),
            capacities: try elements(r["capacities"]),
            caseCount: try integer(r, "cases")
        )
        var run = run0
        switch kind {
        case .singleFailures:
            run.targetKinds = (r["target_kinds"]?.arrayValue ?? []).compactMap(\.stringValue)
            run.includeEndpoints = r["include_endpoints"]?.boolValue ?? false
            run.modes = (r["modes"]?.arrayValue ?? []).compactMap(\.stringValue)
            guard let key = r["rank_by"]?.stringValue.flatMap(RankKey.init(rawValue:)) else {
                throw SweepMergeError("unknown rank_by")
            }
            run.rankBy = key
            run.pairTop = r["pair_top"]?.numberValue.map { Int($0) }
            run.targets = try elements(r["targets"])
            run.cases = (r["case_targets"]?.arrayValue ?? []).map {
                ($0.arrayValue ?? []).compactMap { $0.numberValue.map { Int($0) } }
            }
            guard run.cases.count == run.caseCount else {
                throw SweepMergeError("case_targets does not list every case")
            }
        case .monteCarlo:
            guard let seed = r["seed"]?.stringValue.flatMap({ UInt64($0) }) else {
                throw SweepMergeError("missing seed")
            }
            run.seed = seed
            run.uncertainty = try (r["uncertainty"]?.arrayValue ?? []).map {
                (u: JSONValue) throws(SweepMergeError) -> UncertaintyInfo in
                UncertaintyInfo(
                    label: try text(u, "label"), source: try text(u, "source"),
                    elementCount: try integer(u, "elements"),
                    closedProbability: u["closed_probability"]?.numberValue ?? 0,
                    capacityFactor: u["capacity_factor"]?.stringValue, group: u["group"]?.stringValue)
            }
            run.sampleFactors = Array(repeating: nil, count: run.caseCount)
        }
        return (run, shard)
    }

    private static func readCase(_ r: JSONValue, into run: inout SweepRun) throws(SweepMergeError) {
        let index = try integer(r, "index")
        guard run.results.indices.contains(index) else {
            throw SweepMergeError("case index \(index) out of range 0..<\(run.caseCount)")
        }
        guard run.results[index] == nil else { throw SweepMergeError("case \(index) appears twice") }
        run.results[index] = try readMetrics(r)
        if run.kind == .monteCarlo, let factors = r["factors"]?.arrayValue {
            run.sampleFactors[index] = factors.compactMap(\.numberValue)
        }
    }

    private static func readMetrics(_ r: JSONValue) throws(SweepMergeError) -> CaseMetrics {
        let statusText = try text(r, "status")
        let status = SolveStatus(rawValue: statusText)
        guard status != nil || statusText == "failed" else { throw SweepMergeError("unknown status '\(statusText)'") }
        guard let delivered = r["delivered_teu"]?.numberValue, let cost = r["total_cost_usd"]?.numberValue else {
            throw SweepMergeError("a case without delivered_teu or total_cost_usd")
        }
        var metrics = CaseMetrics(
            status: status,
            failure: r["failure"]?.stringValue,
            objectiveUSD: r["objective_usd"]?.numberValue,
            deliveredTEU: delivered,
            totalCostUSD: cost,
            avgTimeDays: r["avg_time_days"]?.numberValue,
            binding: (r["binding"]?.arrayValue ?? []).compactMap { $0.numberValue.map { Int($0) } },
            iterations: Int(r["iterations"]?.numberValue ?? 0)
        )
        for direction in Direction.allCases {
            if let value = r["delivered_teu_by_direction"]?[direction.rawValue]?.numberValue {
                metrics.deliveredTEUByDirection[direction] = value
            }
        }
        metrics.backgroundLostTEU = r["background_lost_teu"]?.numberValue
        return metrics
    }

    /// Reads the records of a JSON Lines part, one a non-blank line, each by `read`, which returns true for
    /// the end record; true when the part ended so. An error names the file and the line.
    static func records(
        _ text: String, name: String, _ read: (JSONValue) throws(SweepMergeError) -> Bool
    ) throws(SweepMergeError) -> Bool {
        var ended = false
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let place = "\(name):\(number + 1)"
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            guard !ended else { throw SweepMergeError("\(place): text after the end record") }
            do throws(SweepMergeError) {
                let record: JSONValue
                do { record = try JSONValue.parse(String(line)) } catch { throw SweepMergeError("\(error)") }
                ended = try read(record)
            } catch {
                throw SweepMergeError("\(place): \(error.description)")
            }
        }
        return ended
    }

    static func readShard(_ value: JSONValue?) throws(SweepMergeError) -> Shard {
        guard let value, let index = value["index"]?.numberValue.flatMap({ Int(exactly: $0) }),
            let count = value["count"]?.numberValue.flatMap({ Int(exactly: $0) }), count >= 1,
            (0..<count).contains(index)
        else { throw SweepMergeError("missing or invalid shard") }
        return Shard(index: index, count: count)
    }

    static func elements(_ value: JSONValue?) throws(SweepMergeError) -> [SweepElement] {
        try (value?.arrayValue ?? []).map { (e: JSONValue) throws(SweepMergeError) -> SweepElement in
            SweepElement(kind: try text(e, "element"), id: try text(e, "id"), name: try text(e, "name"))
        }
    }

    static func text(_ r: JSONValue, _ key: String) throws(SweepMergeError) -> String {
        guard let value = r[key]?.stringValue else { throw SweepMergeError("missing '\(key)'") }
        return value
    }

    private static func integer(_ r: JSONValue, _ key: String) throws(SweepMergeError) -> Int {
        guard let value = r[key]?.numberValue, let integer = Int(exactly: value), integer >= 0 else {
            throw SweepMergeError("missing or invalid '\(key)'")
        }
        return integer
    }
}
