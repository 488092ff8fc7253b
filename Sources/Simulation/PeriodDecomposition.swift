import FlowFormulation
import LinearProgramming
import Synchronization

/// Solves a min-cost ``PeriodProgram`` by Dantzig–Wolfe decomposition over its balance rows, with
/// a Markov-decision pricing problem per commodity, and proves the answer optimal for the full program.
///
/// Every column of the time-expanded LP that touches a balance row is, for its commodity, an action of a
/// Markov decision process over (node, period) states: a flow column leaves one state (+1) and lands in
/// the arrival periods of its head (−shares summing to 1), a stock column moves a TEU to the next
/// period, a delivery column ends in the destination, and a shipped column (−1 at the origin) starts a
/// TEU. The master keeps every other row (supply, due, capacity, storage, congestion) and the columns
/// outside the balance rows (lost, late, congestion segments); its other columns are strategies: one
/// TEU shipped from an origin in a period and moved by a deterministic policy, with its expected use of
/// every row. Pricing under the master's duals is a stochastic shortest path (value iteration by label
/// correction); when no strategy prices below −``tolerance``, the balance rows' duals are the values
/// and the master's the rest. A row every column of which must be 0 (a closed node: capacity 0) keeps
/// its columns out of the MDP.
///
/// The optimum is then checked on the full program, not trusted: the strategies' flows are summed into
/// its columns, and primal feasibility, dual feasibility and a duality gap within ``gapTolerance`` are
/// verified. Any other outcome (an unsupported column shape, a stall, a master that is not optimal, a
/// failed check) returns nil, and the caller solves the full program as before.
struct PeriodDecomposition {
    let factory: any LPSessionFactory
    let options: SolveOptions
    /// Master solves after which the rounds stop unproven.
    var roundLimit = 400

    /// Reduced cost below which a strategy enters the master, relative to max(1, its cost's size).
    static let tolerance = 1e-9
    /// Relative gap between the full program's primal and dual objectives the check accepts.
    static let gapTolerance = 1e-9
    /// Relative row violation the check accepts (GLPK's own feasibility tolerance is 1e-7).
    static let feasibilityTolerance = 1e-7
    /// Negative reduced cost the check accepts, relative to the size of its terms: GLPK calls a master
    /// optimal at reduced costs down to 1e-7·(1 + |cost|) of its scaled program, which is up to about 3e-7
    /// of the terms on the bundled files' stage 2 of max throughput.
    static let dualTolerance = 1e-6
    /// A row dual the check sets to 0 when its sign asks for a bound the row does not have, relative to the
    /// largest cost.
    static let noiseDual = 1e-10

    /// A strategy: the full program's columns one TEU uses (its shipped column 1), with their values.
    typealias Strategy = [(column: Int, value: Double)]

    /// The certified solution of the full program, and what it took.
    struct Outcome {
        var solution: LPSolution
        var rounds: Int
        /// Every strategy of the final master, in column order.
        var strategies: [Strategy]
    }

    /// One action of the MDP: a full column leaving `from`, landing in `transitions`.
    struct Action {
        var column: Int
        var from: Int
        var transitions: Range<Int>
    }

    /// The structure read off the full program once.
    struct Structure {
        /// `columnTerms[j]`: the column's (row, coefficient) over the coupling (master) rows.
        var coupling: [[(row: Int, coefficient: Double)]]
        /// Master row of each full row, or −1 (balance rows, and rows whose columns are all fixed at 0).
        var masterRow: [Int]
        /// Full row of each master row.
        var fullRow: [Int]
        /// Full columns of the master (lost, late, congestion segments), in master column order.
        var masterColumns: [Int]
        /// State of each balance row, or −1.
        var state: [Int]
        /// Full balance row of each state.
        var stateRow: [Int]
        var actions: [Action]
        var targets: [Int]
        var fractions: [Double]
        /// `predecessors[s]`: actions landing in state s.
        var predecessors: [[Int]]
        /// Source columns (shipped) and the state they start in.
        var sources: [(column: Int, state: Int)]
        /// Rows forced to 0 whose columns stay out of the MDP.
        var zeroRows: [Int]
        var excluded: [Bool]
    }

