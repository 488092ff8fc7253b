/// How freight moves along a link.
public enum Mode: String, Sendable, Hashable, CaseIterable {
    case rail
    case ferry
    case road
    case sea
}

/// A directed link between two nodes.
///
/// A file's `bidirectional: true` link becomes two `Link`s: `ID` (from → to) and `ID:rev`
/// (to → from), each with the full capacity; both keep ``baseID`` = `ID`.
public struct Link: Sendable, Hashable, Identifiable {
    public typealias ID = Identifier<Link>
    public var id: ID
    /// The id written in the file (differs from ``id`` only for the reverse of a bidirectional link).
    public var baseID: ID
    public var from: Node.ID
    public var to: Node.ID
    public var mode: Mode
    /// Corridor tag, such as "northern", "middle", "southern", "sea" or "shared".
    public var corridor: String
    /// Track gauge in millimetres (1435, 1520), when it matters.
    public var gaugeMM: Int?
    /// Route length in kilometres.
    public var distanceKm: Double
    /// Capacity in TEU per year, or `nil` for unlimited.
    public var capacityTEU: Double?
    /// Tariff in USD per TEU.
    public var costUSDPerTEU: Double
    /// Transit time in days.
    public var timeDays: Double
    /// True when a scenario closed the link: it carries nothing.
    public var isClosed: Bool
    /// TEU one train carries on this link, when known (for reports in trains/day; the model counts TEU).
    public var teuPerTrain: Double?
    /// Extra transit time as utilisation rises, or `nil` for none. Only a link with a capacity congests.
    public var congestion: CongestionCurve?

    public init(
        id: ID,
        baseID: ID? = nil,
        from: Node.ID,
        to: Node.ID,
        mode: Mode,
        corridor: String,
        gaugeMM: Int? = nil,
        distanceKm: Double,
        capacityTEU: Double? = nil,
        costUSDPerTEU: Double,
        timeDays: Double,
        isClosed: Bool = false,
        teuPerTrain: Double? = nil,
        congestion: CongestionCurve? = nil
    ) {
        self.id = id
        self.baseID = baseID ?? id
        self.from = from
        self.to = to
        self.mode = mode
        self.corridor = corridor
        self.gaugeMM = gaugeMM
        self.distanceKm = distanceKm
        self.capacityTEU = capacityTEU
        self.costUSDPerTEU = costUSDPerTEU
        self.timeDays = timeDays
        self.isClosed = isClosed
        self.teuPerTrain = teuPerTrain
        self.congestion = congestion
    }

    /// The id given to the reverse direction of a bidirectional link.
    public static func reverseID(of id: ID) -> ID { ID(id.rawValue + ":rev") }
}
