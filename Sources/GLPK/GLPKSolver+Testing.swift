internal import CGLPKGuard
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
        GLPKEnvironment.run(captureLog: false) { () -> SolverError? in
            let problem = NativeProblem(sense: .minimize)
            do throws(SolverError) {
                try problem.addNoRowsForTesting()
                return nil
            } catch {
                precondition(!problem.isAlive, "a caught fatal error must have freed the problem")
                return error
            }
        }
    }

    /// How many memory blocks GLPK still had allocated when the last solve or export on this
    /// thread ended, just before its environment was freed: 0 when no problem object leaked.
    /// For tests only.
    package static var blocksLeftAtLastEndForTesting: Int {
        Int(cglpk_blocks_at_last_end())
    }
}
