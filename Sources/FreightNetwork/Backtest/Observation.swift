/// A published figure the model should reproduce: one row of an observations file
/// (`Scenarios/observations.yaml`, read by `corridor backtest`).
///
/// The published value is converted to the model's scope (westbound TEU/yr, days, USD per TEU) by
/// ``scopeFactor``; it is inside tolerance when the model's value lies in ``acceptedRange``.
public struct Observation: Sendable, Hashable, Identifiable {
    /// What is measured in the model's result for the observation's year.
    public enum Metric: Sendable, Hashable {
        /// China–Europe freight TEU/yr whose route's main corridor is the tag.
        case corridorTEU(String)
        /// The corridor's freight as a percentage of the overland freight (northern + middle + southern).
        case corridorShare(String)
        /// Flow-weighted transit days of the corridor's freight.
        case corridorDays(String)
        /// Flow-weighted tariffs plus handling of the corridor's freight, USD per TEU.
        case corridorCost(String)
        /// TEU/yr through a node (China–Europe freight, plus background traffic when asked).
        case nodeTEU(Node.ID)
        /// TEU/yr on a link (every link with that id, both directions of a bidirectional one).
        case linkTEU(Link.ID)
        /// The congestion delay at a node, days.
        case nodeCongestionDays(Node.ID)
        /// A demand's flow-weighted transit days; with a corridor tag, of its freight on routes of that
        /// corridor only (a published train time against a demand that also goes by sea).
        case demandDays(Demand.ID, corridor: String? = nil)

        /// The metric's name in an observations file.
        public var name: String {
            switch self {
            case .corridorTEU: "corridor_teu"
            case .corridorShare: "corridor_share"
            case .corridorDays: "corridor_days"
            case .corridorCost: "corridor_cost_usd_per_teu"
            case .nodeTEU: "node_teu"
            case .linkTEU: "link_teu"
            case .nodeCongestionDays: "node_congestion_days"
            case .demandDays: "demand_days"
            }
        }

        /// The corridor tag, node, link or demand measured.
        public var subject: String {
            switch self {
            case .corridorTEU(let c), .corridorShare(let c), .corridorDays(let c), .corridorCost(let c): c
            case .nodeTEU(let n), .nodeCongestionDays(let n): n.rawValue
            case .linkTEU(let l): l.rawValue
            case .demandDays(let d, nil): d.rawValue
            case .demandDays(let d, let corridor?): "\(d.rawValue) on \(corridor)"
            }
        }

        /// The unit of the model's value.
        public var modelUnit: String {
            switch self {
            case .corridorTEU, .nodeTEU, .linkTEU: "TEU/yr"
            case .corridorShare: "%"
            case .corridorDays, .nodeCongestionDays, .demandDays: "days"
            case .corridorCost: "USD/TEU"
            }
        }

        /// Every metric name, in the order the documentation lists them.
        public static let names = [
            "corridor_teu", "corridor_share", "corridor_days", "corridor_cost_usd_per_teu", "node_teu", "link_teu",
            "node_congestion_days", "demand_days",
        ]
    }

    /// What was published: one value, or a range.
    public enum Published: Sendable, Hashable {
        case value(Double)
        case range(Double, Double)
    }

    /// How far from the published value the model may be.
    public enum Tolerance: Sendable, Hashable {
        /// A share of the published value, in percent.
        case percent(Double)
        /// An amount in the model's unit.
        case absolute(Double)
        /// None beyond a published range.
        case none
    }

    public var id: String
    public var year: Int
    public var metric: Metric
    /// The value as published, in ``unit``.
    public var published: Published
    /// The published unit, free text ("TEU/yr, both directions").
    public var unit: String
    /// Multiplies the published value into the model's scope (a westbound share, 0.5 for per FEU); 1 by default.
    public var scopeFactor: Double
    /// Why ``scopeFactor`` is what it is.
    public var scope: String?
    /// When set, the observation is the ratio of the metric in ``year`` to the metric in this year.
    public var relativeToYear: Int?
    public var tolerance: Tolerance
    /// Node and link metrics: count background traffic too.
    public var includesBackground: Bool
    public var source: String
    public var notes: String?
    /// The parameter this observation's source also sets, when it does (free text, e.g. "the 2024 BY–PL
    /// capacity in years/2024.yaml"): the observation then checks the calibration, not the model, and the
    /// backtest counts it apart (`BacktestResult` in Simulation).
    public var calibrates: String?

    public init(
        id: String, year: Int, metric: Metric, published: Published, unit: String, scopeFactor: Double = 1,
        scope: String? = nil, relativeToYear: Int? = nil, tolerance: Tolerance, includesBackground: Bool = false,
        source: String, notes: String? = nil, calibrates: String? = nil
    ) {
        self.id = id
        self.year = year
        self.metric = metric
        self.published = published
        self.unit = unit
        self.scopeFactor = scopeFactor
        self.scope = scope
        self.relativeToYear = relativeToYear
        self.tolerance = tolerance
        self.includesBackground = includesBackground
        self.source = source
        self.notes = notes
        self.calibrates = calibrates
    }

    /// The published value (a range's midpoint) in the model's scope.
    public var observed: Double {
        switch published {
        case .value(let v): v * scopeFactor
        case .range(let low, let high): (low + high) / 2 * scopeFactor
        }
    }

    /// The model values inside tolerance: the published value or range in the model's scope, widened by the tolerance.
    public var acceptedRange: ClosedRange<Double> {
        let (low, high): (Double, Double) =
            switch published {
            case .value(let v): (v * scopeFactor, v * scopeFactor)
            case .range(let a, let b): (a * scopeFactor, b * scopeFactor)
            }
        let (lo, hi) = (min(low, high), max(low, high))
        switch tolerance {
        case .percent(let p): return lo - abs(lo) * p / 100...hi + abs(hi) * p / 100
        case .absolute(let a): return lo - a...hi + a
        case .none: return lo...hi
        }
    }

    /// The unit the model's value is in: the metric's, or "ratio" for an observation relative to another year.
    public var modelUnit: String { relativeToYear == nil ? metric.modelUnit : "ratio" }
}
