internal import CGLPK
internal import LinearProgramming

extension GLPKSolver {
    /// Solves a loaded LP (no integer columns) with the algorithm in `options`.
    func solveLinear(_ problem: inout NativeProblem, options: SolveOptions) throws(SolverError) -> LPSolution {
        if options.algorithm == .interiorPoint, problem.rowCount > 0, problem.columnCount > 0 {
            return try solveInteriorPoint(&problem, options: options)
        }
        var parameters = Self.simplexParameters(options)
        if options.startBasis == .crash { problem.crashBasis() }
        var failures = simulatedSimplexFailuresForTesting
        // The primal iterations after which the stall guard handed the solve to the dual simplex, if it did.
        var switchedAfter: Int?
        func simplex(_ parameters: glp_smcp, guarded: Bool = true) throws(SolverError) -> GLPKReturnCode {
            let (code, switched) = try Self.guardedSimplex(&problem, parameters, options: guarded ? options : nil)
            if switchedAfter == nil { switchedAfter = switched }
            guard failures > 0 else { return code }
            failures -= 1
            return .failure
        }
        var code = try simplex(parameters)
        if code == .failure {
            // Retries: see ``retryParameters(_:)``.
            // From the basis the solve started from first: a crash start that failed with Harris's
            // ratio test usually succeeds from the crash basis with the long-step one.
            for crash in options.startBasis == .crash ? [true, false] : [false, true] where code == .failure {
                if crash { problem.crashBasis() } else { problem.standardBasis() }
                code = try simplex(Self.retryParameters(parameters))
            }
            // Still singular: the interior point method needs no basis (its simplex check runs only
            // where it does not converge).
            if code == .failure, problem.rowCount > 0, problem.columnCount > 0 {
                return try solveInteriorPoint(&problem, options: options)
            }
        }
        // Whether the dual simplex ran: chosen, or after the stall guard's budget.
        let dualRan = parameters.meth != GLP_PRIMAL || switchedAfter != nil
        if code == .success, dualRan,
            ![.optimal, .noFeasibleSolution, .unbounded].contains(problem.status(.basic))
        {
            // GLPK's dual simplex stops without a verdict when no dual feasible basis exists (the
            // program is unbounded, or infeasible): the primal simplex, from that basis, tells which.
            parameters.meth = GLP_PRIMAL
            parameters.presolve = GLP_OFF
            code = try simplex(parameters, guarded: false)
        }
        if dualRan || parameters.presolve == GLP_ON,
            code == .noPrimalFeasibleSolution || (code == .success && problem.status(.basic) == .noFeasibleSolution)
        {
            // A verdict of infeasibility from the dual simplex or the presolver rests on their own
            // tolerances; on badly scaled programs (capacities of 0.01 and 1e9 TEU in one LP) either can
            // call a feasible program infeasible. The primal simplex without presolve, from the
            // standard basis, confirms it or finds the optimum. Feasible programs never pay for this.
            problem.standardBasis()
            code = try simplex(Self.retryParameters(parameters), guarded: false)
        }
        let termination = try Self.simplexTermination(code, status: problem.status(.basic))
        var solution = problem.solution(
            .basic,
            termination: termination,
            withValues: termination == .optimal,
            iterations: problem.iterationCount
        )
        if termination == .unbounded { solution.unboundedDirection = try problem.unboundedDirection() }
        solution.dualSimplexAfterIterations = switchedAfter
        return solution
    }

