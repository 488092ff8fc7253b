/// One fact that explains how a scenario differs from the base, in domain terms (rendered to
/// sentences by the reports).
///
/// Units: TEU per year for volumes, USD per TEU for unit costs, days for times.
public enum ComparisonFinding: Sendable, Hashable {
    /// What the scenario's network sets differently from the base's, found by comparing the two networks
    /// element by element (whatever files they extend): demand, prices, capacities, times, closures.
    case inputs(InputDifferences)
    /// Delivered TEU/year in the base and the scenario; the demands with more unmet TEU, largest first.
    case delivered(base: Double, other: Double, newlyUnmet: [DemandAmount])
    /// A corridor carries less freight.
    case corridorLoss(CorridorLoss)
    /// A corridor carries more freight, the capacities that bind on it (highest shadow price first) and the
    /// elements on it whose congestion limits it (highest delay price first).
    case corridorGain(
        corridor: String, base: Double, other: Double, cappedBy: [BindingConstraint], congestedAt: [CongestionShift])
    /// A corridor's flow-weighted days fell, and the links and nodes on its routes whose time the scenario cut.
    case timeCut(TimeCut)
    /// Average cost per TEU and days changed.
    case costAndTime(CostTimeChange)
    /// The nodes whose throughput fell and rose most (borders, ports, waypoints).
    case nodes(lost: [ScenarioComparison.FlowChange], gained: [ScenarioComparison.FlowChange])
    /// A corridor's capacity (TEU/year, nil when unlimited) or its minimum cut changed.
    case corridorCapacity(CapacityChange)
    /// Congesting elements whose extra days moved most (at most three), largest change first.
    case congestion([CongestionShift])
    /// Flows, costs and times are the same as in the base.
    case unchanged

    /// The inputs that differ between the base's network and the scenario's, largest change first in each list.
    public struct InputDifferences: Sendable, Hashable {
        /// Freight demand, TEU/year, in the base and the scenario.
        public var baseDemandTEU: Double
        public var demandTEU: Double
        /// Background traffic, TEU/year, in the base and the scenario.
        public var baseBackgroundTEU: Double
        public var backgroundTEU: Double
        /// Demands (freight or background) present in both whose TEU changed, grouped by the factor applied
        /// (to 3 decimals), largest TEU change first.
        public var scaled: [ScaledDemands]
        /// Links (tariff) and nodes (handling) whose USD per TEU changed, largest change first.
        public var prices: [ElementValue]
        /// Links and nodes whose capacity changed (nil: unlimited), largest change first (a limit set or removed first).
        public var capacities: [ElementValue]
        /// Links (transit) and nodes (dwell) whose days changed, largest change first.
        public var times: [ElementValue]
        /// Nodes and links closed in the scenario but open in the base, and the reverse, in network order.
        public var closed: [ElementName]
        public var reopened: [ElementName]

        /// True when the networks set nothing differently.
        public var isEmpty: Bool {
            abs(demandTEU - baseDemandTEU) < 1e-9 && abs(backgroundTEU - baseBackgroundTEU) < 1e-9 && scaled.isEmpty
                && prices.isEmpty && capacities.isEmpty && times.isEmpty && closed.isEmpty && reopened.isEmpty
        }
    }

    /// Demands scaled by one factor between the base and the scenario.
    public struct ScaledDemands: Sendable, Hashable {
        /// Scenario TEU / base TEU, rounded to 3 decimals.
        public var factor: Double
        /// The demands' ids, in network order.
        public var demands: [String]
        /// Their TEU/year in the base and the scenario.
        public var baseTEU: Double
        public var teu: Double
    }

    /// One link's or node's value in the base and the scenario (nil: no limit).
    public struct ElementValue: Sendable, Hashable {
        public var element: BindingConstraint.Element
        public var id: String
        public var name: String
        public var base: Double?
        public var value: Double?
    }

    /// A link or node by id and name.
    public struct ElementName: Sendable, Hashable {
        public var element: BindingConstraint.Element
        public var id: String
        public var name: String
    }

    /// A congesting node or link: its extra days per TEU in the base and the scenario, and what limits it there.
    public struct CongestionShift: Sendable, Hashable {
        public var element: BindingConstraint.Element
        public var id: String
        public var name: String
        /// Extra days per TEU from the element's congestion curve, in the base and the scenario.
        public var baseDays: Double
        public var otherDays: Double
        /// Flow over capacity in the scenario.
        public var utilization: Double?
        /// USD the next TEU/year's wait there costs, in the scenario (the congestion row's dual).
        public var delayPriceUSDPerTEU: Double
        /// USD/year saved per extra TEU/year of hard capacity, in the scenario: 0 when only congestion limits it.
        public var shadowPriceUSDPerTEU: Double
    }

