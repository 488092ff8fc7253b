internal import CGLPK
public import LinearProgramming

/// A GLPK problem loaded once and re-solved warm: the fast path of disruption sweeps.
///
/// Change bounds (``setBounds(_:_:)-(LinearProgram.Variable,_)``), costs, or the basis, and
/// ``solve(reducedCosts:)`` again: GLPK starts from the basis it has, without presolve (which
/// would discard it) and without rescaling (the problem is scaled once when loaded). After bound
/// changes only the basis stays dual feasible, so the re-solve runs the dual simplex; after a cost
/// change, the primal. A basis taken with ``basis()`` and put back with ``restore(_:)`` before every
/// case makes each case's answer independent of what was solved before it.
///
/// The problem belongs to the thread that opened the session (GLPK's environment is thread-local):
/// get a session from ``GLPKSolver/withSession(_:options:_:)``, which frees it when its closure
/// returns. A fatal error caught by the guard frees the thread's whole environment, this problem
/// included: the session notices (`GLPKEnvironment/generation`) and rebuilds the problem with
/// its current bounds and costs at the next call, which then starts cold.
public struct GLPKSession: ~Copyable, LPSession {
    /// The program as loaded (and grown by ``addColumns(_:)``), with its original bounds and costs.
    public private(set) var program: LinearProgram
    /// The program with the bounds and costs set since, from which a dead problem is rebuilt.
    private var current: LinearProgram
    private let options: SolveOptions
    private var native: NativeProblem
    /// True when the problem holds a basis worth keeping (after a solve or ``restore(_:)``).
    private var hasBasis = false
    /// True when a cost changed since the last solve (the basis is then primal, not dual, feasible).
    private var costChanged = false
    /// Parked columns (``park(_:)``) whose coefficients are set aside, by 0-based column: the coefficients
    /// as GLPK's column list held them (head first) when parked.
    private var parked: [Int: (rows: [Int], values: [Double])] = [:]

    /// Loads `program`; it must have passed ``GLPKSolver`` validation and have no integer column.
    init(_ program: LinearProgram, options: SolveOptions) throws(SolverError) {
        self.program = program
        current = program
        self.options = options
        native = try Self.load(program)
    }

    public mutating func setBounds(_ variable: LinearProgram.Variable, _ bounds: Bounds) throws(SolverError) {
        Self.check("column", variable.index, below: program.columnCount, bounds)
        current.setBounds(variable, bounds)
        guard native.isAlive else { return try rebuild() }
        try unpark(variable.index)
        try native.setColumnBounds(variable.index, bounds)
    }

    /// Fixes the column at 0 and, when it is non-basic, takes its coefficients out of the GLPK problem
    /// until its bounds change: GLPK leaves a non-basic fixed column out of its iterations, but still
    /// walks its coefficients at every solve (twice, through a linked list: at L's 21,000 parked
    /// columns about a tenth of column generation's time). The simplex sees the same program either way:
    /// the column's order and, once back, its coefficient list (in GLPK's order) are as before.
    public mutating func park(_ variable: LinearProgram.Variable) throws(SolverError) {
        Self.check("column", variable.index, below: program.columnCount, .fixed(0))
        current.setBounds(variable, .fixed(0))
        guard native.isAlive else { return try rebuild() }
        try native.setColumnBounds(variable.index, .fixed(0))
        let j = variable.index
        guard parked[j] == nil, !native.isBasic(column: j) else { return }
        parked[j] = native.entries(column: j)
        try native.setEntries(column: j, rows: [], values: [])
    }

    /// Puts a parked column's coefficients back: those of rows added since it was parked (which GLPK
    /// keeps at the head of its list, newest first), then the set-aside ones. `glp_set_mat_col` puts
    /// each element at the head of the list, so they go in reversed: the list is exactly as it would be.
    private mutating func unpark(_ j: Int) throws(SolverError) {
        guard let aside = parked.removeValue(forKey: j) else { return }
        let since = native.entries(column: j)
        let rows = since.rows + aside.rows
        let values = since.values + aside.values
        try native.setEntries(column: j, rows: rows.reversed(), values: values.reversed())
    }

    public mutating func setBounds(_ constraint: LinearProgram.Constraint, _ bounds: Bounds) throws(SolverError) {
        Self.check("row", constraint.index, below: program.rowCount, bounds)
        current.setBounds(constraint, bounds)
        try change { (native: inout NativeProblem) throws(SolverError) in
            try native.setRowBounds(constraint.index, bounds)
        }
    }

