/// What a solver returned for a ``LinearProgram``.
///
/// Arrays are indexed like the program's columns and rows. Row duals follow the usual
/// convention: ∂objective/∂(row bound), so for a minimisation a binding `≤` row has a dual ≤ 0.
public struct LPSolution: Sendable {
    public var termination: TerminationStatus
    /// Objective value including the constant, when ``termination`` has a solution.
    public var objective: Double?
    /// Primal values per column.
    public var primal: [Double]
    /// Row activities (A x) per row.
    public var rowActivity: [Double]
    /// Row duals per row (empty for a MIP).
    public var duals: [Double]
    /// Reduced costs per column (empty for a MIP).
    public var reducedCosts: [Double]
    /// Simplex iterations, when the backend reports them.
    public var iterations: Int?
    /// For a MIP: the best bound and the relative gap, when known.
    public var bestBound: Double?
    public var relativeGap: Double?
    /// The solver's log, when ``SolveOptions/captureLog`` was set.
    public var log: String

    public init(
        termination: TerminationStatus,
        objective: Double?,
        primal: [Double],
        rowActivity: [Double] = [],
        duals: [Double] = [],
        reducedCosts: [Double] = [],
        iterations: Int? = nil,
        bestBound: Double? = nil,
        relativeGap: Double? = nil,
        log: String = ""
    ) {
        self.termination = termination
        self.objective = objective
        self.primal = primal
        self.rowActivity = rowActivity
        self.duals = duals
        self.reducedCosts = reducedCosts
        self.iterations = iterations
        self.bestBound = bestBound
        self.relativeGap = relativeGap
        self.log = log
    }

    /// The primal value of a column (0 when there is no solution).
    public subscript(variable: LinearProgram.Variable) -> Double {
        primal.indices.contains(variable.index) ? primal[variable.index] : 0
    }

    /// The dual value of a row (0 when unavailable).
    public func dual(_ constraint: LinearProgram.Constraint) -> Double {
        duals.indices.contains(constraint.index) ? duals[constraint.index] : 0
    }

    /// The activity of a row (0 when unavailable).
    public func activity(_ constraint: LinearProgram.Constraint) -> Double {
        rowActivity.indices.contains(constraint.index) ? rowActivity[constraint.index] : 0
    }

    /// The reduced cost of a column (0 when unavailable).
    public func reducedCost(_ variable: LinearProgram.Variable) -> Double {
        reducedCosts.indices.contains(variable.index) ? reducedCosts[variable.index] : 0
    }
}
