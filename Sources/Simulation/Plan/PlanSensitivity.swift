public import FreightNetwork

/// The marginal values of a plan: the MIP re-solved with the budget, each capacity target and the discount rate
/// moved by a step, everything else as in the plan (exact for a MIP, unlike an LP dual).
///
/// The same type serves `corridor plan` of one year (objective in USD/yr or TEU/yr, portfolio in units) and plans
/// over years (objective the discounted total in USD, portfolio the units built over the horizon and the build
/// years).
public struct PlanSensitivity: Sendable {
    /// What a re-solve moved.
    public enum Parameter: Sendable, Hashable {
        /// The total capex budget, USD.
        case budget
        /// The capacity target of this index (for plans of one year, 0: `--min-capacity`), TEU/yr.
        case target(Int)
        /// The transit-time target of this index (a plan over years), days.
        case transitTarget(Int)
        /// The discount rate, a fraction.
        case discountRate
    }

    /// One re-solve: the parameter moved from ``baseValue`` to ``value`` and what the plan became.
    public struct Resolve: Sendable {
        public var parameter: Parameter
        /// The parameter in the plan (USD, TEU/yr or a fraction).
        public var baseValue: Double
        /// The parameter in this re-solve.
        public var value: Double
        public var status: SolveStatus
        /// The re-solve's objective (same terms as the plan's: without any target shortfall penalty); nil when it
        /// found no solution.
        public var objective: Double?
        /// The units of each project (catalog order): the portfolio, or for a plan over years the units built
        /// over the horizon.
        public var units: [Int]?
        /// For a plan over years: each project's build year (nil: not built).
        public var buildYears: [Int?]?
        /// With economics, for a plan of one year and a discount-rate re-solve: the re-solve's portfolio appraised
        /// at ``value`` (benefit: the drop in the weighted annual generalised cost from nothing built to it).
        public var appraisal: Appraisal?
        /// For a discount-rate re-solve of one year: the plan's own portfolio appraised at ``value``.
        public var chosenAppraisal: Appraisal?
        /// For a plan over years: the objective with nothing built at this parameter (discounted, USD).
        public var objectiveWithoutInvestment: Double?
        /// For a plan over years: the total target shortfall of the re-solve, TEU/yr summed over targets and years.
        public var shortfallTEU: Double = 0
        /// For a plan over years: the transit targets' TEU-days/yr beyond their targets, summed over targets and years.
        public var overTEUDays: Double = 0
        /// For a plan over years: the (target, year) pairs the re-solve misses.
        public var missed = 0
        /// For a plan over years: the labels of the targets the re-solve misses (in some year).
        public var missedTargets: [String] = []
        /// For a plan over years: the re-solve's capex, USD.
        public var capexUSD: Double? = nil

        public init(parameter: Parameter, baseValue: Double, value: Double, status: SolveStatus, objective: Double?,
                    units: [Int]?) {
            self.parameter = parameter
            self.baseValue = baseValue
            self.value = value
            self.status = status
            self.objective = objective
            self.units = units
        }

        /// The change of the objective per unit of the parameter, (objective − `base`) / (value − baseValue): USD/yr
        /// (or TEU/yr) per USD of budget, per TEU/yr of capacity target or per day of transit target; nil without a
        /// solution or a step.
        /// - Parameter base: The plan's objective.
        public func slope(from base: Double?) -> Double? {
            guard let base, let objective, value != baseValue else { return nil }
            return (objective - base) / (value - baseValue)
        }
    }

    /// The relative step of the budget and target re-solves (0.1: ±10 %).
    public var step: Double
    /// The discount-rate step, a fraction (0.02: ±2 percentage points).
    public var rateStep: Double
    /// The budget re-solves: −step, +step.
    public var budget: [Resolve] = []
    /// Per target, its re-solves: a capacity target's −step, +step; a transit target's +1 day, −1 day (looser,
    /// then tighter; the tighter one left out when it would reach 0 days).
    public var targets: [[Resolve]] = []
    /// For a plan over years whose targets are missed: the plan re-solved with no budget limit (total and per-year
    /// budgets lifted), what meeting them would take; nil when every target is met.
    public var unlimitedBudget: Resolve? = nil
    /// The discount-rate re-solves: −rateStep (not below 0), +rateStep; empty without economics or when the
    /// objective does not count the annualised cost.
    public var discountRate: [Resolve] = []

    public init(step: Double, rateStep: Double) {
        self.step = step
        self.rateStep = rateStep
    }

    /// The rates a discount-rate sensitivity re-solves at: r − step (at least 0, skipped when r is 0) and r + step.
    /// - Parameters:
    ///   - rate: The plan's discount rate, a fraction.
    ///   - step: The step, a fraction (0.02 for 2 percentage points).
    public static func rates(around rate: Double, step: Double) -> [Double] {
        (rate > 0 ? [max(0, rate - step)] : []) + [rate + step]
    }
}
