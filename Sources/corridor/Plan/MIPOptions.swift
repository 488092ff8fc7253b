import ArgumentParser
import FlowFormulation
import Foundation
import FreightNetwork
import GLPK
import LinearProgramming
import Reports
import Scenarios
import Simulation

/// How `corridor plan` solves its MIPs, and the export of the MIP.
struct MIPOptions: ParsableArguments {
    @Option(name: .customLong("time-limit"), parsing: .unconditional, help: "Time limit of each MIP solve, in seconds.")
    var timeLimit: Double?

    @Option(parsing: .unconditional, help: "Relative MIP gap at which branch-and-cut stops (default 0.0001: project values of a few USD m/yr are below 0.1% of the objective).")
    var gap: Double = 0.0001

    @Flag(name: .customLong("no-values"), help: "Skip the re-solves that value each project (faster).")
    var noValues = false

    @Flag(
        name: .customLong("no-sensitivity"),
        help: "Skip the sensitivity re-solves (budget and targets ±10%, discount rate ±2 percentage points; faster).")
    var noSensitivity = false

    @Option(
        help: """
            How the MIPs of a plan with seasonal scenarios are solved: auto (branch-and-bound over the projects, \
            each LP relaxation by the period decomposition and checked optimal for the time-expanded program; the \
            whole MIP when that proves nothing) or arc (each MIP whole by GLPK's branch-and-cut, as before; paths \
            is auto here). The report's Method line (JSON `method`, `fallbacks`) says which produced the plan.
            """)
    var method: SolutionMethod = .auto

    @Option(name: .customLong("export-lp"), help: "Also write the MIP in CPLEX LP format to this file.")
    var exportLP: String?

    @Option(parsing: .unconditional, help: "Threads for the re-solves that value projects and test sensitivity, each with its own GLPK problems (the default is the number of cores; the report is the same on any number).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if let timeLimit, !(timeLimit > 0) || !timeLimit.isFinite { throw ValidationError("--time-limit must be a positive number of seconds.") }
        if !(gap >= 0) || !gap.isFinite { throw ValidationError("--gap must be a number ≥ 0, e.g. 0.01 for 1%.") }
        if threads < 1 { throw ValidationError("--threads must be at least 1.") }
    }

    /// A GLPK planner with these limits, whose capacity increases scale against the first scenario.
    func planner(_ scenarios: [PlanScenario]) -> Planner {
        var planner = Planner(solver: GLPKSolver(), options: SolveOptions(timeLimitSeconds: timeLimit, mipGap: gap), valueProjects: !noValues)
        planner.computesSensitivity = !noSensitivity
        planner.threads = threads
        planner.method = method
        planner.reference = scenarios.first?.network
        return planner
    }

    /// The plan, after writing its MIP when --export-lp asks. An invalid network with the projects
    /// exits 65, a solver failure 70; the time taken goes to stderr.
    func plan(_ planner: Planner, _ scenarios: [PlanScenario], _ catalog: InvestmentCatalog, objective: PlanObjective) throws
        -> PlanResult
    {
        let result: PlanResult
        do {
            if let exportLP {
                let program = try planner.program(scenarios, catalog, objective: objective)
                let text: String
                do { text = try GLPKSolver().exportCPLEXLP(program.program) } catch { throw PlanError.solver(error) }
                try Output.write(text, to: exportLP)
            }
            result = try planner.plan(scenarios, catalog, objective: objective)
        } catch let error as PlanError {
            switch error {
            case .network(let e): Output.error("error: the network with the candidate projects is invalid: \(e)")
                throw ExitCodes.dataError
            case .solver(let e): Output.error("error: \(e.description)")
                throw ExitCodes.solverFailure
            }
        }
        // Timing varies from run to run: stderr, so that the report is the same for the same input.
        Output.error("plan: \(NumberFormatting.fixed(result.seconds, 1)) s with all re-solves")
        return result
    }
}
