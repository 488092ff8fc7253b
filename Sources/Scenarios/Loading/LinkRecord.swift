import FreightNetwork

/// One entry of `links` (or an `add_link` change), read with positions.
struct LinkRecord: ScenarioRecord {
    /// The keys a link may have.
    static let keys = [
        "id", "from", "to", "mode", "corridor", "gauge_mm", "distance_km", "capacity_teu", "cost_usd_per_teu",
        "time_days", "bidirectional", "teu_per_train", "congestion", "source", "notes",
    ]

    /// The id written in the file, when it could be read.
    var id: Located<String>?
    /// The tail node id, when it could be read.
    var from: Located<String>?
    /// The head node id, when it could be read.
    var to: Located<String>?
    /// The directed links (one, or two for a bidirectional link), when every field is valid.
    var links: [Link]?
    /// The record's `congestion`, when written and valid.
    var congestion: CongestionField?
    /// The dotted path of the record, such as `links[3]`.
    var path: String
    /// Where the record's mapping starts.
    var position: SourcePosition

    /// Reads a link record's fields; every problem stays in `reader`.
    ///
    /// Node references are only read here; ``NetworkDraft`` checks that they exist.
    static func read(fields reader: inout FieldReader) -> Self {
        let path = reader.path
        let id = reader.identifier("id")
        let (from, to) = reader.ends(of: id.map { "link '\($0.value)'" } ?? "a link")
        let mode = reader.choice("mode", as: Mode.self)
        let corridor = reader.word("corridor", required: true)
        let gauge = readGauge(&reader)
        let distance = reader.number("distance_km", required: true)
        let capacity = reader.capacity(
            "capacity_teu", zeroHint: "leave 'capacity_teu' out for an unlimited link, or close it with a 'close' change")
        let cost = reader.number("cost_usd_per_teu", required: true)
        let time = reader.days("time_days", required: true)
        let bidirectional = reader.bool("bidirectional") ?? false
        let perTrain = reader.teuPerTrain()
        let congestion = reader.congestion(limited: capacity != nil)
        reader.notes()
        var record = LinkRecord(
            id: id, from: from, to: to, links: nil, congestion: congestion, path: path, position: reader.position)
        if reader.isValid, let id, let from, let to, let mode, let corridor, let distance, let cost, let time {
            let forward = Link(
                id: Link.ID(id.value),
                from: FreightNetwork.Node.ID(from.value),
                to: FreightNetwork.Node.ID(to.value),
                mode: mode,
                corridor: corridor.value,
                gaugeMM: gauge,
                distanceKm: distance,
                capacityTEU: capacity,
                costUSDPerTEU: cost,
                timeDays: time,
                teuPerTrain: perTrain,
                congestion: congestion?.curve
            )
            var links = [forward]
            if bidirectional {
                var reverse = forward
                reverse.id = Link.reverseID(of: forward.id)
                reverse.from = forward.to
                reverse.to = forward.from
                links.append(reverse)
            }
            record.links = links
        }
        return record
    }

    /// Reads `gauge_mm`, a positive whole number of millimetres.
    private static func readGauge(_ reader: inout FieldReader) -> Int? {
        reader.describe("gauge_mm", .object([("minimum", 1)]))
        guard let gauge = reader.integer("gauge_mm") else { return nil }
        guard gauge.value > 0 else {
            reader.report(
                ScenarioError(
                    at: gauge.position,
                    field: reader.fieldPath("gauge_mm"),
                    message: "expected a positive integer, found '\(gauge.value)'"
                )
            )
            return nil
        }
        return gauge.value
    }
}
