import GLPK
import LinearProgramming
import Testing

/// The primal simplex's stall guard (`SolveOptions.stallGuard`): past its budget the solve goes on by the
/// dual simplex from the primal one's basis, to the same optimum, and says so; a chosen algorithm is kept.
@Suite("GLPK stall guard", .tags(.glpk))
struct GLPKStallGuardTests {
    /// A budget of `iterations` primal iterations whatever the program's size.
    static func tiny(_ iterations: Int) -> SolveOptions.StallGuard {
        SolveOptions.StallGuard(iterationsPerRow: 0, minimumIterations: iterations)
    }

    @Test("The budget is iterations per row, at least the floor, and never overflows")
    func budget() {
        let standard = SolveOptions.StallGuard.standard
        #expect(standard.budget(rows: 10) == standard.minimumIterations)
        #expect(standard.budget(rows: 100_000) == 100_000 * standard.iterationsPerRow)
        #expect(SolveOptions.StallGuard(iterationsPerRow: Int.max, minimumIterations: 0).budget(rows: 3) == Int.max)
        #expect(SolveOptions().stallGuard == .standard)
    }

    @Test(
        "Past the budget the dual simplex finishes from the primal basis, at the plain primal optimum",
        arguments: [false, true])
    func switchesToDual(timeExpanded: Bool) throws {
        let lp = Programs.transportation(size: 30)
        var plainOptions = SolveOptions(stallGuard: nil)
        var guardedOptions = SolveOptions(stallGuard: Self.tiny(5))
        if timeExpanded {
            // The options of a time-expanded program: crash start, long-step ratio test.
            plainOptions = plainOptions.forTimeExpanded
            guardedOptions = guardedOptions.forTimeExpanded
        }
        let plain = try GLPKSolver().solve(lp, options: plainOptions)
        let guarded = try GLPKSolver().solve(lp, options: guardedOptions)

        #expect(plain.termination == .optimal)
        #expect(try #require(plain.iterations) > 5)
        #expect(plain.dualSimplexAfterIterations == nil)
        #expect(guarded.termination == .optimal)
        #expect(guarded.dualSimplexAfterIterations == 5)
        // The dual simplex went on from the basis after 5 iterations: the count goes on from there.
        #expect(try #require(guarded.iterations) > 5)
        #expect(isClose(guarded.objective, try #require(plain.objective), tolerance: 1e-9))
        // The same optimal flows satisfy every row (the vertex may differ: the program is degenerate).
        for (row, activity) in guarded.rowActivity.enumerated() { #expect(isClose(activity, 10), "row \(row)") }
    }

    @Test("A budget of 0 hands the solve to the dual simplex from the start basis")
    func zeroBudget() throws {
        let (lp, _) = Programs.minCostFlow()
        let solution = try GLPKSolver().solve(lp, options: SolveOptions(stallGuard: Self.tiny(0)))
        #expect(solution.termination == .optimal)
        #expect(solution.dualSimplexAfterIterations == 0)
        #expect(isClose(solution.objective, 21))
    }

    @Test("An algorithm chosen on purpose (no guard) or not the primal simplex is never switched")
    func explicitAlgorithmIsKept() throws {
        let lp = Programs.transportation(size: 30)
        let chosen = try GLPKSolver().solve(lp, options: SolveOptions(algorithm: .primalSimplex, stallGuard: nil))
        let dual = try GLPKSolver().solve(lp, options: SolveOptions(algorithm: .dualSimplex, stallGuard: Self.tiny(5)))
        let interior = try GLPKSolver().solve(
            lp, options: SolveOptions(algorithm: .interiorPoint, stallGuard: Self.tiny(5)))

        #expect(chosen.termination == .optimal)
        #expect(try #require(chosen.iterations) > 5)
        #expect(chosen.dualSimplexAfterIterations == nil)
        #expect(dual.termination == .optimal)
        #expect(try #require(dual.iterations) > 5)
        #expect(dual.dualSimplexAfterIterations == nil)
        #expect(interior.termination == .optimal)
        #expect(interior.dualSimplexAfterIterations == nil)
        #expect(isClose(dual.objective, try #require(chosen.objective), tolerance: 1e-9))
    }

    @Test("The caller's iteration limit holds over both simplex runs; below the budget it is the only limit")
    func callerLimitHolds() throws {
        let lp = Programs.transportation(size: 30)
        // The limit below the budget: the primal simplex stops at it, and nothing switches.
        let below = try GLPKSolver().solve(lp, options: SolveOptions(iterationLimit: 3, stallGuard: Self.tiny(5)))
        // The limit above the budget: the dual simplex gets what is left of it (2 iterations), not enough.
        let above = try GLPKSolver().solve(lp, options: SolveOptions(iterationLimit: 7, stallGuard: Self.tiny(5)))

        #expect(below.termination == .iterationLimit)
        #expect(below.dualSimplexAfterIterations == nil)
        #expect(below.iterations == 3)
        #expect(above.termination == .iterationLimit)
        #expect(above.dualSimplexAfterIterations == 5)
        #expect(try #require(above.iterations) <= 7)
        #expect(above.objective == nil && above.primal.isEmpty)
    }

    @Test("A MIP's relaxation is guarded too, and the search still reaches the optimum")
    func mixedIntegerRelaxation() throws {
        let solution = try GLPKSolver().solve(Programs.knapsack(), options: SolveOptions(stallGuard: Self.tiny(0)))
        #expect(solution.termination == .optimal)
        #expect(solution.dualSimplexAfterIterations == 0)
        #expect(isClose(solution.objective, Programs.knapsackBruteForce()))
    }

    @Test("Through the basis cache a miss and a hit report the switch; a primal simplex without guard solves cold")
    func basisCache() throws {
        let lp = Programs.transportation(size: 30)
        let cache = GLPKBasisCacheTests.MemoryCache()
        let solver = GLPKSolver(basisCache: cache)
        let guarded = SolveOptions(stallGuard: Self.tiny(5))
        let miss = try solver.solve(lp, options: guarded)
        let hit = try solver.solve(lp, options: guarded)
        let unguarded = try solver.solve(lp, options: SolveOptions(stallGuard: nil))

        #expect(cache.stores == 2)  // the miss, and the unguarded solve, which ran cold
        for solution in [miss, hit] {
            #expect(solution.termination == .optimal)
            #expect(solution.dualSimplexAfterIterations == 5)
            #expect(solution.iterations == miss.iterations)
        }
        #expect(GLPKBasisCacheTests.bits(hit) == GLPKBasisCacheTests.bits(miss))
        let plain = try GLPKSolver().solve(lp, options: SolveOptions(stallGuard: nil))
        #expect(unguarded.dualSimplexAfterIterations == nil)
        #expect(unguarded.iterations == plain.iterations)
        #expect(isClose(unguarded.objective, try #require(miss.objective), tolerance: 1e-9))
    }
}