    /// The structure of `lp` with these balance rows, or nil when a column does not fit the MDP.
    static func structure(_ lp: LinearProgram, balanceRows: [LinearProgram.Constraint]) -> Structure? {
        let R = lp.rowCount
        let C = lp.columnCount
        var isBalance = [Bool](repeating: false, count: R)
        for row in balanceRows where row.index < R { isBalance[row.index] = true }
        var columnTerms = [[(row: Int, coefficient: Double)]](repeating: [], count: C)
        for (i, row) in lp.rows.enumerated() {
            for term in row.terms where term.coefficient != 0 {
                columnTerms[term.variable.index].append((i, term.coefficient))
            }
        }
        // Rows that force every column in them to 0: an upper bound ≤ 0 on non-negative terms of columns ≥ 0.
        var excluded = [Bool](repeating: false, count: C)
        var zeroRows: [Int] = []
        for (i, row) in lp.rows.enumerated() where !isBalance[i] {
            guard row.bounds.upperValue <= 0, row.bounds.lowerValue <= 0, !row.terms.isEmpty,
                row.terms.allSatisfy({ $0.coefficient > 0 && lp.columns[$0.variable.index].bounds.lowerValue == 0 })
            else { continue }
            zeroRows.append(i)
            for term in row.terms { excluded[term.variable.index] = true }
        }
        var isZeroRow = [Bool](repeating: false, count: R)
        for i in zeroRows { isZeroRow[i] = true }
        var masterRow = [Int](repeating: -1, count: R)
        var fullRow: [Int] = []
        for i in 0..<R where !isBalance[i] && !isZeroRow[i] {
            masterRow[i] = fullRow.count
            fullRow.append(i)
        }
        var state = [Int](repeating: -1, count: R)
        var stateRow: [Int] = []
        for row in balanceRows where row.index < R {
            state[row.index] = stateRow.count
            stateRow.append(row.index)
        }
        var structure = Structure(
            coupling: [], masterRow: masterRow, fullRow: fullRow, masterColumns: [], state: state,
            stateRow: stateRow, actions: [], targets: [], fractions: [],
            predecessors: Array(repeating: [], count: stateRow.count), sources: [], zeroRows: zeroRows,
            excluded: excluded)
        structure.coupling = columnTerms.map { $0.filter { masterRow[$0.row] >= 0 } }
        for j in 0..<C {
            let balance = columnTerms[j].filter { isBalance[$0.row] }
            if balance.isEmpty {
                if !excluded[j] { structure.masterColumns.append(j) }
                continue
            }
            let bounds = lp.columns[j].bounds
            guard bounds.lowerValue == 0, bounds.upperValue == .infinity else { return nil }
            if excluded[j] { continue }
            let out = balance.filter { $0.coefficient > 0 }
            let into = balance.filter { $0.coefficient < 0 }
            if out.isEmpty {
                guard into.count == 1, into[0].coefficient == -1 else { return nil }
                structure.sources.append((j, state[into[0].row]))
                continue
            }
            guard out.count == 1, out[0].coefficient == 1 else { return nil }
            let total = into.reduce(0) { $0 - $1.coefficient }
            guard into.isEmpty || abs(total - 1) <= 1e-12 else { return nil }
            let start = structure.targets.count
            for t in into {
                structure.targets.append(state[t.row])
                structure.fractions.append(-t.coefficient)
            }
            let a = structure.actions.count
            structure.actions.append(
                Action(column: j, from: state[out[0].row], transitions: start..<structure.targets.count))
            for t in into { structure.predecessors[state[t.row]].append(a) }
        }
        return structure
    }

