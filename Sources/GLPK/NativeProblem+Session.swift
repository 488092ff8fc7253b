internal import CGLPK
internal import CGLPKGuard
internal import LinearProgramming

/// The calls a ``GLPKSession`` needs beyond loading and solving once: bounds, costs, basis
/// statuses, and a simplex that keeps the scaling (and so the basis) of the previous solve.
extension NativeProblem {
    /// Replaces a column's bounds (0-based `column`; bounds finite and ordered).
    ///
    /// GLPK adjusts a non-basic column's status to the new bound type itself.
    mutating func setColumnBounds(_ column: Int, _ bounds: Bounds) throws(SolverError) {
        precondition((0..<columnCount).contains(column), "column \(column) out of range 0..<\(columnCount)")
        precondition(bounds.problem == nil, "column \(column): \(bounds.problem ?? "")")
        let (problem, glpk) = (ready, bounds.glpk)
        try guarded(
            cglpk_set_col_bnds(problem, Int32(column + 1), glpk.type, glpk.lower, glpk.upper), "glp_set_col_bnds")
    }

    /// Whether column `column` (0-based) is basic.
    func isBasic(column: Int) -> Bool {
        precondition((0..<columnCount).contains(column), "column \(column) out of range 0..<\(columnCount)")
        return glp_get_col_stat(ready, Int32(column + 1)) == GLP_BS
    }

    /// A column's coefficients as GLPK keeps them (`glp_get_mat_col`): 0-based rows and values, in the
    /// order of GLPK's column list.
    func entries(column: Int) -> (rows: [Int], values: [Double]) {
        precondition((0..<columnCount).contains(column), "column \(column) out of range 0..<\(columnCount)")
        let problem = ready
        let index = Int32(column + 1)
        let length = Int(glp_get_mat_col(problem, index, nil, nil))
        guard length > 0 else { return ([], []) }
        var ind = [Int32](repeating: 0, count: length + 1)
        var val = [Double](repeating: 0, count: length + 1)
        _ = glp_get_mat_col(problem, index, &ind, &val)
        return (ind[1...].map { Int($0) - 1 }, Array(val[1...]))
    }

    /// Replaces a column's coefficients (`glp_set_mat_col`, which puts each element at the head of
    /// GLPK's column list: the list ends up in the reverse of the order given).
    mutating func setEntries(column: Int, rows: [Int], values: [Double]) throws(SolverError) {
        precondition((0..<columnCount).contains(column), "column \(column) out of range 0..<\(columnCount)")
        precondition(rows.count == values.count, "column rows and values differ in length")
        for row in rows { precondition((0..<rowCount).contains(row), "row \(row) out of range 0..<\(rowCount)") }
        let problem = ready
        let ind: [Int32] = [0] + rows.map { Int32($0 + 1) }
        let val: [Double] = [0] + values
        try guarded(cglpk_set_mat_col(problem, Int32(column + 1), Int32(rows.count), ind, val), "glp_set_mat_col")
    }

    /// Replaces a row's bounds (0-based `row`; bounds finite and ordered).
    mutating func setRowBounds(_ row: Int, _ bounds: Bounds) throws(SolverError) {
        precondition((0..<rowCount).contains(row), "row \(row) out of range 0..<\(rowCount)")
        precondition(bounds.problem == nil, "row \(row): \(bounds.problem ?? "")")
        let (problem, glpk) = (ready, bounds.glpk)
        try guarded(cglpk_set_row_bnds(problem, Int32(row + 1), glpk.type, glpk.lower, glpk.upper), "glp_set_row_bnds")
    }

    /// Replaces a column's objective coefficient (0-based `column`, finite `cost`).
    mutating func setCost(_ column: Int, _ cost: Double) {
        precondition((0..<columnCount).contains(column), "column \(column) out of range 0..<\(columnCount)")
        precondition(cost.isFinite, "column \(column): cost \(cost) is not finite")
        glp_set_obj_coef(ready, Int32(column + 1), cost)
    }

    /// Appends one column with its name, bounds, cost and coefficients (0-based rows, each at most
    /// once, finite values) via `glp_add_cols` and `glp_set_mat_col`; it is non-basic at its lower
    /// bound, so the basis stays valid. Its scale factor is 1.
    mutating func appendColumn(
        name: String,
        bounds: Bounds,
        cost: Double,
        rows: [Int],
        values: [Double]
    ) throws(SolverError) {
        precondition(rows.count == values.count, "column rows and values differ in length")
        precondition(Set(rows).count == rows.count, "column names a row twice")
        for row in rows { precondition((0..<rowCount).contains(row), "row \(row) out of range 0..<\(rowCount)") }
        precondition(values.allSatisfy(\.isFinite), "column coefficient is not finite")
        try addColumns(1)
        let column = columnCount - 1
        try setColumn(column, name: name, bounds: bounds, cost: cost, isInteger: false)
        let problem = ready
        let ind: [Int32] = [0] + rows.map { Int32($0 + 1) }  // GLPK reads ind[1...len]
        let val: [Double] = [0] + values
        try guarded(cglpk_set_mat_col(problem, Int32(column + 1), Int32(rows.count), ind, val), "glp_set_mat_col")
    }

