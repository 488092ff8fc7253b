import Foundation
import FreightNetwork
import Scenarios
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Scenario loader: the size limit")
struct SizeLimitTests {
    @Test("The limit is 16 MiB")
    func limit() {
        #expect(ScenarioLoader.largestFileBytes == 16 * 1024 * 1024)
    }

    @Test("A file over the limit is refused from its size, naming the size and the limit")
    func tooLargeFile() throws {
        let folder = try TemporaryFolder("size")
        let path = folder.file("big.yaml")
        // A sparse file: its size says it is too large without 17 MB being written or read.
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, 17 * 1024 * 1024) == 0)

        #expect(
            Fixtures.diagnostics(ofPath: path)
                == "\(path): error: is 17.0 MiB (17825792 bytes), larger than the 16 MiB limit for a scenario file"
        )
    }

    @Test("A file of exactly the limit is read (and here refused only as a NUL-filled file)")
    func fileAtLimit() throws {
        let folder = try TemporaryFolder("size")
        let path = folder.file("edge.yaml")
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, off_t(ScenarioLoader.largestFileBytes)) == 0)

        #expect(Fixtures.diagnostics(ofPath: path) == "\(path): error: not a text file (contains NUL bytes)")
    }

    @Test("A base file over the limit is an error at the extends value")
    func tooLargeBase() throws {
        let folder = try TemporaryFolder("size")
        let base = folder.file("base.yaml")
        #expect(FileManager.default.createFile(atPath: base, contents: nil))
        #expect(truncate(base, 20 * 1024 * 1024) == 0)
        let path = try folder.write("schema_version: 1\nname: x\nextends: base.yaml\n", to: "s.yaml")

        #expect(
            Fixtures.diagnostics(ofPath: path)
                == "\(path):3:10: error: extends: '\(base)' is 20.0 MiB (20971520 bytes), "
                + "larger than the 16 MiB limit for a scenario file"
        )
    }

    @Test("A named pipe is read, and refused once more than the limit has come through it")
    func pipes() throws {
        let folder = try TemporaryFolder("fifo")
        let small = folder.file("small.fifo")
        let large = folder.file("large.fifo")
        #expect(mkfifo(small, 0o600) == 0)
        #expect(mkfifo(large, 0o600) == 0)
        let network = try String(contentsOfFile: Fixtures.path("network.yaml"), encoding: .utf8)
        let networkFile = try folder.write(network, to: "network.yaml")

        let smallWriter = try Self.shell("cat '\(networkFile)' > '\(small)'")
        let loaded = try ScenarioLoader.load(path: small)
        smallWriter.waitUntilExit()
        #expect(loaded.network.nodes.count == 7)

        // 17 MiB of spaces: the writer is cut off (SIGPIPE) once the loader stops reading.
        let largeWriter = try Self.shell("head -c 17825792 /dev/zero | tr '\\\\0' ' ' > '\(large)'")
        let refused = Fixtures.diagnostics(ofPath: large)
        largeWriter.waitUntilExit()
        #expect(
            refused
                == "\(large): error: is larger than the 16 MiB limit for a scenario file "
                + "(read as a stream, stopped at the limit)"
        )
    }

    /// Starts `/bin/sh -c command`.
    static func shell(_ command: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        try process.run()
        return process
    }
}
