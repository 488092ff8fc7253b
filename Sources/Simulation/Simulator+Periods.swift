public import FlowFormulation
public import FreightNetwork
public import LinearProgramming

extension Simulator {
    /// Solves `network` over the periods of `schedule` (the time-expanded `PeriodProgram`).
    ///
    /// The result's annual figures are sums over the periods and ``FlowResult/periods`` holds each period.
    /// A non-optimal termination is a result, not an error.
    /// - Throws: `SolverError` when the backend failed.
    public func run(
        _ network: Network, periods schedule: PeriodSchedule, scenario: String, objective: Objective = .minCost
    )
        throws(SolverError) -> FlowResult
    {
        try run(prepare(network, periods: schedule, objective: objective), scenario: scenario)
    }
}
