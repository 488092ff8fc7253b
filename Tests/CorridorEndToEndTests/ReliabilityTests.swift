import Foundation
import Testing

/// What a user who feeds `corridor` bad or suspicious files, or interrupts it, must see.
@Suite("End to end: reliability")
struct ReliabilityTests {
    static let fixtures = "Tests/CorridorEndToEndTests/Fixtures"

    /// The broken files in `Fixtures/broken`: typos, wrong types, units, half-finished files.
    static func brokenFiles() -> [String] {
        let folder = CLI.root.appendingPathComponent("\(fixtures)/broken")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test(
        "Every broken file: every error positioned as file:line:column, exit 65, nothing on stdout, no crash",
        arguments: brokenFiles())
    func brokenFile(_ name: String) throws {
        let path = "\(Self.fixtures)/broken/\(name)"
        for command in ["validate", "run"] {
            let outcome = try CLI.run([command, path])

            #expect(outcome.status == 65, "\(command) \(name): exit \(outcome.status)\n\(outcome.stderr)")
            #expect(outcome.stdout.isEmpty, "\(command) \(name) printed a result")
            let errors = outcome.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
            #expect(!errors.isEmpty, "\(command) \(name): no error line in\n\(outcome.stderr)")
            for line in errors {
                let positioned = line.wholeMatch(of: /.+:[0-9]+:[0-9]+: error: .+/) != nil
                #expect(positioned, "\(command) \(name): not positioned: \(line)")
            }
        }
    }

    @Test("All problems of several files are reported in one pass, with the counts per file")
    func onePass() throws {
        let files = ["missing-fields.yaml", "wrong-types.yaml", "negative-and-non-finite.yaml"].map {
            "\(Self.fixtures)/broken/\($0)"
        }

        let outcome = try CLI.run(["validate"] + files)

        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("missing-fields.yaml: 6 errors"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("wrong-types.yaml: 5 errors"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("negative-and-non-finite.yaml: 6 errors"), "\(outcome.stderr)")
    }

    @Test("Suspicious data is warned about with positions and hints: exit 0, and 65 with --strict")
    func warnings() throws {
        let path = "\(Self.fixtures)/warnings.yaml"

        let lenient = try CLI.run(["validate", path])
        let strict = try CLI.run(["validate", "--strict", path])
        let run = try CLI.run(["run", path, "--format", "json"])

        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(strict.status == 65)
        #expect(strict.stderr.contains("6 warnings treated as errors (--strict)"), "\(strict.stderr)")
        #expect(run.status == 0 && !run.stdout.isEmpty, "warnings do not stop a run: \(run.stderr)")
        let expected = [
            "warnings.yaml:6:79: warning: nodes[1].capacity_teu: expected a capacity of at least 1 TEU/year, found '0.4'",
            "warnings.yaml:9:74: warning: nodes[4].dwell_days: expected at most 365 days, found '400'",
            "warnings.yaml:14:18: warning: links[1].time_days: expected at most 365 days, found '480'",
            "warnings.yaml:15:11: warning: links[2]: links DUI-HAM, DUI-HAM:rev form a cycle DUI → HAM → DUI",
            "warnings.yaml:19:5: warning: demands[1]: no route from 'XIA' to 'LOD' over open links",
            "warnings.yaml:21:23: warning: changes[0].close.country: country 'RU' matches no node",
        ]
        for text in expected {
            #expect(lenient.stderr.contains(text), "missing: \(text)\n\(lenient.stderr)")
            #expect(run.stderr.contains(text), "run does not show: \(text)")
        }
        #expect(lenient.stderr.contains("(capacities are in TEU per year: 0.4 million TEU/year is 400000)"))
        #expect(lenient.stderr.contains("(times are in days: 480 hours would be 20 days)"))
    }

    @Test("An iteration limit is a clear status and exit 75, never a wrong answer")
    func iterationLimit() throws {
        let outcome = try CLI.run(["run", "Scenarios/baseline-2021.yaml", "--iteration-limit", "5", "--format", "json"])

        #expect(outcome.status == 75, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("iteration_limit"), "\(outcome.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(report["status"] as? String == "iteration_limit")
        #expect(report["objective_value"] is NSNull)
        // No optimum, so no figure: null, not a 0 that reads as "nothing delivered"; the demand is the freight's.
        for key in ["delivered_teu", "unmet_teu", "total_cost_usd", "time_value_usd", "unmet_penalty_usd"] {
            #expect(report[key] is NSNull, "\(key): \(String(describing: report[key]))")
        }
        #expect((report["demand_teu"] as? Double) == 1_031_050, "China–Europe demand only, background left out")
        let links = report["links"] as? [[String: Any]] ?? []
        #expect(links.allSatisfy { ($0["flow_teu"] as? Double ?? 0) == 0 }, "a stopped solve reported flows")
    }

    @Test("A killed run never leaves half an export: the file is the old one or the whole new one")
    func interruptedExport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("flows.lp")
        let old = "\\ an earlier export\nEnd\n"
        let scenario = CLI.root.appendingPathComponent("Scenarios/baseline-2021.yaml").path

        for delay in [0, 5, 10, 20, 30, 45, 60, 80, 110, 150, 200, 300] {
            try old.write(to: target, atomically: false, encoding: .utf8)
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = ["run", scenario, "--export-lp", target.path, "--export-mps", target.path + ".mps"]
            process.environment = CLI.environment()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(delay * 1_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let text = try String(contentsOf: target, encoding: .utf8)
            let whole = text.contains("Subject To") && text.hasSuffix("End\n")
            #expect(
                text == old || whole, "killed after \(delay) ms: \(text.count) characters, ending \(text.suffix(40))")
        }
        let finished = try CLI.run(["run", scenario, "--export-lp", target.path])
        #expect(finished.status == 0)
        #expect(try String(contentsOf: target, encoding: .utf8).hasSuffix("End\n"))
    }
}
