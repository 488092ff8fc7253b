import FileOutput
import Foundation
import Testing

@Suite("StandardOutput: failures are errors, and a failed report is cut back", .serialized)
struct StandardOutputTests {
    @Test("a disk that fills part-way: the file is cut back to where this process started writing")
    func fullDiskCutsBack() throws {
        let folder = try TemporaryFolder()
        try "earlier output\n".write(toFile: folder.path("report"), atomically: false, encoding: .utf8)
        let fd = open(folder.path("report"), O_WRONLY | O_APPEND)
        try #require(fd >= 0)
        defer { close(fd) }
        StandardOutput.resetForTesting()
        defer { StandardOutput.resetForTesting() }
        try StandardOutput.write("first part\n", to: fd, faults: .none)
        let error = #expect(throws: OutputError.self) {
            try StandardOutput.write(String(repeating: "x", count: 5000), to: fd, faults: OutputFaults(diskSpaceBytes: 100))
        }
        #expect(error?.kind == .ioError)
        #expect(error?.description == "cannot write standard output: No space left on device")
        #expect(try folder.contents("report") == "earlier output\n")
    }

    @Test("a pipe whose reader has gone is a broken pipe, not a signal")
    func brokenPipe() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        close(ends[0])
        defer { close(ends[1]) }
        StandardOutput.ignoreOutputSignals()
        StandardOutput.resetForTesting()
        defer { StandardOutput.resetForTesting() }
        let error = #expect(throws: OutputError.self) { try StandardOutput.write("report\n", to: ends[1], faults: .none) }
        #expect(error?.kind == .brokenPipe)
    }

    @Test("control and bidirectional characters in a path are escaped in messages")
    func escapedPaths() {
        let error = OutputError(.cannotCreate, path: "out\u{202E}vsc.exe\u{0}\n", reason: "is a directory")
        #expect(error.description == "cannot write out\\u{202E}vsc.exe\\u{0}\\u{A}: is a directory")
    }
}
