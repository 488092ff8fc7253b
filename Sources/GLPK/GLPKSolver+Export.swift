internal import Foundation
public import LinearProgramming

extension GLPKSolver {
    /// The program as a CPLEX LP file, written by GLPK's `glp_write_lp`.
    ///
    /// Names are made valid, readable and unique (see `ProblemNames`): characters CPLEX LP does
    /// not allow, such as spaces, `-`, `+`, `[`, `]`, `:`, `<`, `>`, `=`, `*` and `^`, become `_`.
    /// GLPK's LP writer would keep the objective constant only as a comment, so a non-zero
    /// constant is written as an extra column, `objective_constant` (or a unique variant), fixed
    /// at 1 with the constant as its cost. Integer columns' bounds are rounded inward, as
    /// ``solve(_:options:)`` does (left as given when no integer fits, which glpsol rejects).
    /// `glpsol --lp FILE` solves the text to the same optimum.
    ///
    /// - Parameter program: The program; it is validated first.
    /// - Returns: The file's text.
    /// - Throws: `SolverError` when the program is invalid or the file could not be written or read.
    public func exportCPLEXLP(_ program: LinearProgram) throws(SolverError) -> String {
        try export(program, freeMPS: false)
    }

    /// The program as a free-format MPS file, written by GLPK's `glp_write_mps`.
    ///
    /// Names and the objective constant are treated as in ``exportCPLEXLP(_:)``. GLPK's MPS has
    /// no objective sense section, so a maximisation gets a leading comment line saying so, and
    /// must be read back with `glpsol --freemps FILE --max`.
    ///
    /// - Parameter program: The program; it is validated first.
    /// - Returns: The file's text.
    /// - Throws: `SolverError` when the program is invalid or the file could not be written or read.
    public func exportMPS(_ program: LinearProgram) throws(SolverError) -> String {
        let text = try export(program, freeMPS: true)
        guard program.sense == .maximize else { return text }
        return "* Objective sense: MAXIMIZE (not stored in MPS; read with glpsol --max)\n" + text
    }

    /// Loads `program` with file names, lets GLPK write it to a temporary file and reads it back.
    private func export(_ program: LinearProgram, freeMPS: Bool) throws(SolverError) -> String {
        try Self.validate(program, options: SolveOptions())
        // glp_intopt, and so glpsol, rejects fractional bounds on integer columns.
        let program = program.withIntegralIntegerBounds().program
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("corridor-\(UUID().uuidString).\(freeMPS ? "mps" : "lp")")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try GLPKEnvironment.run(captureLog: false) { () throws(SolverError) in
            var problem = NativeProblem(sense: program.sense)
            try problem.load(program, names: ProblemNames(exporting: program))
            try problem.write(to: path, freeMPS: freeMPS)
        }
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SolverError(
                backend: GLPKEnvironment.backend,
                code: 0,
                message: "could not read back the file GLPK wrote at \(path): \(error)"
            )
        }
    }
}
