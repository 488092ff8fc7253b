import FreightNetwork

/// One entry of a file's `changes`: a disruption or an investment, read with positions.
///
/// Changes are applied in file order as pure value transforms of a ``NetworkDraft``
/// (see `Change+Apply.swift`); reading checks only their syntax (see `Change+Read.swift`).
struct Change {
    /// The change types, as written in files.
    enum Kind: String, CaseIterable {
        case close
        case scaleCapacity = "scale_capacity"
        case setCapacity = "set_capacity"
        case addDelay = "add_delay"
        case addSurcharge = "add_surcharge"
        case scaleDemand = "scale_demand"
        case addNode = "add_node"
        case addLink = "add_link"
        case addDemand = "add_demand"
        case addStorage = "add_storage"
        case scaleTime = "scale_time"
        case setTimeDays = "set_time_days"
        case scaleDwell = "scale_dwell"
        case setDwellDays = "set_dwell_days"
        case scaleCost = "scale_cost"
        case avoidCountries = "avoid_countries"
        case scaleUnmetPenalty = "scale_unmet_penalty"

        /// The selector keys this change accepts, or `[]` when it takes no selector.
        var selectorKinds: [Selector.Kind] {
            switch self {
            case .close, .scaleCapacity, .addDelay, .addSurcharge, .scaleTime, .setTimeDays, .scaleDwell, .setDwellDays,
                .scaleCost:
                Selector.Kind.allCases
            case .setCapacity: [.link, .node]
            case .addStorage: [.node]
            case .scaleDemand, .addNode, .addLink, .addDemand, .avoidCountries, .scaleUnmetPenalty: []
            }
        }

        /// The keys that limit a change to periods: `periods` alone where `from` and `to` pick demands
        /// (`scale_demand`, `avoid_countries`, `scale_unmet_penalty`), otherwise `periods`, `from` and `to`.
        var scopeKeys: [String] {
            switch self {
            case .scaleDemand, .avoidCountries, .scaleUnmetPenalty: ["periods"]
            default: PeriodScope.keys
            }
        }

        /// Why the change cannot be limited to periods, or `nil` when it can (`close`,
        /// `scale_capacity`, `scale_demand` and the changes of time: what a ``PeriodSchedule`` holds per
        /// period).
        var scopeRefusal: String? {
            switch self {
            case .close, .scaleCapacity, .addDelay, .scaleDemand, .scaleTime, .setTimeDays, .scaleDwell, .setDwellDays:
                nil
            case .scaleCost: "costs do not vary by period"
            case .setCapacity: "capacities change by period through factors: use 'scale_capacity' with 'periods'"
            case .addSurcharge: "costs do not vary by period"
            case .addStorage: "storage is there all year"
            case .addNode, .addLink, .addDemand: "records exist all year: close or scale them in periods instead"
            case .avoidCountries: "which countries a shipper avoids holds all year"
            case .scaleUnmetPenalty: "the cost of a TEU not carried holds all year"
            }
        }
    }

    /// Which demands `scale_demand`, `avoid_countries` and `scale_unmet_penalty` pick.
    enum DemandFilter {
        /// Every demand.
        case all
        /// The demand with this id.
        case id(Located<String>)
        /// Demands from and/or to these nodes, and/or moving this way.
        case route(from: Located<String>?, to: Located<String>?, direction: Located<Direction>? = nil)
    }

    /// What the change does, with its already-checked arguments.
    enum Action {
        /// Closes the selected elements.
        case close(Selector)
        /// Multiplies capacities (TEU/year) by a factor ≥ 0; unlimited stays unlimited.
        case scaleCapacity(Selector, factor: Double)
        /// Sets the capacity of a link or node, in TEU/year.
        case setCapacity(Selector, capacityTEU: Double)
        /// Adds days to links' `time_days` or nodes' `dwell_days` (a negative amount cuts them; a result
        /// below 0 is an error).
        case addDelay(Selector, days: Double)
        /// Changes the time or cost of the selected links and nodes (`scale_time`, `set_time_days`,
        /// `scale_cost`) or, when `dwell` is true, the dwell of the selected nodes and of the nodes at
        /// the ends of the selected links (`scale_dwell`, `set_dwell_days`).
        case service(Selector, ServiceChange, dwell: Bool)
        /// Adds USD per TEU to links' tariffs or nodes' handling costs.
        case addSurcharge(Selector, usdPerTEU: Double)
        /// Multiplies demand volumes (TEU/year) by a factor ≥ 0.
        case scaleDemand(factor: Double, DemandFilter)
        /// Adds a node.
        case addNode(NodeRecord)
        /// Adds a link (two directed links when bidirectional).
        case addLink(LinkRecord)
        /// Adds a demand.
        case addDemand(DemandRecord)
        /// Adds storage in TEU to a node and, when given, sets its holding cost in USD per TEU-day.
        case addStorage(Selector, teu: Double, holdingCostUSDPerTEUDay: Double?)
        /// Makes a share (0–1) of each picked demand avoid the countries: the whole demand at share 1,
        /// otherwise a new demand `ID.avoid-C1-C2` of that share, the original keeping the rest.
        case avoidCountries([Located<String>], share: Double, DemandFilter)
        /// Multiplies the unmet penalty (USD per TEU not carried) of the picked demands by a factor ≥ 0:
        /// the price of air freight in another year than the file's.
        case scaleUnmetPenalty(factor: Double, DemandFilter)
    }

    /// What the change does.
    var action: Action
    /// The periods the change is limited to, or `nil` for the whole year (a change to the network).
    var scope: PeriodScope?
    /// The change's path, such as `changes[2].close`.
    var path: String
    /// Where the change's entry starts.
    var position: SourcePosition
    /// True when an amount or other field of the change was wrong (and reported): the change is not
    /// applied, but the ids and periods it names are still checked, so every problem of the entry
    /// is reported in one pass. Its action then holds a stand-in for the wrong amount.
    var isBroken = false
    /// Where the change's amount (`days`, `factor`) is written, for errors about its result.
    var amountPosition: SourcePosition?
}

/// Picks nodes or links for a change: exactly one of `link`, `node`, `country`, `corridor`, `mode`.
struct Selector {
    /// The selector keys, as written in files.
    enum Kind: String, CaseIterable {
        case link, node, country, corridor, mode
    }

    /// Which key selects.
    var kind: Kind
    /// The value written: an id, a country code, a corridor tag or a mode.
    var value: Located<String>
    /// The selector's field path, such as `changes[0].close.country`.
    var field: String

    /// In describe mode, notes each of `kinds` as a non-empty word, `mode` as one of the modes.
    static func describe(_ kinds: [Kind], in reader: inout FieldReader) {
        for kind in kinds {
            _ = reader.word(kind.rawValue)
            reader.describeNeedsValue(kind.rawValue)
        }
        if kinds.contains(.mode) { reader.describe("mode", .object([("enum", .array(Mode.allCases.map { .string($0.rawValue) }))])) }
    }

    /// `country RU`, as used in change descriptions.
    var summary: String { "\(kind.rawValue) \(value.value)" }
}
