/// Reads a fuzzer's bytes as small numbers and choices; past the end it reads zeros, so every
/// input, even an empty one, decodes to something.
struct ByteReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// True while unread bytes remain.
    var hasMore: Bool { position < bytes.count }

    /// The next byte, or 0 past the end.
    mutating func byte() -> UInt8 {
        defer { position += 1 }
        return position < bytes.count ? bytes[position] : 0
    }

    /// A number in `0..<count` (`count` > 0).
    mutating func below(_ count: Int) -> Int { Int(byte()) % max(1, count) }

    /// One of `choices` (not empty).
    mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }

    /// True with probability about `numerator`/256.
    mutating func chance(_ numerator: Int) -> Bool { Int(byte()) < numerator }

    /// A short string of the next bytes, as Unicode scalars below U+0100 (control characters and
    /// all), at most `limit` long; a length byte of 255 gives a name of 300 bytes.
    mutating func text(limit: Int = 12) -> String {
        let length = byte()
        if length == 255 { return String(repeating: "n", count: 300) }
        let count = Int(length) % (limit + 1)
        return String(String.UnicodeScalarView((0..<count).compactMap { _ in Unicode.Scalar(UInt32(byte())) }))
    }
}
