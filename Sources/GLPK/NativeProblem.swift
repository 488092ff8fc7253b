internal import CGLPK
internal import CGLPKGuard
internal import LinearProgramming

/// An owned GLPK problem object (`glp_prob *`).
///
/// Indices are 0-based; GLPK's 1-based convention stays inside this type. GLPK aborts the
/// process on a bad argument, so each index is checked by a precondition before the C call, and
/// the calls that may still fail fatally go through the CGLPKGuard wrappers, which throw instead.
///
/// A caught fatal error frees the thread's whole GLPK environment, this problem included: later
/// uses are precondition failures, and `deinit` does not delete it again. Not `Sendable`: create,
/// use and drop it inside the body of ``GLPKEnvironment/run(captureLog:_:)``.
struct NativeProblem: ~Copyable {
    private let raw: OpaquePointer
    private let generation: UInt
    /// Number of rows added so far.
    private(set) var rowCount = 0
    /// Number of columns added so far.
    private(set) var columnCount = 0

    /// Creates an empty problem with the given objective sense.
    init(sense: LinearProgram.Sense) {
        guard let raw = glp_create_prob() else { preconditionFailure("glp_create_prob returned NULL") }
        self.raw = raw
        generation = GLPKEnvironment.generation
        glp_set_obj_dir(raw, sense == .minimize ? GLP_MIN : GLP_MAX)
    }

    deinit {
        if isAlive { glp_delete_prob(raw) }
    }

    /// False once a caught fatal error has freed this thread's GLPK environment, and this problem.
    var isAlive: Bool { GLPKEnvironment.generation == generation }

    // MARK: - Building

    /// Appends `count` rows (none when `count` is 0: GLPK would abort on `glp_add_rows(P, 0)`).
    mutating func addRows(_ count: Int) throws(SolverError) {
        precondition(count >= 0 && count <= Int(Int32.max) - rowCount, "cannot add \(count) rows")
        guard count > 0 else { return }
        try call(cglpk_add_rows(ready, Int32(count)), "glp_add_rows")
        rowCount += count
    }

    /// Appends `count` columns (none when `count` is 0).
    mutating func addColumns(_ count: Int) throws(SolverError) {
        precondition(count >= 0 && count <= Int(Int32.max) - columnCount, "cannot add \(count) columns")
        guard count > 0 else { return }
        try call(cglpk_add_cols(ready, Int32(count)), "glp_add_cols")
        columnCount += count
    }

    /// Sets the problem name (at most 255 bytes, no control characters).
    mutating func setName(_ name: String) throws(SolverError) {
        let problem = ready
        try call(name.withCString { cglpk_set_prob_name(problem, $0) }, "glp_set_prob_name")
    }

    /// Sets the objective's name (at most 255 bytes, no control characters).
    mutating func setObjectiveName(_ name: String) throws(SolverError) {
        let problem = ready
        try call(name.withCString { cglpk_set_obj_name(problem, $0) }, "glp_set_obj_name")
    }

    /// Sets the objective constant c₀, in objective units.
    mutating func setObjectiveConstant(_ value: Double) {
        precondition(value.isFinite, "objective constant \(value) is not finite")
        glp_set_obj_coef(ready, 0, value)
    }

    /// Sets a row's name and bounds (0-based `row`; bounds finite and ordered).
    mutating func setRow(_ row: Int, name: String, bounds: Bounds) throws(SolverError) {
        precondition((0..<rowCount).contains(row), "row \(row) out of range 0..<\(rowCount)")
        precondition(bounds.problem == nil, "row \(row): \(bounds.problem ?? "")")
        let (problem, index, glpk) = (ready, Int32(row + 1), bounds.glpk)
        try call(name.withCString { cglpk_set_row_name(problem, index, $0) }, "glp_set_row_name")
        try call(cglpk_set_row_bnds(problem, index, glpk.type, glpk.lower, glpk.upper), "glp_set_row_bnds")
    }

    /// Sets a column's name, bounds, objective coefficient and kind (0-based `column`).
    mutating func setColumn(
        _ column: Int,
        name: String,
        bounds: Bounds,
        cost: Double,
        isInteger: Bool
    ) throws(SolverError) {
        precondition((0..<columnCount).contains(column), "column \(column) out of range 0..<\(columnCount)")
        precondition(bounds.problem == nil, "column \(column): \(bounds.problem ?? "")")
        precondition(cost.isFinite, "column \(column): cost \(cost) is not finite")
        let (problem, index, glpk) = (ready, Int32(column + 1), bounds.glpk)
        try call(name.withCString { cglpk_set_col_name(problem, index, $0) }, "glp_set_col_name")
        try call(cglpk_set_col_bnds(problem, index, glpk.type, glpk.lower, glpk.upper), "glp_set_col_bnds")
        glp_set_obj_coef(problem, index, cost)
        glp_set_col_kind(problem, index, isInteger ? GLP_IV : GLP_CV)
    }

