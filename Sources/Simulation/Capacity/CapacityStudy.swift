import FreightNetwork
public import LinearProgramming

/// The corridor capacities of one scenario: for each selection its maximum flow and minimum cut,
/// its demand-pattern capacity, and how much of it the scenario's min-cost flow uses.
public struct CapacityStudy: Sendable, Hashable {
    /// One corridor's figures.
    public struct Entry: Sendable, Hashable {
        /// The maximum flow and cut: of the year for an annual scenario; of the lowest period (at annual
        /// rates) for a seasonal one.
        public var capacity: CorridorCapacity
        public var concurrent: ConcurrentCapacity
        /// Delivered TEU/yr of the min-cost flow on routes that use only this corridor's links and the
        /// shared ones, from a source to a sink: a flow the corridor carries, so never above its capacity;
        /// nil when the min-cost flow was not solved (`corridor capacity --no-flow`).
        public var flowTEU: Double?
        /// For a seasonal scenario: the capacity in each period.
        public var periods: PeriodCapacity? = nil

        /// What the corridor can carry in a year, TEU: the maximum flow, or for a seasonal scenario the sum
        /// of the periods' TEU; nil when unlimited.
        public var capacityTEU: Double? { periods.map(\.yearTEU) ?? capacity.capacityTEU }
        /// Capacity minus flow, TEU/yr; nil when unlimited or the flow was not solved.
        public var headroomTEU: Double? {
            guard let c = capacityTEU, let flowTEU else { return nil }
            return c - flowTEU
        }
        /// Flow over capacity, 0…1; nil when unlimited, the capacity is 0 or the flow was not solved.
        public var utilisation: Double? {
            guard let c = capacityTEU, c > 0, let flowTEU else { return nil }
            return flowTEU / c
        }
    }

    public var scenario: String
    public var entries: [Entry]

    /// Analyses every selection of `analysis` against the min-cost `flow` of the same network, on the
    /// capacity its background traffic leaves (``CapacityAnalysis/reserving(_:)``); with no `flow`, no
    /// flow, headroom or utilisation, and the capacities are gross (nothing is reserved). With a
    /// `schedule` (a seasonal scenario), each period's network is analysed at annual rates; the entry's
    /// cut and λ are those of the period with the lowest capacity. `method` solves λ (see
    /// ``CapacityAnalysis/concurrentCapacity(of:solver:options:method:)``).
    /// - Throws: ``CapacityError`` (a cut that does not match its flow) or `SolverError`.
    public init(
        scenario: String, analysis: CapacityAnalysis, selections: [CorridorSelection], flow: FlowResult?,
        solver: any LPSolver, options: SolveOptions = SolveOptions(), schedule: PeriodSchedule? = nil,
        concurrent computeConcurrent: Bool = true, method: SolutionMethod = .auto
    ) throws {
        self.scenario = scenario
        // Freight's capacity is what the background traffic of the flow leaves.
        let analysis = flow.map { analysis.reserving($0.background) } ?? analysis
        entries = try selections.map { selection in
            guard let schedule else {
                return Entry(
                    capacity: try analysis.capacity(of: selection),
                    concurrent: computeConcurrent
                        ? try analysis.concurrentCapacity(of: selection, solver: solver, options: options, method: method)
                        : .notComputed,
                    flowTEU: flow.map { Self.flow(on: selection, $0, analysis) })
            }
            let periods = try PeriodCapacity(selection, analysis: analysis, schedule: schedule)
            let p = periods.lowest ?? 0
            let network = analysis.network
            var concurrent = ConcurrentCapacity(
                factor: 0, teu: 0, demandTEU: 0, demands: [], unreachable: [], binding: [])
            if !computeConcurrent {
                concurrent = .notComputed
            } else if let lowest = try? CapacityAnalysis(
                network: network.inPeriod(p, of: schedule),
                from: analysis.sources.map { network.nodes[$0].id.rawValue },
                to: analysis.sinks.map { network.nodes[$0].id.rawValue })
            {
                concurrent = try lowest.concurrentCapacity(of: selection, solver: solver, options: options, method: method)
            }
            return Entry(
                capacity: periods.periods[p].capacity,
                concurrent: concurrent,
                flowTEU: flow.map { Self.flow(on: selection, $0, analysis) }, periods: periods)
        }
    }

    /// The TEU/yr of `flow`'s routes from a source to a sink whose every link is on `selection`.
    static func flow(on selection: CorridorSelection, _ flow: FlowResult, _ analysis: CapacityAnalysis) -> Double {
        let network = analysis.network
        let tags = Set(selection.tags + [CorridorSelection.sharedTag])
        let sources = Set(analysis.sources.map { network.nodes[$0].id })
        let sinks = Set(analysis.sinks.map { network.nodes[$0].id })
        var total = 0.0
        for demand in flow.demands where sources.contains(demand.from) && sinks.contains(demand.to) {
            for route in demand.routes
            where route.links.allSatisfy({ network.link($0).map { tags.contains($0.corridor) } ?? false }) {
                total += route.teu
            }
        }
        return total
    }
}
