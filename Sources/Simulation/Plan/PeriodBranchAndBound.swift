import LinearProgramming

/// Solves a plan's program with seasonal blocks (an `InvestmentProgram` MIP, its LP relaxation or a re-solve
/// with some projects fixed) by branch-and-bound over its integer columns, each node's LP relaxation solved by
/// the ``PeriodDecomposition`` and checked optimal on the full program; `inner` solves the whole program when
/// the search proves nothing.
///
/// The build columns touch no balance row, so they are columns of the decomposition's master, with the
/// node's bounds; the strategies (one TEU's expected use of the flow columns) do not depend on the bounds and
/// carry over from node to node. A node is explored best bound first and pruned when its bound cannot beat
/// the incumbent by more than the gap (``SolveOptions/mipGap``, relative, as `glp_intopt` reads it) or
/// 10⁻⁹ of it; it branches on the integer column farthest from an integer. A node whose integer rows (the
/// budget, prerequisites and exclusions: rows over integer columns only) cannot hold within its bounds is
/// infeasible. Anything else (a master that is not optimal, an unproven decomposition, ``nodeLimit`` nodes,
/// no integer solution) falls back to `inner` on the whole program; past the time limit the search stops
/// with its incumbent (``TerminationStatus/timeLimit``).
struct PeriodBranchAndBound: LPSolver {
    let inner: any LPSolver
    let factory: any LPSessionFactory
    let balanceRows: [LinearProgram.Constraint]
    /// Nodes solved after which the search gives up (and `inner` solves the program).
    var nodeLimit = 512

    /// Relative improvement below which a node cannot beat the incumbent (with a gap of 0).
    static let pruneTolerance = 1e-9
    /// Distance from an integer below which an integer column's value counts as integral.
    static let integrality = 1e-6

    var name: String { inner.name }

    func solve(_ program: LinearProgram, options: SolveOptions) throws(SolverError) -> LPSolution {
        try solveCounting(program, options: options).solution
    }

    /// ``solve(_:options:)`` with the number of nodes the search solved: nil when it proved nothing and
    /// `inner` solved the whole program (a fallback).
    func solveCounting(_ program: LinearProgram, options: SolveOptions) throws(SolverError) -> (
        solution: LPSolution, nodes: Int?
    ) {
        if let found = searchCounting(program, options: options) { return (found.solution, found.nodes) }
        return (try inner.solve(program, options: options), nil)
    }

    /// A node: the bounds of the integer columns and its parent's bound (signed: lower is better).
    private struct Node {
        var bounds: [Bounds]
        var bound: Double
        var depth: Int
    }

    /// The branch-and-bound search, or nil when it proves nothing.
    func search(_ program: LinearProgram, options: SolveOptions) -> LPSolution? {
        searchCounting(program, options: options)?.solution
    }

    /// The branch-and-bound search and the nodes it solved, or nil when it proves nothing.
    func searchCounting(_ program: LinearProgram, options: SolveOptions) -> (solution: LPSolution, nodes: Int)? {
        // Each master is solved by the primal simplex from GLPK's standard start, then warm after new strategies;
        // the user's limits hold for each master solve (as in ``PeriodDecomposingSolver``).
        let master = SolveOptions(
            algorithm: .primalSimplex, timeLimitSeconds: options.timeLimitSeconds,
            iterationLimit: options.iterationLimit)
        let decomposition = PeriodDecomposition(factory: factory, options: master)
        let sign: Double = program.sense == .maximize ? -1 : 1
        var minimum = program
        if program.sense == .maximize {
            minimum.sense = .minimize
            minimum.objectiveConstant = -program.objectiveConstant
            for (j, column) in program.columns.enumerated() { minimum.setCost(.init(index: j), -column.cost) }
        }
        // Each node's LP is decomposed afresh (with the node's bounds on the build columns, which are master
        // columns): a master re-solved warm after new bounds, or started from the parent's strategies, failed
        // (GLP_EFAIL) or stalled on the 12-month files, where a fresh one takes 14 master solves.
        var inBalance = [Bool](repeating: false, count: program.columnCount)
        for row in balanceRows where row.index < program.rowCount {
            for term in program.rows[row.index].terms { inBalance[term.variable.index] = true }
        }
        // Columns outside the balance rows fixed in the program (a re-solve's fixed projects).
        var alwaysFixed: [Int: Double] = [:]
        for (j, column) in program.columns.enumerated()
        where !inBalance[j] && column.bounds.lowerValue == column.bounds.upperValue {
            alwaysFixed[j] = column.bounds.lowerValue
        }
        func solve(_ bounds: [Int: Bounds]) throws(SolverError) -> PeriodDecomposition.Outcome? {
            var fixed = alwaysFixed
            for (j, b) in bounds where b.lowerValue == b.upperValue { fixed[j] = b.lowerValue }
            var lp = Self.substituted(minimum, fixed: fixed)
            for (j, b) in bounds { lp.setBounds(LinearProgram.Variable(index: j), b) }
            return try decomposition.solve(lp, balanceRows: balanceRows)
        }
        guard let found = search(minimum, options: options, solve: solve) else { return nil }
        var solution = found.solution
        // The substituted rows' activities and the fixed columns' reduced costs, on the program itself.
        solution.rowActivity = program.rows.map { row in
            row.terms.reduce(0) { $0 + $1.coefficient * solution[$1.variable] }
        }
        if !solution.reducedCosts.isEmpty {
            for j in alwaysFixed.keys {
                var reduced = minimum.columns[j].cost
                for (i, row) in program.rows.enumerated() where solution.dual(.init(index: i)) != 0 {
                    for term in row.terms where term.variable.index == j {
                        reduced -= term.coefficient * solution.dual(.init(index: i))
                    }
                }
                solution.reducedCosts[j] = reduced
            }
        }
        if sign < 0 {
            solution.objective = solution.objective.map { -$0 }
            solution.bestBound = solution.bestBound.map { -$0 }
            solution.duals = solution.duals.map { -$0 }
            solution.reducedCosts = solution.reducedCosts.map { -$0 }
        }
        return (solution, found.nodes)
    }