    /// Appends one row with its name, bounds and coefficients (0-based columns, each at most once,
    /// finite values) via `glp_add_rows` and `glp_set_mat_row`; its auxiliary variable is basic, so
    /// the basis stays valid (and dual feasible). Its scale factor is 1.
    mutating func appendRow(name: String, bounds: Bounds, columns: [Int], values: [Double]) throws(SolverError) {
        precondition(columns.count == values.count, "row columns and values differ in length")
        precondition(Set(columns).count == columns.count, "row names a column twice")
        for column in columns {
            precondition((0..<columnCount).contains(column), "column \(column) out of range 0..<\(columnCount)")
        }
        precondition(values.allSatisfy(\.isFinite), "row coefficient is not finite")
        try addRows(1)
        let row = rowCount - 1
        try setRow(row, name: name, bounds: bounds)
        let problem = ready
        let ind: [Int32] = [0] + columns.map { Int32($0 + 1) }  // GLPK reads ind[1...len]
        let val: [Double] = [0] + values
        try guarded(cglpk_set_mat_row(problem, Int32(row + 1), Int32(columns.count), ind, val), "glp_set_mat_row")
    }

    /// Scales the problem (`glp_scale_prob` with GLPK's automatic choice), once, before the first solve.
    mutating func scale() throws(SolverError) {
        guard rowCount > 0, columnCount > 0 else { return }
        try guarded(cglpk_scale_prob(ready, GLP_SF_AUTO), "glp_scale_prob")
    }

    /// Runs `glp_simplex` without rescaling, so the basis and scaling of earlier solves are kept.
    func simplexKeepingScale(_ parameters: glp_smcp) throws(SolverError) -> GLPKReturnCode {
        let problem = ready
        let result = withUnsafePointer(to: parameters) { cglpk_simplex(problem, $0) }
        return GLPKReturnCode(rawValue: try guarded(result, "glp_simplex"))
    }

    /// The statuses of every row and column (`glp_get_row_stat`, `glp_get_col_stat`).
    func basis() -> LPBasis {
        let problem = ready
        return LPBasis(
            rows: (0..<rowCount).map { Self.status(glp_get_row_stat(problem, Int32($0 + 1))) },
            columns: (0..<columnCount).map { Self.status(glp_get_col_stat(problem, Int32($0 + 1))) }
        )
    }

    /// Installs statuses (`glp_set_row_stat`, `glp_set_col_stat`); GLPK fits each non-basic
    /// status to the current bound type and refactorises the basis at the next solve.
    mutating func setBasis(_ basis: LPBasis) {
        precondition(basis.rows.count == rowCount, "basis has \(basis.rows.count) rows, the problem \(rowCount)")
        precondition(
            basis.columns.count == columnCount, "basis has \(basis.columns.count) columns, the problem \(columnCount)")
        let problem = ready
        for (i, status) in basis.rows.enumerated() { glp_set_row_stat(problem, Int32(i + 1), Self.code(status)) }
        for (j, status) in basis.columns.enumerated() { glp_set_col_stat(problem, Int32(j + 1), Self.code(status)) }
    }

    /// Replaces the basis by the standard one (all rows basic), for a cold start (`glp_std_basis`).
    mutating func standardBasis() {
        glp_std_basis(ready)
    }

    /// Replaces the basis by Bixby's crash basis (`glp_cpx_basis`), for a cold start that avoids the
    /// all-slack basis's long degenerate runs.
    mutating func crashBasis() {
        guard rowCount > 0, columnCount > 0 else { return }  // nothing to crash: the standard basis stays
        glp_cpx_basis(ready)
    }

    /// The basic solution: objective, primal values, row activities and duals, and optionally reduced costs.
    func basicValues(reducedCosts: Bool) -> (
        objective: Double, primal: [Double], activity: [Double], duals: [Double], reduced: [Double]
    ) {
        let problem = ready
        var primal = [Double](repeating: 0, count: columnCount)
        var reduced = [Double]()
        var activity = [Double](repeating: 0, count: rowCount)
        var duals = [Double](repeating: 0, count: rowCount)
        for j in 0..<columnCount { primal[j] = glp_get_col_prim(problem, Int32(j + 1)) }
        for i in 0..<rowCount {
            activity[i] = glp_get_row_prim(problem, Int32(i + 1))
            duals[i] = glp_get_row_dual(problem, Int32(i + 1))
        }
        if reducedCosts {
            reduced = (0..<columnCount).map { glp_get_col_dual(problem, Int32($0 + 1)) }
        }
        return (glp_get_obj_val(problem), primal, activity, duals, reduced)
    }

    // MARK: - Helpers

    private static func status(_ code: Int32) -> LPBasis.Status {
        switch code {
        case GLP_BS: .basic
        case GLP_NU: .atUpper
        case GLP_NF: .free
        case GLP_NS: .fixed
        default: .atLower
        }
    }

    private static func code(_ status: LPBasis.Status) -> Int32 {
        switch status {
        case .basic: GLP_BS
        case .atLower: GLP_NL
        case .atUpper: GLP_NU
        case .free: GLP_NF
        case .fixed: GLP_NS
        }
    }

    /// Throws when a guarded call returned `CGLPK_FATAL`; otherwise returns the result.
    @discardableResult
    private func guarded(_ result: Int32, _ name: String) throws(SolverError) -> Int32 {
        if result == CGLPK_FATAL { throw GLPKEnvironment.caughtFatalError(in: name) }
        return result
    }
}
