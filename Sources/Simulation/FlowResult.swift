import FlowFormulation
public import FreightNetwork

/// The answer for one scenario, in domain terms: flows, costs, times, shares and what binds.
///
/// Units: TEU per year for flows and capacities, USD per TEU for unit costs, USD per year for
/// totals, days for times. Shadow prices are in USD per year saved per extra TEU/year of capacity (≥ 0).
///
/// Made by ``Simulator`` (no public initialiser): its vocabulary, ``Objective`` and ``SolveStatus``, is
/// this module's own, so a report needs neither the formulation nor the solver layer to read it.
public struct FlowResult: Sendable {
    /// What the run optimised: `min-cost` or `max-throughput`, the word the outputs print.
    ///
    /// It carries the formulation's `FlowFormulation.Objective`, so that a report reads it without knowing
    /// the formulation layer.
    public struct Objective: Sendable, Hashable {
        /// The objective the program was built for.
        let formulation: FlowFormulation.Objective

        /// The word the outputs print.
        public var rawValue: String { formulation.rawValue }

        /// Carry every demand at the lowest generalised cost.
        public static let minCost = Objective(formulation: .minCost)
        /// Deliver as many TEU as the capacities allow; among those flows, the cheapest.
        public static let maxThroughput = Objective(formulation: .maxThroughput)
    }

    public var scenario: String
    public var objective: Objective
    public var status: SolveStatus
    /// The optimised objective: USD/year of generalised cost (min-cost, background traffic's included) or
    /// delivered TEU/year (max-throughput: the China–Europe freight's part of the maximum, which counts
    /// background traffic too).
    public var objectiveValue: Double?
    /// The linear program's own optimum, when congestion makes it differ from ``objectiveValue`` (min-cost
    /// only): the program charges each element the integral of its wait (the user equilibrium's
    /// objective), the reported cost every TEU's wait. This is what an exported LP solves to.
    public var programObjectiveValue: Double? = nil
    /// USD per TEU-day at which the program priced congestion waits (min-cost with congestion only; see
    /// `FlowProgram.congestionValueOfTime(_:)`): the scenario's `congestion_value_of_time_usd_per_teu_day`,
    /// else the TEU-weighted mean value of time.
    public var congestionValueOfTime: Double? = nil
    /// China–Europe demand, TEU/year (background traffic apart, see ``background``); likewise every
    /// total, average and share below.
    public var demandTEU: Double
    public var deliveredTEU: Double
    public var unmetTEU: Double
    /// Tariffs plus handling of the delivered freight, USD/year (money only, no time value).
    public var totalCostUSD: Double
    /// Σ TEU × days × value of time, USD/year.
    public var timeValueUSD: Double
    /// Σ unmet TEU × penalty, USD/year.
    public var unmetPenaltyUSD: Double
    /// totalCostUSD / deliveredTEU, or nil when nothing is delivered.
    public var avgCostUSDPerTEU: Double?
    /// Flow-weighted transit days (link times plus dwell at every node handled), or nil when nothing is delivered.
    public var avgTimeDays: Double?
    /// Delivered TEU by corridor, largest first; shares sum to 1 when anything is delivered.
    public var corridors: [CorridorShare]
    public var links: [LinkFlow]
    public var nodes: [NodeFlow]
    public var demands: [DemandResult]
    /// Background traffic (`FreightNetwork/Demand/isBackground`), in file order: routed like the demands,
    /// so in ``links`` and ``nodes`` flows, but in no total, share or average above.
    public var background: [DemandResult] = []
    /// Capacity rows that bind (full, or with a non-zero shadow price), highest value first.
    public var binding: [BindingConstraint]
    public var programSize: ProgramSize
    public var solverName: String
    public var iterations: Int?
    /// The solver's own log, when the solve options set `captureLog`.
    public var solverLog: String = ""
    /// Remarks on how the result was reached (e.g. a fallback to the arc form), one line each: for
    /// standard error, never part of a report.
    public var notes: [String] = []
    /// Per-period results of a scenario with periods (annual figures above are their sums), else `nil`.
    public var periods: [PeriodResult]? = nil
}

/// Rows, columns and non-zeros of the LP that was solved, and how it was solved.
public struct ProgramSize: Sendable, Hashable {
    public var rows: Int
    public var columns: Int
    public var nonZeros: Int
    public var commodities: Int
    /// The formulation that ran: ``SolutionMethod/arc`` or ``SolutionMethod/paths`` (never `auto`).
    public var method: SolutionMethod = .arc
    /// Column generation: pricing rounds (master solves), over both stages of max throughput; the period
    /// decomposition: its master solves; nil for the arc form solved as one LP.
    public var rounds: Int? = nil
    /// True when the time-expanded program of a scenario with periods was solved by the period
    /// decomposition (every stage proven by it), not as one LP.
    public var periodDecomposition = false
    /// When the primal simplex's stall guard handed a solve of this program to the dual simplex: the primal
    /// iterations it had run (over both stages of max throughput, for the stages that switched); nil when
    /// no solve switched (see `SolveOptions/stallGuard`).
    public var dualSimplexAfterIterations: Int? = nil
    /// Column generation on a large min-cost network: the iterations of the volume algorithm (on the
    /// Lagrangian relaxation of the capacity rows) whose paths and rows its second master started from; nil
    /// when it did not run (see ``Simulator/volumeIterations``).
    public var volumeIterations: Int? = nil