    /// The search on a minimum, each node's LP by `solve` (bounds of the integer columns), and the nodes solved.
    private func search(
        _ program: LinearProgram, options: SolveOptions,
        solve: ([Int: Bounds]) throws(SolverError) -> PeriodDecomposition.Outcome?
    ) -> (solution: LPSolution, nodes: Int)? {
        let clock = ContinuousClock()
        let start = clock.now
        let integers = program.columns.indices.filter { program.columns[$0].isInteger }
        let integerRows = Self.integerRows(program)
        let gap = max(0, options.mipGap ?? 0)
        var open = [Node(bounds: integers.map { program.columns[$0].bounds }, bound: -.infinity, depth: 0)]
        var incumbent: LPSolution?
        var best = Double.infinity
        /// The lowest bound of a node pruned by the gap rather than by the incumbent itself.
        var prunedByGap = Double.infinity
        var solved = 0
        var rounds = 0
        var iterations = 0
        var strategies = 0
        var stoppedByTime = false
        func cannotImprove(_ bound: Double) -> Bool {
            guard best.isFinite else { return false }
            if bound >= best - Self.pruneTolerance * max(1, abs(best)) { return true }
            if bound >= best - gap * abs(best) {
                prunedByGap = min(prunedByGap, bound)
                return true
            }
            return false
        }
        while !open.isEmpty {
            // Best bound first; among equal bounds the deepest, then the first made.
            let next = open.indices.min { a, b in
                (open[a].bound, -open[a].depth, a) < (open[b].bound, -open[b].depth, b)
            }!
            let node = open.remove(at: next)
            if cannotImprove(node.bound) { continue }
            if let limit = options.timeLimitSeconds, Self.seconds(start.duration(to: clock.now)) > limit {
                stoppedByTime = true
                break
            }
            guard solved < nodeLimit else { return nil }
            if !Self.satisfiable(integerRows, program: program, integers: integers, bounds: node.bounds) { continue }
            var bounds: [Int: Bounds] = [:]
            for (k, j) in integers.enumerated() { bounds[j] = node.bounds[k] }
            guard let outcome = try? solve(bounds), let objective = outcome.solution.objective else { return nil }
            solved += 1
            rounds += outcome.rounds
            iterations += outcome.solution.iterations ?? 0
            strategies = outcome.strategies.count
            let value = objective
            if cannotImprove(value) { continue }
            var branch: (column: Int, value: Double, distance: Double)?
            for (k, j) in integers.enumerated() {
                let v = outcome.solution.primal[j]
                let distance = abs(v - v.rounded())
                if distance > Self.integrality, distance > branch?.distance ?? 0 { branch = (k, v, distance) }
            }
            guard let branch else {
                var solution = outcome.solution
                // Integral: the values exactly.
                for j in integers { solution.primal[j] = solution.primal[j].rounded() }
                incumbent = solution
                best = value
                continue
            }
            var down = node.bounds
            var up = node.bounds
            down[branch.column] = Self.bounds(down[branch.column].lowerValue, branch.value.rounded(.down))
            up[branch.column] = Self.bounds(branch.value.rounded(.up), up[branch.column].upperValue)
            open.append(Node(bounds: down, bound: value, depth: node.depth + 1))
            open.append(Node(bounds: up, bound: value, depth: node.depth + 1))
        }
        guard var solution = incumbent, let objective = solution.objective else { return nil }
        let openBound = open.map(\.bound).min() ?? .infinity
        let bound = min(best, prunedByGap, stoppedByTime ? openBound : .infinity)
        let proven = bound >= best - Self.pruneTolerance * max(1, abs(best))
        solution.termination = stoppedByTime ? .timeLimit : proven ? .optimal : .feasible
        solution.bestBound = proven ? objective : bound
        solution.relativeGap = proven ? 0 : abs(objective - bound) / (abs(objective) + Double.ulpOfOne)
        if !integers.isEmpty {
            // As a MIP solution: no duals or reduced costs.
            solution.duals = []
            solution.reducedCosts = []
        }
        solution.iterations = iterations
        solution.log =
            "period branch-and-bound: \(solved) nodes, \(rounds) master solves, \(strategies) strategies, "
            + "\(iterations) simplex iterations; each node's optimum checked on the full program\n"
        return (solution, solved)
    }

