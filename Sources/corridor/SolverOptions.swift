import ArgumentParser
import LinearProgramming

/// Solver flags shared by the commands that solve.
struct SolverOptions: ParsableArguments {
    @Option(help: "LP algorithm: primal, dual (simplex) or interior (point).")
    var algorithm: SolveOptions.Algorithm = .primalSimplex

    @Flag(help: "Run GLPK's presolver first (slower on these flow problems; see README).")
    var presolve = false

    @Option(name: .customLong("time-limit"), help: "Solver time limit in seconds.")
    var timeLimit: Double?

    @Option(
        name: .customLong("iteration-limit"),
        help: "Simplex iteration limit; reaching it (or the time limit) exits 75 and reports no flows."
    )
    var iterationLimit: Int?

    @Flag(name: .customLong("solver-log"), help: "Print GLPK's own log on stderr after solving.")
    var solverLog = false

    func check() throws {
        if let timeLimit, !(timeLimit > 0) || !timeLimit.isFinite {
            throw ValidationError("--time-limit must be a positive number of seconds.")
        }
        if let iterationLimit, iterationLimit < 1 {
            throw ValidationError("--iteration-limit must be a positive number of iterations.")
        }
    }

    var solveOptions: SolveOptions {
        SolveOptions(
            algorithm: algorithm, presolve: presolve, timeLimitSeconds: timeLimit, iterationLimit: iterationLimit,
            captureLog: solverLog
        )
    }
}

extension SolveOptions.Algorithm: ExpressibleByArgument {}