    /// Solves `formulation`'s program and checks the optimum on it; nil when unproven.
    func solve(_ formulation: PeriodProgram) throws(SolverError) -> Outcome? {
        try solve(formulation.program, balanceRows: formulation.balanceRows)
    }

    /// Solves `program` (a ``PeriodProgram``'s, or its stage 2 of max throughput) whose flow conservation
    /// is `balanceRows`, and checks the optimum on it; nil when unproven. A maximum is found as the minimum
    /// of the negated objective, and its objective, duals and reduced costs are negated back.
    /// - Parameter seed: strategies the first master holds (stage 1's for stage 2 of max throughput, whose
    ///   throughput row the lost and late columns alone cannot meet).
    func solve(_ program: LinearProgram, balanceRows: [LinearProgram.Constraint], seed: [Strategy] = [])
        throws(SolverError) -> Outcome?
    {
        guard program.sense == .maximize else { return try minimize(program, balanceRows: balanceRows, seed: seed) }
        var negated = program
        negated.sense = .minimize
        negated.objectiveConstant = -program.objectiveConstant
        for (j, column) in program.columns.enumerated() { negated.setCost(.init(index: j), -column.cost) }
        guard var outcome = try minimize(negated, balanceRows: balanceRows, seed: seed) else { return nil }
        outcome.solution.objective = outcome.solution.objective.map { -$0 }
        outcome.solution.duals = outcome.solution.duals.map { -$0 }
        outcome.solution.reducedCosts = outcome.solution.reducedCosts.map { -$0 }
        return outcome
    }

    private func minimize(_ lp: LinearProgram, balanceRows: [LinearProgram.Constraint], seed: [Strategy])
        throws(SolverError) -> Outcome?
    {
        guard let structure = Self.structure(lp, balanceRows: balanceRows),
            seed.allSatisfy({ $0.allSatisfy { $0.column < lp.columnCount } })
        else { return nil }
        /// A strategy's master column: its cost and coefficients in the master rows.
        func column(_ occupancy: Strategy, number: Int) -> LinearProgram.NewColumn {
            var cost = 0.0
            var coefficients: [(LinearProgram.Constraint, Double)] = []
            for (j, value) in occupancy {
                cost += value * lp.columns[j].cost
                for term in structure.coupling[j] {
                    coefficients.append((.init(index: structure.masterRow[term.row]), value * term.coefficient))
                }
            }
            return .init(name: "w\(number)", cost: cost, coefficients: LinearProgram.merged(coefficients))
        }
        var master = LinearProgram(name: "corridor_periods_master", sense: .minimize)
        master.objectiveConstant = lp.objectiveConstant
        var masterColumn = [Int: Int]()
        for j in structure.masterColumns {
            let column = lp.columns[j]
            masterColumn[j] = master.addVariable(column.name, bounds: column.bounds, cost: column.cost).index
        }
        for i in structure.fullRow {
            let row = lp.rows[i]
            let terms = row.terms.compactMap { term in
                masterColumn[term.variable.index].map { LinearProgram.Term(.init(index: $0), term.coefficient) }
            }
            master.addConstraint(row.name, terms, bounds: row.bounds)
        }
        for (s, occupancy) in seed.enumerated() { master.add(column(occupancy, number: s + 1)) }
        var pricing = Pricing(structure: structure, program: lp)
        return try factory.withSession(master, options: options) {
            (session: inout any LPSession & ~Copyable) throws(SolverError) -> Outcome? in
            var strategies = seed
            var seen = Set(seed.map { $0.map(\.column) })
            var rounds = 0
            var iterations = 0
            while rounds < roundLimit {
                let solution = try session.solve(reducedCosts: false)
                rounds += 1
                iterations += solution.iterations ?? 0
                guard solution.termination == .optimal else { return nil }
                guard pricing.values(duals: solution.duals) else { return nil }
                var fresh: [LinearProgram.NewColumn] = []
                for source in structure.sources {
                    guard pricing.reducedCost(source: source) < -Self.tolerance * pricing.scale(source: source),
                        let occupancy = pricing.strategy(source: source)
                    else { continue }
                    let key = occupancy.map(\.column)
                    guard !seen.contains(key) else { continue }
                    let candidate = column(occupancy, number: strategies.count + 1)
                    var reduced = candidate.cost
                    for (row, value) in candidate.coefficients { reduced -= value * solution.dual(row) }
                    guard reduced < -Self.tolerance * max(1, abs(candidate.cost)) else { continue }
                    seen.insert(key)
                    strategies.append(occupancy)
                    fresh.append(candidate)
                }
                if fresh.isEmpty {
                    return Self.certify(
                        lp, structure, pricing: pricing, master: solution, masterColumn: masterColumn,
                        masterColumnCount: structure.masterColumns.count, strategies: strategies,
                        rounds: rounds, iterations: iterations)
                }
                _ = try session.addColumns(fresh)
            }
            return nil
        }
    }

