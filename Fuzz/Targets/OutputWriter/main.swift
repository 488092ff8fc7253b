import CLibFuzzer
import CorridorFuzzHarness
import Foundation

// libFuzzer on the output writer (see Fuzz/README.md): every input is a tree of files, a write and its failures.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    FuzzHarness.outputWriter(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
exit(status)