    /// Runs `glp_simplex` with `parameters`; a primal simplex solve of ``SolveOptions/Algorithm/primalSimplex``
    /// with a ``SolveOptions/stallGuard`` in `options` (nil: none) runs under the guard's budget for the
    /// problem's rows (or the caller's iteration limit, when lower).
    ///
    /// When the budget runs out (`GLP_EITLIM` before the caller's own limit), the solve starts again by the
    /// dual simplex (`GLP_DUALP`) from the standard basis (all rows basic), as `--algorithm dual` starts: with
    /// costs that are not negative (every flow program's) that basis is dual feasible, while the basis the
    /// primal simplex stopped at is primal feasible and far from dual feasible — GLPK's dual phase 1 from it
    /// took 147,939 iterations on the file that stalled, against 31,975 from the standard basis. The problem is not rescaled. `GLP_DUALP` turns to the
    /// primal simplex should the dual one fail. The dual simplex keeps what is left of the caller's limits.
    ///
    /// - Returns: GLPK's return code, and the problem's iteration count when the guard switched to the dual
    ///   simplex (nil when it did not).
    static func guardedSimplex(
        _ problem: inout NativeProblem, _ parameters: glp_smcp, options: SolveOptions?
    ) throws(SolverError) -> (code: GLPKReturnCode, switchedAfter: Int?) {
        guard let options, let guardRule = options.stallGuard, options.algorithm == .primalSimplex,
            parameters.meth == GLP_PRIMAL
        else { return (try problem.simplex(parameters), nil) }
        let budget = guardRule.budget(rows: problem.rowCount)
        // The caller's limit, when it is lower, is the only one: reaching it is the caller's answer.
        guard budget < Int(parameters.it_lim) else { return (try problem.simplex(parameters), nil) }
        let clock = ContinuousClock()
        let start = clock.now
        let startCount = problem.iterationCount
        var primal = parameters
        primal.it_lim = Int32(budget)
        let code = try problem.simplex(primal)
        guard code == .iterationLimit else { return (code, nil) }
        let switchedAfter = problem.iterationCount
        problem.standardBasis()
        var dual = parameters
        dual.meth = GLP_DUALP
        if parameters.it_lim != Int32.max {
            dual.it_lim = max(0, parameters.it_lim - Int32(clamping: switchedAfter - startCount))
        }
        if parameters.tm_lim != Int32.max {
            let elapsed = start.duration(to: clock.now)
            let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            dual.tm_lim = max(0, parameters.tm_lim - Int32(clamping: milliseconds))
        }
        return (try problem.simplexKeepingScale(dual), switchedAfter)
    }

    /// The parameters for retrying a simplex that stopped with `GLP_EFAIL` (a basis singular to
    /// working precision): the primal simplex, without presolve, with the long-step ("flip") ratio test.
    ///
    /// Programs whose rows hold exact linear dependencies with fractional coefficients (the
    /// time-expanded flow of a seasonal scenario) can drive GLPK's Harris ratio test onto a
    /// near-zero pivot. ``solveLinear(_:options:)`` retries with these parameters from the standard
    /// basis, then from Bixby's crash basis (the other way round when the solve started from the crash
    /// basis), and where both fail turns to the interior point method.
    /// On 12 months of the upgraded Caspian network the first retry fixed the program with a
    /// warehouse; the program without one (`caspian-winter-seasonal-upgraded.yaml`: primal and dual
    /// simplex, Harris or flip from the standard basis, and Harris from the crash basis all
    /// GLP_EFAIL) needed the second. The result is the same LP's optimum. The retries keep the limits.
    static func retryParameters(_ parameters: glp_smcp) -> glp_smcp {
        var retry = parameters
        retry.meth = GLP_PRIMAL
        retry.presolve = GLP_OFF
        retry.r_test = GLP_RT_FLIP
        retry.pricing = GLP_PT_PSE
        return retry
    }

    /// `glp_smcp` for `options`: method, presolve, limits and message level.
    ///
    /// `.interiorPoint` asks for primal simplex here (used for MIP relaxations and empty programs).
    static func simplexParameters(_ options: SolveOptions) -> glp_smcp {
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = messageLevel(options)
        parameters.meth = options.algorithm == .dualSimplex ? GLP_DUALP : GLP_PRIMAL
        parameters.presolve = options.presolve ? GLP_ON : GLP_OFF
        if options.ratioTest == .longStep { parameters.r_test = GLP_RT_FLIP }
        if let milliseconds = milliseconds(options.timeLimitSeconds) {
            parameters.tm_lim = milliseconds
        }
        if let iterations = options.iterationLimit {
            parameters.it_lim = Int32(clamping: iterations)
        }
        return parameters
    }