    /// Replaces the constraint matrix by the given entries (0-based rows and columns, finite
    /// values, no (row, column) pair twice).
    mutating func loadMatrix(rows: [Int], columns: [Int], values: [Double]) throws(SolverError) {
        precondition(rows.count == columns.count && rows.count == values.count, "matrix arrays differ in length")
        precondition(rows.count < Int(Int32.max), "too many matrix entries")
        // GLPK reads ia[1...ne]; element 0 is padding it never touches.
        var ia: [Int32] = [0]
        var ja: [Int32] = [0]
        ia.reserveCapacity(rows.count + 1)
        ja.reserveCapacity(rows.count + 1)
        for (row, column) in zip(rows, columns) {
            precondition((0..<rowCount).contains(row), "matrix row \(row) out of range 0..<\(rowCount)")
            precondition((0..<columnCount).contains(column), "matrix column \(column) out of range 0..<\(columnCount)")
            ia.append(Int32(row + 1))
            ja.append(Int32(column + 1))
        }
        precondition(values.allSatisfy(\.isFinite), "matrix value is not finite")
        let ar = [0] + values
        try call(cglpk_load_matrix(ready, Int32(rows.count), ia, ja, ar), "glp_load_matrix")
    }

    // MARK: - Solving and writing

    /// Runs `glp_simplex`; a fatal error throws, every other outcome is a return code.
    ///
    /// Without presolve the problem is scaled first (`glp_scale_prob`, GLPK's automatic choice of
    /// geometric and equilibration scaling), so capacities of 1 to 1e9 TEU and costs of 0.01 to 1e6
    /// USD in one model stay well conditioned. GLPK unscales the solution itself.
    func simplex(_ parameters: glp_smcp) throws(SolverError) -> GLPKReturnCode {
        let problem = ready
        if parameters.presolve == GLP_OFF, rowCount > 0, columnCount > 0 {
            try call(cglpk_scale_prob(problem, GLP_SF_AUTO), "glp_scale_prob")
        }
        return try code(withUnsafePointer(to: parameters) { cglpk_simplex(problem, $0) }, "glp_simplex")
    }

    /// Runs `glp_interior`; a fatal error throws, every other outcome is a return code.
    func interior(_ parameters: glp_iptcp) throws(SolverError) -> GLPKReturnCode {
        let problem = ready
        return try code(withUnsafePointer(to: parameters) { cglpk_interior(problem, $0) }, "glp_interior")
    }

    /// Runs `glp_intopt`; a fatal error throws, every other outcome is a return code.
    func intopt(_ parameters: glp_iocp) throws(SolverError) -> GLPKReturnCode {
        let problem = ready
        return try code(withUnsafePointer(to: parameters) { cglpk_intopt(problem, $0) }, "glp_intopt")
    }

    /// Writes the problem to `path` in CPLEX LP format (`glp_write_lp`) or free MPS format
    /// (`glp_write_mps` with `GLP_MPS_FILE`).
    func write(to path: String, freeMPS: Bool) throws(SolverError) {
        let problem = ready
        let name = freeMPS ? "glp_write_mps" : "glp_write_lp"
        let result = try call(
            path.withCString { freeMPS ? cglpk_write_mps(problem, $0) : cglpk_write_lp(problem, $0) },
            name
        )
        guard result == 0 else {
            throw SolverError(
                backend: GLPKEnvironment.backend, code: Int(result), message: "\(name) could not write \(path)")
        }
    }

    /// Calls `glp_add_rows(P, 0)` inside the guard, which GLPK treats as a fatal error.
    ///
    /// Only for proving that the guard works; the problem is dead afterwards.
    func addNoRowsForTesting() throws(SolverError) {
        try call(cglpk_add_rows(ready, 0), "glp_add_rows")
    }

    // MARK: - Helpers

    /// The raw pointer, after checking the problem is alive: the last line before any C call.
    var ready: OpaquePointer {
        precondition(isAlive, "GLPK problem used after a fatal error freed it")
        return raw
    }

    /// Throws when a guarded call returned `CGLPK_FATAL`; otherwise returns the result.
    @discardableResult
    private func call(_ result: Int32, _ name: String) throws(SolverError) -> Int32 {
        if result == CGLPK_FATAL { throw GLPKEnvironment.caughtFatalError(in: name) }
        return result
    }

    /// Wraps a solver's result as a return code, throwing on a fatal error.
    private func code(_ result: Int32, _ name: String) throws(SolverError) -> GLPKReturnCode {
        GLPKReturnCode(rawValue: try call(result, name))
    }
}