    /// How the program was solved, as reports name it: `arc`, `paths` or `period-decomposition`.
    public var methodName: String { periodDecomposition ? "period-decomposition" : method.rawValue }
}

/// Delivered TEU/year on one corridor and its share of all delivered TEU.
public struct CorridorShare: Sendable, Hashable {
    public var corridor: String
    public var teu: Double
    public var share: Double
}

/// Flow on one directed link.
public struct LinkFlow: Sendable, Hashable {
    public var id: Link.ID
    public var from: Node.ID
    public var to: Node.ID
    public var mode: Mode
    public var corridor: String
    public var flowTEU: Double
    public var capacityTEU: Double?
    /// flow / capacity, when the capacity is limited and positive.
    public var utilization: Double?
    /// USD/year saved per extra TEU/year of capacity (min-cost; stage 2 of max-throughput), when limited.
    public var shadowPriceUSDPerTEU: Double?
    /// Max-throughput only: extra delivered TEU per extra TEU of capacity.
    public var throughputGainPerTEU: Double?
    public var isClosed: Bool
    /// The link's transit time, days.
    public var timeDays: Double = 0
    /// TEU per train on the link, when the scenario gives it (for trains/day).
    public var teuPerTrain: Double? = nil
    /// Extra days every TEU waits here at this flow (its congestion curve), when the element congests.
    public var congestionDays: Double? = nil
    /// USD per TEU that the next TEU/year's wait here costs (its extra days at the program's single value
    /// of time): the congestion row's dual, when the element congests.
    public var congestionPriceUSDPerTEU: Double? = nil
}

/// Throughput at one node (TEU entering over links plus TEU originating there).
public struct NodeFlow: Sendable, Hashable {
    public var id: Node.ID
    public var name: String
    public var kind: NodeKind
    public var country: String
    /// Latitude in degrees (WGS 84), −90…90.
    public var latitude: Double
    /// Longitude in degrees (WGS 84), −180…180.
    public var longitude: Double
    public var throughputTEU: Double
    public var capacityTEU: Double?
    public var utilization: Double?
    public var shadowPriceUSDPerTEU: Double?
    public var throughputGainPerTEU: Double?
    public var isClosed: Bool
    /// The node's dwell per TEU, days.
    public var dwellDays: Double = 0
    /// Extra days every TEU waits here at this flow (its congestion curve), when the element congests.
    public var congestionDays: Double? = nil
    /// USD per TEU that the next TEU/year's wait here costs (its extra days at the program's single value
    /// of time): the congestion row's dual, when the element congests.
    public var congestionPriceUSDPerTEU: Double? = nil
}

/// One route a demand uses: its nodes and links, TEU/year, cost per TEU and days.
public struct Route: Sendable, Hashable {
    public var nodes: [Node.ID]
    public var links: [Link.ID]
    public var teu: Double
    /// Tariffs plus handling (origin and every node entered), USD per TEU.
    public var costUSDPerTEU: Double
    /// Link times plus dwell (origin and every node entered), days.
    public var timeDays: Double
    /// The non-`shared` corridor tag covering most of the route's km (or "shared").
    public var corridor: String
    /// Origin, border crossings, ports, waypoints and destination: the nodes that name the route.
    public var keyNodes: [Node.ID]
}

/// What happened to one demand.
public struct DemandResult: Sendable, Hashable {
    public var id: Demand.ID
    public var from: Node.ID
    public var to: Node.ID
    public var teu: Double
    public var deliveredTEU: Double
    public var unmetTEU: Double
    public var avgCostUSDPerTEU: Double?
    public var avgTimeDays: Double?
    /// Routes by TEU, largest first.
    public var routes: [Route]
    /// Cargo mass per TEU, tonnes, when the scenario gives one (for Mt/yr).
    public var tonnesPerTEU: Double? = nil
    /// Which way it moves (`FreightNetwork/Network/direction(of:)`).
    public var direction: Direction = .westbound
    /// The countries its freight never passes through (`FreightNetwork/Demand/avoidedCountries`).
    public var avoidedCountries: [String] = []
}

/// A capacity that limits the answer.
public struct BindingConstraint: Sendable, Hashable {
    public enum Element: String, Sendable, Hashable {
        case link
        case node
    }
    public var element: Element
    public var id: String
    public var name: String
    public var flowTEU: Double
    public var capacityTEU: Double
    public var shadowPriceUSDPerTEU: Double
    public var throughputGainPerTEU: Double?
}