    /// Maps a `glp_simplex` return code and the basic solution's status to a termination status.
    ///
    /// - Throws: ``SolverError`` with GLPK's code for failures (singular basis, …) and for a
    ///   status that success should never leave (undefined, feasible, infeasible).
    static func simplexTermination(
        _ code: GLPKReturnCode,
        status: @autoclosure () -> GLPKSolutionStatus
    ) throws(SolverError) -> TerminationStatus {
        switch code {
        case .success:
            switch status() {
            case .optimal: return .optimal
            case .noFeasibleSolution: return .infeasible
            case .unbounded: return .unbounded
            case let other:
                throw SolverError(
                    backend: GLPKEnvironment.backend,
                    code: Int(other.rawValue),
                    message: "glp_simplex finished with unexpected basic solution status \(other)"
                )
            }
        case .noPrimalFeasibleSolution: return .infeasible
        case .noDualFeasibleSolution: return .infeasibleOrUnbounded
        case .iterationLimit: return .iterationLimit
        case .timeLimit: return .timeLimit
        case let other:
            throw SolverError(
                backend: GLPKEnvironment.backend,
                code: Int(other.rawValue),
                message: "glp_simplex failed: \(other)"
            )
        }
    }

    /// Solves a loaded LP with at least one row and column by `glp_interior`.
    private func solveInteriorPoint(
        _ problem: inout NativeProblem,
        options: SolveOptions
    ) throws(SolverError) -> LPSolution {
        var parameters = glp_iptcp()
        glp_init_iptcp(&parameters)
        parameters.msg_lev = Self.messageLevel(options)
        let code = try problem.interior(parameters)
        let termination: TerminationStatus
        switch code {
        case .success:
            switch problem.status(.interiorPoint) {
            case .optimal: termination = .optimal
            // GLPK's interior point reports both infeasible and unbounded LPs as GLP_NOFEAS, and
            // sometimes, on badly scaled data, a program that has an optimum too: simplex checks.
            case .noFeasibleSolution:
                return try simplexCheck(&problem, options: options, otherwise: .infeasibleOrUnbounded)
            case let other:
                throw SolverError(
                    backend: GLPKEnvironment.backend,
                    code: Int(other.rawValue),
                    message: "glp_interior finished with unexpected solution status \(other)"
                )
            }
        case .iterationLimit, .noConvergence, .numericalInstability:
            // The method gave up (at its own limit of iterations, which no option sets, or because
            // the program is infeasible, unbounded or badly scaled): the simplex method answers.
            return try simplexCheck(&problem, options: options, otherwise: nil)
        case let other:
            throw SolverError(
                backend: GLPKEnvironment.backend,
                code: Int(other.rawValue),
                message: "glp_interior failed: \(other)"
            )
        }
        return problem.solution(
            .interiorPoint,
            termination: termination,
            withValues: termination == .optimal,
            iterations: nil
        )
    }

    /// Solves the loaded problem by the primal simplex method (no presolve) after the interior
    /// point method could not: its optimum, or else `otherwise` when given (the interior point's
    /// own verdict), or the simplex method's status.
    private func simplexCheck(
        _ problem: inout NativeProblem,
        options: SolveOptions,
        otherwise: TerminationStatus?
    ) throws(SolverError) -> LPSolution {
        var parameters = Self.simplexParameters(options)
        parameters.meth = GLP_PRIMAL
        parameters.presolve = GLP_OFF
        let code = try problem.simplex(parameters)
        var termination = try Self.simplexTermination(code, status: problem.status(.basic))
        // A limit that stopped the check is the answer: the interior point's verdict is not proof.
        if termination != .optimal, termination != .iterationLimit, termination != .timeLimit, let otherwise {
            termination = otherwise
        }
        return problem.solution(
            .basic,
            termination: termination,
            withValues: termination == .optimal,
            iterations: problem.iterationCount
        )
    }
}
