import CLibFuzzer
import CorridorFuzzHarness
import Foundation

// libFuzzer on the scenario loader (see Fuzz/README.md): every input is a scenario file's bytes.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    FuzzHarness.scenarioLoader(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
exit(status)
