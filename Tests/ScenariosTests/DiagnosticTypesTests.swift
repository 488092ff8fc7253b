import Scenarios
import Testing

@Suite("Diagnostic types")
struct DiagnosticTypesTests {
    @Test("A position renders as file:line:column, leaving out what is unknown")
    func positionDescription() {
        #expect(SourcePosition(file: "a.yaml", line: 3, column: 15).description == "a.yaml:3:15")
        #expect(SourcePosition(file: "a.yaml", line: 3).description == "a.yaml:3")
        #expect(SourcePosition(file: "a.yaml").description == "a.yaml")
    }

    @Test("Positions order by file, line, then column")
    func positionOrder() {
        let positions = [
            SourcePosition(file: "b.yaml", line: 1, column: 1),
            SourcePosition(file: "a.yaml", line: 10, column: 1),
            SourcePosition(file: "a.yaml", line: 2, column: 9),
            SourcePosition(file: "a.yaml", line: 2, column: 3),
        ]

        #expect(positions.sorted().map(\.description) == ["a.yaml:2:3", "a.yaml:2:9", "a.yaml:10:1", "b.yaml:1:1"])
    }

    @Test("An error renders like a compiler diagnostic, with the hint in parentheses")
    func errorDescription() {
        let position = SourcePosition(file: "s.yaml", line: 4, column: 7)
        let withHint = ScenarioError(
            at: position, field: "links[3].capacity_tue", message: "unknown key", hint: "did you mean 'capacity_teu'?"
        )
        let warning = ScenarioError(
            .warning, at: position, field: "changes[0].close.mode", message: "mode 'sea' matches no link")
        let whole = ScenarioError(at: SourcePosition(file: "s.yaml"), field: "", message: "file is empty")

        #expect(
            withHint.description
                == "s.yaml:4:7: error: links[3].capacity_tue: unknown key (did you mean 'capacity_teu'?)")
        #expect(warning.description == "s.yaml:4:7: warning: changes[0].close.mode: mode 'sea' matches no link")
        #expect(whole.description == "s.yaml: error: file is empty")
    }

    @Test("Diagnostics list errors and warnings together, in file order")
    func diagnosticsDescription() {
        var diagnostics = ScenarioDiagnostics()
        diagnostics.append(
            ScenarioError(at: SourcePosition(file: "a.yaml", line: 9, column: 1), field: "x", message: "late"))
        diagnostics.append(
            ScenarioError(.warning, at: SourcePosition(file: "a.yaml", line: 2, column: 1), field: "y", message: "w"))
        diagnostics.append(
            ScenarioError(at: SourcePosition(file: "a.yaml", line: 2, column: 1), field: "z", message: "tie"))

        #expect(diagnostics.hasErrors)
        #expect(diagnostics.errors.count == 2 && diagnostics.warnings.count == 1)
        #expect(
            diagnostics.description == """
                a.yaml:2:1: error: z: tie
                a.yaml:2:1: warning: y: w
                a.yaml:9:1: error: x: late
                """)
        #expect(ScenarioDiagnostics().hasErrors == false)
    }
}
