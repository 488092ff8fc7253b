/// A candidate project of an investment plan (`investments:` in a plan file, see `Scenarios/SCHEMA.md`).
///
/// Built either yes/no (`maxUnits == 1`) or as an integer number of identical units (ferries),
/// each unit costing ``capexUSD`` and bringing every effect once.
public struct Investment: Sendable, Hashable, Identifiable {
    public var id: String
    public var description: String?
    /// One-off capital cost of one unit, USD.
    public var capexUSD: Double
    /// Units that must be built (committed projects); 0 by default.
    public var minUnits: Int
    /// Most units that can be built; 1 for a yes/no project.
    public var maxUnits: Int
    public var effects: [InvestmentEffect]
    /// Ids of projects that must be built (at least one unit) for this one to be built.
    public var requires: [String]
    /// Ids of projects that cannot be built together with this one.
    public var excludes: [String]
    public var source: String?
    /// Economic life of one unit, whole years (`lifetime_years`); nil when the plan has no economics.
    public var lifetimeYears: Int?
    /// Operating and maintenance cost of one unit, USD/yr (`opex_usd_per_year`, default 0).
    public var opexUSDPerYear: Double
    /// Years from the decision to service (`lead_time_years`); read and reported, not modelled (a plan is one year).
    public var leadTimeYears: Double?

    public init(
        id: String, description: String? = nil, capexUSD: Double, minUnits: Int = 0, maxUnits: Int = 1,
        effects: [InvestmentEffect], requires: [String] = [], excludes: [String] = [], source: String? = nil,
        lifetimeYears: Int? = nil, opexUSDPerYear: Double = 0, leadTimeYears: Double? = nil
    ) {
        self.lifetimeYears = lifetimeYears
        self.opexUSDPerYear = opexUSDPerYear
        self.leadTimeYears = leadTimeYears
        self.id = id
        self.description = description
        self.capexUSD = capexUSD
        self.minUnits = minUnits
        self.maxUnits = maxUnits
        self.effects = effects
        self.requires = requires
        self.excludes = excludes
        self.source = source
    }

    /// Whether the project is a yes/no choice.
    public var isBinary: Bool { maxUnits == 1 }

    /// The costs of `units` units at this project's lifetime, for an ``Appraisal``; nil without a lifetime.
    public func appraisalPart(units: Int) -> Appraisal.Part? {
        guard let lifetimeYears, lifetimeYears > 0 else { return nil }
        return Appraisal.Part(capexUSD: capexUSD * Double(units), opexUSDPerYear: opexUSDPerYear * Double(units),
                              lifetimeYears: lifetimeYears)
    }
}

/// What one unit of an ``Investment`` does to the network.
public enum InvestmentEffect: Sendable, Hashable {
    /// Raises a link's capacity by `teu` TEU/year per unit (both directions of a bidirectional link).
    case linkCapacity(Link.ID, teu: Double)
    /// Raises a node's throughput capacity by `teu` TEU/year per unit.
    case nodeCapacity(Node.ID, teu: Double)
    /// A link that exists only when the project is built; its capacity (per unit) is its `capacityTEU`,
    /// unlimited when nil.
    case newLink(Link)
    /// A node that exists only when the project is built; its capacity (per unit) is its `capacityTEU`.
    case newNode(Node)
    /// A faster or cheaper service on an existing link: a parallel copy of the link with the tariff and
    /// time reduced by these amounts, open only when built, sharing the link's capacity.
    case upgradeLink(Link.ID, costReductionUSDPerTEU: Double, timeReductionDays: Double)
    /// A warehouse: raises a node's storage capacity by `teu` TEU per unit (a stock, not a rate; see
    /// ``Node/storageCapacityTEU``). Only scenarios with periods hold stock; in an annual scenario it has no
    /// effect. `holdingCostUSDPerTEUDay` becomes the node's holding cost when the node has no storage of its
    /// own (nil: the node's holding cost); a node with storage keeps its holding cost.
    case storage(Node.ID, teu: Double, holdingCostUSDPerTEUDay: Double?)
    /// Changes the time or cost of a link (every link with that id or base id) or a node once the project is
    /// built (one unit or more: the change is made once), like the scenario change of that name
    /// (`add_delay`, `scale_time`, `set_time_days`, `scale_dwell`, `set_dwell_days`, `scale_cost`).
    case service(ElementID, ServiceChange)
}

/// The investment part of a plan file: candidates and the budget.
public struct InvestmentCatalog: Sendable, Hashable {
    public var investments: [Investment]
    /// Most capex that may be spent in total, USD.
    public var budgetUSD: Double
    /// The plan's discount rate (a fraction, 0.06 for 6 %); nil for a plan without economics, whose capex
    /// enters only the budget row.
    public var discountRate: Double?

    public init(investments: [Investment], budgetUSD: Double, discountRate: Double? = nil) {
        self.investments = investments
        self.budgetUSD = budgetUSD
        self.discountRate = discountRate
    }

    /// Whether the plan has economics: a discount rate and a lifetime for every project.
    public var hasEconomics: Bool {
        discountRate != nil && investments.allSatisfy { ($0.lifetimeYears ?? 0) > 0 }
    }

    /// Annualised cost of one unit of project `i`, USD/yr: capex × CRF + opex; 0 for a plan without economics.
    public func annualisedCostUSDPerUnit(_ i: Int) -> Double {
        guard hasEconomics, let rate = discountRate, let years = investments[i].lifetimeYears else { return 0 }
        let investment = investments[i]
        return investment.capexUSD * Appraisal.capitalRecoveryFactor(rate: rate, years: years) + investment.opexUSDPerYear
    }

    public func index(of id: String) -> Int? { investments.firstIndex { $0.id == id } }

    /// Capex of the committed units (`minUnits`), USD.
    public var committedCapexUSD: Double {
        investments.reduce(0) { $0 + Double($1.minUnits) * $1.capexUSD }
    }
}
