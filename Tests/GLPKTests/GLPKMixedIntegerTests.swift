import GLPK
import LinearProgramming
import Testing

@Suite("GLPK MIP solving", .tags(.glpk))
struct GLPKMixedIntegerTests {
    @Test(
        "Knapsack optimum equals brute-force enumeration",
        arguments: [SolveOptions.Algorithm.primalSimplex, .dualSimplex, .interiorPoint], [false, true]
    )
    func knapsackMatchesEnumeration(algorithm: SolveOptions.Algorithm, presolve: Bool) throws {
        let lp = Programs.knapsack()
        let best = Programs.knapsackBruteForce()

        let solution = try GLPKSolver().solve(lp, options: SolveOptions(algorithm: algorithm, presolve: presolve))

        #expect(solution.termination == .optimal)
        #expect(isClose(solution.objective, best))
        #expect(solution.bestBound == solution.objective)
        #expect(solution.relativeGap == 0)
        #expect(solution.duals.isEmpty && solution.reducedCosts.isEmpty)
        let chosen = solution.primal.map { $0.rounded() }
        #expect(zip(chosen, solution.primal).allSatisfy { isClose($1, $0) }, "values are integral")
        let weight = zip(chosen, Programs.knapsackWeights).reduce(0) { $0 + $1.0 * $1.1 }
        let value = zip(chosen, Programs.knapsackValues).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(weight <= Programs.knapsackCapacity)
        #expect(isClose(value, best))
        #expect(isClose(solution.activity(LinearProgram.Constraint(index: 0)), weight))
    }

    @Test("glp_intopt failing with the presolver (GLP_EFAIL) is retried without it: the same optimum")
    func intoptFailureRetried() throws {
        var solver = GLPKSolver()
        solver.simulatedIntoptFailureForTesting = true
        let solution = try solver.solve(Programs.knapsack())
        #expect(solution.termination == .optimal)
        #expect(isClose(solution.objective, Programs.knapsackBruteForce()))
    }

    @Test("A MIP keeps the objective constant and general integers")
    func generalIntegersAndConstant() throws {
        // max x + y + 100  s.t.  2x + 2y ≤ 7, x, y ≥ 0 integer  →  x + y = 3, objective 103.
        var lp = LinearProgram(sense: .maximize)
        let x = lp.addVariable("x", cost: 1, isInteger: true)
        let y = lp.addVariable("y", cost: 1, isInteger: true)
        lp.addConstraint("r", [(x, 2), (y, 2)], bounds: .upper(7))
        lp.objectiveConstant = 100

        let solution = try GLPKSolver().solve(lp)

        #expect(solution.termination == .optimal)
        #expect(isClose(solution.objective, 103))
        #expect(isClose(solution[x] + solution[y], 3))
    }

    @Test("Integer-infeasible and unbounded MIPs are results")
    func infeasibleAndUnbounded() throws {
        var noInteger = LinearProgram(sense: .minimize)
        noInteger.addVariable("x", bounds: .range(0.2, 0.8), cost: 1, isInteger: true)
        var infeasibleRelaxation = LinearProgram(sense: .minimize)
        let y = infeasibleRelaxation.addVariable("y", bounds: .lower(0), cost: 1, isInteger: true)
        infeasibleRelaxation.addConstraint("r", [(y, 1)], bounds: .upper(-1))
        var parity = LinearProgram(sense: .minimize)  // 2w = 1: the relaxation is feasible, no integer is
        let w = parity.addVariable("w", bounds: .range(0, 5), cost: 1, isInteger: true)
        parity.addConstraint("odd", [(w, 2)], bounds: .fixed(1))
        var unbounded = LinearProgram(sense: .maximize)
        let z = unbounded.addVariable("z", bounds: .lower(0), cost: 1, isInteger: true)
        unbounded.addConstraint("r", [(z, 1)], bounds: .lower(1))

        let solver = GLPKSolver()

        #expect(try solver.solve(noInteger).termination == .infeasible)
        #expect(try solver.solve(infeasibleRelaxation).termination == .infeasible)
        #expect(try solver.solve(parity).termination == .infeasible)
        #expect(try solver.solve(parity, options: SolveOptions(presolve: true)).termination == .infeasible)
        #expect(try solver.solve(unbounded).termination == .infeasibleOrUnbounded)
    }

    @Test("Fractional bounds of integer columns are rounded inward")
    func fractionalIntegerBounds() throws {
        var lp = LinearProgram(sense: .maximize)
        let x = lp.addVariable("x", bounds: .range(0.5, 3.7), cost: 1, isInteger: true)
        let y = lp.addVariable("y", bounds: .upper(2.0000000001), cost: 1, isInteger: true)
        lp.addConstraint("r", [(x, 1), (y, -1)], bounds: .lower(-10))

        let solution = try GLPKSolver().solve(lp)
        let text = try GLPKSolver().exportCPLEXLP(lp)

        #expect(solution.termination == .optimal)
        #expect(isClose(solution[x], 3) && isClose(solution[y], 2))
        #expect(isClose(try glpsolObjective(of: text, formatFlag: "--lp"), 5))
    }
}
