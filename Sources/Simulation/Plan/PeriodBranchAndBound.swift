import LinearProgramming
import Synchronization

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
    let memory: PeriodStrategyMemory
    /// Nodes solved after which the search gives up (and `inner` solves the program).
    var nodeLimit = 512

    /// Relative improvement below which a node cannot beat the incumbent (with a gap of 0).
    static let pruneTolerance = 1e-9
    /// Distance from an integer below which an integer column's value counts as integral.
    static let integrality = 1e-6

    var name: String { inner.name }

    func solve(_ program: LinearProgram, options: SolveOptions) throws(SolverError) -> LPSolution {
        if let solution = search(program, options: options) { return solution }
        return try inner.solve(program, options: options)
    }

    /// A node: the bounds of the integer columns and its parent's bound (signed: lower is better).
    private struct Node {
        var bounds: [Bounds]
        var bound: Double
        var depth: Int
    }

    /// The branch-and-bound search, or nil when it proves nothing.
    func search(_ program: LinearProgram, options: SolveOptions) -> LPSolution? {
        let clock = ContinuousClock()
        let start = clock.now
        // Each master is re-solved warm by the primal simplex from GLPK's standard start; the user's limits hold
        // for each master solve (as in ``PeriodDecomposingSolver``).
        let master = SolveOptions(
            algorithm: .primalSimplex, timeLimitSeconds: options.timeLimitSeconds,
            iterationLimit: options.iterationLimit)
        let decomposition = PeriodDecomposition(factory: factory, options: master)
        let integers = program.columns.indices.filter { program.columns[$0].isInteger }
        let integerRows = Self.integerRows(program)
        let sign: Double = program.sense == .maximize ? -1 : 1
        let gap = max(0, options.mipGap ?? 0)
        let shape = PeriodStrategyMemory.Shape(rows: program.rowCount, columns: program.columnCount)
        var strategies = memory.strategies(for: shape)
        var open = [Node(bounds: integers.map { program.columns[$0].bounds }, bound: -.infinity, depth: 0)]
        var incumbent: LPSolution?
        var best = Double.infinity
        /// The lowest bound of a node pruned by the gap rather than by the incumbent itself.
        var prunedByGap = Double.infinity
        var solved = 0
        var rounds = 0
        var iterations = 0
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
            if let limit = options.timeLimitSeconds, PeriodBranchAndBound.seconds(start.duration(to: clock.now)) > limit {
                stoppedByTime = true
                break
            }
            guard solved < nodeLimit else { return nil }
            if !Self.satisfiable(integerRows, program: program, integers: integers, bounds: node.bounds) { continue }
            var lp = program
            for (k, j) in integers.enumerated() { lp.setBounds(LinearProgram.Variable(index: j), node.bounds[k]) }
            guard let outcome = try? decomposition.solve(lp, balanceRows: balanceRows, seed: strategies),
                let objective = outcome.solution.objective
            else { return nil }
            solved += 1
            rounds += outcome.rounds
            iterations += outcome.solution.iterations ?? 0
            if solved == 1 { memory.remember(outcome.strategies, for: shape) }
            strategies = outcome.strategies
            let value = sign * objective
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
        solution.termination = stoppedByTime ? .timeLimit : bound < best - Self.pruneTolerance * max(1, abs(best)) ? .feasible : .optimal
        solution.bestBound = solution.termination == .optimal ? objective : sign * bound
        solution.relativeGap =
            solution.termination == .optimal ? 0 : abs(objective - sign * bound) / (abs(objective) + Double.ulpOfOne)
        if !integers.isEmpty {
            // As a MIP solution: no duals or reduced costs.
            solution.duals = []
            solution.reducedCosts = []
        }
        solution.iterations = iterations
        solution.log =
            "period branch-and-bound: \(solved) nodes, \(rounds) master solves, \(strategies.count) strategies, "
            + "\(iterations) simplex iterations; each node's optimum checked on the full program\n"
        return solution
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

/// The strategies of the first proven decomposition of each program shape (rows × columns) a planner
/// solved, which seed its later solves of programs of that shape (the same scenarios and candidates with
/// other bounds, budgets or costs). Kept from the first solve only, so that the seeds, and the answers, do
/// not depend on the order in which threads finish.
final class PeriodStrategyMemory: Sendable {
    struct Shape: Hashable {
        var rows: Int
        var columns: Int
    }

    private let store = Mutex<[Shape: [PeriodDecomposition.Strategy]]>([:])

    func strategies(for shape: Shape) -> [PeriodDecomposition.Strategy] {
        store.withLock { $0[shape] ?? [] }
    }

    func remember(_ strategies: [PeriodDecomposition.Strategy], for shape: Shape) {
        store.withLock { if $0[shape] == nil { $0[shape] = strategies } }
    }
}
