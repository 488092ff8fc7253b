import CorridorTestSupport
import GLPK
import LinearProgramming
import Testing

/// Adding columns to a loaded session (column generation) keeps the basis and gives the cold optimum.
@Suite("GLPK session: adding columns", .tags(.glpk))
struct GLPKSessionColumnTests {
    /// Express lanes i→i at 0.5 per unit in the 8×8 transportation problem (supply and demand 10
    /// each): shipping everything on them is optimal, 8 × 10 × 0.5 = 40.
    static func expressLanes(_ lp: LinearProgram) -> [LinearProgram.NewColumn] {
        (0..<8).map { i in
            LinearProgram.NewColumn(
                name: "express_\(i)", cost: 0.5,
                coefficients: [(LinearProgram.Constraint(index: i), 1), (LinearProgram.Constraint(index: 8 + i), 1)])
        }
    }

    @Test("Columns added after a solve: a warm primal re-solve reaches the hand-checked optimum")
    func addedColumnsWarm() throws {
        let lp = Programs.transportation(size: 8)
        var grown = lp
        for column in Self.expressLanes(lp) { grown.add(column) }
        let cold = try GLPKSolver().solve(grown)
        let (before, after, handles, program) = try GLPKSolver().withSession(lp, options: SolveOptions()) {
            (session: inout any LPSession & ~Copyable) throws(SolverError)
                -> (LPSolution, LPSolution, [LinearProgram.Variable], LinearProgram) in
            let before = try session.solve(reducedCosts: false)
            let handles = try session.addColumns(Self.expressLanes(lp))
            return (before, try session.solve(reducedCosts: false), handles, session.program)
        }
        #expect(before.termination == .optimal && after.termination == .optimal)
        #expect(isClose(try #require(after.objective), 40))
        #expect(isClose(try #require(cold.objective), 40))
        #expect(try #require(before.objective) > 40)
        #expect(handles.map(\.index) == Array(64..<72))
        #expect(program.columnCount == 72 && program.nonZeroCount == lp.nonZeroCount + 16)
        for handle in handles { #expect(isClose(after[handle], 10)) }
        // Warm: the eight entering columns, not a cold start (which takes more on this problem).
        #expect(try #require(after.iterations) <= 8 + 8)
    }

    /// The same steps with two idle columns (the first two non-basic ones) parked or fixed at 0: solve, set
    /// them aside, solve, add a row over one of them, solve, free both (one made cheap so that it enters), solve.
    static func idleSteps(parking: Bool) throws -> (solutions: [LPSolution], idle: [LinearProgram.Variable]) {
        var lp = Programs.transportation(size: 8)
        for column in Self.expressLanes(lp) { lp.add(column) }
        return try GLPKSolver().withSession(lp, options: SolveOptions()) {
            (session: inout any LPSession & ~Copyable) throws(SolverError)
                -> (solutions: [LPSolution], idle: [LinearProgram.Variable]) in
            var solutions = [try session.solve(reducedCosts: true)]
            let idle = Array((0..<64).map(LinearProgram.Variable.init(index:)).filter { solutions[0].reducedCost($0) > 0.1 }.prefix(2))
            for v in idle { try parking ? session.park(v) : session.setBounds(v, .fixed(0)) }
            solutions.append(try session.solve(reducedCosts: true))
            _ = try session.addRows([.init(name: "cap", bounds: .upper(25), terms: [(idle[0], 1), (.init(index: 64), 1)])])
            solutions.append(try session.solve(reducedCosts: true))
            for v in idle { try session.setBounds(v, .lower(0)) }
            try session.setCost(idle[0], -1)
            solutions.append(try session.solve(reducedCosts: true))
            return (solutions, idle)
        }
    }

    @Test("A parked column: the same answers as one fixed at 0, its reduced cost included, and the same once freed")
    func parkedColumns() throws {
        let (parked, idle) = try Self.idleSteps(parking: true)
        let (fixed, fixedIdle) = try Self.idleSteps(parking: false)
        #expect(idle.count == 2 && idle == fixedIdle)
        #expect(parked.count == 4 && fixed.count == 4)
        for (a, b) in zip(parked, fixed) {
            #expect(a.termination == .optimal && b.termination == .optimal)
            #expect(isClose(try #require(a.objective), try #require(b.objective)))
            #expect(a.primal.count == b.primal.count && a.reducedCosts.count == b.reducedCosts.count)
            for (x, y) in zip(a.primal, b.primal) { #expect(isClose(x, y)) }
            for (x, y) in zip(a.duals, b.duals) { #expect(isClose(x, y)) }
            for (x, y) in zip(a.reducedCosts, b.reducedCosts) { #expect(isClose(x, y)) }
        }
        // Both idle columns sit at 0 while set aside, and the cheap one carries flow once freed.
        #expect(parked[1][idle[0]] == 0 && parked[2][idle[1]] == 0)
        #expect(parked[1].reducedCost(idle[0]) > 0.1 && parked[2].reducedCost(idle[1]) > 0.1)
        #expect(parked[3][idle[0]] > 0)
    }

    @Test("A column naming a row twice has its coefficients summed")
    func repeatedRowsSummed() throws {
        var lp = LinearProgram(name: "t", sense: .maximize)
        let x = lp.addVariable("x", bounds: .range(0, 100), cost: 1)
        let row = lp.addConstraint("cap", [(x, 1.0)], bounds: .upper(10))
        let solution = try GLPKSolver().withSession(lp, options: SolveOptions()) {
            (session: inout any LPSession & ~Copyable) throws(SolverError) -> LPSolution in
            _ = try session.solve(reducedCosts: false)
            _ = try session.addColumns([.init(name: "y", cost: 3, coefficients: [(row, 1), (row, 1)])])
            return try session.solve(reducedCosts: false)
        }
        // y uses 2 per unit: y = 5 gives 15 > x = 10 gives 10.
        #expect(isClose(try #require(solution.objective), 15))
    }
}

@Suite("GLPK session: adding rows", .tags(.glpk))
struct GLPKSessionRowTests {
    @Test("A row added after a solve cuts the optimum off; the warm dual simplex reaches the new optimum")
    func addedRowWarm() throws {
        // max 3x + 2y, x + y ≤ 4, x ≤ 3: optimum x = 3, y = 1 (11). Adding x − y ≤ 0 gives x = y = 2 (10).
        var lp = LinearProgram(name: "t", sense: .maximize)
        let x = lp.addVariable("x", bounds: .range(0, 3), cost: 3)
        let y = lp.addVariable("y", bounds: .lower(0), cost: 2)
        lp.addConstraint("sum", [(x, 1.0), (y, 1.0)], bounds: .upper(4))
        let (before, after, row) = try GLPKSolver().withSession(lp, options: SolveOptions()) {
            (session: inout any LPSession & ~Copyable) throws(SolverError)
                -> (LPSolution, LPSolution, [LinearProgram.Constraint]) in
            let before = try session.solve(reducedCosts: false)
            let row = try session.addRows([.init(name: "cut", bounds: .upper(0), terms: [(x, 1), (y, -1)])])
            return (before, try session.solve(reducedCosts: false), row)
        }
        #expect(isClose(try #require(before.objective), 11))
        #expect(isClose(try #require(after.objective), 10))
        #expect(row.map(\.index) == [1])
        #expect(isClose(after[x], 2) && isClose(after[y], 2))
        // Duals: sum 2.5, cut 0.5 (3 = a + b, 2 = a − b).
        #expect(isClose(after.dual(row[0]), 0.5) && isClose(after.dual(LinearProgram.Constraint(index: 0)), 2.5))
    }
}
