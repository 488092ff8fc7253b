import CorridorTestSupport
import GLPK
import LinearProgramming
import Testing

/// The re-solvable session: warm re-solves after bound and cost changes agree with cold solves,
/// a restored basis is a valid start, and a caught fatal error only costs the warm start.
@Suite("GLPK session (warm re-solves)", .tags(.glpk))
struct GLPKSessionTests {
    let solver = GLPKSolver()

    @Test("The first solve equals a cold solve; an unchanged re-solve takes no iteration")
    func firstSolveAndIdleResolve() throws {
        let lp = Programs.transportation(size: 8)
        let cold = try solver.solve(lp)
        let (first, again) = try solver.withSession(lp, options: SolveOptions()) {
            (session: inout any LPSession & ~Copyable) throws(SolverError) -> (LPSolution, LPSolution) in
            (try session.solve(reducedCosts: true), try session.solve(reducedCosts: false))
        }
        #expect(first.termination == .optimal)
        #expect(isClose(first.objective, try #require(cold.objective)))
        #expect(first.reducedCosts.count == lp.columnCount)
        #expect(again.iterations == 0)
        #expect(again.reducedCosts.isEmpty)
        #expect(again.objective == first.objective)
    }

    /// Cuts random columns' upper bounds (a capacity cut) and rows' bounds, re-solves warm from the
    /// first optimal basis each time, and compares with a cold solve of the changed program.
    @Test("Warm re-solves after bound changes give the cold optima", arguments: [UInt64(1), 2, 3])
    func warmMatchesCold(seed: UInt64) throws {
        let base = Programs.transportation(size: 10)
        var random = SeededGenerator(seed: seed)
        var cases: [[(LinearProgram.Variable, Bounds)]] = []
        for _ in 0..<12 {
            let count = Int.random(in: 1...4, using: &random)
            cases.append(
                (0..<count).map { _ in
                    (
                        LinearProgram.Variable(index: Int.random(in: 0..<base.columnCount, using: &random)),
                        Double.random(in: 0..<1, using: &random) < 0.5
                            ? .fixed(0) : .range(0, Double(Int.random(in: 1...6, using: &random)))
                    )
                })
        }
        let warm = try solver.withSession(base, options: SolveOptions()) {
            (session: inout any LPSession & ~Copyable) throws(SolverError) -> [LPSolution] in
            _ = try session.solve(reducedCosts: false)
            guard let basis = try session.basis() else { return [] }
            var answers: [LPSolution] = []
            for edits in cases {
                for (variable, bounds) in edits { try session.setBounds(variable, bounds) }
                try session.restore(basis)
                answers.append(try session.solve(reducedCosts: false))
                for (variable, _) in edits { try session.setBounds(variable, base[variable].bounds) }
            }
            return answers
        }
        #expect(warm.count == cases.count)
        for (edits, answer) in zip(cases, warm) {
            var changed = base
            for (variable, bounds) in edits { changed.setBounds(variable, bounds) }
            let cold = try solver.solve(changed)
            #expect(answer.termination == cold.termination)
            if cold.termination == .optimal {
                #expect(isClose(answer.objective, try #require(cold.objective)))
            }
        }
    }

    @Test("A row-bound cut and a cost change re-solve to the cold optima")
    func rowBoundsAndCosts() throws {
        // max 3x + 2y  s.t.  a: x + y ≤ 4,  b: x + 3y ≤ 6,  0 ≤ x ≤ 3: optimum 11 at (3, 1).
        let lp = Programs.textbook()
        let a = LinearProgram.Constraint(index: 0)
        let y = LinearProgram.Variable(index: 1)
        let answers = try solver.withSession(lp, options: SolveOptions()) {
            (session: inout any LPSession & ~Copyable) throws(SolverError) -> [Double?] in
            var objectives = [try session.solve(reducedCosts: false).objective]
            try session.setBounds(a, .upper(3))  // x = 3, y = 0: 9
            objectives.append(try session.solve(reducedCosts: false).objective)
            try session.setCost(y, 10)  // vertices (0, 2): 20, (1.5, 1.5): 19.5, (3, 0): 9 → 20
            objectives.append(try session.solve(reducedCosts: false).objective)
            return objectives
        }
        #expect(isClose(answers[0], 11))
        #expect(isClose(answers[1], 9))
        #expect(isClose(answers[2], 20))
    }

    @Test("After a fatal error freed the thread's GLPK, the session rebuilds and still answers")
    func recoversFromFatalError() throws {
        let lp = Programs.transportation(size: 6)
        let cold = try #require(try solver.solve(lp).objective)
        let x0 = LinearProgram.Variable(index: 0)
        let answers = try solver.withSession(lp, options: SolveOptions()) {
            (session: inout any LPSession & ~Copyable) throws(SolverError) -> (Double?, Double?, LPBasis?) in
            let first = try session.solve(reducedCosts: false).objective
            // Frees this thread's whole GLPK environment, the session's problem included.
            #expect(GLPKSolver.triggerGuardedFatalErrorForTesting() != nil)
            try session.setBounds(x0, .lower(0))  // rebuilds the problem, with the current bounds
            let basis = try session.basis()  // the rebuilt problem has no basis yet
            let second = try session.solve(reducedCosts: false).objective
            return (first, second, basis)
        }
        #expect(isClose(answers.0, cold))
        #expect(isClose(answers.1, cold))
        #expect(answers.2 == nil)
    }

    @Test("Invalid programs and MIPs are refused before GLPK sees them")
    func refusesBadPrograms() {
        var bad = LinearProgram(sense: .minimize)
        bad.addVariable("x", bounds: .range(2, 1))
        #expect(throws: SolverError.self) {
            try solver.withSession(bad, options: SolveOptions()) {
                (_: inout any LPSession & ~Copyable) throws(SolverError) in
            }
        }
        #expect(throws: SolverError.self) {
            try solver.withSession(Programs.knapsack(), options: SolveOptions()) {
                (_: inout any LPSession & ~Copyable) throws(SolverError) in
            }
        }
    }
}
