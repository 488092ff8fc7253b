import GLPK
import LinearProgramming
import Testing

/// Numerical robustness of the GLPK backend: unbounded programs name their cycle, limits are a
/// status and not an answer, wide ranges of numbers are scaled, and no GLPK memory outlives a call.
@Suite("GLPK robustness", .tags(.glpk))
struct GLPKRobustnessTests {
    /// A hand-built flow LP on A → B → C → A (tariffs 5, −9, 1: the cycle costs −3 per TEU, and
    /// no link has a capacity) plus a spur A → D; 10 TEU must go from A to D.
    static func negativeCycle() -> LinearProgram {
        var lp = LinearProgram(name: "negative_cycle", sense: .minimize)
        let ab = lp.addVariable("x_A-B", cost: 5)
        let bc = lp.addVariable("x_B-C", cost: -9)
        let ca = lp.addVariable("x_C-A", cost: 1)
        let ad = lp.addVariable("x_A-D", cost: 2)
        lp.addConstraint("bal_A", [(ab, 1), (ad, 1), (ca, -1)], bounds: .fixed(10))
        lp.addConstraint("bal_B", [(bc, 1), (ab, -1)], bounds: .fixed(0))
        lp.addConstraint("bal_C", [(ca, 1), (bc, -1)], bounds: .fixed(0))
        lp.addConstraint("bal_D", [(ad, -1)], bounds: .fixed(-10))
        return lp
    }

    @Test(
        "An unbounded program (a negative-cost cycle of unlimited capacity) is reported with the cycle's columns",
        arguments: [SolveOptions.Algorithm.primalSimplex, .dualSimplex])
    func unboundedNamesTheCycle(algorithm: SolveOptions.Algorithm) throws {
        let lp = Self.negativeCycle()

        let solution = try GLPKSolver().solve(lp, options: SolveOptions(algorithm: algorithm))

        #expect(solution.termination == .unbounded)
        #expect(solution.objective == nil && solution.primal.isEmpty)
        let names = Set(solution.unboundedDirection.map { lp[$0.variable].name })
        #expect(names == ["x_A-B", "x_B-C", "x_C-A"], "direction: \(lp.describe(solution.unboundedDirection))")
        #expect(solution.unboundedDirection.allSatisfy { isClose($0.coefficient, 1) })
        // Along the direction the objective falls: Σ cost × direction < 0.
        let slope = solution.unboundedDirection.reduce(0) { $0 + lp[$1.variable].cost * $1.coefficient }
        #expect(slope < 0)
        #expect(lp.describe(solution.unboundedDirection) == "x_A-B +1, x_B-C +1, x_C-A +1")
    }

    @Test("A maximisation that grows without limit points along its growing columns")
    func unboundedMaximisation() throws {
        var lp = LinearProgram(sense: .maximize)
        let x = lp.addVariable("x", cost: 1)
        let y = lp.addVariable("y", cost: 0)
        lp.addConstraint("r", [(x, 1), (y, -2)], bounds: .upper(4))

        let solution = try GLPKSolver().solve(lp)

        #expect(solution.termination == .unbounded)
        let direction = Dictionary(
            uniqueKeysWithValues: solution.unboundedDirection.map { ($0.variable, $0.coefficient) })
        #expect(isClose(direction[x], 1) && isClose(direction[y], 0.5), "\(lp.describe(solution.unboundedDirection))")
    }

    @Test(
        "A simplex stopped by a singular basis is retried from both bases (its start first), then by the interior point: the same optimum",
        arguments: [(1, SolveOptions.Algorithm.primalSimplex), (2, .primalSimplex), (3, .primalSimplex), (1, .dualSimplex), (3, .dualSimplex)])
    func singularBasisRetries(failures: Int, algorithm: SolveOptions.Algorithm) throws {
        // From either start basis (a crash start retries from the crash basis first).
        for start in [SolveOptions.StartBasis.standard, .crash] {
            var solver = GLPKSolver()
            solver.simulatedSimplexFailuresForTesting = failures
            let options = SolveOptions(algorithm: algorithm, startBasis: start)
            let textbook = try solver.solve(Programs.textbook(), options: options)
            let transport = Programs.transportation(size: 8)
            let reference = try GLPKSolver().solve(transport)
            let retried = try solver.solve(transport, options: options)

            // max 3x + 2y on x + y ≤ 4, x + 3y ≤ 6, x ≤ 3: x = 3, y = 1, z = 11 (by hand).
            #expect(textbook.termination == .optimal, "\(start)")
            #expect(isClose(textbook.objective, 11, tolerance: 1e-6))
            #expect(isClose(textbook.primal.first, 3, tolerance: 1e-6) && isClose(textbook.primal.last, 1, tolerance: 1e-6))
            #expect(retried.termination == .optimal, "\(start)")
            #expect(isClose(retried.objective, try #require(reference.objective), tolerance: 1e-6))
            // Three failures exhaust both retries: the interior point answers, and reports no iteration count.
            #expect((retried.iterations == nil) == (failures == 3), "\(start)")
        }
    }

