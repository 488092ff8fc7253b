import Foundation
import Testing

/// Issue 16, item 5: the same input gives byte-identical output on every command.
///
/// Each command runs in three separate processes: Swift draws a new hash seed for every process, so a
/// float summed in a dictionary's order (which follows the seed) shows up as outputs that differ in the
/// last digit. The seasonal fixture splits its freight over four corridors in odd shares; before the fix
/// six runs of `run --format json` on it gave six different files (`periods[].corridors[].share`).
@Suite("Determinism: the same input gives the same bytes, process after process")
struct DeterminismTests {
    static let seasonal = "Tests/CorridorEndToEndTests/Fixtures/seasonal-four-corridors.yaml"
    static let processes = 3

    /// Runs `arguments` in ``processes`` processes; expects exit 0 and the same stdout each time.
    /// - Returns: the stdout of the first run.
    @discardableResult
    static func expectSameOutput(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws
        -> String
    {
        var outputs: [String] = []
        for _ in 0..<processes {
            let outcome = try CLI.run(arguments)
            #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)", sourceLocation: sourceLocation)
            outputs.append(outcome.stdout)
        }
        #expect(!outputs[0].isEmpty, "\(arguments): no output", sourceLocation: sourceLocation)
        for (i, output) in outputs.enumerated().dropFirst() {
            #expect(output == outputs[0], "\(arguments): run \(i + 1) differs from run 1", sourceLocation: sourceLocation)
        }
        return outputs[0]
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-determinism-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test(
        "Every command prints the same bytes in every process",
        arguments: [
            ["run", seasonal, "--format", "json"],
            ["run", seasonal, "--format", "json", "--objective", "max-throughput"],
            ["run", seasonal],
            ["run", "Scenarios/russia-closed.yaml", "--format", "json"],
            ["compare", "Scenarios/caspian-winter.yaml", seasonal, "--format", "json"],
            ["compare", "Scenarios/caspian-winter.yaml", seasonal, "--format", "csv"],
            ["compare", "Scenarios/russia-closed.yaml", "Scenarios/red-sea-closed.yaml", "Scenarios/combined-stress.yaml"],
            ["frontier", "Scenarios/russia-closed.yaml", "--demand", "XIA:DUI", "--format", "json"],
            ["sweep", "Scenarios/russia-disrupted-2023.yaml", "--single-failures", "--pairs", "--top", "3", "--format", "json", "-q"],
            ["sweep", "Scenarios/caspian-winter-risk.yaml", "--monte-carlo", "40", "--format", "json", "-q"],
            ["plan", "Tests/CorridorEndToEndTests/Fixtures/plan/small.yaml", "--format", "json"],
            ["plan", "Tests/CorridorEndToEndTests/Fixtures/plan/warehouse-closure.yaml"],
            ["validate", "Scenarios/caspian-winter-seasonal.yaml", seasonal],
            ["capacity", "Scenarios/russia-closed.yaml", "--format", "json"],
        ]
    )
    func command(arguments: [String]) throws {
        try Self.expectSameOutput(arguments)
    }

    @Test("plan: the appraisals and sensitivity re-solves give the same report on 1 and 3 threads")
    func planThreads() throws {
        let file = "Scenarios/plans/invest-3.7bn.yaml"
        let one = try CLI.run(["plan", file, "--format", "json", "--no-values", "--threads", "1"])
        let three = try CLI.run(["plan", file, "--format", "json", "--no-values", "--threads", "3"])
        #expect(one.status == 0 && three.status == 0, "\(one.stderr)\(three.stderr)")
        #expect(one.stdout.contains("\"sensitivity\"") && one.stdout.contains("\"benefit_cost_ratio\""))
        #expect(one.stdout == three.stdout)
        let zero = try CLI.run(["plan", file, "--threads", "0"])
        #expect(zero.status == 64 && zero.stderr.contains("--threads must be at least 1"), "\(zero.stderr)")
    }

    @Test("merge: the same parts give the same report in every process")
    func merge() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var parts: [String] = []
        for shard in 0..<2 {
            let part = dir.appendingPathComponent("part-\(shard).jsonl").path
            let outcome = try CLI.run([
                "sweep", "Scenarios/russia-disrupted-2023.yaml", "--single-failures", "--shard", "\(shard)/2",
                "--output", part, "-q",
            ])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            parts.append(part)
        }
        try Self.expectSameOutput(["merge"] + parts + ["--format", "json"])
    }

    @Test("generate: the same arguments write the same file in every process")
    func generate() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [Data] = []
        for i in 0..<Self.processes {
            let file = dir.appendingPathComponent("generated-\(i).yaml")
            let outcome = try CLI.run([
                "generate", "--nodes", "30", "--links", "90", "--demands", "12", "--seed", "3",
                "--value-of-time-classes", "3", "-o", file.path,
            ])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            files.append(try Data(contentsOf: file))
        }
        #expect(files[0].count > 1_000)
        #expect(files.allSatisfy { $0 == files[0] })
    }

    @Test("run on the seasonal fixture: the CSV, GeoJSON, SVG and HTML files are the same in every process")
    func exports() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var written: [[String: Data]] = []
        for i in 0..<Self.processes {
            let run = dir.appendingPathComponent("run-\(i)")
            let outcome = try CLI.run([
                "run", Self.seasonal, "--format", "json", "--csv", run.appendingPathComponent("csv").path,
                "--geojson", run.appendingPathComponent("flows.geojson").path,
                "--svg", run.appendingPathComponent("map.svg").path, "--html", run.appendingPathComponent("report.html").path,
            ])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            var files: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(atPath: run.path)
            while let name = enumerator?.nextObject() as? String {
                let url = run.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                    continue
                }
                files[name] = try Data(contentsOf: url)
            }
            written.append(files)
        }
        #expect(written[0].count >= 4 + 5, "files: \(written[0].keys.sorted())")
        for files in written.dropFirst() {
            #expect(files.keys.sorted() == written[0].keys.sorted())
            for (name, data) in written[0].sorted(by: { $0.key < $1.key }) {
                #expect(files[name] == data, "\(name) differs between processes")
            }
        }
    }
}
