import CLibFuzzer
import CorridorFuzzHarness
import Foundation

// libFuzzer on the LP builder and GLPK (see Fuzz/README.md): every input is decoded into a network.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    FuzzHarness.lpBuilder(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
exit(status)
