/// What role a node plays in the network.
public enum NodeKind: String, Sendable, Hashable, CaseIterable {
    /// An origin, destination or consolidation hub.
    case hub
    /// A border station (often with a gauge change).
    case border
    /// A sea or lake port.
    case port
    /// A terminal (transshipment, dry port, logistics centre).
    case terminal
    /// A point on a route with no handling of its own (a canal, a cape).
    case waypoint
}

/// A place freight passes through.
///
/// Throughput (TEU entering over links plus TEU originating here) is bounded by ``capacityTEU``
/// and pays ``handlingCostUSDPerTEU`` and ``dwellDays`` per TEU.
public struct Node: Sendable, Hashable, Identifiable {
    public typealias ID = Identifier<Node>
    public var id: ID
    public var name: String
    /// ISO 3166 alpha-2 code; a border node on two countries may give both as "KZ/TM".
    public var country: String
    public var kind: NodeKind
    /// Latitude in degrees (WGS 84), −90…90.
    public var latitude: Double
    /// Longitude in degrees (WGS 84), −180…180.
    public var longitude: Double
    /// Throughput capacity in TEU per year, or `nil` for unlimited.
    public var capacityTEU: Double?
    /// Handling cost in USD per TEU of throughput.
    public var handlingCostUSDPerTEU: Double
    /// Dwell time in days per TEU of throughput.
    public var dwellDays: Double
    /// True when a scenario closed the node: nothing enters, leaves or originates.
    public var isClosed: Bool
    /// Storage (warehouse, dry port, port yard) in TEU that can be held from one period to the
    /// next, or `nil` for none. Used only by scenarios with periods.
    public var storageCapacityTEU: Double?
    /// Cost of holding one TEU in storage here for one day, USD.
    public var holdingCostUSDPerTEUDay: Double
    /// Extra dwell as utilisation rises, or `nil` for none. Only a node with a capacity congests.
    public var congestion: CongestionCurve?

    public init(
        id: ID,
        name: String,
        country: String,
        kind: NodeKind,
        latitude: Double,
        longitude: Double,
        capacityTEU: Double? = nil,
        handlingCostUSDPerTEU: Double = 0,
        dwellDays: Double = 0,
        isClosed: Bool = false,
        storageCapacityTEU: Double? = nil,
        holdingCostUSDPerTEUDay: Double = 0,
        congestion: CongestionCurve? = nil
    ) {
        self.id = id
        self.name = name
        self.country = country
        self.kind = kind
        self.latitude = latitude
        self.longitude = longitude
        self.capacityTEU = capacityTEU
        self.handlingCostUSDPerTEU = handlingCostUSDPerTEU
        self.dwellDays = dwellDays
        self.isClosed = isClosed
        self.storageCapacityTEU = storageCapacityTEU
        self.holdingCostUSDPerTEUDay = holdingCostUSDPerTEUDay
        self.congestion = congestion
    }

    /// The countries this node lies in ("KZ/TM" gives both).
    public var countries: [String] {
        country.split(separator: "/").map { String($0).trimmingSpaces() }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
