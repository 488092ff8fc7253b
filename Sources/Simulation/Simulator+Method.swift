import FlowFormulation
import FreightNetwork
import LinearProgramming

extension Simulator {
    /// Arc-form columns from which ``SolutionMethod/auto`` solves a flow by column generation.
    ///
    /// Column generation was faster at every size measured (docs/solution-methods.md); from about
    /// 1,000 arc-form columns it is also faster end to end, where process start-up and loading weigh
    /// as much as the solve (50 nodes, 1,010 columns: 30 ms of CPU against 37 ms; the S network, 4,020
    /// columns: 30 ms against 103 ms). Every bundled scenario congests, so keeps the arc form whatever
    /// its size (see ``chooseMethod(_:threshold:)``). `Planner` keeps 5,000
    /// (``planColumnGenerationThreshold``).
    public static let columnGenerationThreshold = 1_000

    /// The threshold of `Planner`'s simulations (a plan's scenarios with and without its projects, congestion
    /// left out): 5,000 arc-form columns, as before issue 17, so that a plan's figures stay as they were pinned.
    /// The scenarios of `Scenarios/plans/invest-3.7bn.yaml`, congestion left out, fall between 1,000 and 5,000:
    /// column generation finds the same costs, with shadow values that differ in their last digits.
    public static let planColumnGenerationThreshold = 5_000

    /// Arc-form columns from which `CapacityAnalysis.concurrentCapacity(of:solver:options:method:)`
    /// (λ) uses column generation under ``SolutionMethod/auto``: every bundled scenario's λ stays the
    /// arc form's.
    public static let concurrentColumnGenerationThreshold = 5_000

    /// The simulator of `Planner` and `YearPlanner`: `solver`, default options, ``SolutionMethod/auto`` with
    /// ``planColumnGenerationThreshold``.
    static func planning(with solver: any LPSolver) -> Simulator {
        var simulator = Simulator(solver: solver)
        simulator.autoThreshold = planColumnGenerationThreshold
        return simulator
    }

    /// The formulation ``SolutionMethod/auto`` picks for `network`: the arc form when its LP has
    /// fewer than `threshold` flow columns, else column generation.
    ///
    /// The arc form's column count is Σ over commodities of the links the commodity can use.
    ///
    /// A network with congestion (`FreightNetwork/Network/hasCongestion`) always gets the arc form:
    /// column generation does not model congestion.
    public static func chooseMethod(_ network: Network, threshold: Int = columnGenerationThreshold) -> SolutionMethod {
        guard !network.hasCongestion else { return .arc }
        let reach = Reachability(network: network)
        var columns = 0
        for commodity in Commodity.aggregate(network) {
            let sinks = commodity.demands.compactMap { network.index(of: network.demands[$0].to) }
            columns += reach.usableLinks(
                from: commodity.origin, to: sinks, in: network, avoiding: commodity.avoidedNodes
            ).count
            if columns >= threshold { return .paths }
        }
        return .arc
    }

    /// The session factory to run column generation with, or nil to run the arc form (also for
    /// ``SolutionMethod/paths`` on a network with congestion, which ``Prepared/notes`` then says).
    ///
    /// - Throws: ``SolverError`` when ``SolutionMethod/paths`` was asked of a solver without
    ///   re-solvable sessions (``LPSessionFactory``).
    func pathSolver(for network: Network) throws(SolverError) -> (any LPSessionFactory)? {
        switch method {
        case .arc:
            return nil
        case .paths:
            guard !network.hasCongestion else { return nil }
            guard let factory = solver as? any LPSessionFactory else {
                throw SolverError(backend: solver.name, message: "column generation needs a solver with sessions")
            }
            return factory
        case .auto:
            guard let factory = solver as? any LPSessionFactory,
                Self.chooseMethod(network, threshold: autoThreshold) == .paths
            else { return nil }
            return factory
        }
    }
}
