import ArgumentParser
import LinearProgramming
import Simulation

/// Solver flags shared by the commands that solve.
struct SolverOptions: ParsableArguments {
    @Option(
        help: """
            LP algorithm: primal, dual (simplex) or interior (point). Default: primal, starting again by \
            the dual simplex should it stall (after 5 iterations per LP row); a chosen algorithm runs to \
            the end.
            """
    )
    var algorithm: SolveOptions.Algorithm?

    @Flag(help: "Run GLPK's presolver first (slower on these flow problems; see docs/commands/run.md).")
    var presolve = false

    @Option(name: .customLong("time-limit"), parsing: .unconditional, help: "Solver time limit in seconds.")
    var timeLimit: Double?

    @Option(
        name: .customLong("iteration-limit"),
        parsing: .unconditional,
        help: "Simplex iteration limit; reaching it (or the time limit) exits 75 and reports no flows."
    )
    var iterationLimit: Int?

    @Flag(name: .customLong("solver-log"), help: "Print GLPK's own log on stderr after solving.")
    var solverLog = false

    @Option(
        help: """
            Formulation: arc (origin-aggregated arc form, one LP), paths (column generation over \
            path flows) or auto (arc form below \(Simulator.columnGenerationThreshold) arc-form columns \
            or with congestion, else paths; λ of capacity and compare: arc form below \
            \(Simulator.concurrentColumnGenerationThreshold)). With periods, the program is decomposed by \
            commodity (checked optimal for the time-expanded LP, which is solved instead when it is not); arc \
            solves that LP whole. Exports (--export-lp/--export-mps) always write the arc form.
            """
    )
    var method: SolutionMethod = .auto

    func check() throws {
        if let timeLimit, !(timeLimit > 0) || !timeLimit.isFinite {
            throw ValidationError("--time-limit must be a positive number of seconds.")
        }
        if let iterationLimit, iterationLimit < 1 {
            throw ValidationError("--iteration-limit must be a positive number of iterations.")
        }
    }

    var solveOptions: SolveOptions {
        // The stall guard only for the default algorithm: a chosen one is the user's to keep.
        SolveOptions(
            algorithm: algorithm ?? .primalSimplex, presolve: presolve, timeLimitSeconds: timeLimit,
            iterationLimit: iterationLimit, captureLog: solverLog, stallGuard: algorithm == nil ? .standard : nil
        )
    }
}

extension SolveOptions.Algorithm: ExpressibleByArgument {}

extension SolutionMethod: ExpressibleByArgument {}
