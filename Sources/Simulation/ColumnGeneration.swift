import FlowFormulation
import FreightNetwork
import LinearProgramming

/// Solves a ``PathProgram`` by column and row generation in one warm solver session.
///
/// Round 0 loads the master with the cheapest path of every demand and no capacity row. Each round
/// solves the master warm (the basis is kept). When its solution exceeds a capacity whose row is
/// absent, those rows are added (the basis stays dual feasible: the dual simplex continues) and the
/// master is solved again. Otherwise every demand is priced by one shortest-path search per
/// commodity under the master's duals and one under the smoothed duals, and each demand's shortest
/// path under either is added when its reduced cost at the master's duals is below
/// −``tolerance``·max(1, |π_d|) (new columns are non-basic: the primal simplex continues).
/// When no row is exceeded and no path qualifies, the master's optimum is feasible for the full
/// path LP and its duals (0 for absent rows) price every path at ≥ −tolerance: it is the LP optimum.
/// On a large min-cost master the first master that exceeds no row is followed, once, by the volume
/// algorithm's paths and rows (``volumeStart(_:duals:rows:target:iterations:)``): they change which columns
/// and rows the master holds, not what proves the optimum.
struct ColumnGeneration {
    /// A path column of the master: the demand it serves and its links from origin to destination.
    struct PathColumn: Hashable {
        var demand: Int
        var links: [Int]
    }

    /// The final master and what it took.
    struct Outcome {
        /// The last master solution (optimal, or the status that stopped the rounds).
        var solution: LPSolution
        /// The final master LP (its rows: the program's, then capacity rows in the order added).
        var program: LinearProgram
        /// The capacity rows the final master holds.
        var rows: PathProgram.CapacityRows
        /// Capacity rows in the order they were added: link (true) or node (false) and its index.
        var rowOrder: [(isLink: Bool, index: Int)]
        /// Path columns and their handles, in column order.
        var paths: [(column: PathColumn, variable: LinearProgram.Variable)]
        /// Master solves.
        var rounds: Int
        /// Simplex iterations over all rounds.
        var iterations: Int
        /// Iterations of the volume algorithm run before the second master solve (0: none).
        var volumeIterations = 0
        /// Whether the rounds stopped at ``roundLimit`` without a proven optimum (the solution then says
        /// ``TerminationStatus/iterationLimit``, a limit the user did not set: solve another way).
        var stalled = false
    }

    let factory: any LPSessionFactory
    let options: SolveOptions
    /// Master solves after which the rounds stop unproven (``Outcome/stalled``).
    var roundLimit = Self.roundLimit
    /// Iterations of the volume algorithm before the second master solve (``volumeStart(_:duals:rows:target:iterations:)``);
    /// nil: ``volumeIterations`` from ``volumeSize`` commodities × links, else none. Only without a seed, and only
    /// for min-cost masters (``PathProgram/lagrangian``).
    var volume: Int?

    /// Relative reduced-cost tolerance (objective units per TEU/year, times max(1, |π_d|)).
    static let tolerance = 1e-9
    /// Relative capacity tolerance above which an absent row is added.
    static let capacityTolerance = 1e-9
    /// Weight of the best-bound duals in the smoothed duals used to find new paths (0: no smoothing).
    static let smoothing = 0.5
    /// Pricing rounds a column may sit at 0 with a positive reduced cost before it is parked (fixed at 0).
    static let idleRounds = 3
    /// Load, as a fraction of the limit, from which a capacity's row is added with the exceeded ones.
    static let nearlyFull = 0.9
    /// Default master solves after which the rounds stop unproven (``Outcome/stalled``).
    static let roundLimit = 5_000
    /// Threads the pricing searches run on (one shortest-path search per commodity, none touching GLPK):
    /// the searches are independent, and their paths are put together in commodity order, so the answer
    /// is the same on any number of threads.
    static let pricingThreads = 2
    /// Commodities × links from which pricing uses ``pricingThreads`` threads (L: 200,000); below, a round's
    /// searches take about a millisecond (M: 40,000), less than starting a thread on a busy machine.
    static let parallelPricingSize = 100_000

    /// Threads for `master`'s shortest-path searches: ``pricingThreads`` from ``parallelPricingSize`` commodities × links.
    static func pricingThreads(_ master: PathProgram) -> Int {
        master.commodities.count * master.network.links.count >= parallelPricingSize ? pricingThreads : 1
    }

    /// Prices at `duals`, the commodities' searches shared among ``pricingThreads`` threads on a large network.
    static func price(_ master: PathProgram, duals: [Double], rows: PathProgram.CapacityRows) -> [PathProgram.PricedPath] {
        let threads = pricingThreads(master)
        return master.price(duals: duals, rows: rows) { count, body in WorkerThreads.map(count, threads: threads, body) }
    }

