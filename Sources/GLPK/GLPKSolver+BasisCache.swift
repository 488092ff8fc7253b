internal import CGLPK
public import LinearProgramming

extension GLPKSolver {
    /// The key of the solves whose bases ``basisCache`` may share: GLPK's version and the settings
    /// that choose the vertex a cold solve ends at (algorithm, start basis, ratio test).
    public static func cacheMethod(_ options: SolveOptions) -> String {
        let start = options.startBasis?.rawValue ?? "default"
        let ratio = options.ratioTest?.rawValue ?? "default"
        return "GLPK \(version) simplex \(options.algorithm.rawValue) start \(start) ratio \(ratio)"
    }

    /// Whether a solve of `program` with `options` goes through ``basisCache``: an LP (no integer
    /// columns) by the simplex method, without presolve, without limits (a warm start would pass a
    /// limit a cold solve stops at) and without simulated failures.
    func canCache(_ program: LinearProgram, options: SolveOptions) -> Bool {
        !program.isMixedInteger && options.algorithm != .interiorPoint && !options.presolve
            && options.timeLimitSeconds == nil && options.iterationLimit == nil
            && simulatedSimplexFailuresForTesting == 0 && program.rowCount > 0 && program.columnCount > 0
    }

    /// Solves `program` through `cache`: from the cached basis when it is optimal in 0 iterations (a
    /// hit), else cold, then again from the cold solve's optimal basis on a fresh problem, whose
    /// answer is returned and whose basis is stored (a miss). Both read the answer from the same
    /// procedure (``warmSolve(_:from:options:)``) on the same basis, so they agree bit for bit.
    func solveCanonically(
        _ program: LinearProgram, options: SolveOptions, cache: any LPBasisCache
    ) throws(SolverError) -> LPSolution {
        let method = Self.cacheMethod(options)
        return try GLPKEnvironment.run(captureLog: options.captureLog) { () throws(SolverError) -> LPSolution in
            func logged(_ solution: LPSolution) -> LPSolution {
                var solution = solution
                if options.captureLog { solution.log = GLPKEnvironment.capturedText }
                return solution
            }
            // A basis the stall guard's dual simplex found is not the answer of a primal simplex chosen to run
            // to the end (no guard): that solve runs cold.
            if let cached = cache.basis(for: program, method: method),
                cached.dualSimplexAfterIterations == nil || options.stallGuard != nil,
                let warm = try? warmSolve(program, from: cached.basis, options: options)
            {
                var solution = warm
                solution.iterations = cached.iterations
                solution.dualSimplexAfterIterations = cached.dualSimplexAfterIterations
                return logged(solution)
            }
            var problem = NativeProblem(sense: program.sense)
            try problem.load(program, names: ProblemNames(solving: program))
            let cold = try solveLinear(&problem, options: options)
            guard cold.termination == .optimal else { return logged(cold) }
            let basis = problem.basis()
            guard var canonical = try warmSolve(program, from: basis, options: options) else { return logged(cold) }
            canonical.iterations = cold.iterations
            canonical.dualSimplexAfterIterations = cold.dualSimplexAfterIterations
            cache.store(
                CachedBasis(
                    basis: basis, iterations: cold.iterations ?? 0,
                    dualSimplexAfterIterations: cold.dualSimplexAfterIterations),
                for: program, method: method)
            return logged(canonical)
        }
    }

    /// Loads `program` afresh, installs `basis` and runs the simplex method of `options` from it: the
    /// optimal answer when it took 0 iterations, else nil (a basis that does not fit, is singular or
    /// is not optimal after a fresh factorisation).
    func warmSolve(_ program: LinearProgram, from basis: LPBasis, options: SolveOptions) throws(SolverError)
        -> LPSolution?
    {
        var problem = NativeProblem(sense: program.sense)
        try problem.load(program, names: ProblemNames(solving: program))
        guard basis.rows.count == problem.rowCount, basis.columns.count == problem.columnCount else { return nil }
        problem.setBasis(basis)
        let code = try problem.simplex(Self.simplexParameters(options))
        guard code == .success, problem.status(.basic) == .optimal, problem.iterationCount == 0 else { return nil }
        return problem.solution(.basic, termination: .optimal, withValues: true, iterations: 0)
    }
}
