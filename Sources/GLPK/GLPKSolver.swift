internal import CGLPK
public import LinearProgramming

/// Solves a `LinearProgram` with GLPK (the GNU Linear Programming Kit).
///
/// Each call of ``solve(_:options:)`` validates the program, creates a GLPK problem on the
/// calling thread, solves it and frees it before returning, so the solver holds no native state
/// and may be shared across tasks. GLPK keeps its environment per thread when
/// ``isThreadLocalEnvironment`` is true (Debian's build); only then may several threads solve at
/// once. GLPK never writes to the terminal: its output is captured and returned in
/// `LPSolution/log` when `SolveOptions/captureLog` is set.
///
/// - LP: primal simplex (`GLP_PRIMAL`), dual simplex (`GLP_DUALP`: dual, falling back to
///   primal) or interior point, with GLPK's LP presolver on request. With a
///   `SolveOptions/stallGuard`, a primal simplex that runs past its budget starts again by the dual simplex
///   from the standard basis (`LPSolution/dualSimplexAfterIterations` says after how many iterations).
/// - MIP (some integer column): the LP relaxation is solved first by simplex, then `glp_intopt`
///   runs with its MIP presolver and Gomory, MIR, cover and clique cuts. See
///   ``solve(_:options:)`` for how limits and gaps are reported.
///
/// Bad input never reaches GLPK: programs with a problem listed by
/// `LinearProgram/validationProblems(maxNameLength:)` and invalid options throw
/// `SolverError`. Should GLPK still hit a fatal error, a C guard catches it and it is thrown
/// as a `SolverError` with code -1 instead of aborting the process.
public struct GLPKSolver: LPSolver, Sendable {
    /// Optimal bases kept between runs (nil: none, the default). With a cache, an LP solved by the
    /// simplex method without presolve and without limits ends canonically: its answer is read from a
    /// second solve that starts from the optimal basis on a freshly loaded problem (0 iterations, one
    /// fresh factorisation), and that basis is stored. A later solve of the same program (by its
    /// `method` key: the digest is the cache's business) starts from the stored basis and so gives the
    /// same answer bit for bit, with the stored count of iterations; a stored basis that is not
    /// optimal in 0 iterations is ignored and the program is solved cold. See ``solve(_:options:)``.
    public var basisCache: (any LPBasisCache)?

    /// Creates the solver, without a basis cache.
    public init() {}

    /// Creates the solver with a basis cache (see ``basisCache``).
    public init(basisCache: (any LPBasisCache)?) {
        self.basisCache = basisCache
    }

    /// For tests only: how many `glp_simplex` runs of an LP solve are reported as `GLP_EFAIL` (a
    /// singular basis) whatever GLPK answered, so that the retries and the interior point fallback of
    /// ``solve(_:options:)`` can be tested on small programs. 0 (the default) changes nothing.
    package var simulatedSimplexFailuresForTesting = 0

    /// For tests only: the first `glp_intopt` run of a MIP solve is reported as `GLP_EFAIL` whatever GLPK
    /// answered, so that the retry without the presolver can be tested on small programs.
    package var simulatedIntoptFailureForTesting = false

    /// GLPK's version, such as "5.0" (`glp_version`).
    public static var version: String {
        glp_version().map { String(cString: $0) } ?? "unknown"
    }

    /// True when GLPK keeps its environment in thread-local storage (`glp_config("TLS")`), so
    /// separate threads may solve separate programs at the same time; otherwise solve serially.
    public static var isThreadLocalEnvironment: Bool {
        glp_config("TLS") != nil
    }

    /// "GLPK" and the version, such as "GLPK 5.0".
    public var name: String { "GLPK \(Self.version)" }

