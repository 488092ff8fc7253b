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
    /// For an ``TerminationStatus/unbounded`` program, when the backend can tell: a direction d
    /// (sparse, in column units, largest |dᵢ| = 1) along which the objective improves without
    /// limit from the last basis, such as the links of a cycle whose total cost is negative.
    /// Empty otherwise.
    public var unboundedDirection: [LinearProgram.Term] = []
    /// Master solves of the decomposition that produced this solution (a solver that decomposes the
    /// program, such as the period decomposition of a seasonal program); nil when the program was
    /// solved as given.
    public var masterSolves: Int? = nil
    /// The primal simplex iterations after which ``SolveOptions/stallGuard`` handed the solve to the dual
    /// simplex (which went on from the primal one's basis); nil when the primal simplex finished alone,
    /// or another algorithm ran. ``iterations`` counts both.
    public var dualSimplexAfterIterations: Int? = nil

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

extension LinearProgram {
    /// `name +1, other -0.5`: the columns of `direction` by name, for messages.
    public func describe(_ direction: [Term]) -> String {
        direction.map { term in
            let name = columns.indices.contains(term.variable.index) ? columns[term.variable.index].name : "?"
            let value = term.coefficient == term.coefficient.rounded() ? String(Int(term.coefficient)) : "\(term.coefficient)"
            return "\(name) \(term.coefficient >= 0 ? "+" : "")\(value)"
        }.joined(separator: ", ")
    }
}
