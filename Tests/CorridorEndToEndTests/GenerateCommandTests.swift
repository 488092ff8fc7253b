import Foundation
import Testing

@Suite("corridor generate")
struct GenerateCommandTests {
    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "corridor-generate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("Same seed, same bytes; the file validates and solves with corridor run")
    func generatesSolvableFile() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let arguments = [
            "generate", "--nodes", "60", "--links", "241", "--demands", "12", "--origins", "4", "--seed", "7",
        ]
        let first = dir.appendingPathComponent("a.yaml").path
        let second = dir.appendingPathComponent("b.yaml").path
        let a = try CLI.run(arguments + ["-o", first])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(
            a.stdout.contains("60 nodes") && a.stdout.contains("241 directed links") && a.stdout.contains("12 demands"))
        let b = try CLI.run(arguments + ["--output", second])
        #expect(b.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["a.yaml", "b.yaml"])

        let validate = try CLI.run(["validate", "--strict", first])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout.contains("60 nodes, 241 directed links, 12 demands"))

        let run = try CLI.run(["run", first, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try Report(run.stdout)
        #expect(report.json["status"] as? String == "optimal")
        let lp = try #require(report.json["lp"] as? [String: Any])
        #expect(try #require(num(lp, "columns")) > 0 && #require(num(lp, "rows")) > 0)
        #expect(try #require(report.number("demand_teu")) > 0)
    }

    @Test(
        "Bad arguments exit 64 with the option at fault and write nothing",
        arguments: [
            (["--nodes", "1", "--links", "2", "--demands", "1"], "--nodes: expected 2"),
            (["--nodes", "100", "--links", "50", "--demands", "1"], "--links: a 100-node network takes 198"),
            (["--nodes", "100", "--links", "400", "--demands", "0"], "--demands: expected 1"),
            (
                ["--nodes", "100", "--links", "400", "--demands", "20", "--origins", "30"],
                "--origins: a 100-node network has 10"
            ),
            (
                ["--nodes", "100", "--links", "400", "--demands", "20", "--value-of-time-classes", "9"],
                "--value-of-time-classes"
            ),
        ]
    )
    func badArguments(_ arguments: [String], _ message: String) throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("x.yaml").path
        let outcome = try CLI.run(["generate"] + arguments + ["--seed", "1", "-o", path])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("An unwritable output exits 73")
    func unwritableOutput() throws {
        let outcome = try CLI.run(
            [
                "generate", "--nodes", "10", "--links", "20", "--demands", "2", "--seed", "1", "-o",
                "/nonexistent-dir/x.yaml",
            ])
        #expect(outcome.status == 73)
        #expect(outcome.stderr.contains("cannot write /nonexistent-dir/x.yaml"))
    }
}
