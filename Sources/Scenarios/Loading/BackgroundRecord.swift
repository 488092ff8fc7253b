import FreightNetwork

/// One entry of `background`: traffic that is not China–Europe freight, read with positions.
///
/// It reads like a demand (the same fields but the late penalty) and becomes a ``Demand`` marked
/// ``Demand/isBackground``, whose unmet penalty defaults to ``Demand/defaultBackgroundPenaltyUSDPerTEU``.
/// Its `id` is required: background flows are reported by id, apart from the demands.
struct BackgroundRecord: ScenarioRecord {
    /// The keys a background flow may have.
    static let keys = [
        "id", "from", "to", "teu", "value_of_time_usd_per_teu_day", "unmet_penalty_usd_per_teu", "direction", "source",
        "notes",
    ]

    /// The record as a demand's, with ``DemandRecord/demand`` marked as background.
    var record: DemandRecord

    /// Reads a background record's fields; every problem stays in `reader`.
    static func read(fields reader: inout FieldReader) -> Self {
        if reader.value("id") == nil { reader.reportMissing("id", hint: "background flows are reported by id") }
        var record = DemandRecord.read(fields: &reader)
        record.demand?.isBackground = true
        if reader.value("unmet_penalty_usd_per_teu") == nil {
            record.demand?.unmetPenaltyUSDPerTEU = Demand.defaultBackgroundPenaltyUSDPerTEU
        }
        if !reader.isValid { record.demand = nil }
        return Self(record: record)
    }
}
