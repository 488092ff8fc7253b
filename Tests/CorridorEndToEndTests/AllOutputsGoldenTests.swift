import Foundation
import Testing

/// Issue 18: the same outputs, byte for byte, on every bundled scenario and command as before the redesign.
///
/// Each case runs the built `corridor` and compares its stdout (and every file it writes) with the files in
/// `Golden/`; `UPDATE_GOLDEN=1 swift test --filter AllOutputsGolden` rewrites them. Nothing is stripped or
/// normalised: the files a command writes go to `.build/golden-work/<case>/`, a path relative to the package
/// root, so the paths that reports name are the same on every machine. The cases run in parallel (Swift
/// Testing's parameterised arguments), the slowest first.
@Suite("All outputs: every command on every bundled scenario, byte for byte (golden files)")
struct AllOutputsGoldenTests {
    /// One command (or a short sequence of commands) and where its output is pinned.
    struct Case: Sendable, CustomTestStringConvertible {
        struct Step: Sendable {
            /// Where the step's stdout goes in the case's golden folder; `nil` for a single-file case.
            var stdout: String?
            var arguments: [String]
        }

        /// `Golden/<name>`: a file (one step, stdout only) or a folder (stdouts and the files written).
        var name: String
        var steps: [Step]
        var writesFiles: Bool

        var testDescription: String { name }

        /// A command whose stdout is the whole output.
        static func stdout(_ name: String, _ arguments: [String]) -> Case {
            Case(name: name, steps: [.init(stdout: nil, arguments: arguments)], writesFiles: false)
        }

        /// Commands that write files under `$OUT` (`.build/golden-work/<name>`), pinned with their stdouts.
        static func files(_ name: String, _ steps: [(stdout: String, arguments: [String])]) -> Case {
            Case(name: name, steps: steps.map { .init(stdout: $0.stdout, arguments: $0.arguments) }, writesFiles: true)
        }

        var workDirectory: String { ".build/golden-work/\(name)" }
    }

    static let baseline = "Scenarios/baseline-2021.yaml"

    static func stem(_ file: String) -> String {
        URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    }

