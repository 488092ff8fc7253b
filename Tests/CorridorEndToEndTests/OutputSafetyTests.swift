import Foundation
import Testing

/// Output that fails or goes somewhere unusual, as a user meets it: a full disk, a closed pipe, a
/// device, a FIFO, a link or a folder as the path. Special files are made in a temporary folder;
/// the real /dev is never touched.
@Suite("Output safety (end to end)", .serialized)
struct OutputSafetyTests {
    /// A folder under the temporary directory, with a copy of /dev/full and /dev/null in it.
    final class Scratch {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-out-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }

        /// A character device node `name` with the numbers of /dev/null (3) or /dev/full (7).
        /// Making one needs root, as the tests run in CI and on these machines.
        func device(_ name: String, minor: UInt64) throws -> String {
            let path = path(name)
            try #require(mknod(path, S_IFCHR | 0o666, dev_t(1 << 8 | minor)) == 0, "mknod needs root: errno \(errno)")
            return path
        }

        func kind(_ name: String) -> mode_t {
            var info = stat()
            return lstat(path(name), &info) == 0 ? info.st_mode & S_IFMT : 0
        }
    }

    /// How a run ended: by exit (with its status) or by a signal.
    struct Ending {
        var reason: Process.TerminationReason
        var status: Int32
        var stderr: String
    }

    /// Runs `corridor ARGS` with standard output sent to `stdout`.
    static func run(_ arguments: [String], stdout: FileHandle) throws -> Ending {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.currentDirectoryURL = CLI.root
        process.environment = CLI.environment()
        let err = Pipe()
        process.standardOutput = stdout
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Ending(
            reason: process.terminationReason, status: process.terminationStatus,
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A sweep part for `merge`, written once.
    static let part: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-part-\(UUID().uuidString).jsonl").path
        _ = try? CLI.run([
            "sweep", "Scenarios/baseline-2021.yaml", "--single-failures", "--targets", "countries", "--shard", "0/1",
            "-q", "-o", path,
        ])
        return path
    }()

    static let commands: [[String]] = [
        ["run", "Scenarios/baseline-2021.yaml", "--format", "json"],
        ["run", "Scenarios/baseline-2021.yaml"],
        ["compare", "Scenarios/baseline-2021.yaml", "Scenarios/russia-disrupted-2023.yaml", "--format", "csv"],
        ["validate", "Scenarios/baseline-2021.yaml"],
        ["merge", "PART"],
        ["--help"],
        ["run", "--help"],
        ["--version"],
    ]

    @Test("standard output on a full device: exit 74 with a message, never a crash", arguments: commands)
    func fullStandardOutput(arguments: [String]) throws {
        let scratch = try Scratch()
        let full = try scratch.device("full", minor: 7)
        let handle = try #require(FileHandle(forWritingAtPath: full))
        let ending = try Self.run(arguments.map { $0 == "PART" ? Self.part : $0 }, stdout: handle)
        #expect(ending.reason == .exit, "ended by signal \(ending.status): \(ending.stderr)")
        #expect(ending.status == 74, "\(ending.stderr)")
        #expect(ending.stderr.contains("error: cannot write standard output: No space left on device"))
        #expect(!ending.stderr.contains("Fatal error"))
    }

    @Test("standard output a pipe closed by its reader: a quiet exit 141, not a signal", arguments: commands)
    func closedPipe(arguments: [String]) throws {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let ending = try Self.run(arguments.map { $0 == "PART" ? Self.part : $0 }, stdout: pipe.fileHandleForWriting)
        #expect(ending.reason == .exit, "ended by signal \(ending.status): \(ending.stderr)")
        #expect(ending.status == 141, "\(ending.stderr)")
        #expect(ending.stderr.isEmpty)
    }

    @Test("a file size limit (ulimit -f): exit 74 with a message, the report file cut back, no SIGXFSZ")
    func fileSizeLimit() throws {
        let scratch = try Scratch()
        let report = scratch.path("report.txt")
        try "kept\n".write(toFile: report, atomically: false, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -f 1; exec \"$0\" run Scenarios/baseline-2021.yaml >> \"$1\"", CLI.executable.path, report]
        process.currentDirectoryURL = CLI.root
        process.environment = CLI.environment()
        let err = Pipe()
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 74, "\(stderr)")
        #expect(stderr.contains("cannot write standard output: File too large"))
        #expect(try String(contentsOfFile: report, encoding: .utf8) == "kept\n")
    }

    @Test("-o to a device node, a FIFO, a link, a folder: the device stays, the link's target is written")
    func outputPathKinds() throws {
        let scratch = try Scratch()
        let generate = ["generate", "--nodes", "12", "--links", "30", "--demands", "3", "--seed", "7", "-o"]
        _ = try scratch.device("null", minor: 3)
        var outcome = try CLI.run(["sweep", "Scenarios/baseline-2021.yaml", "--single-failures", "--targets", "countries", "-q", "-o", scratch.path("null")])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(scratch.kind("null") == S_IFCHR)

        try "old\n".write(toFile: scratch.path("target.yaml"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link.yaml"), withDestinationPath: "target.yaml")
        outcome = try CLI.run(generate + [scratch.path("link.yaml")])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(scratch.kind("link.yaml") == S_IFLNK)
        #expect(try String(contentsOfFile: scratch.path("target.yaml"), encoding: .utf8).hasPrefix("# Written by: corridor generate"))

        try #require(mkfifo(scratch.path("fifo"), 0o644) == 0)
        let reader = open(scratch.path("fifo"), O_RDWR | O_NONBLOCK)
        defer { close(reader) }
        outcome = try CLI.run(generate + [scratch.path("fifo")])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(scratch.kind("fifo") == S_IFIFO)

        try FileManager.default.createDirectory(atPath: scratch.path("folder"), withIntermediateDirectories: false)
        outcome = try CLI.run(generate + [scratch.path("folder")])
        #expect(outcome.status == 73)
        #expect(outcome.stderr.contains("cannot write \(scratch.path("folder")): is a directory, not a file"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("folder")).isEmpty)
    }

    @Test("-o through a link to the process's own standard output (as /dev/stdout is): written to the pipe")
    func outputToOwnStandardOutput() throws {
        let scratch = try Scratch()
        // /dev/stdout is a link to /proc/self/fd/1, whose text names no path when fd 1 is a pipe.
        try FileManager.default.createSymbolicLink(atPath: scratch.path("stdout"), withDestinationPath: "/proc/self/fd/1")
        let outcome = try CLI.run(["generate", "--nodes", "12", "--links", "30", "--demands", "3", "--seed", "7", "-o", scratch.path("stdout")])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("# Written by: corridor generate"))
        #expect(scratch.kind("stdout") == S_IFLNK)
    }

    @Test("--csv DIR: the set appears whole, or, when one file cannot be written, not at all")
    func csvAllOrNothing() throws {
        let scratch = try Scratch()
        var outcome = try CLI.run(["run", "Scenarios/baseline-2021.yaml", "--csv", scratch.path("new/csv")])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.path("new/csv")).sorted()
        #expect(names.count >= 5 && names.allSatisfy { $0.hasSuffix(".csv") }, "\(names)")

        // A folder where one of the tables goes: nothing of the set is written.
        try FileManager.default.createDirectory(atPath: scratch.path("old/\(names[1])"), withIntermediateDirectories: true)
        outcome = try CLI.run(["run", "Scenarios/baseline-2021.yaml", "--csv", scratch.path("old")])
        #expect(outcome.status == 73)
        #expect(outcome.stderr.contains("cannot write \(scratch.path("old/\(names[1])")): is a directory"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("old")) == [names[1]])
    }

    @Test("--export-lp and --export-mps name the path they cannot write")
    func exportNamesPath() throws {
        let scratch = try Scratch()
        for flag in ["--export-lp", "--export-mps"] {
            let path = scratch.path("absent/program.lp")
            let outcome = try CLI.run(["run", "Scenarios/baseline-2021.yaml", flag, path])
            #expect(outcome.status == 73)
            #expect(outcome.stderr.contains("cannot write \(path): the folder \(scratch.path("absent")) does not exist"))
        }
    }

    @Test("merge reads a FIFO (a shell's <(…)); a folder or a device is refused by name")
    func mergeSpecialFiles() throws {
        let scratch = try Scratch()
        let fifo = scratch.path("part.fifo")
        try #require(mkfifo(fifo, 0o644) == 0)
        let expected = try CLI.run(["merge", Self.part])
        let text = try String(contentsOfFile: Self.part, encoding: .utf8)
        let writer = Thread {
            let fd = open(fifo, O_WRONLY)
            _ = text.utf8CString.withUnsafeBytes { write(fd, $0.baseAddress, $0.count - 1) }
            close(fd)
        }
        writer.start()
        let merged = try CLI.run(["merge", fifo])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout == expected.stdout)

        var outcome = try CLI.run(["merge", scratch.url.path])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("\(scratch.url.path): cannot read: is a directory"))
        let null = try scratch.device("null", minor: 3)
        outcome = try CLI.run(["merge", null])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("cannot read: is a device"))
    }
}
