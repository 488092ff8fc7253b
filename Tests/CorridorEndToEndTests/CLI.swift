import Foundation

/// Runs the built `corridor` executable and captures what it prints.
struct CLI {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root (two levels above this file's folder).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `corridor` binary next to the test bundle.
    static var executable: URL {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("corridor")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/corridor")
    }

    /// The environment of every `corridor` the tests start: this process's, with `run`'s basis cache
    /// off (`CORRIDOR_CACHE=off`), so that no test reads or writes the user's cache; the cache's own
    /// tests set `CORRIDOR_CACHE_DIR` and `CORRIDOR_CACHE` themselves.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        ProcessInfo.processInfo.environment.merging(["CORRIDOR_CACHE": "off"]) { $1 }.merging(extra) { $1 }
    }

    /// Runs `corridor ARGS` in the package root (with ``environment(_:)`` and `extra`).
    static func run(_ arguments: [String], in directory: URL = root, environment extra: [String: String] = [:])
        throws -> Outcome
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment(extra)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self)
        )
    }

    /// Runs an arbitrary program (e.g. glpsol), returning its outcome.
    static func external(_ path: String, _ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self), stderr: "")
    }

    /// Bundled scenario files, sorted; without the 12-month `*-seasonal*` files when `seasonal` is false. The
    /// backtest's `observations.yaml` is not a scenario file and is left out.
    static func bundledScenarios(seasonal: Bool = true) -> [String] {
        let dir = root.appendingPathComponent("Scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter {
            $0.hasSuffix(".yaml") && $0 != "observations.yaml" && (seasonal || !$0.contains("-seasonal"))
        }.sorted()
            .map { "Scenarios/\($0)" }
    }

    /// Files for the max-throughput runs: the annual bundled files and a four-quarter seasonal fixture on the
    /// bundled network. The two stages of max throughput on the 12-month files take about a minute each; their
    /// min-cost runs, validation and oracle checks stay in the suite.
    static func maxThroughputScenarios() -> [String] {
        bundledScenarios(seasonal: false) + ["Tests/CorridorEndToEndTests/Fixtures/caspian-quarters-warehouse.yaml"]
    }
}
