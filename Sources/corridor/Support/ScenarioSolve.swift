import FlowFormulation
import GLPK
import LinearProgramming
import Scenarios
import Simulation

/// The solves the commands make on one scenario, with GLPK and the solver flags.
struct ScenarioSolve {
    let solver = GLPKSolver()
    let options: SolverOptions
    /// The basis cache of ``flow(_:objective:export:)``'s solves of annual scenarios (`run` only; see
    /// ``BasisDirectory``), nil for none. The capacity study and files with periods never use it.
    var basisCache: (any LPBasisCache)?

    init(options: SolverOptions, basisCache: (any LPBasisCache)? = nil) {
        self.options = options
        self.basisCache = basisCache
    }

    var simulator: Simulator {
        Simulator(solver: solver, options: options.solveOptions, method: options.method)
    }

    /// ``simulator`` with ``basisCache`` on its solver.
    private var flowSimulator: Simulator {
        guard let basisCache else { return simulator }
        return Simulator(
            solver: GLPKSolver(basisCache: basisCache), options: options.solveOptions, method: options.method)
    }

    /// The scenario's flow for `objective`, over its periods when it has some; `export` sees the program
    /// before it is solved.
    func flow(
        _ scenario: Scenario, objective: Objective = .minCost, export: (Simulator.Prepared) throws -> Void = { _ in }
    ) throws -> FlowResult {
        // Annual programs only: on the time-expanded LP a fresh factorisation of the optimal basis moves
        // values by up to 1e-9 relative (not only last digits), so seasonal outputs stay as they were.
        let simulator = scenario.periods == nil ? flowSimulator : self.simulator
        let prepared = try simulator.prepare(scenario.network, periods: scenario.periods, objective: objective)
        try export(prepared)
        return try simulator.run(prepared, scenario: scenario.name)
    }

    /// Each scenario's min-cost flow and corridor capacities (the same corridors in all, see
    /// ``CorridorSelection/union(_:)``), labelled; the solver log (with --solver-log) and each notes on stderr.
    func comparisonEntries(_ scenarios: [Scenario], labels: [String], lambda: Bool) throws -> [ScenarioComparison.Entry] {
        let selections = CorridorSelection.union(scenarios.map(\.network))
        return try Output.solving {
            try zip(labels, scenarios).map { label, scenario in
                let result = try flow(scenario)
                let capacity = try capacityIfSolved(scenario, flow: result, selections: selections, lambda: lambda)
                if options.solverLog { Output.error(result.solverLog) }
                for note in result.notes { Output.error("\(scenario.file): \(note)") }
                return ScenarioComparison.Entry(
                    label: label, name: scenario.name, file: scenario.file, changes: scenario.changes, result: result,
                    capacity: capacity, network: scenario.network)
            }
        }
    }

    /// The corridors' capacity study against `flow` (nil: capacities, cuts and λ only; see ``CapacityStudy``).
    func capacity(
        _ scenario: Scenario, analysis: CapacityAnalysis, selections: [CorridorSelection], flow: FlowResult?,
        lambda: Bool
    ) throws -> CapacityStudy {
        try CapacityStudy(
            scenario: scenario.name, analysis: analysis, selections: selections, flow: flow, solver: solver,
            options: options.solveOptions, schedule: scenario.periods, concurrent: lambda,
            method: options.method)
    }

    /// The study of `selections` (default: the scenario's default corridors) when `flow` has an
    /// optimum and the network has sources and sinks; nil otherwise.
    func capacityIfSolved(
        _ scenario: Scenario, flow: FlowResult, selections: [CorridorSelection]? = nil, lambda: Bool
    ) throws -> CapacityStudy? {
        guard flow.status.hasSolution, let analysis = try? CapacityAnalysis(network: scenario.network) else {
            return nil
        }
        let selections = selections ?? CorridorSelection.defaults(in: scenario.network)
        return try capacity(scenario, analysis: analysis, selections: selections, flow: flow, lambda: lambda)
    }
}