    /// The full program's solution from the master's (strategies summed into their columns, the
    /// balance rows' duals the pricing's values), when it is feasible, dual feasible and closes the gap.
    static func certify(
        _ lp: LinearProgram, _ structure: Structure, pricing: Pricing, master: LPSolution,
        masterColumn: [Int: Int], masterColumnCount: Int, strategies: [Strategy],
        rounds: Int, iterations: Int
    ) -> Outcome? {
        let C = lp.columnCount
        let R = lp.rowCount
        var x = [Double](repeating: 0, count: C)
        for (j, m) in masterColumn { x[j] = master.primal.indices.contains(m) ? master.primal[m] : 0 }
        for (s, occupancy) in strategies.enumerated() {
            let m = masterColumnCount + s
            let lambda = master.primal.indices.contains(m) ? master.primal[m] : 0
            guard lambda != 0 else { continue }
            for (j, value) in occupancy { x[j] += lambda * value }
        }
        let costScale = lp.columns.reduce(1.0) { max($0, abs($1.cost)) }
        var activity = [Double](repeating: 0, count: R)
        var duals = [Double](repeating: 0, count: R)
        for (i, row) in lp.rows.enumerated() {
            activity[i] = row.terms.reduce(0) { $0 + $1.coefficient * x[$1.variable.index] }
            let bounds = row.bounds
            let slack =
                feasibilityTolerance
                * max(
                    1, abs(bounds.lowerValue.isFinite ? bounds.lowerValue : 0),
                    abs(bounds.upperValue.isFinite ? bounds.upperValue : 0))
            guard activity[i] >= bounds.lowerValue - slack, activity[i] <= bounds.upperValue + slack else {
                return nil
            }
            if structure.masterRow[i] >= 0 {
                duals[i] =
                    master.duals.indices.contains(structure.masterRow[i]) ? master.duals[structure.masterRow[i]] : 0
                // A dual of rounding size with the sign of a bound the row does not have (1e-12 on a ≤ row
                // whose slack is basic): 0, which the checks below then hold to.
                let toward = duals[i] > 0 ? bounds.lowerValue : bounds.upperValue
                if !toward.isFinite && abs(duals[i]) <= noiseDual * costScale { duals[i] = 0 }
            } else if structure.state[i] >= 0 {
                duals[i] = pricing.value[structure.state[i]]
            }
        }
        for j in 0..<C where x[j] < lp.columns[j].bounds.lowerValue - feasibilityTolerance { return nil }
        var reduced = lp.columns.map(\.cost)
        // The size of each reduced cost's terms, which its rounding error is relative to (the values of
        // states that cannot deliver are large).
        var magnitude = lp.columns.map { max(1, abs($0.cost)) }
        for (i, row) in lp.rows.enumerated() where duals[i] != 0 {
            for term in row.terms {
                reduced[term.variable.index] -= term.coefficient * duals[i]
                magnitude[term.variable.index] += abs(term.coefficient * duals[i])
            }
        }
        // Rows forcing their columns to 0: the dual that prices each of their columns at ≥ 0.
        for i in structure.zeroRows {
            var dual = 0.0
            for term in lp.rows[i].terms { dual = min(dual, reduced[term.variable.index] / term.coefficient) }
            guard dual < 0 else { continue }
            duals[i] = dual
            for term in lp.rows[i].terms { reduced[term.variable.index] -= term.coefficient * dual }
        }
        var primal = lp.objectiveConstant
        var dual = lp.objectiveConstant
        for j in 0..<C {
            let column = lp.columns[j]
            primal += column.cost * x[j]
            let d = reduced[j]
            let size = magnitude[j]
            let bound = d >= 0 ? column.bounds.lowerValue : column.bounds.upperValue
            if bound.isFinite {
                dual += d * bound
            } else if abs(d) > dualTolerance * size {
                return nil
            }
        }
        for (i, row) in lp.rows.enumerated() where duals[i] != 0 {
            let bound = duals[i] > 0 ? row.bounds.lowerValue : row.bounds.upperValue
            guard bound.isFinite else { return nil }
            dual += duals[i] * bound
        }
        guard abs(primal - dual) <= gapTolerance * max(1, abs(primal)) else { return nil }
        let solution = LPSolution(
            termination: .optimal, objective: primal, primal: x, rowActivity: activity, duals: duals,
            reducedCosts: reduced, iterations: iterations)
        return Outcome(solution: solution, rounds: rounds, strategies: strategies)
    }
}

