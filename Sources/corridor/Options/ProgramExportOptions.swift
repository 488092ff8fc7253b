import ArgumentParser
import GLPK
import LinearProgramming
import Simulation

/// `--export-lp` and `--export-mps` of `corridor run`: the LP the simulator solves, as GLPK writes it.
struct ProgramExportOptions: ParsableArguments {
    @Option(name: .customLong("export-lp"), help: "Also write the LP in CPLEX LP format to this file.")
    var exportLP: String?

    @Option(name: .customLong("export-mps"), help: "Also write the LP in free MPS format to this file.")
    var exportMPS: String?

    /// Writes the prepared program in each format asked for; does nothing (and builds nothing) when
    /// none was.
    /// - Throws: ``SolverError`` when GLPK cannot write it; exit 73 or 74 when the file cannot be written.
    func write(_ prepared: Simulator.Prepared, _ solver: GLPKSolver) throws {
        guard exportLP != nil || exportMPS != nil else { return }
        let program = prepared.program
        if let path = exportLP { try Output.write(try solver.exportCPLEXLP(program), to: path) }
        if let path = exportMPS { try Output.write(try solver.exportMPS(program), to: path) }
    }
}
