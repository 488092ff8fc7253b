public import FreightNetwork

/// The outcome of a plan over years: which project is built in which year, each year's costs, the targets.
public struct YearPlanResult: Sendable {
    /// One project's schedule.
    public struct Project: Sendable {
        public var investment: Investment
        /// Units started in each plan year (`[s]`, in the order of ``YearPlanResult/years``).
        public var unitsByYear: [Int]
        /// The first year a unit is started, or nil when never built.
        public var buildYear: Int?
        /// The first plan year a unit is in service (build year + lead time), or nil.
        public var inServiceYear: Int?
        /// Total units built over the horizon.
        public var units: Int { unitsByYear.reduce(0, +) }
    }

    /// One plan year's figures (USD/yr undiscounted unless said).
    public struct Year: Sendable {
        public var year: PlanYear
        public var scenario: String
        /// The year's weight in the objective after discounting: weight / (1 + r)^(year − first year).
        public var discountedWeight: Double
        /// Capex of the projects started this year, USD (one-off).
        public var capexStartedUSD: Double
        /// Annualised capex (capex × CRF) of every project started so far, USD/yr.
        public var annualisedCapexUSD: Double
        /// Opex of the projects in service, USD/yr.
        public var opexUSD: Double
        /// The year's generalised cost with the projects in service, USD/yr (min-cost flow of the plan MIP).
        public var generalisedCostUSD: Double
        /// The year's generalised cost with no project built, USD/yr.
        public var generalisedCostWithoutUSD: Double?
        /// TEU/yr of the year's demand not delivered.
        public var unmetTEU: Double
        /// Units of each project in service (catalog order).
        public var inService: [Int]
        /// The year's total, annualised capex + opex + generalised cost, USD/yr.
        public var totalUSD: Double { annualisedCapexUSD + opexUSD + generalisedCostUSD }
    }

    /// One target in one year.
    public struct TargetOutcome: Sendable {
        public var target: CapacityTarget
        public var year: Int
        /// The corridor's capacity with the projects in service, TEU/yr, measured as `corridor capacity` does
        /// (`.infinity` when unlimited; nil when it could not be measured).
        public var capacityTEU: Double?
        /// How much the plan falls short of the target in this year, TEU/yr (0: met); the MIP's shortfall.
        public var shortfallTEU: Double
        public var met: Bool { shortfallTEU <= 1e-6 * max(1, target.minimumTEU) }
    }

    public var catalog: InvestmentCatalog
    public var status: SolveStatus
    /// The discounted objective: Σ_t w_t·(annualised capex + opex + generalised cost), USD; without the
    /// targets' shortfall penalty (see ``shortfallPenaltyUSD``).
    public var objectiveValue: Double?
    /// The MIP's best bound on the same terms (the penalty taken off), USD.
    public var bestBound: Double?
    public var relativeGap: Double?
    /// The discounted objective with no project built (the years' generalised costs alone), USD.
    public var objectiveWithoutInvestment: Double?
    /// The targets' shortfall penalty in the MIP's objective, USD (0 when every target is met).
    public var shortfallPenaltyUSD: Double
    public var projects: [Project]
    public var years: [Year]
    public var targets: [TargetOutcome]
    public var capexUSD: Double
    /// The marginal values of the total budget, each target and the discount rate (re-solves); nil when not
    /// computed.
    public var sensitivity: PlanSensitivity? = nil
    public var seconds: Double
    public var rows: Int
    public var columns: Int
    public var integerColumns: Int
    public var solver: String

    /// The targets missed, with the year and the shortfall.
    public var missed: [TargetOutcome] { targets.filter { !$0.met } }
}
