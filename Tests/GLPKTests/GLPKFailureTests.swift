import Dispatch
import GLPK
import LinearProgramming
import Synchronization
import Testing

@Suite("GLPK failures and threads", .tags(.glpk))
struct GLPKFailureTests {
    /// A program that is valid but for one defect, and a word the error message must contain.
    static let defects: [(name: String, expectedWord: String, program: LinearProgram)] = {
        func base() -> (LinearProgram, LinearProgram.Variable) {
            var lp = LinearProgram(sense: .minimize)
            let x = lp.addVariable("x", cost: 1)
            return (lp, x)
        }
        var nanCost = base()
        nanCost.0.setCost(nanCost.1, .nan)
        var crossed = base()
        crossed.0.setBounds(crossed.1, .range(3, 1))
        var infinite = base()
        infinite.0.addConstraint("r", [(infinite.1, .infinity)], bounds: .upper(1))
        var longName = base()
        longName.0.addVariable(String(repeating: "n", count: 300))
        var longProblemName = base()
        longProblemName.0.name = String(repeating: "p", count: 300)
        var nanRowBound = base()
        nanRowBound.0.addConstraint("r", [(nanRowBound.1, 1)], bounds: .lower(.nan))
        return [
            ("NaN cost", "not finite", nanCost.0),
            ("crossed bounds", "exceeds", crossed.0),
            ("infinite coefficient", "not finite", infinite.0),
            ("300-byte column name", "longer than 255", longName.0),
            ("300-byte problem name", "longer than 255", longProblemName.0),
            ("NaN row bound", "not finite", nanRowBound.0),
        ]
    }()

    @Test("Invalid programs throw SolverError before GLPK sees them", arguments: defects.indices)
    func invalidProgramThrows(index: Int) {
        let defect = Self.defects[index]

        let error = #expect(throws: SolverError.self, "\(defect.name)") {
            try GLPKSolver().solve(defect.program)
        }
        let exportError = #expect(throws: SolverError.self, "\(defect.name)") {
            try GLPKSolver().exportCPLEXLP(defect.program)
        }

        #expect(error?.code == 0)
        #expect(error?.backend == "GLPK")
        #expect(error?.message.contains(defect.expectedWord) == true, "\(defect.name): \(error?.message ?? "")")
        #expect(exportError?.message == error?.message)
    }

    @Test(
        "Invalid options throw SolverError",
        arguments: [
            SolveOptions(timeLimitSeconds: -1), SolveOptions(timeLimitSeconds: .nan),
            SolveOptions(iterationLimit: -5), SolveOptions(mipGap: .infinity),
        ]
    )
    func invalidOptionsThrow(options: SolveOptions) {
        #expect(throws: SolverError.self) {
            try GLPKSolver().solve(Programs.textbook(), options: options)
        }
    }

    @Test("A GLPK fatal error becomes a SolverError, and the thread solves again afterwards")
    func guardedFatalError() throws {
        let first = try #require(GLPKSolver.triggerGuardedFatalErrorForTesting())
        let afterFirst = try GLPKSolver().solve(Programs.textbook(), options: SolveOptions(captureLog: true))
        let second = try #require(GLPKSolver.triggerGuardedFatalErrorForTesting())
        let afterSecond = try GLPKSolver().solve(Programs.knapsack())

        #expect(first.code == -1)
        #expect(first.message.contains("glp_add_rows"), "\(first.message)")
        #expect(first.message.contains("Error detected in file"), "\(first.message)")
        #expect(second == first)
        #expect(afterFirst.termination == .optimal && isClose(afterFirst.objective, 11))
        #expect(afterFirst.log.contains("OPTIMAL"), "hooks are installed again after the free")
        #expect(!afterFirst.log.contains("glp_add_rows"), "the captured text starts afresh")
        #expect(isClose(afterSecond.objective, Programs.knapsackBruteForce()))
    }

    @Test("The same LP solved on two threads at once gives identical results")
    func concurrentSolves() throws {
        try #require(GLPKSolver.isThreadLocalEnvironment)
        let lp = Programs.transportation(size: 30)
        let results = Mutex<[Int: LPSolution]>([:])
        let failures = Mutex<[String]>([])

        DispatchQueue.concurrentPerform(iterations: 2) { index in
            do {
                let solution = try GLPKSolver().solve(lp, options: SolveOptions(algorithm: .dualSimplex))
                results.withLock { $0[index] = solution }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }

        #expect(failures.withLock { $0 }.isEmpty)
        let solutions = results.withLock { $0 }
        let first = try #require(solutions[0])
        let second = try #require(solutions[1])
        #expect(first.termination == .optimal)
        #expect(first.objective == second.objective)
        #expect(first.primal == second.primal)
        #expect(first.duals == second.duals)
        #expect(first.iterations == second.iterations)
    }
}
