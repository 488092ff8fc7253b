public import FlowFormulation
public import FreightNetwork
public import LinearProgramming

extension Simulator {
    /// A network formulated for one objective and method, before solving: the LP is built once, so a
    /// caller that exports it (`corridor run --export-lp`) writes the program ``Simulator/run(_:scenario:)``
    /// then solves.
    public struct Prepared: Sendable {
        /// The network, after any changes.
        public let network: Network
        public let objective: Objective
        let form: Form
        /// Remarks the result carries in ``FlowResult/notes`` (a method that could not model congestion).
        var notes: [String] = []

        enum Form: Sendable {
            /// The arc form (``FlowProgram``): one LP, or two on the same LP for max throughput.
            case arc(FlowProgram)
            /// Column generation with this session factory: the arc form is never built.
            case paths(any LPSessionFactory)
            /// The time-expanded form (``PeriodProgram``) over a schedule.
            case periods(PeriodProgram)
        }

        /// Stage 1's LP in the arc or period form: the program that is solved (max throughput's stage 2
        /// swaps its objective), or, when column generation solves it, the arc form, built on this call.
        public var program: LinearProgram {
            switch form {
            case .arc(let formulation): formulation.program
            case .periods(let formulation): formulation.program
            case .paths: FlowProgram(network: network, objective: objective).program
            }
        }
    }

    /// Formulates `network` for `objective`: over the periods of `schedule` when there is one (the
    /// time-expanded `PeriodProgram`), else by ``method`` (the arc form, or column generation).
    ///
    /// - Throws: `SolverError` when ``SolutionMethod/paths`` was asked of a solver without sessions.
    public func prepare(_ network: Network, periods schedule: PeriodSchedule? = nil, objective: Objective = .minCost)
        throws(SolverError) -> Prepared
    {
        if let schedule {
            let formulation = PeriodProgram(network: network, schedule: schedule, objective: objective)
            var prepared = Prepared(network: network, objective: objective, form: .periods(formulation))
            if network.hasCongestion { prepared.notes.append(Self.periodCongestionNote) }
            return prepared
        }
        if let factory = try pathSolver(for: network) {
            return Prepared(network: network, objective: objective, form: .paths(factory))
        }
        var prepared = Prepared(
            network: network, objective: objective, form: .arc(FlowProgram(network: network, objective: objective)))
        if method == .paths && network.hasCongestion { prepared.notes.append(Self.pathsCongestionNote) }
        return prepared
    }

    /// What a run with periods says when the network congests: the period form prices congestion per
    /// period, and the reported times include its waits, but the transit shares that decide the arrival
    /// periods do not.
    public static let periodCongestionNote =
        "note: with periods, congestion is priced per period; its waits are in the reported times but not in the arrival periods"
    /// What `--method paths` says when the network congests: the arc form ran instead.
    public static let pathsCongestionNote =
        "note: column generation does not model congestion; solved with the arc form instead"

    /// Solves a formulated network and returns the result in domain terms.
    ///
    /// A non-optimal termination is a result (see ``FlowResult/status``), not an error.
    /// - Throws: `SolverError` when the backend failed.
    public func run(_ prepared: Prepared, scenario: String) throws(SolverError) -> FlowResult {
        var result = try solve(prepared, scenario: scenario)
        result.notes = prepared.notes + result.notes
        return result
    }

    private func solve(_ prepared: Prepared, scenario: String) throws(SolverError) -> FlowResult {
        let network = prepared.network, objective = prepared.objective
        switch prepared.form {
        case .arc(let formulation):
            return try runArc(formulation, scenario: scenario)
        case .periods(let formulation):
            var crashing = self
            crashing.options = options.forTimeExpanded
            // Unless --method arc: the decomposition, which solves the full program when it proves nothing.
            if method != .arc, formulation.periodCount > 1, let factory = solver as? any LPSessionFactory {
                crashing.solver = PeriodDecomposingSolver(
                    inner: solver, factory: factory, balanceRows: formulation.balanceRows)
            }
            return try crashing.solveLexicographic(
                PeriodDecoder.self, formulation, program: formulation.program, objective: objective,
                demandTEU: formulation.due.reduce(0) { $0 + $1.reduce(0, +) }, scenario: scenario,
                costing: formulation.cheapestAtThroughput(maximumUnmet:))
        case .paths(let factory):
            if let result = try runPaths(network, scenario: scenario, objective: objective, factory: factory) {
                return result
            }
            var result = try runArc(FlowProgram(network: network, objective: objective), scenario: scenario)
            result.notes.append(
                "note: column generation did not converge in \(columnGenerationRounds) rounds; solved with the arc form instead"
            )
            return result
        }
    }

    /// The arc form (``FlowProgram``): one LP, or two on the same LP for max throughput.
    private func runArc(_ formulation: FlowProgram, scenario: String) throws(SolverError) -> FlowResult {
        try solveLexicographic(
            FlowDecoder.self, formulation, program: formulation.program, objective: formulation.objective,
            demandTEU: formulation.network.demands.reduce(0) { $0 + $1.teu }, scenario: scenario,
            costing: formulation.cheapestAtThroughput(maximumUnmet:))
    }
}
