import CorridorFuzzHarness

/// libFuzzer's entry point for the scenario loader (see `Fuzz/README.md`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenarioLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzHarness.scenarioLoader(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