    /// ``volumeIterations`` for a master of at least ``volumeSize`` commodities × links, else 0.
    static func volumeIterations(_ master: PathProgram) -> Int {
        master.commodities.count * master.network.links.count >= volumeSize ? volumeIterations : 0
    }

    /// What a stalled solve reports (``Outcome/stalled``).
    static let unproven = LPSolution(termination: .iterationLimit, objective: nil, primal: [])

    /// Runs column and row generation on `master`, starting from `seed` paths (none: each demand's
    /// cheapest) and `seedRows` capacity rows (in that order).
    func solve(
        _ master: PathProgram, seed: [PathColumn] = [], seedRows: [(isLink: Bool, index: Int)] = []
    ) throws(SolverError) -> Outcome {
        var (state, initial) = Self.seeded(master, seed: seed, seedRows: seedRows)
        let lagrangian = seed.isEmpty ? master.lagrangian : nil
        let volumeIterations = lagrangian == nil ? 0 : volume ?? Self.volumeIterations(master)
        return try factory.withSession(initial, options: options) {
            (session: inout any LPSession & ~Copyable) throws(SolverError) -> Outcome in
            var rounds = 0
            var iterations = 0
            var volumePending = volumeIterations > 0
            func outcome(_ solution: LPSolution, _ program: LinearProgram, stalled: Bool = false) -> Outcome {
                Outcome(
                    solution: solution, program: program, rows: state.rows, rowOrder: state.rowOrder,
                    paths: state.paths, rounds: rounds, iterations: iterations, volumeIterations: volumePending ? 0 : volumeIterations,
                    stalled: stalled)
            }
            while true {
                let solution = try session.solve(reducedCosts: true)
                rounds += 1
                iterations += solution.iterations ?? 0
                guard solution.termination == .optimal else { return outcome(solution, session.program) }
                // With some capacity exceeded, rows for the nearly full ones come too: they would
                // most likely be exceeded after the next round's paths (M: 42 → 35 rounds, L: 115 → 100).
                let loads = state.loads(solution)
                let exceeded = state.exceeded(loads).isEmpty
                    ? [] : state.withParallelRows(state.exceeded(loads, fraction: Self.nearlyFull))
                if !exceeded.isEmpty {
                    guard rounds < roundLimit else { return outcome(Self.unproven, session.program, stalled: true) }
                    try state.add(rows: exceeded, to: &session)
                    continue
                }
                if volumePending, let lagrangian {
                    // Once, at the first master that exceeds no capacity: the volume algorithm's paths and rows.
                    volumePending = false
                    guard rounds < roundLimit else { return outcome(Self.unproven, session.program, stalled: true) }
                    let start = Self.volumeStart(
                        lagrangian, duals: solution.duals, rows: state.rows, target: solution.objective ?? 0,
                        iterations: volumeIterations)
                    try state.add(paths: start.paths.filter { state.known[$0.demand][$0.links] == nil }, to: &session)
                    try state.add(rows: start.rows, to: &session)
                    continue
                }
                // No improving path at the master's duals: the master's optimum is the LP's.
                guard let (fresh, revived) = state.newPaths(solution) else { return outcome(solution, session.program) }
                guard rounds < roundLimit else { return outcome(Self.unproven, session.program, stalled: true) }
                // Only columns already in the master price below −tolerance: the solver's own tolerance.
                if fresh.isEmpty && revived.isEmpty { return outcome(solution, session.program) }
                try state.park(solution, reviving: revived, onlyRevived: fresh.isEmpty, in: &session)
                try state.add(paths: fresh, to: &session)
            }
        }
    }

    /// The first master: `seed` paths and `seedRows` rows, or (no seed) each demand's cheapest path and the
    /// paths and saturated capacities of the greedy start.
    private static func seeded(
        _ master: PathProgram, seed: [PathColumn], seedRows: [(isLink: Bool, index: Int)]
    ) -> (State, LinearProgram) {
        var state = State(master)
        var lp = master.program
        var first = seed
        var firstRows = seedRows
        if seed.isEmpty {
            let start = master.greedyStart()
            first = master.price(duals: nil, rows: state.rows).map { PathColumn(demand: $0.demand, links: $0.links) }
                + start.paths.map { PathColumn(demand: $0.demand, links: $0.links) }
            firstRows = start.saturated
        }
        for column in first where state.known[column.demand][column.links] == nil {
            let variable = lp.add(master.column(demand: column.demand, links: column.links, number: state.paths.count, rows: state.rows))
            state.record(column, variable)
        }
        for row in firstRows { state.recordRow(row, lp.add(state.newRow(row))) }
        return (state, lp)
    }

