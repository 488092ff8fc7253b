import Foundation
import PropertyBased
import Testing

/// Runs a property over generated inputs, reproducibly by default.
///
/// Without configuration every run checks the same `count` cases: case i is generated from a
/// xoshiro256** generator seeded with (`seed`, i, …), so CI never flakes and a failure names the
/// case to replay. With `CORRIDOR_PROPERTY_EXPLORE=1` the check runs through PropertyBased's
/// `propertyCheck` instead: fresh random cases each run, a failing network shrunk to a small one,
/// and a `.fixedSeed(…)` printed to replay it. `CORRIDOR_PROPERTY_COUNT=N` changes the count.
func checkProperty<Value: Sendable>(
    count: Int = 100,
    seed: UInt64,
    input: Generator<Value, some SendableSequenceType>,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: (Value, _ label: String) async throws -> Void
) async {
    let environment = ProcessInfo.processInfo.environment
    let cases = environment["CORRIDOR_PROPERTY_COUNT"].flatMap(Int.init) ?? count
    if environment["CORRIDOR_PROPERTY_EXPLORE"] == "1" {
        await propertyCheck(
            count: cases, input: input, perform: { try await body($0, "explored case") },
            sourceLocation: sourceLocation)
        return
    }
    for index in 0..<cases {
        var generator = Xoshiro(seed: (seed, UInt64(index), 0x636F_7272_6964_6F72, 0x9E37_79B9_7F4A_7C15))
        for _ in 0..<4 { _ = generator.next() }  // mix the seed words before use
        let value = input.run(using: &generator)
        let label = "case \(index) of seed \(seed)"
        do {
            try await body(value, label)
        } catch {
            Issue.record(error, "\(label): \(value)", sourceLocation: sourceLocation)
        }
    }
}