extension PeriodDecomposition {
    /// The pricing MDP under one round's duals: each action's reduced cost, each state's value (the
    /// cheapest reduced cost of carrying one TEU from it to delivery) and the policy attaining it.
    struct Pricing {
        let structure: Structure
        let program: LinearProgram
        /// Reduced cost of each full column over the coupling rows.
        var cost: [Double]
        var value: [Double]
        var policy: [Int]

        init(structure: Structure, program: LinearProgram) {
            self.structure = structure
            self.program = program
            self.cost = program.columns.map(\.cost)
            self.value = Array(repeating: 0, count: structure.stateRow.count)
            self.policy = Array(repeating: -1, count: structure.stateRow.count)
        }

        /// Label-correcting value iteration under the master's `duals`; false when it did not settle.
        mutating func values(duals: [Double]) -> Bool {
            var largest = 1.0
            for (j, column) in program.columns.enumerated() {
                var c = column.cost
                for term in structure.coupling[j] {
                    let m = structure.masterRow[term.row]
                    c -= term.coefficient * (duals.indices.contains(m) ? duals[m] : 0)
                }
                cost[j] = c
                largest = max(largest, abs(c))
            }
            // Abandoning a TEU costs `ceiling`: states that cannot deliver keep it, and every action's
            // inequality holds at the fixed point.
            let ceiling = 1e6 * largest
            let S = structure.stateRow.count
            for s in 0..<S {
                value[s] = ceiling
                policy[s] = -1
            }
            var queued = [Bool](repeating: false, count: S)
            var queue: [Int] = []
            for (a, action) in structure.actions.enumerated() where action.transitions.isEmpty {
                let c = cost[action.column]
                if c < value[action.from] {
                    value[action.from] = c
                    policy[action.from] = a
                    if !queued[action.from] {
                        queued[action.from] = true
                        queue.append(action.from)
                    }
                }
            }
            var head = 0
            var work = 0
            // Shares that cycle back (a TEU sent round a loop to wait) converge geometrically: about 1,000
            // updates an action on the worst random instance of the tests.
            let limit = 5_000 * max(1, structure.actions.count)
            while head < queue.count {
                let t = queue[head]
                head += 1
                queued[t] = false
                for a in structure.predecessors[t] {
                    work += 1
                    let action = structure.actions[a]
                    var v = cost[action.column]
                    for i in action.transitions { v += structure.fractions[i] * value[structure.targets[i]] }
                    let from = action.from
                    if v < value[from] - 1e-13 * max(1, abs(value[from])) {
                        value[from] = v
                        policy[from] = a
                        if !queued[from] {
                            queued[from] = true
                            queue.append(from)
                        }
                    }
                }
                if work > limit { return false }
                if head > 1 << 16 && head * 2 > queue.count {
                    queue.removeFirst(head)
                    head = 0
                }
            }
            return true
        }

