import FlowFormulation
internal import FreightNetwork
import LinearProgramming

extension CapacityAnalysis {
    /// ``concurrentCapacity(of:solver:options:method:)`` by column generation over paths, in one warm session.
    ///
    /// The master: maximise λ subject to, per origin–destination pair k (its demands' TEU/yr summed,
    /// teu_k), Σ_{p∈P_k} f_p − teu_k·λ = 0; per capacity row of the arc form (same elements), Σ_{p∋a} f_p ≤
    /// capacity(a) for a link, Σ_p (times p enters n)·f_p + λ·(TEU/yr originating at n) ≤ capacity(n)
    /// for a node. It starts with the paths of ``initialSpread`` phases of a multiplicative-weights
    /// heuristic that spreads every pair's TEU/yr over the capacities (`spreadPaths`; on the 20,000-link
    /// network the optimum is among them or a few rounds away). Each round prices every pair by one
    /// Dijkstra search per origin over the corridor's open links, weighted by the duals of the link's row
    /// and of its head's row (≥ 0 at an optimum; noise of the wrong sign counts as 0), and adds each pair's
    /// shortest path when its reduced cost −π_k − Σ_{a∈p}(y_a + z_head(a)) exceeds 10⁻⁹·|π_k|, with the new
    /// paths of ``roundSpread`` more heuristic phases (those only help: on L, 8 phases at the start and
    /// none later took 3.3 s for a corridor instead of 0.15 s, by a long tail of rounds). It stops
    /// when none does: the master's duals are then feasible for every path, so its λ is the LP optimum
    /// and its duals an optimal dual solution (the binding elements are those with a dual above 10⁻⁹).
    /// An unbounded master is a restriction of an unbounded LP: λ is unlimited. Should it not stop within
    /// ``concurrentRoundLimit`` master solves, the arc form answers instead.
    func concurrentByPaths(
        _ setup: ConcurrentSetup, _ selection: CorridorSelection, solver: any LPSolver & LPSessionFactory,
        options: SolveOptions
    ) throws(SolverError) -> ConcurrentCapacity {
        var master = ConcurrentMaster(network: network, setup: setup, name: selection.name)
        for column in master.spreadPaths(phases: Self.initialSpread) { master.record(column) }
        let initial = master.program
        let answer = try solver.withSession(initial, options: options) {
            (session: inout any LPSession & ~Copyable) throws(SolverError) -> ConcurrentCapacity? in
            var result = setup.result
            for _ in 0..<Self.concurrentRoundLimit {
                let solution = try session.solve(reducedCosts: false)
                switch solution.termination {
                case .optimal: break
                case .unbounded: return result
                default:
                    throw SolverError(
                        backend: solver.name, code: 0,
                        message:
                            "the concurrent-flow master of \(selection.name) ended \(solution.termination.rawValue)")
                }
                var fresh = master.price(duals: solution.duals).filter { !master.knows($0) }
                if !fresh.isEmpty {
                    let priced = Set(fresh)
                    fresh += master.spreadPaths(phases: Self.roundSpread).filter { !priced.contains($0) }
                }
                guard !fresh.isEmpty else {
                    let binding = zip(master.rows, setup.limits).filter { abs(solution.dual($0.0)) > 1e-9 }.map(
                        \.1.element)
                    result.settle(factor: solution[master.lambda], binding: binding)
                    return result
                }
                let variables = try session.addColumns(fresh.enumerated().map { master.newColumn($1, offset: $0) })
                for (column, variable) in zip(fresh, variables) { master.record(column, variable) }
            }
            return nil
        }
        if let answer { return answer }
        return try concurrentByArcs(setup, selection, solver: solver, options: options)
    }

    /// Master solves after which ``concurrentByPaths(_:_:solver:options:)`` gives up and the arc form answers.
    static let concurrentRoundLimit = 5_000
    /// Spreading phases before the first master solve, and with each round's priced paths.
    static let initialSpread = 20
    static let roundSpread = 10
}

/// The master LP of ``CapacityAnalysis/concurrentByPaths(_:_:solver:options:)`` and its pricing.
private struct ConcurrentMaster {
    /// A path of an origin–destination pair: its links, origin to destination.
    struct PathColumn: Hashable {
        var pair: Int
        var links: [Int]
    }