    public mutating func setCost(_ variable: LinearProgram.Variable, _ cost: Double) throws(SolverError) {
        precondition((0..<program.columnCount).contains(variable.index), "column \(variable.index) out of range")
        precondition(cost.isFinite, "column \(variable.index): cost \(cost) is not finite")
        current.setCost(variable, cost)
        costChanged = true
        try change { $0.setCost(variable.index, cost) }
    }

    /// Stops the process (before GLPK would abort it) on an index out of range or invalid bounds.
    private static func check(_ kind: String, _ index: Int, below count: Int, _ bounds: Bounds) {
        precondition((0..<count).contains(index), "\(kind) \(index) out of range")
        precondition(bounds.problem == nil, "\(kind) \(index): \(bounds.problem ?? "")")
    }

    /// Makes a change (already recorded in ``current``) in the problem, or rebuilds the problem from
    /// ``current`` when a fatal error freed it.
    private mutating func change(_ body: (inout NativeProblem) throws(SolverError) -> Void) throws(SolverError) {
        guard native.isAlive else { return try rebuild() }
        try body(&native)
    }

    public mutating func addColumns(_ columns: [LinearProgram.NewColumn]) throws(SolverError)
        -> [LinearProgram.Variable]
    {
        let added = try append(columns, problem: { $0.problem(adding: $1) }, record: { $0.add($1) }) {
            (native: inout NativeProblem, column: LinearProgram.NewColumn) throws(SolverError) in
            let merged = LinearProgram.merged(column.coefficients)
            try native.appendColumn(
                name: ProblemNames.withoutControlCharacters(column.name), bounds: column.bounds, cost: column.cost,
                rows: merged.map(\.0.index), values: merged.map(\.1))
        }
        if !columns.isEmpty { costChanged = true }  // the basis stays primal feasible: continue with the primal
        return added
    }

    public mutating func addRows(_ rows: [LinearProgram.NewRow]) throws(SolverError) -> [LinearProgram.Constraint] {
        try append(rows, problem: { $0.problem(adding: $1) }, record: { $0.add($1) }) {
            (native: inout NativeProblem, row: LinearProgram.NewRow) throws(SolverError) in
            let merged = LinearProgram.merged(row.terms)
            try native.appendRow(
                name: ProblemNames.withoutControlCharacters(row.name), bounds: row.bounds,
                columns: merged.map(\.0.index), values: merged.map(\.1))
        }
        // The basis stays dual feasible: the next solve runs the dual simplex (unless costs changed).
    }

    /// Appends columns or rows: each is checked (`problem` says what is wrong with it, a programmer error),
    /// recorded in ``program`` and the current program by `record` (which returns its handle), then loaded
    /// into the problem by `load`, or the problem is rebuilt (with it) when a fatal error freed it.
    private mutating func append<Item, Handle>(
        _ items: [Item], problem: (LinearProgram, Item) -> String?, record: (inout LinearProgram, Item) -> Handle,
        load: (inout NativeProblem, Item) throws(SolverError) -> Void
    ) throws(SolverError) -> [Handle] {
        var added: [Handle] = []
        added.reserveCapacity(items.count)
        for item in items {
            let wrong = problem(program, item)
            precondition(wrong == nil, wrong ?? "")
            _ = record(&program, item)
            added.append(record(&current, item))
            guard native.isAlive else {
                try rebuild()
                continue
            }
            try load(&native, item)
        }
        return added
    }

