import Foundation
import Testing

@Suite("End to end: bad input")
struct BadInputTests {
    static let fixtures = "Tests/CorridorEndToEndTests/Fixtures"

    @Test("Broken files get positioned messages, exit 65 and no result", arguments: [
        ("malformed.yaml", ["malformed.yaml:"]),
        ("unknown-key.yaml", ["unknown-key.yaml:", "capacity_tue", "capacity_teu"]),
        ("bad-values.yaml", ["bad-values.yaml:", "cost_usd_per_teu", "time_days", "links[0]", "links[1]"]),
        ("empty.yaml", ["empty.yaml", "empty"]),
        ("self-loop.yaml", ["self-loop.yaml:", "link 'A-A' cannot go from 'A' to itself"]),
        ("cycle-a.yaml", ["cycle"]),
        ("missing-base.yaml", ["missing-base.yaml:", "does-not-exist.yaml"]),
    ])
    func broken(_ file: String, _ expected: [String]) throws {
        for command in ["run", "validate"] {
            let outcome = try CLI.run([command, "\(Self.fixtures)/\(file)"])

            #expect(outcome.status == 65, "\(command) \(file): exit \(outcome.status)\n\(outcome.stderr)")
            #expect(outcome.stdout.isEmpty, "\(command) \(file) printed a result")
            for text in expected {
                #expect(outcome.stderr.contains(text), "\(command) \(file): stderr lacks \(text):\n\(outcome.stderr)")
            }
        }
    }

    @Test("A binary file is refused without a crash")
    func binary() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-binary-\(UUID().uuidString).yaml")
        try Data([0x00, 0xFF, 0xFE, 0x01, 0x02, 0x00, 0x9C]).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }

        let outcome = try CLI.run(["run", path.path])

        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains(path.lastPathComponent))
    }

    @Test("Every bundled scenario validates cleanly")
    func bundledValidate() throws {
        let outcome = try CLI.run(["validate"] + CLI.bundledScenarios())

        #expect(outcome.status == 0, "\(outcome.stderr)")
    }
}
