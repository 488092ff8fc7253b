import FreightNetwork

/// One entry of `nodes` (or an `add_node` change), read with positions.
struct NodeRecord: ScenarioRecord {
    /// The keys a node may have.
    static let keys = [
        "id", "name", "country", "kind", "lat", "lon", "capacity_teu", "handling_cost_usd_per_teu",
        "dwell_days", "storage_capacity_teu", "holding_cost_usd_per_teu_day", "congestion", "source", "notes",
    ]

    /// The id, when it could be read (even if another field is wrong).
    var id: Located<String>?
    /// The node, when every field is valid.
    var node: FreightNetwork.Node?
    /// The first field written that only matters in a scenario with periods (`storage_capacity_teu`,
    /// `holding_cost_usd_per_teu_day`), with where its value is.
    var periodOnlyField: Located<String>?
    /// The record's `congestion`, when written and valid.
    var congestion: CongestionField?
    /// The dotted path of the record, such as `nodes[2]`.
    var path: String
    /// Where the record's mapping starts.
    var position: SourcePosition

    /// Reads a node record's fields; every problem stays in `reader`.
    static func read(fields reader: inout FieldReader) -> Self {
        let path = reader.path
        let id = reader.identifier("id")
        let name = reader.string("name")
        let country = readCountry(&reader)
        let kind = reader.choice("kind", as: NodeKind.self)
        let lat = reader.number("lat", required: true, rule: .range(-90...90, name: "a latitude"))
        let lon = reader.number("lon", required: true, rule: .range(-180...180, name: "a longitude"))
        let capacity = reader.capacity(
            "capacity_teu", zeroHint: "leave 'capacity_teu' out for an unlimited node, or close it with a 'close' change")
        let handling = reader.number("handling_cost_usd_per_teu")
        let dwell = reader.days("dwell_days")
        let storage = reader.number("storage_capacity_teu")
        let holding = reader.number("holding_cost_usd_per_teu_day")
        let congestion = reader.congestion(limited: capacity != nil)
        reader.notes()
        let opened = reader
        let periodOnly = ["storage_capacity_teu", "holding_cost_usd_per_teu_day"].lazy.compactMap { key in
            opened.value(key).map { Located(value: key, position: opened.position(of: $0)) }
        }.first
        var record = NodeRecord(
            id: id, node: nil, periodOnlyField: periodOnly, congestion: congestion, path: path, position: reader.position)
        if reader.isValid, let id, let country, let kind, let lat, let lon {
            record.node = FreightNetwork.Node(
                id: FreightNetwork.Node.ID(id.value),
                name: name?.value ?? id.value,
                country: country,
                kind: kind,
                latitude: lat,
                longitude: lon,
                capacityTEU: capacity,
                handlingCostUSDPerTEU: handling ?? 0,
                dwellDays: dwell ?? 0,
                storageCapacityTEU: storage,
                holdingCostUSDPerTEUDay: holding ?? 0,
                congestion: congestion?.curve
            )
        }
        return record
    }

    /// Reads `country`: ISO 3166-1 alpha-2 codes, one or two joined by `/` (`KZ/TM`).
    ///
    /// Any other non-empty text is kept as given (closing and scaling by country still match it
    /// exactly) with a warning, so a spreadsheet's "China" does not stop a run.
    private static func readCountry(_ reader: inout FieldReader) -> String? {
        guard let text = reader.string("country", required: true) else { return nil }
        if isPlainCountry(text.value.utf8) { return text.value }
        let value = text.value.split(separator: "/").map { String($0).trimmingSpaces() }.joined(separator: "/")
        if !FieldReader.countryIsValid(text.value) {
            let upper = text.value.uppercased()
            let hint = upper != text.value && FieldReader.countryIsValid(upper) ? "did you mean '\(upper)'?" : nil
            reader.report(
                ScenarioError(
                    severity: .warning,
                    position: text.position,
                    field: reader.fieldPath("country"),
                    message: "expected an ISO 3166-1 alpha-2 code such as 'KZ' (or two, 'KZ/TM'), found '\(text.value)'",
                    hint: hint
                )
            )
        }
        return value.isEmpty ? nil : value
    }
}

extension NodeRecord {
    /// True for `KZ` or `KZ/TM` written without spaces: valid, and kept as written.
    private static func isPlainCountry(_ utf8: String.UTF8View) -> Bool {
        guard utf8.count == 2 || utf8.count == 5 else { return false }
        for (index, byte) in utf8.enumerated() {
            let isLetter = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
            guard index == 2 ? byte == UInt8(ascii: "/") : isLetter else { return false }
        }
        return true
    }
}

extension FieldReader {
    /// True for one or more two-letter upper-case codes joined by `/`.
    static func countryIsValid(_ text: String) -> Bool {
        text.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { part in
            let trimmed = String(part).trimmingSpaces()
            return trimmed.count == 2 && trimmed.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
        }
    }
}
