import GLPK
import LinearProgramming
import Testing

@Suite("GLPK LP solving", .tags(.glpk))
struct GLPKSolverTests {
    @Test(
        "Textbook LP with every algorithm, presolve on and off",
        arguments: SolveOptions.Algorithm.allCases, [false, true]
    )
    func solvesTextbookProgram(algorithm: SolveOptions.Algorithm, presolve: Bool) throws {
        let lp = Programs.textbook()
        let x = LinearProgram.Variable(index: 0)
        let y = LinearProgram.Variable(index: 1)

        let solution = try GLPKSolver().solve(lp, options: SolveOptions(algorithm: algorithm, presolve: presolve))

        #expect(solution.termination == .optimal)
        #expect(isClose(solution.objective, 11, tolerance: 1e-6))
        #expect(isClose(solution[x], 3, tolerance: 1e-6))
        #expect(isClose(solution[y], 1, tolerance: 1e-6))
        #expect(isClose(solution.activity(LinearProgram.Constraint(index: 0)), 4, tolerance: 1e-6))
        #expect(solution.bestBound == nil)
    }

    /// Checks duals and reduced costs of a small LP worked by hand.
    ///
    /// min 2x + 3y + 5z  s.t.  c1: x + y + z ≥ 4,  c2: x + 3y ≥ 6,  x, y, z ≥ 0.
    /// By hand: x = 3, y = 1, z = 0, objective 9; duals y₁ + y₂ = 2, y₁ + 3y₂ = 3 → y₁ = 1.5,
    /// y₂ = 0.5; reduced cost of z = 5 − 1.5 = 3.5, of x and y 0 (basic).
    @Test("Duals and reduced costs match the hand computation", arguments: [false, true])
    func dualsAndReducedCosts(presolve: Bool) throws {
        var lp = LinearProgram(sense: .minimize)
        let x = lp.addVariable("x", cost: 2)
        let y = lp.addVariable("y", cost: 3)
        let z = lp.addVariable("z", cost: 5)
        let c1 = lp.addConstraint("c1", [(x, 1), (y, 1), (z, 1)], bounds: .lower(4))
        let c2 = lp.addConstraint("c2", [(x, 1), (y, 3)], bounds: .lower(6))

        let solution = try GLPKSolver().solve(lp, options: SolveOptions(presolve: presolve))

        #expect(solution.termination == .optimal)
        #expect(isClose(solution.objective, 9))
        #expect(isClose(solution[x], 3) && isClose(solution[y], 1) && isClose(solution[z], 0))
        #expect(isClose(solution.dual(c1), 1.5))
        #expect(isClose(solution.dual(c2), 0.5))
        #expect(isClose(solution.reducedCost(x), 0) && isClose(solution.reducedCost(y), 0))
        #expect(isClose(solution.reducedCost(z), 3.5))
        #expect(isClose(solution.activity(c1), 4) && isClose(solution.activity(c2), 6))
        #expect((solution.iterations ?? 0) >= 0)
    }

    /// Checks equality rows, a free column, fixed columns and the objective constant.
    ///
    /// min x + y + 2z − w + 10  s.t.  e: x − y = −2,  f: x + z ≥ 0,  x free, y ≥ 0, z fixed at 3,
    /// w in 2…2 (a range with equal ends). x = y − 2 costs 2y − 2, so y = 0, x = −2, objective 12.
    @Test("Equality rows, free and fixed columns, objective constant")
    func equalityFreeFixedAndConstant() throws {
        var lp = LinearProgram(sense: .minimize)
        let x = lp.addVariable("x", bounds: .free, cost: 1)
        let y = lp.addVariable("y", cost: 1)
        let z = lp.addVariable("z", bounds: .fixed(3), cost: 2)
        let w = lp.addVariable("w", bounds: .range(2, 2), cost: -1)
        let e = lp.addConstraint("e", [(x, 1), (y, -1)], bounds: .fixed(-2))
        lp.addConstraint("f", [(x, 1), (z, 1)], bounds: .lower(0))
        lp.objectiveConstant = 10

        let solution = try GLPKSolver().solve(lp)

        #expect(solution.termination == .optimal)
        #expect(isClose(solution.objective, 12))
        #expect(isClose(solution[x], -2) && isClose(solution[y], 0))
        #expect(isClose(solution[z], 3) && isClose(solution[w], 2))
        #expect(isClose(solution.activity(e), -2))
    }

    @Test(
        "Infeasible and unbounded programs are results, not errors",
        arguments: [
            (Bounds.upper(-1), false, TerminationStatus.infeasible),
            (.upper(-1), true, .infeasible),
            (.lower(1), false, .unbounded),
            (.lower(1), true, .infeasibleOrUnbounded),
        ],
        [SolveOptions.Algorithm.primalSimplex, .dualSimplex]
    )
    func reportsTermination(
        scenario: (rowBounds: Bounds, presolve: Bool, expected: TerminationStatus),
        algorithm: SolveOptions.Algorithm
    ) throws {
        var lp = LinearProgram(sense: .maximize)
        let x = lp.addVariable("x", bounds: .lower(0), cost: 1)
        let y = lp.addVariable("y", bounds: .lower(0), cost: 1)
        lp.addConstraint("r", [(x, 1), (y, 1)], bounds: scenario.rowBounds)

        let options = SolveOptions(algorithm: algorithm, presolve: scenario.presolve)
        let solution = try GLPKSolver().solve(lp, options: options)

        #expect(solution.termination == scenario.expected)
        #expect(solution.objective == nil)
        #expect(solution.primal.isEmpty)
    }