    let network: Network
    let open: [Bool]
    private(set) var program: LinearProgram
    let lambda: LinearProgram.Variable
    /// Origin–destination pairs (by source, then destination index) and their rows; `source` indexes
    /// ``ConcurrentSetup/sources``.
    let pairs: [(origin: Int, source: Int, sink: Int, teu: Double, row: LinearProgram.Constraint)]
    /// Per source: `blocked[n]`, node n is avoided; nil when the source avoids none.
    let blocked: [[Bool]?]
    /// The capacity rows, as ``ConcurrentSetup/limits``.
    let rows: [LinearProgram.Constraint]
    let linkRow: [LinearProgram.Constraint?]
    let nodeRow: [LinearProgram.Constraint?]
    /// The capacity of each link and node with a row.
    let linkCapacity: [Double?]
    let nodeCapacity: [Double?]
    private var known: Set<PathColumn> = []
    /// The load ``spreadPaths(phases:)`` has routed on each link and node, and the largest load over capacity.
    private var spread: (linkLoad: [Double], nodeLoad: [Double], worst: Double)

    init(network: Network, setup: ConcurrentSetup, name: String) {
        self.network = network
        open = setup.open
        var lp = LinearProgram(name: "concurrent_paths_\(name)", sense: .maximize)
        let lambda = lp.addVariable("lambda", bounds: .lower(0), cost: 1)
        var pairs: [(origin: Int, source: Int, sink: Int, teu: Double, row: LinearProgram.Constraint)] = []
        var originating = [Double](repeating: 0, count: network.nodes.count)
        for (i, source) in setup.sources.enumerated() {
            let o = source.origin
            let sinks = setup.supply[i]
            originating[o] += sinks.sumInKeyOrder()
            for (t, teu) in sinks.sorted(by: { $0.key < $1.key }) {
                let id = "\(source.label(network))_\(network.nodes[t].id.rawValue)"
                pairs.append((o, i, t, teu, lp.addConstraint("pair_\(id)", [.init(lambda, -teu)], bounds: .fixed(0))))
            }
        }
        blocked = setup.sources.map { source in
            guard !source.avoided.isEmpty else { return nil }
            var mask = [Bool](repeating: false, count: network.nodes.count)
            for n in source.avoided { mask[n] = true }
            return mask
        }
        var linkRow = [LinearProgram.Constraint?](repeating: nil, count: network.links.count)
        var nodeRow = [LinearProgram.Constraint?](repeating: nil, count: network.nodes.count)
        var linkCapacity = [Double?](repeating: nil, count: network.links.count)
        var nodeCapacity = [Double?](repeating: nil, count: network.nodes.count)
        rows = setup.limits.map { limit in
            let terms: [LinearProgram.Term] =
                !limit.isLink && originating[limit.index] > 0 ? [.init(lambda, originating[limit.index])] : []
            let row = lp.addConstraint(
                "cap_\(limit.element.kind.rawValue)_\(limit.element.id)", terms,
                bounds: .upper(limit.element.capacityTEU))
            if limit.isLink {
                linkRow[limit.index] = row
                linkCapacity[limit.index] = limit.element.capacityTEU
            } else {
                nodeRow[limit.index] = row
                nodeCapacity[limit.index] = limit.element.capacityTEU
            }
            return row
        }
        self.linkRow = linkRow
        self.nodeRow = nodeRow
        spread = (
            [Double](repeating: 0, count: network.links.count), [Double](repeating: 0, count: network.nodes.count), 0
        )
        self.linkCapacity = linkCapacity
        self.nodeCapacity = nodeCapacity
        self.pairs = pairs
        self.lambda = lambda
        program = lp
    }

    func knows(_ column: PathColumn) -> Bool { known.contains(column) }

    /// The column of `path`: 1 in its pair's row and in the row of each link it uses and node it enters.
    /// Its name is `p_<number>`: the paths in the master before it, plus `offset`.
    func newColumn(_ path: PathColumn, offset: Int = 0) -> LinearProgram.NewColumn {
        var coefficients: [(LinearProgram.Constraint, Double)] = [(pairs[path.pair].row, 1)]
        for l in path.links {
            if let row = linkRow[l] { coefficients.append((row, 1)) }
            if let row = nodeRow[network.linkEnds[l].to] { coefficients.append((row, 1)) }
        }
        return LinearProgram.NewColumn(name: "p_\(known.count + offset)", cost: 0, coefficients: coefficients)
    }

    /// Adds `path` to the master before the session starts, or records the handle the session gave it.
    mutating func record(_ path: PathColumn, _ variable: LinearProgram.Variable? = nil) {
        if variable == nil { program.add(newColumn(path)) }
        known.insert(path)
    }

