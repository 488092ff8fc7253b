import Foundation

/// The code the libFuzzer targets run on each input, kept in a library so that the regression
/// tests (`Tests/CorridorFuzzRegressionTests`) replay every crash the fuzzers ever found.
///
/// Each entry point must return normally for every input. A crash — a trap, a failed
/// precondition, GLPK's `abort()`, a memory error under AddressSanitizer, a leak under
/// LeakSanitizer, or a hang past libFuzzer's timeout — is a bug to fix and to keep as a file in
/// `Fuzz/Regressions/<target>/`.
public enum FuzzHarness {
    /// The folder of the bundled scenarios, so that a fuzzed `extends: baseline-2021.yaml`
    /// resolves (`CORRIDOR_SCENARIOS` overrides it).
    public static let scenariosDirectory: String = {
        if let folder = ProcessInfo.processInfo.environment["CORRIDOR_SCENARIOS"] { return folder }
        let here = URL(fileURLWithPath: #filePath)
        return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scenarios").path
    }()

    /// The scenario loader target: `bytes` as a scenario file in `Scenarios/`.
    public static func scenarioLoader(_ bytes: [UInt8]) {
        ScenarioLoaderHarness.run(bytes)
    }

    /// The LP builder target: `bytes` decoded into a small network (or a raw linear program),
    /// formulated, solved by GLPK and checked.
    public static func lpBuilder(_ bytes: [UInt8]) {
        LPBuilderHarness.run(bytes)
    }

    /// The output writer target: `bytes` decoded into a tree of files, a write with injected
    /// failures, and the check that the tree holds the complete new files or is as it was.
    public static func outputWriter(_ bytes: [UInt8]) {
        OutputWriterHarness.run(bytes)
    }
}

/// Stops the process with a message naming the broken invariant: libFuzzer records the input.
func invariant(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("fuzz invariant broken: \(message())") }
}