    /// Every case, the slow ones (12-month seasonal files) first so that the parallel run ends together.
    static let cases: [Case] = {
        let all = CLI.bundledScenarios()
        let seasonal = all.filter { $0.contains("-seasonal") }
        let annual = CLI.bundledScenarios(seasonal: false)
        var cases: [Case] = []
        for file in seasonal + annual {
            cases.append(.stdout("run/\(stem(file)).json", ["run", file, "--format", "json"]))
            cases.append(.stdout("run/\(stem(file)).txt", ["run", file]))
        }
        for file in annual {
            cases.append(
                .stdout("run-max-throughput/\(stem(file)).json", ["run", file, "--objective", "max-throughput", "--format", "json"]))
        }
        for file in seasonal + annual {
            cases.append(.stdout("capacity/\(stem(file)).json", ["capacity", file, "--format", "json"]))
        }
        let others = ["Scenarios/russia-closed.yaml", "Scenarios/red-sea-closed.yaml", "Scenarios/caspian-ports-upgrade.yaml"]
        cases += [
            .stdout("compare/baseline-2021-vs-three.txt", ["compare", baseline] + others),
            .stdout("compare/baseline-2021-vs-three.json", ["compare", baseline] + others + ["--format", "json"]),
            .stdout("frontier/baseline-2021-XIA-DUI.txt", ["frontier", baseline, "--demand", "XIA:DUI"]),
            .stdout("frontier/baseline-2021-XIA-DUI.json", ["frontier", baseline, "--demand", "XIA:DUI", "--format", "json"]),
            .stdout(
                "sweep/baseline-2021-single-failures-countries.json",
                ["sweep", baseline, "--single-failures", "--targets", "countries", "--format", "json", "-q"]),
            .stdout(
                "sweep/russia-disrupted-2023-capacity-middle.json",
                [
                    "sweep", "Scenarios/russia-disrupted-2023.yaml", "--single-failures", "--metric", "capacity", "--corridor",
                    "middle", "--format", "json", "-q",
                ]),
            .stdout(
                "sweep/caspian-winter-risk-monte-carlo-50-seed-3.json",
                ["sweep", "Scenarios/caspian-winter-risk.yaml", "--monte-carlo", "50", "--seed", "3", "--format", "json", "-q"]),
            .files(
                "merge/russia-disrupted-2023-single-failures",
                [0, 1].map { shard in
                    (
                        "sweep-shard-\(shard).txt",
                        [
                            "sweep", "Scenarios/russia-disrupted-2023.yaml", "--single-failures", "--shard", "\(shard)/2",
                            "--format", "jsonl", "--output", "$OUT/part-\(shard).jsonl", "-q",
                        ]
                    )
                } + [
                    ("merge.txt", ["merge", "$OUT/part-0.jsonl", "$OUT/part-1.jsonl"]),
                    ("merge.json", ["merge", "$OUT/part-0.jsonl", "$OUT/part-1.jsonl", "--format", "json"]),
                ]),
            .stdout("plan/invest-3.7bn.json", ["plan", "Scenarios/plans/invest-3.7bn.yaml", "--no-values", "--format", "json"]),
            .files(
                "generate/nodes-30-links-80-demands-5-seed-4",
                [
                    (
                        "stdout.txt",
                        ["generate", "--nodes", "30", "--links", "80", "--demands", "5", "--seed", "4", "-o", "$OUT/generated.yaml"]
                    )
                ]),
            .stdout("validate/bundled.txt", ["validate"] + all),
            .files(
                "run-exports/baseline-2021",
                [
                    (
                        "stdout.txt",
                        [
                            "run", baseline, "--csv", "$OUT/csv", "--geojson", "$OUT/flows.geojson", "--svg", "$OUT/map.svg",
                            "--html", "$OUT/report.html",
                        ]
                    )
                ]),
        ]
        return cases
    }()

    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil }

    @Test("The command's output equals Golden/<case>", arguments: cases)
    func output(of golden: Case) throws {
        var actual: [String: Data] = [:]
        let work = CLI.root.appendingPathComponent(golden.workDirectory)
        if golden.writesFiles {
            try? FileManager.default.removeItem(at: work)
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        }
        for step in golden.steps {
            let arguments = step.arguments.map { $0.replacingOccurrences(of: "$OUT", with: golden.workDirectory) }
            let outcome = try CLI.run(arguments)
            #expect(outcome.status == 0, "corridor \(arguments.joined(separator: " ")): exit \(outcome.status): \(outcome.stderr)")
            actual[step.stdout ?? ""] = Data(outcome.stdout.utf8)
        }
        if golden.writesFiles {
            actual.merge(try Self.files(under: work)) { stdout, _ in stdout }
            try? FileManager.default.removeItem(at: work)
        }
        let target = Self.golden.appendingPathComponent(golden.name)
        if Self.updating {
            try Self.write(actual, to: target)
            return
        }
        let expected = golden.writesFiles ? try Self.files(under: target) : ["": try Data(contentsOf: target)]
        #expect(
            actual.keys.sorted() == expected.keys.sorted(),
            "Golden/\(golden.name): files \(actual.keys.sorted()) written, \(expected.keys.sorted()) expected")
        for (file, data) in actual.sorted(by: { $0.key < $1.key }) {
            guard let pinned = expected[file] else { continue }
            let path = file.isEmpty ? golden.name : "\(golden.name)/\(file)"
            #expect(data == pinned, "Golden/\(path) differs (UPDATE_GOLDEN=1 rewrites it): \(Self.firstDifference(data, pinned))")
        }
    }

    /// The regular files under `directory`, by path relative to it.
    static func files(under directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        while let name = enumerator?.nextObject() as? String {
            let url = directory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            files[name] = try Data(contentsOf: url)
        }
        return files
    }

    /// Writes a single-file case to `target`, or replaces the folder `target` with the files of `outputs`.
    static func write(_ outputs: [String: Data], to target: URL) throws {
        let manager = FileManager.default
        if let only = outputs[""], outputs.count == 1 {
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try only.write(to: target, options: .atomic)
            return
        }
        try? manager.removeItem(at: target)
        for (file, data) in outputs {
            let url = target.appendingPathComponent(file)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        }
    }

    /// "line N: got … expected …" for the first line that differs.
    static func firstDifference(_ actual: Data, _ expected: Data) -> String {
        let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(a.count, e.count) {
            let got = i < a.count ? String(a[i].prefix(200)) : "<end>"
            let want = i < e.count ? String(e[i].prefix(200)) : "<end>"
            if got != want { return "line \(i + 1): got \"\(got)\", expected \"\(want)\"" }
        }
        return "\(actual.count) bytes, expected \(expected.count)"
    }
}
