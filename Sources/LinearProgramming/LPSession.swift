/// A linear program loaded once into a solver and re-solved after changes of bounds or costs.
///
/// The fast path for sweeps of many similar cases: change a few bounds, re-solve from the current
/// (or a restored) basis, read the answer, put the bounds back. A session owns native state that
/// lives on one thread, so it is not `Sendable` and cannot be copied; get one from an
/// ``LPSessionFactory`` and use it inside the factory's closure only.
///
/// Indices are the program's handles; out-of-range handles and unusable bounds are programmer
/// errors (preconditions), checked before the solver sees them.
public protocol LPSession: ~Copyable {
    /// The program as loaded, with its original bounds and costs.
    var program: LinearProgram { get }

    /// Replaces a column's bounds (same units as the program).
    mutating func setBounds(_ variable: LinearProgram.Variable, _ bounds: Bounds) throws(SolverError)

    /// Replaces a row's bounds.
    mutating func setBounds(_ constraint: LinearProgram.Constraint, _ bounds: Bounds) throws(SolverError)

    /// Replaces a column's objective coefficient.
    mutating func setCost(_ variable: LinearProgram.Variable, _ cost: Double) throws(SolverError)

    /// Fixes a non-basic column at 0 for a while (column generation's idle path): the same program as
    /// ``setBounds(_:_:)-(LinearProgram.Variable,_)`` with `.fixed(0)`, but the solver may set the column's
    /// coefficients aside until its bounds change, so that re-solves no longer walk it.
    ///
    /// Its reduced cost stays readable; a basis put back with ``restore(_:)`` may make it basic again.
    mutating func park(_ variable: LinearProgram.Variable) throws(SolverError)

    /// Appends columns with their coefficients in existing rows, keeping the basis (column generation).
    ///
    /// New columns are non-basic at their lower bound, so an optimal basis stays primal feasible and
    /// the next ``solve(reducedCosts:)`` continues with the primal simplex from it. Each column's row
    /// handles must be in range and its bounds usable (preconditions); repeated rows are summed.
    /// - Returns: the new columns' handles, in order.
    mutating func addColumns(_ columns: [LinearProgram.NewColumn]) throws(SolverError) -> [LinearProgram.Variable]

    /// Appends rows over existing columns, keeping the basis (row generation: lazily added constraints).
    ///
    /// A new row's slack is basic, so the basis stays valid and dual feasible; when the new rows cut off
    /// the current point, the next ``solve(reducedCosts:)`` continues with the dual simplex. Column
    /// handles must be in range and the bounds usable (preconditions); repeated columns are summed.
    /// - Returns: the new rows' handles, in order.
    mutating func addRows(_ rows: [LinearProgram.NewRow]) throws(SolverError) -> [LinearProgram.Constraint]

    /// Solves from the current basis.
    ///
    /// The first solve (or one after ``resetBasis()``) runs the algorithm of the session's
    /// ``SolveOptions``. Later solves keep the basis: after bound changes only the basis stays dual
    /// feasible, so they use the dual simplex; after a cost change, the primal simplex.
    /// - Parameter reducedCosts: whether to read the columns' reduced costs too (primal values, row
    ///   activities and row duals are always read when there is an optimum).
    mutating func solve(reducedCosts: Bool) throws(SolverError) -> LPSolution

    /// The current basis, or `nil` when there is none yet (before the first solve).
    mutating func basis() throws(SolverError) -> LPBasis?

    /// Installs a basis, such as one taken from the intact problem, for the next solve.
    ///
    /// Statuses that do not fit a bound changed since are adjusted by the solver (a non-basic
    /// column now fixed is at its fixed value). The basis must have one status per row and column.
    mutating func restore(_ basis: LPBasis) throws(SolverError)

    /// Forgets the basis, so that the next solve starts cold.
    mutating func resetBasis() throws(SolverError)
}

extension LPSession where Self: ~Copyable {
    /// Fixes the column at 0 (``setBounds(_:_:)-(LinearProgram.Variable,_)``): a solver without a cheaper way.
    public mutating func park(_ variable: LinearProgram.Variable) throws(SolverError) {
        try setBounds(variable, .fixed(0))
    }
}

/// A solver that can open re-solvable ``LPSession``s.
///
/// The session lives inside `body`, on the calling thread; use one session per thread to solve in
/// parallel (and only when the backend allows it, see the backend's documentation).
public protocol LPSessionFactory: Sendable {
    /// A short name for reports, such as "GLPK 5.0".
    var name: String { get }

    /// Loads `program` into a new session, runs `body` with it and frees it.
    ///
    /// - Throws: ``SolverError`` when the program or options are invalid or the backend failed,
    ///   and whatever `body` throws.
    func withSession<Result>(
        _ program: LinearProgram,
        options: SolveOptions,
        _ body: (inout any LPSession & ~Copyable) throws(SolverError) -> Result
    ) throws(SolverError) -> Result
}
