import FreightNetwork
import LinearProgramming

/// Several solved scenarios against a base: the figures side by side and what changed (pure).
///
/// The first entry is the base. Units: TEU per year for flows and capacities, USD per TEU for unit
/// costs, USD per year for totals, days for times, USD per year saved per extra TEU/year of
/// capacity for shadow prices.
public struct ScenarioComparison: Sendable {
    /// One scenario in the comparison.
    public struct Entry: Sendable {
        /// A short unique label for columns, e.g. the file name without extension.
        public var label: String
        /// The scenario's `name`.
        public var name: String
        /// The scenario file as given.
        public var file: String
        /// One line per change the scenario applied.
        public var changes: [String]
        /// The min-cost result.
        public var result: FlowResult
        /// The corridor capacities (maximum flows, minimum cuts, λ), or nil when not computed.
        public var capacity: CapacityStudy?
        /// The network solved, after the scenario's changes; nil when not kept (no input differences are found).
        public var network: Network?

        public init(
            label: String, name: String, file: String, changes: [String], result: FlowResult, capacity: CapacityStudy? = nil,
            network: Network? = nil
        ) {
            self.label = label
            self.name = name
            self.file = file
            self.changes = changes
            self.result = result
            self.capacity = capacity
            self.network = network
        }
    }

    /// The scenarios, base first.
    public let entries: [Entry]

    /// - Precondition: `entries` is not empty.
    public init(entries: [Entry]) {
        precondition(!entries.isEmpty, "a comparison needs a base")
        self.entries = entries
    }

    /// The base scenario.
    public var base: Entry { entries[0] }

    /// Corridors in display order: by TEU in the base (largest first), then those absent from the
    /// base by their largest TEU elsewhere; ties by name.
    public var corridors: [String] {
        var best: [String: (inBase: Double, anywhere: Double)] = [:]
        for (i, entry) in entries.enumerated() {
            for c in entry.result.corridors {
                var value = best[c.corridor] ?? (0, 0)
                if i == 0 { value.inBase = c.teu }
                value.anywhere = max(value.anywhere, c.teu)
                best[c.corridor] = value
            }
        }
        return best.sorted { a, b in
            if a.value.inBase != b.value.inBase { return a.value.inBase > b.value.inBase }
            if a.value.anywhere != b.value.anywhere { return a.value.anywhere > b.value.anywhere }
            return a.key < b.key
        }.map(\.key)
    }

    /// Short labels made unique: a repeated label gets "-2", "-3", … in order.
    public static func uniqueLabels(_ labels: [String]) -> [String] {
        var seen: [String: Int] = [:]
        var used = Set<String>()
        return labels.map { label in
            var candidate = label
            while used.contains(candidate) {
                let n = (seen[label] ?? 1) + 1
                seen[label] = n
                candidate = "\(label)-\(n)"
            }
            used.insert(candidate)
            return candidate
        }
    }

    /// A headline figure per scenario.
    public struct Metric: Sendable, Hashable {
        /// Stable key, e.g. `delivered_teu` or `corridor_teu:sea`.
        public var key: String
        /// Label for a table row, e.g. "Delivered".
        public var label: String
        /// The unit, e.g. "TEU/yr", "USD/TEU", "days", "share", "USD/yr".
        public var unit: String
        /// One value per entry (nil when not applicable).
        public var values: [Double?]

        /// value − base value per entry (nil for the base and where either is missing).
        public var changes: [Double?] {
            values.enumerated().map { i, v in
                guard i > 0, let v, let b = values[0], v.isFinite, b.isFinite else { return nil }
                return v - b
            }
        }
    }

    /// The corridor capacities' names in display order: the base's, then any new elsewhere.
    public var capacityCorridors: [String] {
        var names: [String] = []
        for entry in entries {
            for e in entry.capacity?.entries ?? [] where !names.contains(e.capacity.selection.name) {
                names.append(e.capacity.selection.name)
            }
        }
        return names
    }

    /// Where a scenario carries demand both ways: each direction's delivered and unmet TEU, average cost
    /// and days (keys `direction_delivered_teu:eastbound` …). Empty otherwise.
    var directionRows: [Metric] {
        guard entries.contains(where: { $0.result.hasBothDirections }) else { return [] }
        var rows: [Metric] = []
        for direction in Direction.allCases {
            func row(_ key: String, _ label: String, _ unit: String, _ value: (DirectionSummary) -> Double?) -> Metric {
                Metric(
                    key: "direction_\(key):\(direction.rawValue)", label: "\(direction.rawValue) \(label)", unit: unit,
                    values: entries.map { e in
                        guard e.result.status.hasSolution else { return nil }
                        return e.result.directionSummaries.first { $0.direction == direction }.flatMap(value)
                    })
            }
            rows += [
                row("delivered_teu", "delivered", "TEU/yr") { $0.deliveredTEU },
                row("unmet_teu", "unmet", "TEU/yr") { $0.unmetTEU },
                row("avg_cost_usd_per_teu", "avg cost", "USD/TEU") { $0.avgCostUSDPerTEU },
                row("avg_time_days", "avg transit", "days") { $0.avgTimeDays },
            ]
        }
        return rows
    }

    /// The headline figures of every scenario: delivered, unmet, average cost and days, each
    /// corridor's TEU and share, each direction's figures (with demand both ways), total cost, then each corridor's capacity (`.infinity` when
    /// unlimited) and demand-pattern factor λ.
    public var metrics: [Metric] {
        func row(_ key: String, _ label: String, _ unit: String, _ value: (Entry) -> Double?) -> Metric {
            Metric(key: key, label: label, unit: unit, values: entries.map { $0.result.status.hasSolution ? value($0) : nil })
        }
        var rows = [
            row("delivered_teu", "Delivered", "TEU/yr") { $0.result.deliveredTEU },
            row("unmet_teu", "Unmet", "TEU/yr") { $0.result.unmetTEU },
            row("avg_cost_usd_per_teu", "Avg cost", "USD/TEU") { $0.result.avgCostUSDPerTEU },
            row("avg_time_days", "Avg transit", "days") { $0.result.avgTimeDays },
        ]
        for corridor in corridors {
            rows.append(row("corridor_teu:\(corridor)", "\(corridor) TEU", "TEU/yr") { e in
                e.result.corridors.first { $0.corridor == corridor }?.teu ?? 0
            })
            rows.append(row("corridor_share:\(corridor)", "\(corridor) share", "share") { e in
                e.result.deliveredTEU > 0 ? (e.result.corridors.first { $0.corridor == corridor }?.share ?? 0) : nil
            })
        }
        rows += directionRows
        rows += unitRows
        rows.append(row("total_cost_usd", "Total cost", "USD/yr") { $0.result.totalCostUSD })
        let lambda = entries.contains { $0.capacity?.entries.contains { $0.concurrent.computed } ?? false }
        for corridor in capacityCorridors {
            func entry(_ e: Entry) -> CapacityStudy.Entry? { e.capacity?.entries.first { $0.capacity.selection.name == corridor } }
            rows.append(Metric(key: "capacity_teu:\(corridor)", label: "\(corridor) capacity", unit: "TEU/yr",
                values: entries.map { e in entry(e).map { $0.capacityTEU ?? .infinity } }))
            guard lambda else { continue }
            rows.append(Metric(key: "concurrent_factor:\(corridor)", label: "\(corridor) λ", unit: "factor",
                values: entries.map { e in
                    entry(e).flatMap { $0.concurrent.demands.isEmpty ? nil : $0.concurrent.factor ?? .infinity }
                }))
        }
        return rows
    }
}