        func reducedCost(source: (column: Int, state: Int)) -> Double {
            cost[source.column] + value[source.state]
        }

        func scale(source: (column: Int, state: Int)) -> Double {
            max(1, abs(cost[source.column]), abs(value[source.state]))
        }

        /// The expected use of each column by one TEU started by `source` under the policy, or nil when it
        /// reaches a state without an action or does not settle.
        func strategy(source: (column: Int, state: Int)) -> Strategy? {
            var occupancy: [Int: Double] = [source.column: 1]
            var mass: [Int: Double] = [source.state: 1]
            var queue = [source.state]
            var head = 0
            while head < queue.count {
                let s = queue[head]
                head += 1
                guard head < 1 << 20 else { return nil }
                guard let m = mass.removeValue(forKey: s), m > 0 else { continue }
                let a = policy[s]
                guard a >= 0 else { return nil }
                let action = structure.actions[a]
                occupancy[action.column, default: 0] += m
                for i in action.transitions {
                    let t = structure.targets[i]
                    let before = mass[t] ?? 0
                    let after = before + structure.fractions[i] * m
                    mass[t] = after
                    if before == 0 && after > 1e-15 { queue.append(t) }
                    if before > 0 && before <= 1e-15 && after > 1e-15 { queue.append(t) }
                }
            }
            return occupancy.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
    }
}

/// The solver of a ``PeriodProgram``'s programs (the min-cost one, or both stages of max throughput, which
/// share its balance rows): ``PeriodDecomposition`` first, `inner` with the caller's options when it
/// proves nothing. Each solve starts from the strategies of the last one it proved (stage 2 from stage 1's).
struct PeriodDecomposingSolver: LPSolver {
    let inner: any LPSolver
    let factory: any LPSessionFactory
    let balanceRows: [LinearProgram.Constraint]
    private let memory = Memory()

    init(inner: any LPSolver, factory: any LPSessionFactory, balanceRows: [LinearProgram.Constraint]) {
        self.inner = inner
        self.factory = factory
        self.balanceRows = balanceRows
    }

    /// The strategies of the last proven solve.
    private final class Memory: Sendable {
        let strategies = Mutex<[PeriodDecomposition.Strategy]>([])
    }

    var name: String { inner.name }

    func solve(_ program: LinearProgram, options: SolveOptions) throws(SolverError) -> LPSolution {
        // The master is re-solved warm by the primal simplex from GLPK's standard start; the user's limits hold
        // for each master solve.
        let master = SolveOptions(
            algorithm: .primalSimplex, timeLimitSeconds: options.timeLimitSeconds,
            iterationLimit: options.iterationLimit)
        let decomposition = PeriodDecomposition(factory: factory, options: master)
        let seed = memory.strategies.withLock { $0 }
        // A master GLPK cannot solve (a solver failure on an ill-conditioned master) proves nothing either.
        let proven = try? decomposition.solve(program, balanceRows: balanceRows, seed: seed)
        guard let outcome = proven ?? nil else { return try inner.solve(program, options: options) }
        memory.strategies.withLock { $0 = outcome.strategies }
        var solution = outcome.solution
        solution.masterSolves = outcome.rounds
        solution.log =
            "period decomposition: \(outcome.rounds) master solves, \(outcome.strategies.count) strategies, "
            + "\(solution.iterations ?? 0) simplex iterations; optimum checked on the full program\n"
        return solution
    }
}
