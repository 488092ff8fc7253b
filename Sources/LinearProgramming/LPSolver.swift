/// A backend that can solve a ``LinearProgram``.
///
/// Conformers are safe to share across tasks; they create native state inside ``solve(_:options:)``
/// and free it before returning.
public protocol LPSolver: Sendable {
    /// A short name for reports, such as "GLPK 5.0".
    var name: String { get }

    /// Solves `program`.
    ///
    /// An infeasible or unbounded program is a result, reported in ``LPSolution/termination``.
    /// Throws only when the program is malformed or the backend itself failed.
    func solve(_ program: LinearProgram, options: SolveOptions) throws(SolverError) -> LPSolution
}

extension LPSolver {
    /// Solves with default options.
    public func solve(_ program: LinearProgram) throws(SolverError) -> LPSolution {
        try solve(program, options: SolveOptions())
    }
}