    /// The master's paths and capacity rows as they grow.
    private struct State {
        let master: PathProgram
        var rows: PathProgram.CapacityRows
        var rowOrder: [(isLink: Bool, index: Int)] = []
        /// Per demand: the path index of each link sequence in the master.
        var known: [[[Int]: Int]]
        var paths: [(column: PathColumn, variable: LinearProgram.Variable)] = []
        /// Per path: consecutive rounds at 0 with a positive reduced cost; parked paths are fixed at 0.
        var idle: [Int] = []
        /// Per path: whether it is parked (an array, not a set: every round walks all paths).
        var parked: [Bool] = []
        /// The best Lagrangian bound so far (minimisation terms) and the duals that gave it.
        var bestBound = -Double.infinity
        var stableDuals: [Double] = []
        /// Path columns using each limited link, and entering each limited node (once per entry).
        var onLink: [[LinearProgram.Variable]]
        var intoNode: [[LinearProgram.Variable]]

        init(_ master: PathProgram) {
            self.master = master
            rows = master.noCapacityRows
            known = [[[Int]: Int]](repeating: [:], count: master.network.demands.count)
            onLink = [[LinearProgram.Variable]](repeating: [], count: master.network.links.count)
            intoNode = [[LinearProgram.Variable]](repeating: [], count: master.network.nodes.count)
        }

        mutating func record(_ column: PathColumn, _ variable: LinearProgram.Variable) {
            known[column.demand][column.links] = paths.count
            paths.append((column, variable))
            idle.append(0)
            parked.append(false)
            for l in column.links {
                if master.linkLimit[l] != nil { onLink[l].append(variable) }
                let head = master.network.linkEnds[l].to
                if master.nodeLimit[head] != nil { intoNode[head].append(variable) }
            }
        }

        func newRow(_ row: (isLink: Bool, index: Int)) -> LinearProgram.NewRow {
            row.isLink ? master.linkRow(row.index, paths: onLink[row.index]) : master.nodeRow(row.index, paths: intoNode[row.index])
        }

        /// Adds `fresh` (paths not in the master) as columns, in order, and records them.
        mutating func add(paths fresh: [PathColumn], to session: inout any LPSession & ~Copyable) throws(SolverError) {
            let columns = fresh.enumerated().map { i, c in
                master.column(demand: c.demand, links: c.links, number: paths.count + i, rows: rows)
            }
            for (column, variable) in zip(fresh, try session.addColumns(columns)) { record(column, variable) }
        }

        /// Adds the capacity rows `new` (absent from the master), in order, and records them.
        mutating func add(rows new: [(isLink: Bool, index: Int)], to session: inout any LPSession & ~Copyable) throws(SolverError) {
            let handles = try session.addRows(new.map { newRow($0) })
            for (row, handle) in zip(new, handles) { recordRow(row, handle) }
        }

        mutating func recordRow(_ row: (isLink: Bool, index: Int), _ handle: LinearProgram.Constraint) {
            rows[row] = handle
            rowOrder.append(row)
        }

        /// `rows` and, after each link among them, its parallel links (same ends) that are limited, used by
        /// a path of the master and without a row: with tied parallel links the master fills one at a time,
        /// so 5,000 of them would take 5,000 rounds of one row each.
        func withParallelRows(_ rows: [(isLink: Bool, index: Int)]) -> [(isLink: Bool, index: Int)] {
            let network = master.network
            var taken = [Bool](repeating: false, count: network.links.count)
            for row in rows where row.isLink { taken[row.index] = true }
            var result: [(isLink: Bool, index: Int)] = []
            for row in rows {
                result.append(row)
                guard row.isLink else { continue }
                let (from, to) = network.linkEnds[row.index]
                for other in network.outgoing[from] where !taken[other] && network.linkEnds[other].to == to {
                    guard master.linkLimit[other] != nil, self.rows.link[other] == nil, !onLink[other].isEmpty else { continue }
                    taken[other] = true
                    result.append((true, other))
                }
            }
            return result
        }

        /// The objective's sign: 1 when minimising, −1 when maximising.
        var sense: Double { master.objective == .minCost ? 1 : -1 }

        /// Whether a path of `demand` with `reduced` cost improves on `solution` (below −tolerance·max(1, |π_d|)).
        func improves(_ demand: Int, _ reduced: Double, _ solution: LPSolution) -> Bool {
            reduced < -ColumnGeneration.tolerance * max(1, abs(solution.dual(master.demandRow[demand])))
        }

