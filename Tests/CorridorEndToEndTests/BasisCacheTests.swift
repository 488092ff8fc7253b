import Foundation
import Testing

/// `corridor run`'s basis cache (docs/commands/run.md#basis-cache): a hit gives the miss's output byte for
/// byte from the cached optimal basis, and no state of the cache directory can make a run fail, change its
/// output or write anywhere else. Every test keeps its cache in its own scratch folder.
@Suite("corridor run: basis cache")
struct BasisCacheTests {
    typealias Scratch = OutputSafetyTests.Scratch

    static let arguments = ["run", "Scenarios/baseline-2021.yaml", "--format", "json"]

    /// The environment with the cache in `directory` (and the user's cache variables left out).
    static func cache(_ directory: String) -> [String: String] {
        ["CORRIDOR_CACHE": "on", "CORRIDOR_CACHE_DIR": directory]
    }

    /// The output of a run without the cache, computed once.
    static let cold: CLI.Outcome? = try? CLI.run(arguments + ["--no-cache"])

    /// The names in `directory` (none when it is not a directory).
    static func names(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    /// The lines of GLPK's log that report an iteration count (`*  1335: obj = …`), as counts.
    static func loggedIterations(_ log: String) -> [Int] {
        log.split(separator: "\n").compactMap { line in
            guard line.contains(": obj =") else { return nil }
            return Int(line.drop { $0 == "*" || $0 == " " }.prefix { $0.isNumber })
        }
    }

    @Test("A miss stores the basis (directory created 0700), a hit prints the same bytes from it in 0 iterations")
    func missThenHit() throws {
        let scratch = try Scratch()
        let directory = scratch.path("nested/bases")
        let cold = try #require(Self.cold)
        #expect(cold.status == 0)

        let miss = try CLI.run(Self.arguments + ["--solver-log"], environment: Self.cache(directory))
        #expect(miss.status == 0)
        #expect(miss.stdout == cold.stdout)
        let files = Self.names(directory)
        #expect(files.count == 1 && files[0].hasSuffix(".basis"), "\(files)")
        var info = stat()
        #expect(stat(directory, &info) == 0 && info.st_mode & 0o777 == 0o700)
        #expect(Self.loggedIterations(miss.stderr).max() ?? 0 > 100)

        let hit = try CLI.run(Self.arguments + ["--solver-log"], environment: Self.cache(directory))
        #expect(hit.status == 0)
        #expect(hit.stdout == cold.stdout)
        #expect(Self.loggedIterations(hit.stderr) == [0], "\(hit.stderr)")
        #expect(Self.names(directory) == files)

        // Turned off, by the variable or the flag: cold again, same bytes.
        var off = Self.cache(directory)
        off["CORRIDOR_CACHE"] = "off"
        let offRun = try CLI.run(Self.arguments + ["--solver-log"], environment: off)
        #expect(offRun.stdout == cold.stdout)
        #expect(Self.loggedIterations(offRun.stderr).max() ?? 0 > 100)
        let flagRun = try CLI.run(Self.arguments + ["--no-cache", "--solver-log"], environment: Self.cache(directory))
        #expect(flagRun.stdout == cold.stdout)
        #expect(Self.loggedIterations(flagRun.stderr).max() ?? 0 > 100)
    }

    @Test("Max throughput: both stages cached, the hit's output the miss's")
    func maxThroughput() throws {
        let scratch = try Scratch()
        let directory = scratch.path("bases")
        let arguments = Self.arguments + ["--objective", "max-throughput"]
        let cold = try CLI.run(arguments + ["--no-cache"])
        let miss = try CLI.run(arguments, environment: Self.cache(directory))
        let hit = try CLI.run(arguments + ["--solver-log"], environment: Self.cache(directory))
        #expect(cold.status == 0 && miss.status == 0 && hit.status == 0)
        #expect(miss.stdout == cold.stdout)
        #expect(hit.stdout == cold.stdout)
        #expect(Self.names(directory).count == 2)
        #expect(Self.loggedIterations(hit.stderr) == [0, 0], "\(hit.stderr)")
    }

    @Test("A file with periods is not cached (its time-expanded LP keeps the cold solve's values)")
    func periodsNotCached() throws {
        let scratch = try Scratch()
        let directory = scratch.path("bases")
        let arguments = ["run", "Tests/CorridorEndToEndTests/Fixtures/caspian-quarters-warehouse.yaml", "--format", "json"]
        let run = try CLI.run(arguments, environment: Self.cache(directory))
        #expect(run.status == 0)
        #expect(!FileManager.default.fileExists(atPath: directory))
    }

    @Test("Corrupt, short, mismatched and foreign cache files: the run solves cold with the same output")
    func corruptFiles() throws {
        let scratch = try Scratch()
        let directory = scratch.path("bases")
        let cold = try #require(Self.cold)
        #expect(try CLI.run(Self.arguments, environment: Self.cache(directory)).status == 0)
        let name = try #require(Self.names(directory).first)
        let file = directory + "/" + name
        let good = try Data(contentsOf: URL(fileURLWithPath: file))
        let newline = try #require(good.firstIndex(of: 10))
        let header = good[..<newline]
        var wrongStatus = good
        wrongStatus[good.count - 1] = 9
        var allBasic = Data(header)
        allBasic.append(10)
        allBasic.append(Data(repeating: 0, count: good.count - newline - 1))
        let otherSizes = Data(
            String(decoding: header, as: UTF8.self).replacingOccurrences(of: " 1527 ", with: " 1526 ").utf8)
            + good[newline...].dropLast()
        let variants: [(String, Data)] = [
            ("empty", Data()), ("garbage", Data("not a basis\n".utf8)), ("short", good.prefix(good.count - 10)),
            ("long", good + Data([0])), ("bad status", wrongStatus), ("all basic", allBasic),
            ("other sizes", otherSizes),
        ]
        for (label, bytes) in variants {
            try bytes.write(to: URL(fileURLWithPath: file))
            let run = try CLI.run(Self.arguments + ["--solver-log"], environment: Self.cache(directory))
            #expect(run.status == 0, "\(label)")
            #expect(run.stdout == cold.stdout, "\(label)")
            #expect(Self.loggedIterations(run.stderr).max() ?? 0 > 100, "\(label): solved cold")
            #expect(Self.names(directory) == [name], "\(label)")
        }
        // A FIFO under the name: no hang, no read, left alone.
        try FileManager.default.removeItem(atPath: file)
        #expect(mkfifo(file, 0o600) == 0)
        let fifo = try CLI.run(Self.arguments, environment: Self.cache(directory))
        #expect(fifo.status == 0 && fifo.stdout == cold.stdout)
        var info = stat()
        #expect(lstat(file, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        try FileManager.default.removeItem(atPath: file)
        // A corrupt file that is ours (it starts with the header) is replaced by the good basis.
        try allBasic.write(to: URL(fileURLWithPath: file))
        _ = try CLI.run(Self.arguments, environment: Self.cache(directory))
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == good)
        // Something else under the name is left alone.
        try Data("not a basis\n".utf8).write(to: URL(fileURLWithPath: file))
        _ = try CLI.run(Self.arguments, environment: Self.cache(directory))
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == Data("not a basis\n".utf8))
    }

    @Test("A cache path that is a regular file, a symbolic link, read-only or another user's: same output, nothing written")
    func unusableDirectories() throws {
        let scratch = try Scratch()
        let cold = try #require(Self.cold)

        let file = scratch.path("file")
        try "kept\n".write(toFile: file, atomically: false, encoding: .utf8)
        let fileRun = try CLI.run(Self.arguments, environment: Self.cache(file))
        #expect(fileRun.status == 0 && fileRun.stdout == cold.stdout)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "kept\n")

        // Below a regular file: nothing can be created.
        let below = try CLI.run(Self.arguments, environment: Self.cache(file + "/bases"))
        #expect(below.status == 0 && below.stdout == cold.stdout)

        let real = scratch.path("real")
        try FileManager.default.createDirectory(atPath: real, withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link"), withDestinationPath: real)
        let linkRun = try CLI.run(Self.arguments, environment: Self.cache(scratch.path("link")))
        #expect(linkRun.status == 0 && linkRun.stdout == cold.stdout)
        #expect(Self.names(real).isEmpty)

        let readOnly = scratch.path("read-only")
        try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: false)
        #expect(chmod(readOnly, 0o500) == 0)
        defer { chmod(readOnly, 0o700) }
        let readOnlyRun = try CLI.run(Self.arguments, environment: Self.cache(readOnly))
        #expect(readOnlyRun.status == 0 && readOnlyRun.stdout == cold.stdout)
        if geteuid() != 0 { #expect(Self.names(readOnly).isEmpty) }  // root writes anyway

        if geteuid() == 0 {
            let foreign = scratch.path("foreign")
            try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: false)
            #expect(chown(foreign, 65_534, 65_534) == 0)
            let foreignRun = try CLI.run(Self.arguments, environment: Self.cache(foreign))
            #expect(foreignRun.status == 0 && foreignRun.stdout == cold.stdout)
            #expect(Self.names(foreign).isEmpty)
        }
        #expect(Self.names(scratch.url.path) == ["file", "foreign", "link", "read-only", "real"].filter {
            geteuid() == 0 || $0 != "foreign"
        })
    }

    @Test("Without CORRIDOR_CACHE_DIR: $XDG_CACHE_HOME/corridor/bases, else $HOME/.cache/corridor/bases")
    func defaultLocations() throws {
        let scratch = try Scratch()
        var environment = CLI.environment()
        environment["CORRIDOR_CACHE"] = nil
        environment["CORRIDOR_CACHE_DIR"] = nil
        environment["XDG_CACHE_HOME"] = scratch.path("xdg")
        environment["HOME"] = scratch.path("home")
        func run(_ environment: [String: String]) throws -> Int32 {
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = Self.arguments
            process.currentDirectoryURL = CLI.root
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(try run(environment) == 0)
        #expect(Self.names(scratch.path("xdg/corridor/bases")).count == 1)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("home")))
        environment["XDG_CACHE_HOME"] = nil
        #expect(try run(environment) == 0)
        #expect(Self.names(scratch.path("home/.cache/corridor/bases")).count == 1)
    }
}