    /// `program` with the `fixed` columns' terms moved into the row bounds (each column kept, without terms, at
    /// its value): the same LP, in which a row such as a candidate warehouse's stock ≤ 12,000 TEU × y reads
    /// stock ≤ 0 when y is fixed at 0, so that the decomposition keeps its columns out of the pricing (a master
    /// with them and y fixed at 0 made GLPK's simplex fail, GLP_EFAIL, on the 12-month files).
    static func substituted(_ program: LinearProgram, fixed: [Int: Double]) -> LinearProgram {
        guard !fixed.isEmpty else { return program }
        var lp = LinearProgram(name: program.name, sense: program.sense)
        lp.objectiveConstant = program.objectiveConstant
        for column in program.columns {
            lp.addVariable(column.name, bounds: column.bounds, cost: column.cost, isInteger: column.isInteger)
        }
        for row in program.rows {
            var shift = 0.0
            var terms: [LinearProgram.Term] = []
            terms.reserveCapacity(row.terms.count)
            for term in row.terms {
                if let value = fixed[term.variable.index] { shift += term.coefficient * value } else { terms.append(term) }
            }
            let lower = row.bounds.lowerValue - shift
            let upper = row.bounds.upperValue - shift
            let bounds: Bounds =
                shift == 0 ? row.bounds
                : lower == upper ? .fixed(lower)
                : lower.isFinite && upper.isFinite ? .range(lower, upper)
                : lower.isFinite ? .lower(lower) : upper.isFinite ? .upper(upper) : .free
            lp.addConstraint(row.name, terms, bounds: bounds)
        }
        return lp
    }

    /// `.range`, or `.fixed` when the ends meet.
    static func bounds(_ lower: Double, _ upper: Double) -> Bounds {
        lower == upper ? .fixed(lower) : .range(lower, upper)
    }

    /// The rows whose terms are all on integer columns (budget, prerequisites, exclusions, built).
    static func integerRows(_ program: LinearProgram) -> [Int] {
        program.rows.indices.filter { i in
            let terms = program.rows[i].terms
            return !terms.isEmpty && terms.allSatisfy { program.columns[$0.variable.index].isInteger }
        }
    }

    /// Whether every row of `rows` can hold with the integer columns within `bounds` (interval arithmetic).
    static func satisfiable(_ rows: [Int], program: LinearProgram, integers: [Int], bounds: [Bounds]) -> Bool {
        var position: [Int: Int] = [:]
        for (k, j) in integers.enumerated() { position[j] = k }
        rows: for i in rows {
            let row = program.rows[i]
            var low = 0.0
            var high = 0.0
            for term in row.terms {
                guard let k = position[term.variable.index] else { continue rows }
                let a = term.coefficient * bounds[k].lowerValue
                let b = term.coefficient * bounds[k].upperValue
                low += min(a, b)
                high += max(a, b)
            }
            let slack = 1e-9 * max(1, abs(low), abs(high))
            if low > row.bounds.upperValue + slack || high < row.bounds.lowerValue - slack { return false }
        }
        return true
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
