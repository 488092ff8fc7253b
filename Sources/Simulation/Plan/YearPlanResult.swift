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
        public var target: PlanTarget
        public var year: Int
        /// Capacity target: the corridor's capacity with the projects in service, TEU/yr, measured as `corridor
        /// capacity` does (`.infinity` when unlimited; nil when it could not be measured, and for a transit target).
        public var capacityTEU: Double?
        /// Capacity target: how much the plan falls short of it in this year, TEU/yr (0: met); the MIP's shortfall.
        /// 0 for a transit target.
        public var shortfallTEU: Double
        /// Transit target: the demand's flow-weighted transit over its delivered TEU, days (link times and dwell,
        /// no congestion wait); nil when nothing is delivered, and for a capacity target.
        public var transitDays: Double? = nil
        /// Transit target: days the average transit is above the target (0 when within it).
        public var daysOver: Double = 0
        /// Transit target: the demand's TEU/yr in the year and the part not delivered.
        public var demandTEU: Double = 0
        public var unmetTEU: Double = 0
        /// Transit target: the MIP's TEU-days/yr beyond the target (an undelivered TEU counting as the longest
        /// route's days); 0 when met.
        public var overTEUDays: Double = 0

        public var met: Bool {
            switch target {
            case .capacity(let capacity): shortfallTEU <= 1e-6 * max(1, capacity.minimumTEU)
            case .transit(let transit): overTEUDays <= 1e-6 * max(1, transit.maxDays * demandTEU)
            }
        }
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

    /// The schedule's benefit-cost ratio over the plan's years: Σ_t w_t·(generalised cost without projects −
    /// with them) / Σ_t w_t·(annualised capex + opex); nil without a cost or a no-project cost. Below 1 the
    /// schedule costs more than it saves (built for the targets, say).
    public var benefitCostRatio: Double? {
        let cost = years.reduce(0) { $0 + $1.discountedWeight * ($1.annualisedCapexUSD + $1.opexUSD) }
        guard cost > 0 else { return nil }
        var benefit = 0.0
        for year in years {
            guard let without = year.generalisedCostWithoutUSD else { return nil }
            benefit += year.discountedWeight * (without - year.generalisedCostUSD)
        }
        return benefit / cost
    }

    /// The targets missed, with the year and the shortfall.
    public var missed: [TargetOutcome] { targets.filter { !$0.met } }
    /// The plan's targets, in the order of the file (``PlanSensitivity/targets`` is in this order).
    public var planTargets: [PlanTarget] = []
}
