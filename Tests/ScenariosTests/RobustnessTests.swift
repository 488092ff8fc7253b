import Foundation
import Scenarios
import Testing

/// Seeded random damage to valid files: the loader must never crash, and every failure must
/// be explained by at least one positioned error.
@Suite("Scenario loader: robustness")
struct RobustnessTests {
    /// SplitMix64: a small, repeatable generator, so a failing case can be replayed from its seed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = [
        ":", "-", "{", "}", "[", "]", ",", " ", "\n", "x", "1", "-1", ".nan", "~", "&a", "*a", "<<", "\"", "'",
        "\t", "close", "link", "country", "\u{0}", "é",
    ]

    @Test(
        "Damaged files never crash the loader and always get an error",
        arguments: ["network.yaml", "northern-closed.yaml"])
    func damagedFiles(fixture: String) throws {
        let original = Array(try String(contentsOfFile: Fixtures.path(fixture), encoding: .utf8))
        let seed: UInt64 = 20_240_611
        var generator = SeededGenerator(state: seed)

        for round in 0..<150 {
            var text = original
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let position = Int.random(in: 0..<text.count, using: &generator)
                let piece = Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &generator)]
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: text.remove(at: position)
                case 1: text.insert(contentsOf: piece, at: position)
                default: text.replaceSubrange(position...position, with: piece)
                }
            }
            do {
                _ = try ScenarioLoader.load(text: String(text), file: Fixtures.path("damaged.yaml"))
            } catch {
                #expect(error.hasErrors, "seed \(seed), round \(round)")
                #expect(!error.description.contains("could not be loaded"), "seed \(seed), round \(round)")
                #expect(!error.description.contains("the network is invalid"), "seed \(seed), round \(round)")
            }
        }
    }
}
