public import FreightNetwork

/// What happened in one period of a seasonal scenario.
///
/// Units: TEU in the period (not per year), USD in the period, days. Stock and late TEU are
/// levels at the end of the period; late TEU-days and the late cost are those incurred during the period
/// by what was late at the end of the period before, the holding cost by what was in stock then (the year
/// is cyclic). Annual figures of the ``FlowResult`` are the sums over the periods.
public struct PeriodResult: Sendable, Hashable {
    public var name: String
    public var days: Double
    /// TEU due at the destinations in the period.
    public var dueTEU: Double
    /// TEU that left their origins in the period.
    public var shippedTEU: Double
    /// TEU that reached their destinations in the period.
    public var deliveredTEU: Double
    /// TEU due in the period and lost (never delivered; they pay the unmet penalty).
    public var lostTEU: Double
    /// TEU due by the end of the period and not yet delivered (late backlog at the destinations).
    public var lateTEU: Double
    /// TEU in storage at the end of the period, over all warehouses.
    public var stockTEU: Double
    /// TEU-days of lateness during the period: late TEU at the end of the period before × days.
    public var lateTEUDays: Double
    /// USD of holding cost in storage during the period.
    public var holdingCostUSD: Double
    /// USD of late penalty during the period.
    public var lateCostUSD: Double
    /// TEU shipped in the period by the main corridor of their route, largest first.
    public var corridors: [CorridorShare]
    /// Flow entering each link in the period, in link order.
    public var links: [PeriodLinkFlow]
    /// Throughput of each node in the period, in node order.
    public var nodes: [PeriodNodeFlow]
    /// Stock at the end of the period at each node with storage, in node order.
    public var stocks: [PeriodStock]

    public init(
        name: String, days: Double, dueTEU: Double, shippedTEU: Double, deliveredTEU: Double, lostTEU: Double,
        lateTEU: Double, stockTEU: Double, lateTEUDays: Double, holdingCostUSD: Double, lateCostUSD: Double,
        corridors: [CorridorShare], links: [PeriodLinkFlow], nodes: [PeriodNodeFlow], stocks: [PeriodStock]
    ) {
        self.name = name
        self.days = days
        self.dueTEU = dueTEU
        self.shippedTEU = shippedTEU
        self.deliveredTEU = deliveredTEU
        self.lostTEU = lostTEU
        self.lateTEU = lateTEU
        self.stockTEU = stockTEU
        self.lateTEUDays = lateTEUDays
        self.holdingCostUSD = holdingCostUSD
        self.lateCostUSD = lateCostUSD
        self.corridors = corridors
        self.links = links
        self.nodes = nodes
        self.stocks = stocks
    }

    /// TEU shipped in the period on one corridor (0 when none).
    public func corridorTEU(_ corridor: String) -> Double {
        corridors.first { $0.corridor == corridor }?.teu ?? 0
    }
}

/// Flow entering one link in one period.
public struct PeriodLinkFlow: Sendable, Hashable {
    public var id: Link.ID
    public var corridor: String
    public var flowTEU: Double
    /// Capacity in the period (annual × days/365 × factor), when limited.
    public var capacityTEU: Double?
    public var utilization: Double?
    /// USD saved per extra TEU of capacity in this period, when limited.
    public var shadowPriceUSDPerTEU: Double?
}

/// Throughput (arrivals plus freight originating) of one node in one period.
public struct PeriodNodeFlow: Sendable, Hashable {
    public var id: Node.ID
    public var throughputTEU: Double
    public var capacityTEU: Double?
    public var utilization: Double?
    public var shadowPriceUSDPerTEU: Double?
}

/// Stock held at one storage node at the end of a period.
public struct PeriodStock: Sendable, Hashable {
    public var id: Node.ID
    public var name: String
    public var stockTEU: Double
    public var capacityTEU: Double
}

extension FlowResult {
    /// Holding cost of storage plus late penalty of the backlog over the year, USD (0 without periods).
    public var waitingCostUSD: Double {
        (periods ?? []).reduce(0) { $0 + $1.holdingCostUSD + $1.lateCostUSD }
    }
}
