internal import CGLPK
internal import CGLPKGuard
package import LinearProgramming

/// One index (or size) precondition of ``NativeProblem``, for exit tests.
package enum GLPKIndexCheck: String, CaseIterable, Codable, Sendable {
    /// `setRow` with row 2 of 2.
    case setRow
    /// `setColumn` with column 2 of 2.
    case setColumn
    /// `loadMatrix` naming row 2 of 2.
    case matrixRow
    /// `loadMatrix` naming column 2 of 2.
    case matrixColumn
    /// `setRowBounds` with row 2 of 2.
    case rowBounds
    /// `setColumnBounds` with column 2 of 2.
    case columnBounds
    /// `setCost` with column 2 of 2.
    case cost
    /// `appendColumn` with a coefficient in row 2 of 2.
    case appendColumnRow
    /// `appendRow` with a coefficient in column 2 of 2.
    case appendRowColumn
    /// `setBasis` with 3 row statuses for 2 rows.
    case basisRows
    /// `setBasis` with 3 column statuses for 2 columns.
    case basisColumns
}

extension GLPKSolver {
    /// Builds a 2 × 2 problem and makes the call of `check` with an index one past the end.
    ///
    /// The Swift precondition must stop the process before GLPK sees the index. Should the index
    /// reach a guarded C call instead, the caught error is swallowed and this returns normally; an
    /// unguarded one makes GLPK abort. Either way an exit test expecting a precondition failure
    /// fails. For exit tests only.
    package static func callWithOutOfRangeIndexForTesting(_ check: GLPKIndexCheck) {
        GLPKEnvironment.run(captureLog: false) {
            var problem = NativeProblem(sense: .minimize)
            do throws(SolverError) {
                try problem.addRows(2)
                try problem.addColumns(2)
                let bounds = Bounds.lower(0)
                switch check {
                case .setRow: try problem.setRow(2, name: "r", bounds: bounds)
                case .setColumn: try problem.setColumn(2, name: "c", bounds: bounds, cost: 1, isInteger: false)
                case .matrixRow: try problem.loadMatrix(rows: [0, 2], columns: [0, 1], values: [1, 1])
                case .matrixColumn: try problem.loadMatrix(rows: [0, 1], columns: [0, 2], values: [1, 1])
                case .rowBounds: try problem.setRowBounds(2, bounds)
                case .columnBounds: try problem.setColumnBounds(2, bounds)
                case .cost: problem.setCost(2, 1)
                case .appendColumnRow:
                    try problem.appendColumn(name: "c", bounds: bounds, cost: 0, rows: [0, 2], values: [1, 1])
                case .appendRowColumn:
                    try problem.appendRow(name: "r", bounds: bounds, columns: [0, 2], values: [1, 1])
                case .basisRows:
                    problem.setBasis(LPBasis(rows: [.basic, .basic, .basic], columns: [.atLower, .atLower]))
                case .basisColumns:
                    problem.setBasis(LPBasis(rows: [.basic, .basic], columns: [.atLower, .atLower, .atLower]))
                }
            } catch {
                return
            }
        }
    }

    /// Sends row index 3 of a 2-row problem straight to the guarded C call `cglpk_set_row_bnds`,
    /// past the Swift precondition, and returns the error the guard turned GLPK's fatal error into.
    ///
    /// Unguarded, GLPK would print "row number out of range" and `abort()`. For tests only.
    ///
    /// - Returns: The caught error, or `nil` if GLPK unexpectedly accepted the index.
    package static func sendOutOfRangeRowThroughGuardForTesting() -> SolverError? {
        GLPKEnvironment.run(captureLog: false) { () -> SolverError? in
            var problem = NativeProblem(sense: .minimize)
            do throws(SolverError) {
                try problem.addRows(2)
                let result = cglpk_set_row_bnds(problem.ready, 3, GLP_UP, 0, 1)
                guard result == CGLPK_FATAL else { return nil }
                precondition(!problem.isAlive, "a caught fatal error must have freed the problem")
                return GLPKEnvironment.caughtFatalError(in: "glp_set_row_bnds")
            } catch {
                return error
            }
        }
    }
}
