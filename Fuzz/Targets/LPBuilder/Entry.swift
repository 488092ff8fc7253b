import CorridorFuzzHarness

/// libFuzzer's entry point for the LP builder and GLPK (see `Fuzz/README.md`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLPBuilder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzHarness.lpBuilder(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
