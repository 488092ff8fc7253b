public import LinearProgramming

/// The corridor capacities of one scenario: for each selection its maximum flow and minimum cut,
/// its demand-pattern capacity, and how much of it the scenario's min-cost flow uses.
public struct CapacityStudy: Sendable {
    /// One corridor's figures.
    public struct Entry: Sendable {
        public var capacity: CorridorCapacity
        public var concurrent: ConcurrentCapacity
        /// Delivered TEU/yr whose route the min-cost flow puts on this corridor (on one of its tags).
        public var flowTEU: Double

        /// Capacity minus flow, TEU/yr; nil when unlimited.
        public var headroomTEU: Double? { capacity.capacityTEU.map { $0 - flowTEU } }
        /// Flow over capacity, 0…1; nil when unlimited or the capacity is 0.
        public var utilisation: Double? {
            guard let c = capacity.capacityTEU, c > 0 else { return nil }
            return flowTEU / c
        }
    }

    public var scenario: String
    public var entries: [Entry]

    /// Analyses every selection of `analysis` against the min-cost `flow` of the same network.
    /// - Throws: ``CapacityError`` (a cut that does not match its flow) or ``SolverError``.
    public init(
        scenario: String, analysis: CapacityAnalysis, selections: [CorridorSelection], flow: FlowResult,
        solver: any LPSolver, options: SolveOptions = SolveOptions()
    ) throws {
        self.scenario = scenario
        var teuByTag: [String: Double] = [:]
        for corridor in flow.corridors { teuByTag[corridor.corridor, default: 0] += corridor.teu }
        entries = try selections.map { selection in
            Entry(
                capacity: try analysis.capacity(of: selection),
                concurrent: try analysis.concurrentCapacity(of: selection, solver: solver, options: options),
                flowTEU: selection.tags.reduce(0) { $0 + (teuByTag[$1] ?? 0) })
        }
    }
}
