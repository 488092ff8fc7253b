public import FlowFormulation
public import FreightNetwork
public import LinearProgramming
import Synchronization

/// Solves many disruption cases of one network: warm, in parallel, and deterministically.
///
/// The intact network's min-cost LP is solved once, cold (`solveIntact()`). Each worker thread
/// then opens one re-solvable session of that LP and, for every case it takes: changes the bounds
/// the case's ``Disruption`` needs (`DisruptionEditor`), restores the intact optimal basis,
/// re-solves with the dual simplex (bounds changed, so that basis is still dual feasible), reads
/// the figures and puts the bounds back. Restoring the same basis before every case makes a case's
/// answer a function of the case alone — not of the worker, the thread count, the shard or the
/// order — so sharded and threaded sweeps agree to the last bit with a serial one.
public struct SweepEngine: Sendable {
    /// The intact network's min-cost LP.
    public let formulation: FlowProgram
    /// Opens the sessions (GLPK in the CLI).
    public let factory: any LPSessionFactory
    /// Algorithm and limits; the algorithm applies to the cold solve of the intact network.
    public let options: SolveOptions
    /// The capacities that may bind: every link and node with a capacity row, links first, in
    /// network order. ``CaseMetrics/binding`` holds positions in this list.
    public let capacities: [SweepElement]
    let editor: DisruptionEditor
    let capacityElements: [SweepCapacity]

    /// The intact network's optimum: its figures, and the basis every case starts from.
    public struct Intact: Sendable {
        public var metrics: CaseMetrics
        public var basis: LPBasis
    }

    public init(network: Network, factory: any LPSessionFactory, options: SolveOptions = SolveOptions()) {
        let formulation = FlowProgram(network: network, objective: .minCost)
        self.formulation = formulation
        self.factory = factory
        self.options = options
        editor = DisruptionEditor(formulation: formulation)
        var elements: [SweepCapacity] = []
        var named: [SweepElement] = []
        for (l, link) in network.links.enumerated() where formulation.linkCapacity[l] != nil {
            elements.append(SweepCapacity(kind: .link, index: l))
            named.append(SweepElement(kind: "link", id: link.id.rawValue, name: "\(link.from) → \(link.to)"))
        }
        for (n, node) in network.nodes.enumerated() where formulation.nodeCapacity[n] != nil {
            elements.append(SweepCapacity(kind: .node, index: n))
            named.append(SweepElement(kind: "node", id: node.id.rawValue, name: node.name))
        }
        capacityElements = elements
        capacities = named
    }

    /// The network the sweep disrupts.
    public var network: Network { formulation.network }

    /// Solves the intact network cold, on the calling thread.
    ///
    /// - Throws: `SolverError` when the backend failed, or the intact network has no optimum
    ///   (then there is no basis to start from).
    /// - Parameter start: An optimal basis of the intact network from an earlier solve (of this
    ///   same program, say in another process), to re-solve from instead of solving cold.
    public func solveIntact(from start: LPBasis? = nil) throws(SolverError) -> Intact {
        let intact = Disruption()
        return try factory.withSession(formulation.program, options: options) {
            (session: inout any LPSession & ~Copyable) throws(SolverError) -> Intact in
            if let start {
                guard start.rows.count == formulation.program.rowCount, start.columns.count == formulation.program.columnCount
                else { throw SolverError(backend: factory.name, message: "the starting basis does not fit the intact network's LP") }
                try session.restore(start)
            }
            let solution = try session.solve(reducedCosts: false)
            guard solution.termination == .optimal, let basis = try session.basis() else {
                throw SolverError(
                    backend: factory.name,
                    message:
                        "the intact network has no optimum (\(solution.termination.rawValue)): nothing to sweep from"
                )
            }
            return Intact(metrics: metrics(solution, under: intact), basis: basis)
        }
    }