    public mutating func solve(reducedCosts: Bool = false) throws(SolverError) -> LPSolution {
        if !native.isAlive { try rebuild() }
        var parameters = GLPKSolver.simplexParameters(
            SolveOptions(
                algorithm: options.algorithm,
                timeLimitSeconds: options.timeLimitSeconds,
                iterationLimit: options.iterationLimit
            )
        )
        parameters.presolve = GLP_OFF
        if hasBasis { parameters.meth = costChanged ? GLP_PRIMAL : GLP_DUALP }
        let before = native.iterationCount
        var code = try native.simplexKeepingScale(parameters)
        if [.invalidBasis, .singularMatrix, .illConditionedMatrix].contains(code) {
            // The kept basis could not be factorised: start again from the standard basis.
            native.standardBasis()
            parameters.meth = GLP_PRIMAL
            code = try native.simplexKeepingScale(parameters)
        }
        if code == .success, parameters.meth != GLP_PRIMAL,
            ![.optimal, .noFeasibleSolution, .unbounded].contains(native.status(.basic))
        {
            // The dual simplex stops without a verdict when no dual feasible basis exists.
            parameters.meth = GLP_PRIMAL
            code = try native.simplexKeepingScale(parameters)
        }
        let termination = try GLPKSolver.simplexTermination(code, status: native.status(.basic))
        hasBasis = true
        costChanged = false
        let iterations = native.iterationCount - before
        guard termination == .optimal else {
            return LPSolution(termination: termination, objective: nil, primal: [], iterations: iterations)
        }
        var values = native.basicValues(reducedCosts: reducedCosts)
        if reducedCosts {
            // GLPK priced a parked column over the coefficients it still holds: take off the set-aside ones
            // (in their order; over buffers, as L has about 20,000 parked columns at each solve).
            let duals = values.duals
            values.reduced.withUnsafeMutableBufferPointer { reduced in
                duals.withUnsafeBufferPointer { duals in
                    for (j, aside) in parked {
                        var r = reduced[j]
                        for k in aside.rows.indices { r -= duals[aside.rows[k]] * aside.values[k] }
                        reduced[j] = r
                    }
                }
            }
        }
        return LPSolution(
            termination: termination,
            objective: values.objective,
            primal: values.primal,
            rowActivity: values.activity,
            duals: values.duals,
            reducedCosts: values.reduced,
            iterations: iterations
        )
    }

    public mutating func basis() throws(SolverError) -> LPBasis? {
        if !native.isAlive { try rebuild() }
        return hasBasis ? native.basis() : nil
    }

    public mutating func restore(_ basis: LPBasis) throws(SolverError) {
        precondition(
            basis.rows.count == program.rowCount && basis.columns.count == program.columnCount,
            "basis of \(basis.rows.count) rows × \(basis.columns.count) columns for a program of "
                + "\(program.rowCount) × \(program.columnCount)"
        )
        if !native.isAlive { try rebuild() }
        for j in parked.keys.sorted() { try unpark(j) }  // the basis may make a parked column basic
        native.setBasis(basis)
        hasBasis = true
    }

    public mutating func resetBasis() throws(SolverError) {
        if !native.isAlive { try rebuild() }
        native.standardBasis()
        hasBasis = false
    }

    /// Reloads the current program after a fatal error freed the thread's GLPK environment.
    private mutating func rebuild() throws(SolverError) {
        GLPKEnvironment.begin(captureLog: false)
        native = try Self.load(current)
        parked = [:]
        hasBasis = false
        costChanged = false
    }

    /// A new, scaled GLPK problem holding `program`.
    private static func load(_ program: LinearProgram) throws(SolverError) -> NativeProblem {
        var problem = NativeProblem(sense: program.sense)
        try problem.load(program, names: ProblemNames(solving: program))
        try problem.scale()
        return problem
    }
}

extension GLPKSolver: LPSessionFactory {
    /// Opens a ``GLPKSession`` on the calling thread, runs `body` with it and frees it.
    ///
    /// The program is validated first, as by ``solve(_:options:)``; MIPs are rejected (a session
    /// re-solves LPs only). Of `options`, the algorithm applies to the first (cold) solve, and the
    /// time and iteration limits to every solve; presolve is always off, as it would discard the
    /// basis, and the log is not captured. Nothing else may use GLPK on this thread while the
    /// session is open: a ``solve(_:options:)`` there frees the thread's environment, after which
    /// the session rebuilds its problem and starts cold.
    public func withSession<Result>(
        _ program: LinearProgram,
        options: SolveOptions,
        _ body: (inout any LPSession & ~Copyable) throws(SolverError) -> Result
    ) throws(SolverError) -> Result {
        try Self.validate(program, options: options)
        guard !program.isMixedInteger else {
            throw SolverError(backend: GLPKEnvironment.backend, message: "a re-solvable session takes an LP, not a MIP")
        }
        return try GLPKEnvironment.run(captureLog: false) { () throws(SolverError) -> Result in
            var session: any LPSession & ~Copyable = try GLPKSession(program, options: options)
            return try body(&session)
        }
    }
}