        /// The paths that enter after `solution`: new columns, and parked columns to revive; `nil` when no
        /// path improves at the master's duals (the master's optimum is then the LP's).
        ///
        /// Pricing at the master's duals proves optimality (nothing below −tolerance) and gives a
        /// Lagrangian bound; the paths added come from duals smoothed towards the best-bound duals
        /// (Wentges), which damps the oscillation of the duals, and from the master's own duals, which
        /// are sure to improve: more of the final basis per round, fewer rounds.
        mutating func newPaths(_ solution: LPSolution) -> (fresh: [PathColumn], revived: [Int])? {
            let exact = ColumnGeneration.price(master, duals: solution.duals, rows: rows)
            let improving = exact.filter { improves($0.demand, $0.reducedCost, solution) }
            if improving.isEmpty { return nil }
            var bound = sense * (solution.objective ?? 0)
            for priced in exact { bound += master.network.demands[priced.demand].teu * min(0, priced.reducedCost) }
            if bound > bestBound {
                bestBound = bound
                stableDuals = solution.duals
            }
            var candidates: [PathProgram.PricedPath] = []
            if ColumnGeneration.smoothing > 0 {
                let weight = ColumnGeneration.smoothing
                let smoothed = solution.duals.indices.map { i in
                    weight * (i < stableDuals.count ? stableDuals[i] : 0) + (1 - weight) * solution.duals[i]
                }
                candidates = ColumnGeneration.price(master, duals: smoothed, rows: rows).filter { priced in
                    improves(
                        priced.demand, master.reducedCost(demand: priced.demand, links: priced.links, duals: solution.duals, rows: rows),
                        solution)
                }
            }
            // Tied parallel links: every improving one-link variant of an improving path enters too
            // (5,000 parallel links: 6 rounds instead of 5,000).
            let variants = improving.flatMap { master.parallelVariants(of: $0, duals: solution.duals, rows: rows) }
                .filter { improves($0.demand, $0.reducedCost, solution) }
            var fresh: [PathColumn] = []
            var revived: [Int] = []
            for list in [candidates, improving, variants] {
                for priced in list {
                    if let p = known[priced.demand][priced.links] {
                        if p < parked.count, parked[p], !revived.contains(p) { revived.append(p) }
                        continue
                    }
                    known[priced.demand][priced.links] = paths.count + fresh.count
                    fresh.append(PathColumn(demand: priced.demand, links: priced.links))
                }
            }
            return (fresh, revived)
        }

        /// Parks columns idle for ``ColumnGeneration/idleRounds`` rounds (fixed at 0: the simplex then leaves
        /// them out) and revives `revived`; with `onlyRevived`, makes the next solve primal (the basis is then
        /// not dual feasible).
        mutating func park(
            _ solution: LPSolution, reviving revived: [Int], onlyRevived: Bool, in session: inout any LPSession & ~Copyable
        ) throws(SolverError) {
            for p in revived {
                parked[p] = false
                idle[p] = 0
                try session.setBounds(paths[p].variable, .lower(0))
            }
            for p in paths.indices where !parked[p] {
                let v = paths[p].variable
                let isIdle = solution[v] <= 0 && sense * solution.reducedCost(v) > ColumnGeneration.tolerance
                idle[p] = isIdle ? idle[p] + 1 : 0
                if idle[p] >= ColumnGeneration.idleRounds {
                    parked[p] = true
                    try session.park(v)
                }
            }
            if onlyRevived, let p = revived.first {
                let v = paths[p].variable
                try session.setCost(v, session.program[v].cost)
            }
        }

        /// The loads in `solution` of the limited links and nodes without a row (`nil` elsewhere).
        func loads(_ solution: LPSolution) -> (link: [Double?], node: [Double?]) {
            var link = [Double?](repeating: nil, count: master.linkLimit.count)
            var node = [Double?](repeating: nil, count: master.nodeLimit.count)
            for (l, limit) in master.linkLimit.enumerated() where limit != nil && rows.link[l] == nil {
                link[l] = onLink[l].reduce(0) { $0 + solution[$1] }
            }
            for (n, limit) in master.nodeLimit.enumerated() where limit != nil && rows.node[n] == nil {
                node[n] = intoNode[n].reduce(0) { $0 + solution[$1] } - master.originUnmet[n].reduce(0) { $0 + solution[$1] }
            }
            return (link, node)
        }

        /// Limited links and nodes without a row whose load (``loads(_:)``) exceeds `fraction` of their limit.
        func exceeded(_ loads: (link: [Double?], node: [Double?]), fraction: Double = 1) -> [(isLink: Bool, index: Int)] {
            var result: [(isLink: Bool, index: Int)] = []
            func over(_ load: Double, _ limit: Double) -> Bool {
                load > fraction * limit + ColumnGeneration.capacityTolerance * max(1, abs(limit))
            }
            for (l, limit) in master.linkLimit.enumerated() {
                guard let limit, let load = loads.link[l] else { continue }
                if over(load, limit) { result.append((true, l)) }
            }
            for (n, limit) in master.nodeLimit.enumerated() {
                guard let limit, let load = loads.node[n] else { continue }
                if over(load, limit) { result.append((false, n)) }
            }
            return result
        }
    }
}
