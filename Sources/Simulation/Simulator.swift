public import FlowFormulation
public import FreightNetwork
public import LinearProgramming

/// Formulates, solves and decodes one network with an injected solver.
///
/// The solver is a parameter: tests may pass a scripted one, the CLI passes GLPK.
public struct Simulator: Sendable {
    public var solver: any LPSolver
    public var options: SolveOptions
    /// Arc form, column generation, or a choice by size (see ``chooseMethod(_:threshold:)``).
    public var method: SolutionMethod
    /// Master solves after which column generation, not proven optimal, gives way to the arc form
    /// (with a note in ``FlowResult/notes``): a limit of the method, never reported as the user's.
    public var columnGenerationRounds = 5_000
    /// Iterations of the volume algorithm column generation starts its second master from (see
    /// ``ProgramSize/volumeIterations``); nil: 300 from 100,000 commodities × links (min cost), else none.
    public var volumeIterations: Int? = nil
    /// Arc-form columns from which ``SolutionMethod/auto`` uses column generation (see
    /// ``chooseMethod(_:threshold:)``); ``Simulator/columnGenerationThreshold`` unless set.
    public var autoThreshold = Simulator.columnGenerationThreshold

    public init(solver: any LPSolver, options: SolveOptions = SolveOptions(), method: SolutionMethod = .auto) {
        self.solver = solver
        self.options = options
        self.method = method
    }

    /// Solves `network` for `objective` and returns the result in domain terms.
    ///
    /// A non-optimal termination is a result (see ``FlowResult/status``), not an error.
    /// - Throws: `SolverError` when the backend failed.
    public func run(_ network: Network, scenario: String, objective: Objective = .minCost) throws(SolverError)
        -> FlowResult
    {
        try run(prepare(network, objective: objective), scenario: scenario)
    }
}