    /// A corridor capacity in the base and the scenario, with the cuts that limit it.
    public struct CapacityChange: Sendable, Hashable {
        public var corridor: String
        /// TEU/year; nil when unlimited.
        public var baseTEU: Double?
        public var otherTEU: Double?
        public var baseCut: [CorridorCapacity.CutElement]
        public var otherCut: [CorridorCapacity.CutElement]
        /// When unlimited in the scenario: the node ids of a path with no capacity limit.
        public var unlimitedPath: [String]?
    }

    /// A corridor that got faster and why: the times the scenario cut on its routes.
    public struct TimeCut: Sendable, Hashable {
        public var corridor: String
        /// The corridor's flow-weighted days in the base and the scenario.
        public var baseDays: Double
        public var otherDays: Double
        /// The cut links (transit time) and nodes (dwell) on the corridor's routes in the scenario, largest cut
        /// first (ties by id): the times the scenario sets, congestion waits apart.
        public var elements: [ElementTime]
        /// The congestion waits (extra days per TEU) that grew on the corridor's routes, largest rise first.
        public var congestion: [ElementTime] = []
    }

    /// A link's transit time or a node's dwell in the base and the scenario, days.
    public struct ElementTime: Sendable, Hashable {
        public var element: BindingConstraint.Element
        public var id: String
        public var name: String
        public var baseDays: Double
        public var days: Double
    }

    /// TEU/year of one demand.
    public struct DemandAmount: Sendable, Hashable {
        public var demand: String
        public var teu: Double
    }

    /// Where freight that left a corridor went.
    public struct Destination: Sendable, Hashable {
        /// The corridor that took it, or nil when it is no longer carried (unmet).
        public var corridor: String?
        /// TEU/year.
        public var teu: Double
    }

    /// A capacity on a corridor's base routes that the scenario lowered, and that binds there.
    public struct CapacityCut: Sendable, Hashable {
        public var element: BindingConstraint.Element
        public var id: String
        public var name: String
        /// TEU/year in the base and in the scenario.
        public var baseCapacityTEU: Double
        public var capacityTEU: Double
        /// USD/year saved per extra TEU/year of capacity, in the scenario.
        public var shadowPriceUSDPerTEU: Double
    }

    /// A corridor that lost freight: how much, where it went, and why.
    public struct CorridorLoss: Sendable, Hashable {
        public var corridor: String
        /// TEU/year on the corridor in the base and in the scenario.
        public var baseTEU: Double
        public var otherTEU: Double
        /// Where the lost TEU went (demand by demand, split in proportion), largest first.
        public var destinations: [Destination]
        /// What it took from other corridors at the same time (demand by demand), largest first: with it the
        /// destinations add up to more than the net loss.
        public var sources: [Destination] = []
        /// Base TEU/year of the corridor's routes that pass a node or link the scenario closes.
        public var closedTEU: Double
        /// Ids of the closed nodes those routes passed, by base TEU (at most three).
        public var closedNodes: [String]
        /// Capacities on the corridor's base routes that the scenario lowered and that bind.
        public var cuts: [CapacityCut]
    }

    /// The change of average cost per TEU and days, split into corridor mix and rates.
    ///
    /// `mix` is Σ (share′ − share) × base value; `rate` is Σ share′ × (value′ − base value), so
    /// `mix + rate` is the whole change (a corridor new in the scenario counts at its own value).
    public struct CostTimeChange: Sendable, Hashable {
        public var baseCostUSDPerTEU: Double
        public var otherCostUSDPerTEU: Double
        public var costMixUSDPerTEU: Double
        public var costRateUSDPerTEU: Double
        public var baseDays: Double
        public var otherDays: Double
        public var daysMix: Double
        public var daysRate: Double
        /// The corridor, present in both, whose own cost per TEU moved the average most, if any moved.
        public var mostChanged: CorridorSummaryPair?
    }

    /// One corridor's figures in the base and the scenario.
    public struct CorridorSummaryPair: Sendable, Hashable {
        public var base: CorridorSummary
        public var other: CorridorSummary
    }
}