    /// Solves `program` on the calling thread.
    ///
    /// Outcomes (see `TerminationStatus`):
    /// - With presolve off, infeasible and unbounded LPs are `.infeasible` / `.unbounded`. With
    ///   presolve on, GLPK only says "no primal feasible solution" (`.infeasible`) or "no dual
    ///   feasible solution" (`.infeasibleOrUnbounded`); re-solve without presolve to tell.
    /// - Interior point cannot tell infeasible from unbounded: both are `.infeasibleOrUnbounded`.
    ///   It ignores `SolveOptions/presolve`, `SolveOptions/timeLimitSeconds` and
    ///   `SolveOptions/iterationLimit` (GLPK has none for it) and reports no iterations; a
    ///   program without rows or columns is solved by simplex instead, which GLPK requires. When
    ///   it reports no feasible solution, or gives up (no convergence, numerical instability, its
    ///   own iteration limit), the primal simplex method checks: its optimum is returned if there is one (GLPK's interior
    ///   point misjudges some badly scaled programs), else `.infeasibleOrUnbounded` or, after a
    ///   give-up, the simplex method's status. Its solutions are approximate (a relative tolerance
    ///   of about 1e-8, no crossover to a vertex).
    /// - Integer columns' bounds are rounded inward to integers first (`glp_intopt` rejects
    ///   fractional ones); a MIP with an integer column whose range holds no integer is
    ///   `.infeasible` without calling GLPK. A MIP whose relaxation is unbounded is
    ///   `.infeasibleOrUnbounded`. `.feasible` means an integer solution without proof of
    ///   optimality (the `SolveOptions/mipGap` was reached).
    ///   A time-limited MIP that has an incumbent returns `.timeLimit` *with* the objective and
    ///   primal values filled in. The iteration limit applies to the relaxation only; the time
    ///   limit (seconds, wall clock) covers relaxation and search together. With
    ///   `SolveOptions/algorithm` `.interiorPoint`, the relaxation is solved by primal simplex.
    /// - For a non-optimal MIP solution, `LPSolution/bestBound` is the LP relaxation's
    ///   objective (GLPK's final search bound is not available after `glp_intopt`), so
    ///   `LPSolution/relativeGap` — |objective − bound| / (|objective| + ε), GLPK's formula —
    ///   over-estimates the true gap. For an optimal MIP the bound is the objective and the gap 0.
    ///
    /// Objective values include `LinearProgram/objectiveConstant`; values are only filled in
    /// when there is a solution. Duals and reduced costs are GLPK's, ∂objective/∂bound, for LPs.
    ///
    /// - Parameters:
    ///   - program: The program; it is validated before any GLPK call.
    ///   - options: Algorithm, presolve, limits (seconds, iterations), MIP gap, log capture.
    /// - Returns: The termination status and, when there is one, the solution.
    /// - Throws: `SolverError` when the program or options are invalid (code 0), GLPK failed
    ///   (GLPK's return code), or GLPK hit a fatal error caught by the guard (code -1).
    public func solve(_ program: LinearProgram, options: SolveOptions) throws(SolverError) -> LPSolution {
        try Self.validate(program, options: options)
        let (program, hasEmptyIntegerRange) = program.withIntegralIntegerBounds()
        if hasEmptyIntegerRange {
            return LPSolution(termination: .infeasible, objective: nil, primal: [])
        }
        if let basisCache, canCache(program, options: options) {
            return try solveCanonically(program, options: options, cache: basisCache)
        }
        return try GLPKEnvironment.run(captureLog: options.captureLog) { () throws(SolverError) -> LPSolution in
            var problem = NativeProblem(sense: program.sense)
            try problem.load(program, names: ProblemNames(solving: program))
            var solution =
                program.isMixedInteger
                ? try solveMixedInteger(&problem, options: options)
                : try solveLinear(&problem, options: options)
            if options.captureLog { solution.log = GLPKEnvironment.capturedText }
            return solution
        }
    }

    /// Throws when `program` or `options` would make GLPK fail or abort.
    static func validate(_ program: LinearProgram, options: SolveOptions) throws(SolverError) {
        var problems = program.validationProblems(maxNameLength: ProblemNames.maximumLength)
        if program.name.utf8.count > ProblemNames.maximumLength {
            problems.append("problem name longer than \(ProblemNames.maximumLength) bytes")
        }
        let limit = Int(Int32.max) - 1
        if program.columnCount >= limit { problems.append("\(program.columnCount) columns exceed GLPK's limit") }
        if program.rowCount > limit { problems.append("\(program.rowCount) rows exceed GLPK's limit") }
        if program.nonZeroCount > limit { problems.append("\(program.nonZeroCount) non-zeros exceed GLPK's limit") }
        if let seconds = options.timeLimitSeconds, !(seconds >= 0) {
            problems.append("time limit \(seconds) s is not ≥ 0")
        }
        if let iterations = options.iterationLimit, iterations < 0 {
            problems.append("iteration limit \(iterations) is negative")
        }
        if let gap = options.mipGap, !(gap >= 0 && gap.isFinite) {
            problems.append("MIP gap \(gap) is not a finite number ≥ 0")
        }
        guard !problems.isEmpty else { return }
        let shown = problems.prefix(10).joined(separator: "; ")
        let more = problems.count > 10 ? "; and \(problems.count - 10) more" : ""
        throw SolverError(backend: GLPKEnvironment.backend, code: 0, message: "invalid program: \(shown)\(more)")
    }

    /// A time limit for GLPK, in milliseconds, or `nil` for none (infinite or beyond `Int32`).
    static func milliseconds(_ seconds: Double?) -> Int32? {
        guard let seconds, seconds.isFinite else { return nil }
        let milliseconds = (seconds * 1000).rounded(.up)
        return milliseconds < Double(Int32.max) ? Int32(milliseconds) : nil
    }

    /// GLPK's message level: full output (as `glpsol` prints it) when the log is captured, none otherwise.
    static func messageLevel(_ options: SolveOptions) -> Int32 {
        options.captureLog ? GLP_MSG_ALL : GLP_MSG_OFF
    }
}