    /// Solves the cases `indices`, where `disruption(i)` describes case `i`, on `threads` threads.
    ///
    /// Workers take cases in turn from a shared counter and stop taking new ones once
    /// `control.shouldStop()` is true; a case that was not solved is `nil` in the answer. A case the
    /// backend fails on is kept with its error (``CaseMetrics/failure``); the others go on.
    ///
    /// - Returns: One entry per index, in the order of `indices`.
    /// - Throws: `SolverError` when a session could not be opened (an invalid program).
    public func solve(
        _ indices: [Int],
        disruption: @escaping @Sendable (Int) -> Disruption,
        from intact: Intact,
        threads: Int,
        control: SweepControl = SweepControl()
    ) throws(SolverError) -> [CaseMetrics?] {
        guard !indices.isEmpty else { return [] }
        control.casesPlanned(indices.count)
        let workers = max(1, min(threads, indices.count))
        let state = SweepState(count: indices.count)
        let program = formulation.program
        let work: @Sendable (Int) -> Void = { _ in
            do throws(SolverError) {
                try factory.withSession(program, options: options) {
                    (session: inout any LPSession & ~Copyable) throws(SolverError) -> Void in
                    while !control.shouldStop() {
                        let position = state.next.wrappingAdd(1, ordering: .relaxed).oldValue
                        guard position < indices.count else { return }
                        let answer = solveCase(disruption(indices[position]), in: &session, from: intact)
                        state.results.withLock { $0[position] = answer }
                        control.caseFinished()
                    }
                }
            } catch {
                state.failure.withLock { if $0 == nil { $0 = error } }
            }
        }
        WorkerThreads.run(workers, work)
        if let error = state.failure.withLock({ $0 }) { throw error }
        return state.results.withLock { $0 }
    }

    /// Opens one warm session on the calling thread and passes `body` a function that solves one
    /// case on it, as ``solve(_:disruption:from:threads:control:)`` does per worker: for
    /// interactive what-ifs and for timing single warm re-solves.
    public func withWarmCases<Result>(
        from intact: Intact,
        _ body: (_ solve: (Disruption) -> CaseMetrics) throws(SolverError) -> Result
    ) throws(SolverError) -> Result {
        try factory.withSession(formulation.program, options: options) {
            (session: inout any LPSession & ~Copyable) throws(SolverError) -> Result in
            try body { disruption in solveCase(disruption, in: &session, from: intact) }
        }
    }

    /// One case on an open session: change bounds, restore the intact basis, re-solve, put back.
    func solveCase(
        _ disruption: Disruption,
        in session: inout any LPSession & ~Copyable,
        from intact: Intact
    ) -> CaseMetrics {
        let edits = editor.edits(for: disruption)
        guard !edits.isEmpty else {
            var same = intact.metrics
            same.iterations = 0
            return same
        }
        let back = editor.restoring(edits)
        do throws(SolverError) {
            try apply(edits, to: &session)
            try session.restore(intact.basis)
            let solution = try session.solve(reducedCosts: false)
            try apply(back, to: &session)
            return metrics(solution, under: disruption)
        } catch {
            // Put the bounds back (a problem freed by a fatal error is rebuilt with them).
            try? apply(back, to: &session)
            return .failed(error)
        }
    }

    /// Solves one case cold: the disrupted network formulated anew and solved from scratch by
    /// `solver`, for checking the warm path and for benchmarks.
    public func solveCold(_ disruption: Disruption, solver: any LPSolver) throws(SolverError) -> CaseMetrics {
        let cold = FlowProgram(network: network.applying(disruption), objective: .minCost)
        let solution = try solver.solve(cold.program, options: options)
        return CaseMetrics(
            solution,
            formulation: cold,
            elements: capacityElements,
            capacities: editor.capacities(under: disruption, elements: capacityElements),
            originating: editor.originating
        )
    }

    private func apply(_ edits: ProgramEdits, to session: inout any LPSession & ~Copyable) throws(SolverError) {
        for (variable, bounds) in edits.columns { try session.setBounds(variable, bounds) }
        for (constraint, bounds) in edits.rows { try session.setBounds(constraint, bounds) }
    }

    private func metrics(_ solution: LPSolution, under disruption: Disruption) -> CaseMetrics {
        CaseMetrics(
            solution,
            formulation: formulation,
            elements: capacityElements,
            capacities: editor.capacities(under: disruption, elements: capacityElements),
            originating: editor.originating
        )
    }
}

/// What the workers of one ``SweepEngine/solve(_:disruption:from:threads:control:)`` share.
private final class SweepState: Sendable {
    /// The position in the case list the next worker takes.
    let next = Atomic<Int>(0)
    /// Answers by position.
    let results: Mutex<[CaseMetrics?]>
    /// The first error that kept a worker from opening its session.
    let failure = Mutex<SolverError?>(nil)

    init(count: Int) {
        results = Mutex([CaseMetrics?](repeating: nil, count: count))
    }
}
