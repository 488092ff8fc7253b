import FlowFormulation
import FreightNetwork
import LinearProgramming

extension Simulator {
    /// Arc-form columns from which ``SolutionMethod/auto`` switches to column generation.
    ///
    /// Column generation was faster at every size measured (docs/solution-methods.md), but below
    /// this both take well under a second, and the arc form keeps the results of small networks,
    /// such as every bundled scenario, exactly as before (a degenerate LP has several optimal flows).
    public static let columnGenerationThreshold = 5_000

    /// The formulation ``SolutionMethod/auto`` picks for `network`: the arc form when its LP has
    /// fewer than ``columnGenerationThreshold`` flow columns (every bundled scenario has under 2,000),
    /// else column generation.
    ///
    /// The arc form's column count is Σ over commodities of the links the commodity can use.
    ///
    /// A network with congestion (`FreightNetwork/Network/hasCongestion`) always gets the arc form:
    /// column generation does not model congestion.
    public static func chooseMethod(_ network: Network) -> SolutionMethod {
        guard !network.hasCongestion else { return .arc }
        let reach = Reachability(network: network)
        var columns = 0
        for commodity in Commodity.aggregate(network) {
            let sinks = commodity.demands.compactMap { network.index(of: network.demands[$0].to) }
            columns += reach.usableLinks(from: commodity.origin, to: sinks, in: network).count
            if columns >= columnGenerationThreshold { return .paths }
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
            guard let factory = solver as? any LPSessionFactory, Self.chooseMethod(network) == .paths else { return nil }
            return factory
        }
    }
}
