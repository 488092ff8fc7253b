/// SplitMix64 (Steele, Lea and Flood 2014): a tiny, seedable generator, identical on every platform.
///
/// Only integer arithmetic and IEEE `×` by a power of two, so a seed gives the same sequence on Linux and macOS.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence depends on `seed` alone.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double in 0..<1 from the top 53 bits (no dependence on the standard library's sampling).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A double in `range`.
    public mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// An integer in 0..<`bound` (modulo bias is irrelevant here and keeps the sequence portable).
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "SplitMix64.below: bound must be positive")
        return Int(next() % UInt64(bound))
    }

    /// `values` in a random order (Fisher–Yates, driven by this generator only).
    public mutating func shuffled<T>(_ values: [T]) -> [T] {
        var result = values
        var i = result.count - 1
        while i > 0 {
            result.swapAt(i, below(i + 1))
            i -= 1
        }
        return result
    }
}
