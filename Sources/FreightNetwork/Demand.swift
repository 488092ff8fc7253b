/// Freight that wants to move from one node to another in a year.
public struct Demand: Sendable, Hashable, Identifiable {
    public typealias ID = Identifier<Demand>
    /// Default value of time: USD per TEU per day (inventory and capital cost of goods in transit).
    public static let defaultValueOfTimeUSDPerTEUDay: Double = 50
    /// Default penalty for a TEU not carried: USD per TEU (about the cost of air freight or a lost sale).
    public static let defaultUnmetPenaltyUSDPerTEU: Double = 20_000
    /// Default penalty for a TEU of background traffic not carried: USD per TEU. Five times the freight
    /// default, so that a capacity short of both sheds China–Europe freight first: background traffic is
    /// carried by the operators whatever the model would prefer, and a lost background TEU says that a
    /// capacity is below what the element really carries.
    public static let defaultBackgroundPenaltyUSDPerTEU: Double = 100_000

    /// The id from the file, or "FROM-TO" when none was given.
    public var id: ID
    public var from: Node.ID
    public var to: Node.ID
    /// Volume in TEU per year.
    public var teu: Double
    /// Value of time in USD per TEU per day.
    public var valueOfTimeUSDPerTEUDay: Double
    /// Penalty in USD per TEU of demand not delivered.
    public var unmetPenaltyUSDPerTEU: Double
    /// Penalty in USD per TEU per day of late delivery, in scenarios with periods; `nil` means the
    /// value of time (a late TEU costs what a slow one does).
    public var latePenaltyUSDPerTEUDay: Double?
    /// Mass of cargo per TEU, tonnes, when known (for reports in Mt/yr; the model itself counts TEU).
    public var tonnesPerTEU: Double?
    /// True for background traffic: flows that are not the China–Europe freight the scenario is about
    /// (China–Russia, China–Central Asia, Kazakh and Caspian transit, non-container cargo in TEU
    /// equivalents). They are routed like demands and occupy node and link capacity, but every report
    /// shows them apart, never in corridor shares, delivered or unmet TEU, or average times.
    public var isBackground: Bool
    /// The direction written in the file, or nil to take it from the ends' longitudes
    /// (``Network/direction(of:)``).
    public var direction: Direction?
    /// Countries (node `country` codes) the demand's freight never passes through, sorted and without
    /// repeats: shippers who will not route via them (say Russia and Belarus since 2022). A node lies in
    /// every country of its `country` ("BY/PL" in both), so a border node of an avoided country is
    /// avoided too. Empty: any route.
    public var avoidedCountries: [String]

    public init(
        id: ID? = nil,
        from: Node.ID,
        to: Node.ID,
        teu: Double,
        valueOfTimeUSDPerTEUDay: Double = Demand.defaultValueOfTimeUSDPerTEUDay,
        unmetPenaltyUSDPerTEU: Double = Demand.defaultUnmetPenaltyUSDPerTEU,
        latePenaltyUSDPerTEUDay: Double? = nil,
        tonnesPerTEU: Double? = nil,
        isBackground: Bool = false,
        direction: Direction? = nil,
        avoidedCountries: [String] = []
    ) {
        self.id = id ?? ID("\(from.rawValue)-\(to.rawValue)")
        self.from = from
        self.to = to
        self.teu = teu
        self.valueOfTimeUSDPerTEUDay = valueOfTimeUSDPerTEUDay
        self.unmetPenaltyUSDPerTEU = unmetPenaltyUSDPerTEU
        self.latePenaltyUSDPerTEUDay = latePenaltyUSDPerTEUDay
        self.tonnesPerTEU = tonnesPerTEU
        self.isBackground = isBackground
        self.direction = direction
        self.avoidedCountries = Array(Set(avoidedCountries)).sorted()
    }
}

extension Demand {
    /// The id of the part of demand `id` that an `avoid_countries` change splits off to avoid `countries`
    /// (sorted codes): `ID.avoid-C1-C2`.
    public static func avoidingPartID(of id: ID, countries: [String]) -> ID {
        ID("\(id.rawValue).avoid-\(countries.joined(separator: "-"))")
    }

    /// Whether `candidate` is demand `id` or a part an `avoid_countries` change split from it
    /// (``avoidingPartID(of:countries:)``).
    public static func isSame(_ candidate: ID, orPartOf id: ID) -> Bool {
        candidate == id || candidate.rawValue.hasPrefix(id.rawValue + ".avoid-")
    }
}
