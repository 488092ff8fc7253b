import CorridorFuzzHarness
import Foundation
import Testing

/// Every input in `Fuzz/Regressions/` (each one crashed a fuzz target once) and every bundled
/// scenario, replayed through the fuzz targets' code: each must run to the end.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func files(_ folder: String) -> [String] {
        let directory = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { "\(folder)/\($0)" }
    }

    static func bytes(_ file: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(file)))
    }

    @Test(
        "Scenario loader: every regression input and bundled scenario loads or fails with errors, without a crash",
        arguments: files("Fuzz/Regressions/scenario-loader") + files("Scenarios").filter { $0.hasSuffix(".yaml") })
    func scenarioLoader(_ file: String) throws {
        FuzzHarness.scenarioLoader(try Self.bytes(file))
    }

    @Test(
        "LP builder: every regression input and bundled scenario piece solves and checks out, without a crash",
        arguments: files("Fuzz/Regressions/lp-builder") + files("Scenarios").filter { $0.hasSuffix(".yaml") })
    func lpBuilder(_ file: String) throws {
        FuzzHarness.lpBuilder(try Self.bytes(file))
    }

    @Test(
        "Output writer: every regression input leaves the complete new files or the tree as it was",
        arguments: files("Fuzz/Regressions/output-writer"))
    func outputWriter(_ file: String) throws {
        FuzzHarness.outputWriter(try Self.bytes(file))
    }

    @Test("Output writer: 200 seeded random inputs (trees, writes, failures) run without a broken invariant")
    func outputWriterRandom() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<200 {
            let bytes = (0..<96).map { _ -> UInt8 in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return UInt8(truncatingIfNeeded: state >> 56)
            }
            FuzzHarness.outputWriter(bytes)
        }
    }

    @Test("LP builder: short inputs of every first byte (each mode, empty tails) run without a crash")
    func everyMode() {
        for first in 0...255 {
            FuzzHarness.lpBuilder([UInt8(first)])
            FuzzHarness.lpBuilder([UInt8(first), 0xFF, 0x00, 0x7F, 0x80, 0x01])
        }
    }
}
