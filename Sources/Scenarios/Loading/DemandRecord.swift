import FreightNetwork

/// One entry of `demands` (or an `add_demand` change), read with positions.
struct DemandRecord: ScenarioRecord {
    /// The keys a demand may have.
    static let keys = [
        "id", "from", "to", "teu", "value_of_time_usd_per_teu_day", "unmet_penalty_usd_per_teu",
        "late_penalty_usd_per_teu_day", "tonnes_per_teu", "direction", "avoid_countries", "source", "notes",
    ]

    /// The id: the one written, or `FROM-TO` (positioned at the record) when none was given.
    var id: Located<String>?
    /// True when the id was written in the file rather than derived from `from` and `to`.
    var hasExplicitID: Bool
    /// The origin node id, when it could be read.
    var from: Located<String>?
    /// The destination node id, when it could be read.
    var to: Located<String>?
    /// `late_penalty_usd_per_teu_day` as a key with where its value is, when written (it only
    /// matters in a scenario with periods).
    var periodOnlyField: Located<String>?
    /// `avoid_countries`: the country codes written, each where it is (checked against the nodes by
    /// ``NetworkDraft``).
    var avoidCountries: [Located<String>] = []
    /// The demand, when every field is valid.
    var demand: Demand?
    /// The dotted path of the record, such as `demands[0]`.
    var path: String
    /// Where the record's mapping starts.
    var position: SourcePosition

    /// Reads a demand record's fields; every problem stays in `reader`.
    ///
    /// Node references are only read here; ``NetworkDraft`` checks that they exist.
    static func read(fields reader: inout FieldReader) -> Self {
        let path = reader.path
        let written = reader.identifier("id", required: false)
        let (from, to) = reader.ends(of: "a demand")
        let teu = reader.number("teu", required: true)
        let valueOfTime = reader.number("value_of_time_usd_per_teu_day")
        let penalty = reader.number("unmet_penalty_usd_per_teu")
        let late = reader.number("late_penalty_usd_per_teu_day")
        let tonnes = reader.tonnesPerTEU()
        let direction = reader.choice("direction", as: Direction.self, required: false)
        let avoid = readCountries(&reader, key: "avoid_countries")
        reader.notes()
        var id = written
        if id == nil, reader.value("id") == nil, let from, let to {
            id = Located(value: "\(from.value)-\(to.value)", position: reader.position)
        }
        var record = DemandRecord(
            id: id, hasExplicitID: written != nil, from: from, to: to,
            periodOnlyField: reader.value("late_penalty_usd_per_teu_day").map {
                Located(value: "late_penalty_usd_per_teu_day", position: reader.position(of: $0))
            },
            avoidCountries: avoid, demand: nil, path: path, position: reader.position
        )
        if reader.isValid, let id, let from, let to, let teu {
            record.demand = Demand(
                id: Demand.ID(id.value),
                from: FreightNetwork.Node.ID(from.value),
                to: FreightNetwork.Node.ID(to.value),
                teu: teu,
                valueOfTimeUSDPerTEUDay: valueOfTime ?? Demand.defaultValueOfTimeUSDPerTEUDay,
                unmetPenaltyUSDPerTEU: penalty ?? Demand.defaultUnmetPenaltyUSDPerTEU,
                latePenaltyUSDPerTEUDay: late,
                tonnesPerTEU: tonnes,
                direction: direction,
                avoidedCountries: avoid.map(\.value)
            )
        }
        return record
    }

    /// Reads a list of country codes (as in the nodes' `country`) under `key`, each a word.
    static func readCountries(_ reader: inout FieldReader, key: String, required: Bool = false) -> [Located<String>] {
        reader.describe(key, .object([("items", .type("string", ("pattern", "^[^/\\s]+$")))]), required: required)
        guard let entries = reader.list(key) else {
            if required && !reader.isDescribing && reader.value(key) == nil { reader.reportMissing(key) }
            return []
        }
        return entries.enumerated().compactMap { index, entry in
            let field = "\(reader.fieldPath(key))[\(index)]"
            guard let text = entry.scalar?.string, !YAMLDocument.isNull(entry),
                !text.isEmpty, !text.contains("/"), !text.contains(" ")
            else {
                reader.report(
                    at: entry, field: field, "expected a country code such as RU, found \(FieldReader.describe(entry))")
                return nil
            }
            return Located(value: text, position: reader.position(of: entry))
        }
    }
}
