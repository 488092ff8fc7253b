import FreightNetwork
public import Simulation

/// A capacity sweep (`sweep --metric capacity`) as JSON Lines: a `capacity_sweep` header, one `case`
/// record per case or sample the part owns, and an `end` record. What a shard writes and
/// `corridor merge` reads back; numbers round-trip bit for bit as in ``SweepRecords``.
public enum CapacitySweepRecords {
    /// The header's `record` value, by which `merge` tells a capacity sweep from a flow sweep.
    public static let headerRecord = "capacity_sweep"

    public static func render(_ s: CapacitySweep, file: String, shard: Shard) -> String {
        var lines = [
            JSONValue.object([
                ("record", .string(headerRecord)), ("format_version", .number(Double(SweepRecords.formatVersion))),
                ("kind", .string(s.kind.rawValue)), ("scenario", .string(s.scenario)), ("file", .string(file)),
                ("corridor", .string(s.corridor.name)), ("tags", .array(s.corridor.tags.map { .string($0) })),
                ("shard", SweepRecords.shardJSON(shard)), ("cases", .number(Double(s.caseCount))),
                ("intact", capacity(s.intact)),
            ]).compact()
        ]
        for c in s.cases {
            lines.append(JSONValue.object([
                ("record", .string("case")), ("index", .number(Double(c.index))),
                ("elements", .array(c.elements.map(SweepRecords.element))),
                ("capacity_teu", .number(c.capacityTEU)), ("lost_teu", c.lostTEU.isFinite ? .number(c.lostTEU) : .null),
                ("cut", .array(c.cut.map(cutElement))),
            ]).compact())
        }
        for (i, value) in s.sampleCapacities.enumerated() {
            guard let value else { continue }
            lines.append(JSONValue.object([
                ("record", .string("case")), ("index", .number(Double(i))), ("capacity_teu", value.isFinite ? .number(value) : .null),
            ]).compact())
        }
        lines.append(JSONValue.object([("record", .string("end")), ("shard", SweepRecords.shardJSON(shard))]).compact())
        return lines.joined(separator: "\n") + "\n"
    }

    /// True when `text` starts with a capacity sweep's header.
    public static func isCapacitySweep(_ text: String) -> Bool {
        guard let first = text.split(separator: "\n", maxSplits: 1).first,
            let record = try? JSONValue.parse(String(first))
        else { return false }
        return record["record"]?.stringValue == headerRecord
    }

    /// Reads a part written by ``render(_:file:shard:)``.
    /// - Throws: `SweepMergeError` naming the line of the first problem.
    public static func parse(_ text: String, name: String) throws(SweepMergeError) -> (sweep: CapacitySweep, file: String, shard: Shard) {
        var sweep: CapacitySweep?
        var file = ""
        var shard: Shard?
        let ended = try SweepRecords.records(text, name: name) { (record) throws(SweepMergeError) -> Bool in
            switch record["record"]?.stringValue {
            case headerRecord:
                guard sweep == nil else { throw SweepMergeError("a second header record") }
                guard let kind = record["kind"]?.stringValue.flatMap(CapacitySweep.Kind.init(rawValue:)),
                    let cases = record["cases"]?.numberValue.flatMap({ Int(exactly: $0) }), cases >= 0
                else { throw SweepMergeError("an invalid header (kind, cases)") }
                let corridor = CorridorSelection(
                    name: try SweepRecords.text(record, "corridor"),
                    tags: (record["tags"]?.arrayValue ?? []).compactMap(\.stringValue))
                file = try SweepRecords.text(record, "file")
                shard = try SweepRecords.readShard(record["shard"])
                sweep = CapacitySweep(
                    scenario: try SweepRecords.text(record, "scenario"), kind: kind, corridor: corridor,
                    intact: try readCapacity(record["intact"], corridor), cases: [], caseCount: cases,
                    sampleCapacities: kind == .monteCarlo ? Array(repeating: nil, count: cases) : [])
            case "case":
                guard var current = sweep else { throw SweepMergeError("a case record before the header") }
                guard let index = record["index"]?.numberValue.flatMap({ Int(exactly: $0) }), (0..<current.caseCount).contains(index)
                else { throw SweepMergeError("a case without a valid index") }
                let capacity = record["capacity_teu"]?.numberValue
                if current.kind == .monteCarlo {
                    current.sampleCapacities[index] = capacity ?? .infinity
                } else {
                    current.cases.append(CapacitySweep.Case(
                        index: index, elements: try SweepRecords.elements(record["elements"]), capacityTEU: capacity,
                        cut: try cut(record["cut"]), lostTEU: record["lost_teu"]?.numberValue ?? .infinity))
                }
                sweep = current
            case "end":
                guard sweep != nil else { throw SweepMergeError("the end record before the header") }
                return true
            default:
                throw SweepMergeError("not a capacity sweep record (expected \"record\": \"\(headerRecord)\", \"case\" or \"end\")")
            }
            return false
        }
        guard let sweep, let shard else { throw SweepMergeError("\(name): no capacity sweep header record") }
        guard ended else { throw SweepMergeError("\(name): truncated: no end record") }
        return (sweep, file, shard)
    }

    static func cutElement(_ e: CorridorCapacity.CutElement) -> JSONValue {
        .object([("element", .string(e.kind.rawValue)), ("id", .string(e.id)), ("name", .string(e.name)),
            ("capacity_teu", .number(e.capacityTEU))])
    }

    static func capacity(_ c: CorridorCapacity) -> JSONValue {
        .object([
            ("capacity_teu", .number(c.capacityTEU)), ("unlimited_path", c.unlimitedPath.map { .array($0.map { .string($0) }) } ?? .null),
            ("cut", .array(c.cut.map(cutElement))), ("sources", .array(c.sources.map { .string($0) })),
            ("sinks", .array(c.sinks.map { .string($0) })),
        ])
    }

    static func cut(_ value: JSONValue?) throws(SweepMergeError) -> [CorridorCapacity.CutElement] {
        try (value?.arrayValue ?? []).map { (e: JSONValue) throws(SweepMergeError) -> CorridorCapacity.CutElement in
            guard let kind = CorridorCapacity.CutElement.Kind(rawValue: try SweepRecords.text(e, "element")),
                let teu = e["capacity_teu"]?.numberValue
            else { throw SweepMergeError("an invalid cut element") }
            return .init(kind: kind, id: try SweepRecords.text(e, "id"), name: try SweepRecords.text(e, "name"), capacityTEU: teu)
        }
    }

    static func readCapacity(_ value: JSONValue?, _ corridor: CorridorSelection) throws(SweepMergeError) -> CorridorCapacity {
        guard let value else { throw SweepMergeError("no intact capacity") }
        return CorridorCapacity(
            selection: corridor, capacityTEU: value["capacity_teu"]?.numberValue,
            unlimitedPath: value["unlimited_path"]?.arrayValue?.compactMap(\.stringValue), cut: try cut(value["cut"]),
            linkFlows: [], sources: (value["sources"]?.arrayValue ?? []).compactMap(\.stringValue),
            sinks: (value["sinks"]?.arrayValue ?? []).compactMap(\.stringValue))
    }
}
