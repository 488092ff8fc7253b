import FlowFormulation
public import FreightNetwork

/// The outcome of `corridor plan`: the chosen portfolio, the scenarios with and without it, and why.
public struct PlanResult: Sendable {
    /// What the plan optimised over its scenarios: the word the outputs print (`expected-cost`, …).
    ///
    /// It carries the program's `FlowFormulation.PlanObjective`, so that a report reads it without
    /// knowing the formulation layer.
    public struct Objective: Sendable, Hashable {
        /// The objective the program was built for.
        let program: PlanObjective

        /// The word the outputs print.
        public var rawValue: String { program.rawValue }

        /// Whether a larger objective is better.
        public var maximises: Bool { program.maximises }

        /// The weighted mean of the scenarios' annual generalised cost, minimised.
        public static let expectedCost = Objective(program: .expectedCost)
        /// The weighted mean of the TEU/year delivered, maximised.
        public static let maxThroughput = Objective(program: .maxThroughput)
        /// The largest annual generalised cost over the scenarios, minimised.
        public static let worstCase = Objective(program: .worstCase)
        /// The weighted mean of one corridor's capacity (its maximum flow, TEU/year), maximised.
        public static let maxCapacity = Objective(program: .maxCapacity)
    }

    /// One scenario's outcome.
    public struct ScenarioOutcome: Sendable {
        public var name: String
        public var weight: Double
        public var demandTEU: Double
        /// Nothing built but the committed projects.
        public var without: FlowResult
        /// With the chosen portfolio.
        public var with: FlowResult
        /// The corridor of a max-capacity plan or capacity target, and its capacity without and with the
        /// portfolio (TEU/yr; `.infinity` when unlimited; nil when not computed).
        public var corridor: String?
        public var capacityWithoutTEU: Double?
        public var capacityWithTEU: Double?

        public init(name: String, weight: Double, demandTEU: Double, without: FlowResult, with: FlowResult) {
            self.name = name
            self.weight = weight
            self.demandTEU = demandTEU
            self.without = without
            self.with = with
        }
    }

    /// What one project is worth to the plan.
    public struct ProjectOutcome: Sendable {
        public var investment: Investment
        /// Units in the chosen portfolio.
        public var units: Int
        /// The objective when this project is forced out (chosen ones) or forced in (others), the rest re-optimised;
        /// nil when not computed or that program has no solution (e.g. forced in does not fit the budget).
        public var objectiveIfSwitched: Double?
        public var switchStatus: SolveStatus?
        /// The portfolio of that re-solve.
        public var portfolioIfSwitched: [Int]?
        /// Per scenario: generalised cost (USD/yr) with the project switched, from that re-solve.
        public var scenarioCostsIfSwitched: [Double]
        /// For a project of several units: the objective with one unit fewer, the rest re-optimised.
        public var objectiveWithOneUnitFewer: Double?
        /// With economics: the appraisal of ``appraisedUnits`` units (all chosen units of a chosen project, one
        /// unit of another), whose benefit is the drop in the scenarios' weighted annual generalised cost
        /// they bring against the chosen portfolio held fixed (see ``Planner``); nil without economics.
        public var appraisal: Appraisal? = nil
        /// The units ``appraisal`` values: ``units`` for a chosen project, 1 for one not chosen.
        public var appraisedUnits: Int = 0
    }

    public var objective: Objective
    public var catalog: InvestmentCatalog
    public var status: SolveStatus
    /// The MIP's objective (USD/yr for the cost objectives, TEU/yr for throughput).
    public var objectiveValue: Double?
    public var bestBound: Double?
    public var relativeGap: Double?
    /// The LP relaxation's optimum (continuous build variables): a bound on the MIP.
    public var relaxationBound: Double?
    /// The objective with no project built (beyond committed ones).
    public var objectiveWithoutInvestment: Double?
    public var units: [Int]
    public var capexUSD: Double
    public var scenarios: [ScenarioOutcome]
    public var projects: [ProjectOutcome]
    /// Budget sensitivity: the re-solve with the budget raised by ``budgetStep``.
    public var budgetStep: Double
    public var objectiveWithMoreBudget: Double?
    public var portfolioWithMoreBudget: [Int]?
    /// With economics: the annualised cost (capex × CRF + opex) of the chosen projects, USD/yr; part of
    /// ``objectiveValue`` for the cost objectives. Nil without economics.
    public var annualisedCostUSD: Double? = nil
    /// With economics: the portfolio's appraisal, its benefit the drop in the weighted annual generalised cost
    /// from nothing built (beyond committed projects) to the portfolio (`Appraisal/init(parts:benefitUSDPerYear:discountRate:)`).
    public var portfolioAppraisal: Appraisal? = nil
    /// The marginal values of budget, target and discount rate (re-solves); nil when the plan has no portfolio.
    public var sensitivity: PlanSensitivity? = nil
    public var seconds: Double
    public var rows: Int
    public var columns: Int
    public var integerColumns: Int
    public var solver: String
    /// How the plan's MIP and its re-solves were solved: the method that produced the plan, and how often
    /// the seasonal branch-and-bound fell back to the solver's whole MIP.
    public var method = PlanMethod(kind: .arc)

    /// The marginal value of budget: objective improvement per extra USD of budget, per year.
    public var marginalValueOfBudget: Double? {
        guard let base = objectiveValue, let more = objectiveWithMoreBudget, catalog.budgetUSD > 0 else { return nil }
        let gain = objective.maximises ? more - base : base - more
        return gain / (catalog.budgetUSD * budgetStep)
    }

    /// Whether a larger objective is better.
    public var maximises: Bool { objective.maximises }

    /// Whether the plan has economics (a discount rate and every project's lifetime).
    public var hasEconomics: Bool { catalog.hasEconomics }

    /// Whether the annualised cost is part of the objective (economics and a cost objective).
    public var objectiveHasAnnualisedCost: Bool { hasEconomics && !maximises }
}
