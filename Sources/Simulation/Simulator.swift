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

    /// The arc form (``FlowProgram``): one LP, or two for max throughput.
    private func runArc(_ network: Network, scenario: String, objective: Objective) throws(SolverError) -> FlowResult {
        let formulation = FlowProgram(network: network, objective: objective)
        let first = try solver.solve(formulation.program, options: options)
        guard first.termination == .optimal else {
            var result = FlowDecoder.empty(formulation, scenario: scenario, status: first.termination, solver: solver.name)
            result.solverLog = first.log
            return result
        }
        switch objective {
        case .minCost:
            var result = FlowDecoder(formulation: formulation, solution: first, scenario: scenario)
                .result(objectiveValue: first.objective, solver: solver.name, iterations: first.iterations)
            result.solverLog = first.log
            return result
        case .maxThroughput:
            let delivered = first.objective ?? 0
            let totalDemand = network.demands.reduce(0) { $0 + $1.teu }
            let maximumUnmet = max(0, totalDemand - delivered) * (1 + 1e-9) + 1e-9 * max(1, totalDemand)
            let second = try solver.solve(formulation.cheapestAtThroughput(maximumUnmet: maximumUnmet), options: options)
            guard second.termination == .optimal else {
                var result = FlowDecoder.empty(formulation, scenario: scenario, status: second.termination, solver: solver.name)
                result.solverLog = first.log + second.log
                return result
            }
            var decoder = FlowDecoder(formulation: formulation, solution: second, scenario: scenario)
            decoder.throughputDuals = first
            let iterations = (first.iterations ?? 0) + (second.iterations ?? 0)
            var result = decoder.result(objectiveValue: delivered, solver: solver.name, iterations: iterations)
            result.solverLog = first.log + second.log
            return result
        }
    }
}
