import Foundation
import Testing

/// `corridor sweep` and `corridor merge` as a user runs them.
@Suite("corridor sweep and merge (end to end)")
struct SweepCommandTests {
    /// Runs `corridor ARGS` with extra environment variables.
    static func run(_ arguments: [String], environment: [String: String]) throws -> CLI.Outcome {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.currentDirectoryURL = CLI.root
        process.environment = CLI.environment(environment)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Outcome(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-sweep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("Single failures of the 2021 network: no strait strands the sea freight; Suez, then the Northern corridor's border chain")
    func baseline() throws {
        let outcome = try CLI.run(["sweep", "Scenarios/baseline-2021.yaml", "--single-failures", "--limit", "15"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("Closed one at a time: 132 links, 59 nodes") })
        let rows = lines.filter { $0.range(of: #"^\s+\d+  (link|node) "#, options: .regularExpression) != nil }
        #expect(rows.count == 15)
        // Closing Suez sends the sea freight round the Cape (+10 days on average) and the 15,000 TEU/yr of
        // launch-critical electronics (X) by air; Singapore has Lombok beside it and loses nothing.
        #expect(rows.first?.contains("Suez Canal / Port Said") == true)
        #expect(rows.first?.contains("15,000") == true)
        #expect(!rows.contains { $0.contains("Singapore") })
        for name in ["Krasnoye (RU-BY border)", "Moscow (junction)", "Minsk (junction)"] {
            #expect(rows.contains { $0.contains(name) }, "\(name) in the top 15")
        }
        #expect(outcome.stderr.contains("warm simplex iterations"))
    }

    @Test("Background traffic stranded: each case's background_lost_teu, and its column in the ranking")
    func backgroundLost() throws {
        let outcome = try CLI.run(["sweep", "Scenarios/years/2021.yaml", "--single-failures", "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let intact = try #require(report["intact"] as? [String: Any])
        #expect((intact["background_lost_teu"] as? NSNumber)?.doubleValue == 0)
        let singles = try #require(report["single_failures"] as? [[String: Any]])
        func lost(_ id: String) -> Double? {
            let entry = singles.first { (($0["closed"] as? [[String: Any]])?.first?["id"] as? String) == id }
            return (entry?["background_lost_teu"] as? NSNumber)?.doubleValue
        }
        // Manzhouli–Zabaikalsk carries only China–Russia background (BG-MZL-RU, 209,700 TEU/yr): closing it
        // strands all of it and no freight; Urumqi strands the Kazakh background (2 × 110,450).
        #expect(lost("MZL-ZAB") == 209_700)
        #expect(lost("URC") == 220_900)
        #expect(lost("SUE") == 0)
        let table = try CLI.run(["sweep", "Scenarios/years/2021.yaml", "--single-failures", "--limit", "3"])
        let header = try #require(table.stdout.split(separator: "\n").first { $0.contains("rank  element") })
        #expect(header.hasSuffix("background lost TEU/yr"))
        let csv = try CLI.run(["sweep", "Scenarios/years/2021.yaml", "--single-failures", "--format", "csv"])
        let csvLines = csv.stdout.split(separator: "\n")
        #expect(csvLines.first?.contains(",delivered_teu,background_lost_teu,total_cost_usd,") == true)
        #expect(csvLines.contains { $0.hasPrefix("single,2,link,MZL-ZAB,") && $0.contains(",1031050,209700,") })
    }

    @Test("Shards merged equal the unsharded sweep, in every format; Slurm and Kubernetes indices work")
    func shardsMerge() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sweep = [
            "sweep", "Scenarios/russia-disrupted-2023.yaml", "--single-failures", "--targets", "links,borders",
            "--pairs", "--top", "4", "-q",
        ]
        let slurm = ["SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "3"]
        var parts: [String] = []
        for task in 1...3 {
            let part = dir.appendingPathComponent("part-\(task).jsonl").path
            let outcome = try Self.run(
                sweep + ["--shard", "auto", "--output", part],
                environment: slurm.merging(["SLURM_ARRAY_TASK_ID": "\(task)"]) { $1 })
            #expect(outcome.status == 0, "\(outcome.stderr)")
            parts.append(part)
        }
        for format in ["json", "table", "csv", "jsonl"] {
            let whole = try CLI.run(sweep + ["--format", format])
            let merged = try CLI.run(["merge"] + parts.reversed() + ["--format", format])
            #expect(whole.status == 0 && merged.status == 0, "\(merged.stderr)")
            #expect(merged.stdout == whole.stdout, "format \(format)")
        }
        // Kubernetes: the index from JOB_COMPLETION_INDEX, the count given.
        let k8s = try Self.run(sweep + ["--shard", "auto/3"], environment: ["JOB_COMPLETION_INDEX": "1"])
        #expect(k8s.status == 0)
        #expect(k8s.stdout == (try String(contentsOfFile: parts[1], encoding: .utf8)))
        // A missing shard is an error unless --partial.
        let missing = try CLI.run(["merge", parts[0], parts[2]])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("missing shard 1/3"))
        let partial = try CLI.run(["merge", parts[0], parts[2], "--partial"])
        #expect(partial.status == 0)
        #expect(partial.stdout.contains("INCOMPLETE"))
    }

    @Test("Monte Carlo with a fixed seed: identical across runs, thread counts and shards")
    func monteCarlo() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sweep = [
            "sweep", "Scenarios/caspian-winter-risk.yaml", "--monte-carlo", "120", "--seed", "2024", "-q", "--format",
            "json",
        ]
        let one = try CLI.run(sweep + ["--threads", "1"])
        let two = try CLI.run(sweep + ["--threads", "2"])
        let again = try CLI.run(sweep + ["--threads", "2"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == two.stdout && two.stdout == again.stdout)
        #expect(one.stdout.contains("\"samples\": 120"))
        let other = try CLI.run([
            "sweep", "Scenarios/caspian-winter-risk.yaml", "--monte-carlo", "120", "--seed", "2025", "-q", "--format",
            "json",
        ])
        // The report prints its seed: leave that line out, so only the samples can differ.
        func withoutSeed(_ text: String) -> [Substring] {
            text.split(separator: "\n").filter { !$0.contains("\"seed\"") }
        }
        #expect(one.stdout.contains("\"seed\": \"2024\""))
        #expect(withoutSeed(other.stdout) != withoutSeed(one.stdout))
        var parts: [String] = []
        for index in 0..<2 {
            let part = dir.appendingPathComponent("mc-\(index).jsonl").path
            #expect(try CLI.run(Array(sweep.dropLast(2)) + ["--shard", "\(index)/2", "-o", part]).status == 0)
            parts.append(part)
        }
        let merged = try CLI.run(["merge"] + parts + ["--format", "json"])
        #expect(merged.stdout == one.stdout)
        let table = try CLI.run(Array(sweep.dropLast(2)))
        for text in ["Delivered", "P95", "Uncertain elements", "caspian-storm", "Capacities that bind"] {
            #expect(table.stdout.contains(text), "\(text)")
        }
    }

    @Test("Usage and input errors exit 64 and 65")
    func errors() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLI.run(["sweep", "Scenarios/baseline-2021.yaml"]).status == 64)
        #expect(
            try CLI.run(["sweep", "Scenarios/baseline-2021.yaml", "--single-failures", "--monte-carlo", "5"]).status
                == 64)
        #expect(
            try CLI.run(["sweep", "Scenarios/baseline-2021.yaml", "--single-failures", "--targets", "links,bridges"])
                .status == 64)
        #expect(
            try CLI.run(["sweep", "Scenarios/baseline-2021.yaml", "--single-failures", "--shard", "3/3"]).status == 64)
        #expect(
            try CLI.run([
                "sweep", "Scenarios/baseline-2021.yaml", "--single-failures", "--shard", "0/2", "--format", "table",
            ]).status == 64)
        let auto = try Self.run(
            ["sweep", "Scenarios/baseline-2021.yaml", "--single-failures", "--shard", "auto"], environment: [:])
        #expect(auto.status == 64 || ProcessInfo.processInfo.environment["SLURM_ARRAY_TASK_ID"] != nil)
        let noRisk = try CLI.run(["sweep", "Scenarios/baseline-2021.yaml", "--monte-carlo", "5"])
        #expect(noRisk.status == 65)
        #expect(noRisk.stderr.contains("uncertainty"))
        // Parts of different sweeps do not merge.
        let a = dir.appendingPathComponent("a.jsonl").path
        let b = dir.appendingPathComponent("b.jsonl").path
        #expect(
            try CLI.run([
                "sweep", "Scenarios/caspian-winter-risk.yaml", "--monte-carlo", "4", "--seed", "1", "--shard", "0/2",
                "-q", "-o", a,
            ]).status == 0)
        #expect(
            try CLI.run([
                "sweep", "Scenarios/caspian-winter-risk.yaml", "--monte-carlo", "4", "--seed", "2", "--shard", "1/2",
                "-q", "-o", b,
            ]).status == 0)
        let mixed = try CLI.run(["merge", a, b])
        #expect(mixed.status == 65)
        #expect(mixed.stderr.contains("different sweep"))
        let notAPart = try CLI.run(["merge", "Scenarios/baseline-2021.yaml"])
        #expect(notAPart.status == 65)
    }
}
