import Scenarios
import Testing

@Suite("Scenario file kinds: what validate reads a file as")
struct ScenarioFileKindTests {
    /// The file kind agrees with `isPlanFile` and `isObservationsFile`, a plan first, for every shape of file
    /// the one-read look must tell apart.
    @Test func kindsAgreeWithTheTwoLooks() throws {
        let folder = try TemporaryFolder("file-kind")
        let cases: [(name: String, text: String, kind: ScenarioFileKind)] = [
            ("scenario.yaml", "schema_version: 1\nname: x\nnodes: []\nlinks: []\n", .scenario),
            ("plan.yaml", "investments: []\nbudget_usd: 5\n", .plan),
            ("budget.yaml", "{ budget_usd: 5 }\n", .plan),
            ("observations.yaml", "observations: []\n", .observations),
            ("both.yaml", "observations: []\ninvestments: []\n", .plan),
            ("escaped.yaml", "\"\\x69nvestments\": []\n", .plan),
            ("nested.yaml", "name: x\nnotes:\n  investments: 1\n  observations: 2\n", .scenario),
            ("comment.yaml", "# investments and observations\nname: x\n", .scenario),
            ("word-at-the-end.yaml", "name: observations", .scenario),
            ("broken.yaml", "investments: [\n", .scenario),
        ]
        for (name, text, kind) in cases {
            let path = try folder.write(text, to: name)
            #expect(ScenarioFileKind.of(path: path) == kind, "\(name)")
            let expected: ScenarioFileKind =
                PlanFile.isPlanFile(path: path)
                ? .plan : ObservationsFile.isObservationsFile(path: path) ? .observations : .scenario
            #expect(expected == kind, "\(name)")
        }
        #expect(ScenarioFileKind.of(path: folder.file("missing.yaml")) == .scenario)
        #expect(ScenarioFileKind.of(path: folder.path) == .scenario)
    }
}