    @Test("Interior point reports infeasible and unbounded alike", arguments: [Bounds.upper(-1), .lower(1)])
    func interiorPointCannotTellInfeasibleFromUnbounded(rowBounds: Bounds) throws {
        var lp = LinearProgram(sense: .maximize)
        let x = lp.addVariable("x", bounds: .lower(0), cost: 1)
        lp.addConstraint("r", [(x, 1)], bounds: rowBounds)

        let solution = try GLPKSolver().solve(lp, options: SolveOptions(algorithm: .interiorPoint))

        #expect(solution.termination == .infeasibleOrUnbounded)
    }

    @Test("An iteration limit of 1 stops a program that needs more", arguments: [false, true])
    func iterationLimit(presolve: Bool) throws {
        let lp = Programs.transportation(size: 8)

        let limited = try GLPKSolver().solve(lp, options: SolveOptions(presolve: presolve, iterationLimit: 1))
        let free = try GLPKSolver().solve(lp)

        #expect(limited.termination == .iterationLimit)
        #expect(limited.objective == nil)
        #expect(free.termination == .optimal)
        #expect((free.iterations ?? 0) > 1)
    }

    @Test("A time limit of 0 s is a limit, not an error")
    func zeroTimeLimit() throws {
        var lp = Programs.transportation(size: 12)
        for index in 0..<lp.columnCount {
            lp.setBounds(LinearProgram.Variable(index: index), .range(0, 10))
        }

        let solution = try GLPKSolver().solve(lp, options: SolveOptions(timeLimitSeconds: 0))

        #expect(solution.termination == .timeLimit)
    }

    @Test("Tiny min-cost flow has the hand-computed optimum 21")
    func minCostFlow() throws {
        let (lp, flows) = Programs.minCostFlow()

        let solution = try GLPKSolver().solve(lp, options: SolveOptions(algorithm: .dualSimplex))

        #expect(solution.termination == .optimal)
        #expect(isClose(solution.objective, 21))
        let expected: [Double] = [2, 3, 2, 0, 5]  // s→a, s→b, a→b, a→t, b→t
        for (flow, value) in zip(flows, expected) {
            #expect(isClose(solution[flow], value), "flow \(lp[flow].name)")
        }
    }

    @Test(
        "Both start bases and both ratio tests give the hand-checked optima, with either simplex",
        arguments: SolveOptions.StartBasis.allCases, SolveOptions.RatioTest.allCases)
    func startBases(start: SolveOptions.StartBasis, ratioTest: SolveOptions.RatioTest) throws {
        for algorithm in [SolveOptions.Algorithm.primalSimplex, .dualSimplex] {
            let options = SolveOptions(algorithm: algorithm, startBasis: start, ratioTest: ratioTest)
            let (flow, flows) = Programs.minCostFlow()
            let solution = try GLPKSolver().solve(flow, options: options)
            #expect(solution.termination == .optimal && isClose(solution.objective, 21), "\(algorithm)")
            for (variable, value) in zip(flows, [2, 3, 2, 0, 5] as [Double]) {
                #expect(isClose(solution[variable], value), "\(algorithm) \(flow[variable].name)")
            }
            let reference = try GLPKSolver().solve(Programs.transportation(size: 6))
            let transport = try GLPKSolver().solve(Programs.transportation(size: 6), options: options)
            #expect(isClose(try #require(transport.objective), try #require(reference.objective)), "\(algorithm)")
            var empty = LinearProgram(sense: .minimize)
            empty.objectiveConstant = 4
            #expect(isClose(try GLPKSolver().solve(empty, options: options).objective, 4))
        }
    }

    @Test("Time-expanded programs start from the crash basis with the long-step test unless told otherwise")
    func timeExpandedOptions() {
        let chosen = SolveOptions().forTimeExpanded
        #expect(chosen.startBasis == .crash && chosen.ratioTest == .longStep)
        let kept = SolveOptions(startBasis: .standard, ratioTest: .harris).forTimeExpanded
        #expect(kept.startBasis == .standard && kept.ratioTest == .harris)
        let interior = SolveOptions(algorithm: .interiorPoint).forTimeExpanded
        #expect(interior.startBasis == nil && interior.ratioTest == nil)
        #expect(SolveOptions(algorithm: .dualSimplex).forTimeExpanded.ratioTest == .longStep)
    }

    @Test("Programs without rows or columns solve with every algorithm", arguments: SolveOptions.Algorithm.allCases)
    func emptyPrograms(algorithm: SolveOptions.Algorithm) throws {
        var noColumns = LinearProgram(sense: .minimize)
        noColumns.objectiveConstant = 4
        var noRows = LinearProgram(sense: .minimize)
        let x = noRows.addVariable("x", bounds: .range(1, 5), cost: 2)

        let options = SolveOptions(algorithm: algorithm)
        let empty = try GLPKSolver().solve(noColumns, options: options)
        let unconstrained = try GLPKSolver().solve(noRows, options: options)

        #expect(empty.termination == .optimal && isClose(empty.objective, 4))
        #expect(unconstrained.termination == .optimal && isClose(unconstrained.objective, 2))
        #expect(isClose(unconstrained[x], 1))
    }

    @Test("The log is captured only on request")
    func logCapture() throws {
        let lp = Programs.textbook()

        let quiet = try GLPKSolver().solve(lp)
        let logged = try GLPKSolver().solve(lp, options: SolveOptions(presolve: true, captureLog: true))

        #expect(quiet.log.isEmpty)
        #expect(logged.log.contains("OPTIMAL"))
    }

    @Test("Name, version and thread-local environment")
    func identity() {
        #expect(GLPKSolver.version.hasPrefix("5."))
        #expect(GLPKSolver().name == "GLPK \(GLPKSolver.version)")
        #expect(GLPKSolver.isThreadLocalEnvironment)
    }
}
