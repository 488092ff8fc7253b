import FlowFormulation
import FreightNetwork
import LinearProgramming

/// Solves a ``PathProgram`` by column generation in one warm solver session.
///
/// Round 0 loads the master with the cheapest path of every demand. Each round solves the master
/// (warm: the basis is kept, new columns enter non-basic and the primal simplex continues), prices
/// every demand by one shortest-path search per commodity under the duals, and adds each demand's
/// shortest path when its reduced cost is below −``tolerance``·max(1, |π_d|). When no path
/// qualifies, the master's duals are feasible for the full path LP (every path has reduced cost
/// ≥ −tolerance), so the master's optimum is the LP optimum.
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
        /// The final master LP (rows of ``PathProgram/program``, unmet columns, then the paths).
        var program: LinearProgram
        /// Path columns and their handles, in column order.
        var paths: [(column: PathColumn, variable: LinearProgram.Variable)]
        /// Master solves.
        var rounds: Int
        /// Simplex iterations over all rounds.
        var iterations: Int
    }

    let factory: any LPSessionFactory
    let options: SolveOptions

    /// Relative reduced-cost tolerance (objective units per TEU/year, times max(1, |π_d|)).
    static let tolerance = 1e-9
    /// Rounds after which the solve stops with ``TerminationStatus/iterationLimit``.
    static let roundLimit = 5_000

    /// Runs column generation on `master`, starting from `seed` paths (none: each demand's cheapest).
    func solve(_ master: PathProgram, seed: [PathColumn] = []) throws(SolverError) -> Outcome {
        var known = [Set<[Int]>](repeating: [], count: master.network.demands.count)
        var lp = master.program
        var paths: [(column: PathColumn, variable: LinearProgram.Variable)] = []
        let first = seed.isEmpty ? master.price(duals: nil).map { PathColumn(demand: $0.demand, links: $0.links) } : seed
        for column in first where known[column.demand].insert(column.links).inserted {
            paths.append((column, lp.add(master.column(demand: column.demand, links: column.links, number: paths.count))))
        }
        let initial = lp
        return try factory.withSession(initial, options: options) {
            (session: inout any LPSession & ~Copyable) throws(SolverError) -> Outcome in
            var rounds = 0
            var iterations = 0
            while true {
                var solution = try session.solve(reducedCosts: false)
                rounds += 1
                iterations += solution.iterations ?? 0
                if solution.termination == .optimal, rounds > Self.roundLimit {
                    solution = LPSolution(termination: .iterationLimit, objective: nil, primal: [])
                }
                guard solution.termination == .optimal else {
                    return Outcome(solution: solution, program: session.program, paths: paths, rounds: rounds, iterations: iterations)
                }
                var fresh: [PathColumn] = []
                for priced in master.price(duals: solution.duals) {
                    let pi = solution.dual(master.demandRow[priced.demand])
                    guard priced.reducedCost < -Self.tolerance * max(1, abs(pi)),
                        known[priced.demand].insert(priced.links).inserted
                    else { continue }
                    fresh.append(PathColumn(demand: priced.demand, links: priced.links))
                }
                if fresh.isEmpty {
                    return Outcome(solution: solution, program: session.program, paths: paths, rounds: rounds, iterations: iterations)
                }
                let columns = fresh.enumerated().map { i, c in
                    master.column(demand: c.demand, links: c.links, number: paths.count + i)
                }
                let variables = try session.addColumns(columns)
                for (column, variable) in zip(fresh, variables) { paths.append((column, variable)) }
            }
        }
    }
}