    /// Paths spread over the capacities: `phases` more rounds of routing every pair's TEU/yr on its
    /// origin's shortest-path tree, under link weights that grow steeply (16th power) with the load routed
    /// in all rounds so far relative to the most loaded capacity (multiplicative weights, in the manner of
    /// Garg and Könemann's approximation of the maximum concurrent flow). The paths not in the master yet,
    /// in the order found. A heuristic only: column generation decides λ.
    mutating func spreadPaths(phases: Int) -> [PathColumn] {
        var found: [PathColumn] = []
        var seen: Set<PathColumn> = []
        let largest = (linkCapacity + nodeCapacity).compactMap { $0 }.max() ?? 1
        for _ in 0..<phases {
            let worst = spread.worst
            func price(_ load: Double, _ capacity: Double?) -> Double {
                guard let capacity else { return 0 }
                guard capacity > 0 else { return 1e6 / largest }
                guard worst > 0 else { return 1 / capacity }
                var r = load / capacity / worst  // 0…1: relative to the most loaded capacity
                for _ in 0..<4 { r *= r }  // r¹⁶
                return (1e-3 + r) / capacity
            }
            let weight: [Double?] = network.links.indices.map { l in
                guard open[l] else { return nil }
                let head = network.linkEnds[l].to
                return 1e-3 / largest + price(spread.linkLoad[l], linkCapacity[l])
                    + price(spread.nodeLoad[head], nodeCapacity[head])
            }
            for (k, links) in shortestPaths(weight) {
                let pair = pairs[k]
                spread.nodeLoad[pair.origin] += pair.teu
                for l in links {
                    spread.linkLoad[l] += pair.teu
                    spread.nodeLoad[network.linkEnds[l].to] += pair.teu
                }
                let column = PathColumn(pair: k, links: links)
                if !known.contains(column) && seen.insert(column).inserted { found.append(column) }
            }
            spread.worst = 0
            for (l, capacity) in linkCapacity.enumerated() {
                if let capacity, capacity > 0 { spread.worst = max(spread.worst, spread.linkLoad[l] / capacity) }
            }
            for (n, capacity) in nodeCapacity.enumerated() {
                if let capacity, capacity > 0 { spread.worst = max(spread.worst, spread.nodeLoad[n] / capacity) }
            }
        }
        return found
    }

    /// Each pair's shortest path under `weight` (one Dijkstra search per origin), in pair order; pairs
    /// without a path are left out.
    func shortestPaths(_ weight: [Double?]) -> [(pair: Int, links: [Int])] {
        var paths: [(pair: Int, links: [Int])] = []
        var tree: (source: Int, tree: ShortestPathTree)?
        for (k, pair) in pairs.enumerated() {
            if tree?.source != pair.source {
                var sourceWeight = weight
                if let blocked = blocked[pair.source] {
                    for l in network.links.indices where blocked[network.linkEnds[l].from] || blocked[network.linkEnds[l].to] {
                        sourceWeight[l] = nil
                    }
                }
                let search = ShortestPathTree(
                    root: pair.origin, outgoing: network.outgoing, ends: network.linkEnds, weight: sourceWeight)
                tree = (pair.source, search)
            }
            if let links = tree?.tree.path(to: pair.sink) { paths.append((k, links)) }
        }
        return paths
    }

    /// Each pair's shortest path under the master's `duals` whose reduced cost exceeds 10⁻⁹·|π_k|, in pair order.
    func price(duals: [Double]) -> [PathColumn] {
        func dual(_ row: LinearProgram.Constraint?) -> Double { row.map { duals[$0.index] } ?? 0 }
        let rowDual = network.links.indices.map { l in dual(linkRow[l]) + dual(nodeRow[network.linkEnds[l].to]) }
        let weight: [Double?] = network.links.indices.map { l in
            guard open[l] else { return nil }
            return max(0, dual(linkRow[l])) + max(0, dual(nodeRow[network.linkEnds[l].to]))
        }
        var found: [PathColumn] = []
        for (k, links) in shortestPaths(weight) {
            let pi = duals[pairs[k].row.index]
            let reduced = -pi - links.reduce(0) { $0 + rowDual[$1] }
            guard reduced > 1e-9 * abs(pi) else { continue }
            found.append(PathColumn(pair: k, links: links))
        }
        return found
    }
}
