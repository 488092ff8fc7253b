internal import CGLPK
internal import LinearProgramming

extension GLPKSolver {
    /// Solves a loaded MIP: the LP relaxation by simplex, then branch-and-cut by `glp_intopt`.
    ///
    /// The relaxation gives the bound reported for an unproven solution and decides infeasible
    /// and unbounded cases with the statuses of ``simplexTermination(_:status:)``.
    func solveMixedInteger(_ problem: inout NativeProblem, options: SolveOptions) throws(SolverError) -> LPSolution {
        let clock = ContinuousClock()
        let start = clock.now
        if options.startBasis == .crash { problem.crashBasis() }
        // The relaxation is the whole program's root LP: the stall guard holds (see ``guardedSimplex(_:_:options:)``).
        let (relaxationCode, switchedAfter) = try Self.guardedSimplex(
            &problem, Self.simplexParameters(options), options: options)
        let relaxation = try Self.simplexTermination(relaxationCode, status: problem.status(.basic))
        guard relaxation == .optimal else {
            // An unbounded relaxation leaves the MIP unbounded or, without integer points, infeasible.
            let termination: TerminationStatus = relaxation == .unbounded ? .infeasibleOrUnbounded : relaxation
            var solution = problem.solution(
                .basic, termination: termination, withValues: false, iterations: problem.iterationCount)
            solution.dualSimplexAfterIterations = switchedAfter
            return solution
        }
        let relaxationBound = problem.objectiveValue(.basic)

        var parameters = Self.intoptParameters(options, elapsed: start.duration(to: clock.now))
        var code = try problem.intopt(parameters)
        if simulatedIntoptFailureForTesting { code = .failure }
        if code == .failure, parameters.presolve == GLP_ON {
            // glp_intopt's presolver re-solves the relaxation from scratch and can fail numerically (GLP_EFAIL)
            // on large degenerate programs; without it the search starts from the relaxation's optimal basis.
            parameters.presolve = GLP_OFF
            if try problem.simplex(Self.simplexParameters(options)) == .success,
                try Self.simplexTermination(.success, status: problem.status(.basic)) == .optimal
            {
                code = try problem.intopt(parameters)
            }
        }
        let status = problem.status(.integer)
        let termination = try Self.intoptTermination(code, status: status)
        let hasIncumbent = status == .optimal || status == .feasible
        let withValues = hasIncumbent && [.optimal, .feasible, .timeLimit].contains(termination)
        var solution = problem.solution(
            .integer,
            termination: termination,
            withValues: withValues,
            iterations: problem.iterationCount
        )
        solution.dualSimplexAfterIterations = switchedAfter
        if let objective = solution.objective {
            if termination == .optimal {
                solution.bestBound = objective
                solution.relativeGap = 0
            } else {
                // GLPK's formula; the relaxation bound is weaker than the search's final bound.
                solution.bestBound = relaxationBound
                solution.relativeGap = abs(objective - relaxationBound) / (abs(objective) + Double.ulpOfOne)
            }
        }
        return solution
    }

    /// `glp_intopt`'s parameters: presolve and the four cut families on, the gap and what is left of the
    /// time limit after `elapsed`.
    static func intoptParameters(_ options: SolveOptions, elapsed: Duration) -> glp_iocp {
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = messageLevel(options)
        parameters.presolve = GLP_ON
        parameters.gmi_cuts = GLP_ON
        parameters.mir_cuts = GLP_ON
        parameters.cov_cuts = GLP_ON
        parameters.clq_cuts = GLP_ON
        if let gap = options.mipGap { parameters.mip_gap = gap }
        if let seconds = options.timeLimitSeconds {
            let elapsedSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            if let milliseconds = milliseconds(max(0, seconds - elapsedSeconds)) {
                parameters.tm_lim = milliseconds
            }
        }
        return parameters
    }

    /// What `glp_intopt`'s return code and the integer solution's status mean.
    static func intoptTermination(
        _ code: GLPKReturnCode, status: GLPKSolutionStatus
    ) throws(SolverError) -> TerminationStatus {
        switch (code, status) {
        case (.success, .optimal): return .optimal
        case (.success, .feasible): return .feasible
        case (.success, .noFeasibleSolution): return .infeasible
        case (.success, let other):
            throw SolverError(
                backend: GLPKEnvironment.backend, code: Int(other.rawValue),
                message: "glp_intopt finished with unexpected integer solution status \(other)")
        case (.mipGapReached, _): return .feasible
        case (.timeLimit, _): return .timeLimit
        case (.noPrimalFeasibleSolution, _): return .infeasible
        case (.noDualFeasibleSolution, _): return .infeasibleOrUnbounded
        case (let other, _):
            throw SolverError(
                backend: GLPKEnvironment.backend, code: Int(other.rawValue), message: "glp_intopt failed: \(other)")
        }
    }
}
