import GLPK
import LinearProgramming
import Testing

/// An out-of-range index handed to a public ``GLPKSession`` call (the textbook LP: 2 rows, 2 columns).
enum SessionIndexCheck: String, CaseIterable, Codable, Sendable {
    case columnBounds, rowBounds, cost, columnInMissingRow, rowOnMissingColumn, basisSize

    /// Opens a session on the textbook LP and makes the bad call; returns only if nothing stopped it.
    func perform() {
        _ = try? GLPKSolver().withSession(Programs.textbook(), options: SolveOptions()) { session throws(SolverError) in
            switch self {
            case .columnBounds: try session.setBounds(LinearProgram.Variable(index: 2), .upper(1))
            case .rowBounds: try session.setBounds(LinearProgram.Constraint(index: 2), .upper(1))
            case .cost: try session.setCost(LinearProgram.Variable(index: 2), 1)
            case .columnInMissingRow:
                _ = try session.addColumns([
                    LinearProgram.NewColumn(name: "z", cost: 1, coefficients: [(LinearProgram.Constraint(index: 2), 1)])
                ])
            case .rowOnMissingColumn:
                _ = try session.addRows([
                    LinearProgram.NewRow(name: "c", bounds: .upper(1), terms: [(LinearProgram.Variable(index: 2), 1)])
                ])
            case .basisSize:
                try session.restore(LPBasis(rows: [.basic, .basic, .basic], columns: [.atLower, .atLower]))
            }
        }
    }
}

/// Every index check in the GLPK layer, sent a bad index: the Swift precondition stops the process
/// (exit tests), and an index that gets past Swift is caught by the C guard, not by GLPK's `abort()`.
@Suite("GLPK index checks", .tags(.glpk))
struct GLPKIndexGuardTests {
    /// What GLPK prints before it aborts on a bad index: the process must stop before GLPK sees it.
    static let glpkAbortText = "Error detected in file"

    /// Checks that the child stopped at a Swift precondition: a failure exit, not GLPK's abort, and
    /// (in debug builds, where preconditions print file and message) the precondition of `file`
    /// itself, so that a check removed there is not hidden by a later one or an array's bounds check.
    static func expectSwiftPrecondition(_ result: ExitTest.Result?, _ name: String, in file: String) {
        guard let result else { return }
        let output = String(decoding: result.standardOutputContent + result.standardErrorContent, as: UTF8.self)
        #expect(!output.contains(glpkAbortText), "\(name): GLPK saw the bad index: \(output)")
        #if DEBUG
            #expect(output.contains("Precondition failed") && output.contains(file), "\(name): \(output)")
            #expect(output.contains("out of range") || output.contains("basis"), "\(name): \(output)")
        #endif
    }

    @Test("Each NativeProblem index check stops the process before GLPK", arguments: GLPKIndexCheck.allCases)
    func nativePrecondition(check: GLPKIndexCheck) async {
        let result = await #expect(
            processExitsWith: .failure, observing: [\.standardOutputContent, \.standardErrorContent]
        ) { [check] in
            GLPKSolver.callWithOutOfRangeIndexForTesting(check)
        }
        Self.expectSwiftPrecondition(result, check.rawValue, in: "NativeProblem")
    }

    @Test("Each GLPKSession index check stops the process before GLPK", arguments: SessionIndexCheck.allCases)
    func sessionPrecondition(check: SessionIndexCheck) async {
        let result = await #expect(
            processExitsWith: .failure, observing: [\.standardOutputContent, \.standardErrorContent]
        ) { [check] in
            check.perform()
        }
        Self.expectSwiftPrecondition(result, check.rawValue, in: "GLPKSession")
    }

    @Test("An out-of-range row reaching the C layer is caught by the guard, not by GLPK's abort")
    func guardCatchesOutOfRangeRow() async throws {
        // First in a child process: a broken guard (GLPK's abort) then fails this test, not the whole run.
        let child = await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            precondition(GLPKSolver.sendOutOfRangeRowThroughGuardForTesting() != nil, "GLPK accepted row 3 of 2")
        }
        let childError = String(decoding: child?.standardErrorContent ?? [], as: UTF8.self)
        try #require(child?.exitStatus == .exitCode(0), "\(childError)")

        let error = try #require(GLPKSolver.sendOutOfRangeRowThroughGuardForTesting())
        let after = try GLPKSolver().solve(Programs.textbook())

        #expect(error.code == -1)
        #expect(error.message.contains("glp_set_row_bnds"), "\(error.message)")
        #expect(error.message.contains("out of range"), "\(error.message)")
        #expect(after.termination == .optimal && isClose(after.objective, 11), "the thread solves again")
    }
}