    @Test("Iteration and time limits are a status without values, never a wrong answer")
    func limitsAreAStatus() throws {
        let lp = Programs.transportation(size: 30)
        let iterations = try GLPKSolver().solve(lp, options: SolveOptions(iterationLimit: 3))
        let time = try GLPKSolver().solve(lp, options: SolveOptions(timeLimitSeconds: 0))
        let enough = try GLPKSolver().solve(lp, options: SolveOptions(timeLimitSeconds: 60, iterationLimit: 1_000_000))

        #expect(iterations.termination == .iterationLimit)
        #expect(time.termination == .timeLimit)
        for limited in [iterations, time] {
            #expect(limited.objective == nil && limited.primal.isEmpty && limited.duals.isEmpty)
        }
        #expect(enough.termination == .optimal)
    }

    @Test("When GLPK's interior point wrongly finds no feasible solution, the simplex method's optimum is returned")
    func interiorPointCheckedBySimplex() throws {
        // The LP of a 2-node network the LP-builder fuzz target found: handling 1e9 USD/TEU at a
        // node of 3 TEU/year, tariffs from 0.01 to 1e9; all 1,000 TEU stay unmet at no cost.
        var lp = LinearProgram(sense: .minimize)
        let expensive = lp.addVariable("x_L0", cost: 1_000_000_000.01)
        let slow = lp.addVariable("x_L1", cost: 101.01)
        let fast = lp.addVariable("x_L2", cost: 15.01)
        let unmet = lp.addVariable("u_D0", bounds: .range(0, 1000), cost: -1_000_000_300)
        lp.addConstraint("bal_N0", [(expensive, -1), (slow, -1), (fast, -1), (unmet, -1)], bounds: .fixed(-1000))
        lp.addConstraint("bal_N1", [(expensive, 1), (slow, 1), (fast, 1), (unmet, 1)], bounds: .fixed(1000))
        lp.addConstraint("cap_link_L0", [(expensive, 1)], bounds: .upper(1e9))
        lp.addConstraint("cap_link_L1", [(slow, 1)], bounds: .upper(1000))
        lp.addConstraint("cap_link_L2", [(fast, 1)], bounds: .upper(1000))
        lp.addConstraint("cap_node_N0", [(expensive, 1), (slow, 1), (fast, 1)], bounds: .upper(1e9))
        lp.addConstraint("cap_node_N1", [(unmet, -1)], bounds: .upper(-997))
        lp.objectiveConstant = 1_000_000_300_000

        let solution = try GLPKSolver().solve(lp, options: SolveOptions(algorithm: .interiorPoint))

        #expect(solution.termination == .optimal)
        #expect(isClose(solution.objective, 0))
        #expect(isClose(solution[unmet], 1000))
    }

    @Test("Capacities from 1 to 1e9 and costs from 0.01 to 1e6 in one program solve to the exact optimum")
    func wideRanges() throws {
        // Two routes per pair: a cheap one of capacity c and an unlimited one 1e6 dearer.
        var lp = LinearProgram(sense: .minimize)
        var expected = 0.0
        for (index, capacity) in [1.0, 1e3, 1e6, 1e9].enumerated() {
            let cost = [0.01, 3.5, 1e3, 1e6][index]
            let cheap = lp.addVariable("cheap_\(index)", bounds: .range(0, capacity), cost: cost)
            let dear = lp.addVariable("dear_\(index)", cost: cost + 1e6)
            let volume = capacity * 1.5
            lp.addConstraint("demand_\(index)", [(cheap, 1), (dear, 1)], bounds: .fixed(volume))
            expected += capacity * cost + (volume - capacity) * (cost + 1e6)
        }

        for algorithm in SolveOptions.Algorithm.allCases {
            let solution = try GLPKSolver().solve(lp, options: SolveOptions(algorithm: algorithm))
            #expect(solution.termination == .optimal)
            // The simplex methods are exact to rounding; the interior point method to its tolerance.
            let tolerance = algorithm == .interiorPoint ? 1e-7 : 1e-9
            #expect(
                isClose(solution.objective, expected, tolerance: tolerance),
                "\(algorithm): \(solution.objective ?? .nan)")
        }
    }

    @Test("No GLPK memory is left when a solve, an export, a failure or a caught fatal error ends")
    func noGLPKObjectOutlivesACall() throws {
        _ = try GLPKSolver().solve(Programs.textbook())
        #expect(GLPKSolver.blocksLeftAtLastEndForTesting == 0)
        _ = try GLPKSolver().solve(Programs.knapsack())
        #expect(GLPKSolver.blocksLeftAtLastEndForTesting == 0)
        _ = try GLPKSolver().solve(Self.negativeCycle())
        #expect(GLPKSolver.blocksLeftAtLastEndForTesting == 0)
        _ = try GLPKSolver().exportCPLEXLP(Programs.textbook(constant: 2))
        #expect(GLPKSolver.blocksLeftAtLastEndForTesting == 0)
        _ = try GLPKSolver().exportMPS(Programs.knapsack())
        #expect(GLPKSolver.blocksLeftAtLastEndForTesting == 0)
        _ = try GLPKSolver().solve(Programs.transportation(size: 20), options: SolveOptions(iterationLimit: 2))
        #expect(GLPKSolver.blocksLeftAtLastEndForTesting == 0)
        _ = GLPKSolver.triggerGuardedFatalErrorForTesting()
        #expect(GLPKSolver.blocksLeftAtLastEndForTesting == 0)
    }
}
