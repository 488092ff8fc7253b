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

    @Flag(name: .customLong("solver-log"), help: "Print GLPK's own log on stderr after solving.")
    var solverLog = false

    func check() throws {
        if let timeLimit, !(timeLimit > 0) || !timeLimit.isFinite {
            throw ValidationError("--time-limit must be a positive number of seconds.")
        }
    }

    var solveOptions: SolveOptions {
        SolveOptions(algorithm: algorithm, presolve: presolve, timeLimitSeconds: timeLimit, captureLog: solverLog)
    }
}

extension SolveOptions.Algorithm: ExpressibleByArgument {}
