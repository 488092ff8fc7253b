public import LinearProgramming

/// A 64-bit FNV-1a digest of a linear program: names, bounds, costs and coefficients, bit for bit.
///
/// Stable across runs, machines and Swift versions (the standard library's `Hasher` is seeded per
/// process and must not be used for this): two sweep parts with the same digest swept the same LP.
public enum ProgramDigest {
    /// The digest of `program` as 16 hexadecimal digits.
    public static func of(_ program: LinearProgram) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func add(_ value: UInt64) {
            var v = value
            for _ in 0..<8 {
                hash = (hash ^ (v & 0xFF)) &* 0x0000_0100_0000_01B3
                v >>= 8
            }
        }
        func add(_ value: Double) { add(value.bitPattern) }
        func add(_ text: String) {
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            add(UInt64(text.utf8.count))
        }
        func add(_ bounds: Bounds) {
            add(bounds.lowerValue)
            add(bounds.upperValue)
        }
        add(UInt64(program.sense == .minimize ? 1 : 2))
        add(program.objectiveConstant)
        for column in program.columns {
            add(column.name)
            add(column.bounds)
            add(column.cost)
            add(UInt64(column.isInteger ? 1 : 0))
        }
        for row in program.rows {
            add(row.name)
            add(row.bounds)
            for term in row.terms {
                add(UInt64(term.variable.index))
                add(term.coefficient)
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
