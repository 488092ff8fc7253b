package import LinearProgramming

extension GLPKSolver {
    /// Makes GLPK hit a fatal error inside the guard and returns the resulting error.
    ///
    /// Calls `glp_add_rows(P, 0)`, which GLPK answers with `glp_error` and, unguarded, `abort()`.
    /// The guard frees the calling thread's GLPK environment and turns the error into a
    /// ``SolverError`` with code -1; the process survives and later solves on the thread work.
    /// For tests only.
    ///
    /// - Returns: The caught error, or `nil` if GLPK unexpectedly accepted the call.
    package static func triggerGuardedFatalErrorForTesting() -> SolverError? {
        GLPKEnvironment.begin(captureLog: false)
        defer { GLPKEnvironment.end() }
        let problem = NativeProblem(sense: .minimize)
        do {
            try problem.addNoRowsForTesting()
            return nil
        } catch {
            precondition(!problem.isAlive, "a caught fatal error must have freed the problem")
            return error
        }
    }
}
