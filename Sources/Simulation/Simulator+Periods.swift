public import FlowFormulation
public import FreightNetwork
public import LinearProgramming

extension Simulator {
    /// Solves `network` over the periods of `schedule` (the time-expanded ``PeriodProgram``).
    ///
    /// The result's annual figures are sums over the periods and ``FlowResult/periods`` holds each period.
    /// A non-optimal termination is a result, not an error.
    /// - Throws: ``SolverError`` when the backend failed.
    public func run(
        _ network: Network, periods schedule: PeriodSchedule, scenario: String, objective: Objective = .minCost
    )
        throws(SolverError) -> FlowResult
    {
        let formulation = PeriodProgram(network: network, schedule: schedule, objective: objective)
        let first = try solver.solve(formulation.program, options: options)
        guard first.termination == .optimal else {
            var result = PeriodDecoder.empty(
                formulation, scenario: scenario, status: first.termination, solver: solver.name)
            result.solverLog = first.log
            return result
        }
        switch objective {
        case .minCost:
            var result = PeriodDecoder(formulation: formulation, solution: first, scenario: scenario)
                .result(objectiveValue: first.objective, solver: solver.name, iterations: first.iterations)
            result.solverLog = first.log
            return result
        case .maxThroughput:
            let delivered = first.objective ?? 0
            let due = formulation.due.reduce(0) { $0 + $1.reduce(0, +) }
            let maximumUnmet = max(0, due - delivered) * (1 + 1e-9) + 1e-9 * max(1, due)
            let second = try solver.solve(
                formulation.cheapestAtThroughput(maximumUnmet: maximumUnmet), options: options)
            guard second.termination == .optimal else {
                var result = PeriodDecoder.empty(
                    formulation, scenario: scenario, status: second.termination, solver: solver.name)
                result.solverLog = first.log + second.log
                return result
            }
            var decoder = PeriodDecoder(formulation: formulation, solution: second, scenario: scenario)
            decoder.throughputDuals = first
            var result = decoder.result(
                objectiveValue: delivered, solver: solver.name,
                iterations: (first.iterations ?? 0) + (second.iterations ?? 0))
            result.solverLog = first.log + second.log
            return result
        }
    }
}
