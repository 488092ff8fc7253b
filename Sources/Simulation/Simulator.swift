public import FlowFormulation
public import FreightNetwork
public import LinearProgramming

/// Formulates, solves and decodes one network with an injected solver.
///
/// The solver is a parameter: tests may pass a scripted one, the CLI passes GLPK.
public struct Simulator: Sendable {
    public var solver: any LPSolver
    public var options: SolveOptions
    /// Arc form, column generation, or a choice by size (see ``chooseMethod(_:)``).
    public var method: SolutionMethod
    /// Master solves after which column generation, not proven optimal, gives way to the arc form
    /// (with a note in ``FlowResult/notes``): a limit of the method, never reported as the user's.
    public var columnGenerationRounds = 5_000

    public init(solver: any LPSolver, options: SolveOptions = SolveOptions(), method: SolutionMethod = .auto) {
        self.solver = solver
        self.options = options
        self.method = method
    }

    /// Solves `network` for `objective` and returns the result in domain terms.
    ///
    /// A non-optimal termination is a result (see ``FlowResult/status``), not an error.
    /// - Throws: ``SolverError`` when the backend failed.
    public func run(_ network: Network, scenario: String, objective: Objective = .minCost) throws(SolverError)
        -> FlowResult
    {
        if let factory = try pathSolver(for: network) {
            if let result = try runPaths(network, scenario: scenario, objective: objective, factory: factory) {
                return result
            }
            var result = try runArc(network, scenario: scenario, objective: objective)
            result.notes.append(
                "note: column generation did not converge in \(columnGenerationRounds) rounds; solved with the arc form instead")
            return result
        }
        return try runArc(network, scenario: scenario, objective: objective)
    }

    /// The arc form (``FlowProgram``): one LP, or two on the same LP for max throughput.
    private func runArc(_ network: Network, scenario: String, objective: Objective) throws(SolverError) -> FlowResult {
        let formulation = FlowProgram(network: network, objective: objective)
        return try solveLexicographic(
            FlowDecoder.self, formulation, program: formulation.program, objective: objective,
            demandTEU: network.demands.reduce(0) { $0 + $1.teu }, scenario: scenario,
            costing: formulation.cheapestAtThroughput(maximumUnmet:))
    }
}
