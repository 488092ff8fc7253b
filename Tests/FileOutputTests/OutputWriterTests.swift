import FileOutput
import Foundation
import Testing

@Suite("OutputWriter: every kind of path, every failure")
struct OutputWriterTests {
    static let text = String(repeating: "corridor,TEU/yr,Alat–Baku ferry\n", count: 120)

    /// Every injected failure: each system call failing at its first and second use, and a disk that
    /// fills up before the first byte, after one byte, half way and one byte short.
    static let faults: [OutputFaults] = {
        var list: [OutputFaults] = [.none]
        for call in OutputFaults.Call.allCases {
            for index in 0..<2 {
                list.append(OutputFaults(failures: [.init(call: call, index: index, code: call == .write ? ENOSPC : EIO)]))
            }
        }
        let size = text.utf8.count
        for room in [0, 1, size / 2, size - 1] { list.append(OutputFaults(diskSpaceBytes: room)) }
        return list
    }()

    @Test(
        "the tree holds the complete new file or is exactly as it was",
        arguments: OutputPathKind.allCases)
    func completeOrUnchanged(kind: OutputPathKind) throws {
        for faults in Self.faults {
            let folder = try TemporaryFolder()
            let reader = try kind.make(in: folder)
            let before = FileTree(folder.url.path)
            let outcome = Result { () throws(OutputError) in
                try OutputWriter(faults: faults).write(Self.text, to: folder.path(kind.given))
            }
            let received = reader.map(drain)
            let after = FileTree(folder.url.path)
            let complete = kind.written.map { before.with($0, holding: Self.text, permissions: newFilePermissions) }
            let context = Comment(rawValue: "\(kind) with \(faults): \(outcome)\n\(after)")
            switch outcome {
            case .success:
                if let complete {
                    #expect(after == complete, context)
                } else {
                    #expect(after == before, context)
                }
                if let received { #expect(received == Array(Self.text.utf8), context) }
            case .failure(let error):
                #expect(after == before, context)
                #expect(error.path == folder.path(kind.given), context)
            }
            if faults == .none {
                #expect((try? outcome.get()) != nil || !kind.mustSucceed, context)
            }
        }
    }

    @Test("a directory, a missing folder and a full device are refused with the reason")
    func refusals() throws {
        let folder = try TemporaryFolder()
        _ = try OutputPathKind.directory.make(in: folder)
        #expect(throws: OutputError(.cannotCreate, path: folder.path("out"), reason: "is a directory, not a file")) {
            try OutputWriter().write("x", to: folder.path("out"))
        }
        let missing = folder.path("absent/out")
        let error = #expect(throws: OutputError.self) { try OutputWriter().write("x", to: missing) }
        #expect(error?.kind == .cannotCreate)
        #expect(error?.description.contains("does not exist") == true)

        let full = try TemporaryFolder()
        _ = try OutputPathKind.fullDevice.make(in: full)
        let ioError = #expect(throws: OutputError.self) { try OutputWriter().write("x", to: full.path("out")) }
        #expect(ioError?.kind == .ioError)
        #expect(ioError?.code == ENOSPC)
    }

    @Test("a device is written in place and stays a device")
    func deviceStaysDevice() throws {
        let folder = try TemporaryFolder()
        _ = try OutputPathKind.nullDevice.make(in: folder)
        try OutputWriter().write(Self.text, to: folder.path("out"))
        var info = stat()
        #expect(lstat(folder.path("out"), &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFCHR)
        #expect(try folder.entries() == ["out"])
    }

    @Test("the replaced file keeps its permissions; a link stays a link")
    func permissionsAndLinks() throws {
        let folder = try TemporaryFolder()
        _ = try OutputPathKind.regular.make(in: folder)
        try OutputWriter().write("new\n", to: folder.path("out"))
        #expect(try FileManager.default.attributesOfItem(atPath: folder.path("out"))[.posixPermissions] as? Int == 0o600)

        let linked = try TemporaryFolder()
        _ = try OutputPathKind.linkChain.make(in: linked)
        try OutputWriter().write("new\n", to: linked.path("out"))
        #expect(try linked.contents("real") == "new\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: linked.path("out")) == linked.path("middle"))
    }

    @Test("several files: a failure in any of them changes none")
    func severalFiles() throws {
        for faults in Self.faults {
            let folder = try TemporaryFolder()
            try "old a\n".write(toFile: folder.path("a.svg"), atomically: false, encoding: .utf8)
            let before = FileTree(folder.url.path)
            let files = [(path: folder.path("a.svg"), text: "new a\n"), (path: folder.path("b.html"), text: Self.text)]
            let outcome = Result { () throws(OutputError) in try OutputWriter(faults: faults).write(files) }
            let after = FileTree(folder.url.path)
            let complete = before.with("a.svg", holding: "new a\n").with("b.html", holding: Self.text, permissions: newFilePermissions)
            switch outcome {
            case .success: #expect(after == complete, "\(faults)")
            case .failure: #expect(after == before, "\(faults): \(after)")
            }
        }
        let folder = try TemporaryFolder()
        #expect(throws: OutputError.self) {
            try OutputWriter().write([(path: folder.path("x"), text: "1"), (path: folder.path("./x"), text: "2")])
        }
        #expect(try folder.entries().isEmpty)
    }

    /// Two existing files replaced as one, the second rename failing: the first is put back.
    static func rollback(_ failures: [OutputFaults.Failure]) throws -> (TemporaryFolder, FileTree, OutputError?) {
        let folder = try TemporaryFolder()
        try "old a\n".write(toFile: folder.path("a.csv"), atomically: false, encoding: .utf8)
        try "old b\n".write(toFile: folder.path("b.csv"), atomically: false, encoding: .utf8)
        let before = FileTree(folder.url.path)
        let files = [(path: folder.path("a.csv"), text: "new a\n"), (path: folder.path("b.csv"), text: "new b\n")]
        let outcome = Result { () throws(OutputError) in try OutputWriter(faults: .init(failures: failures)).write(files) }
        guard case .failure(let error) = outcome else { return (folder, before, nil) }
        return (folder, before, error)
    }

    @Test("a rollback whose rename fails is retried; a file system without hard links rolls back from a copy")
    func rollbackRetried() throws {
        // Renames: 0 commits a.csv, 1 fails b.csv, 2 (and 3, 4) put a.csv back.
        for failures: [OutputFaults.Failure] in [
            [.init(call: .rename, index: 1, code: EIO), .init(call: .rename, index: 2, code: EIO)],
            [.init(call: .rename, index: 1, code: EIO), .init(call: .link, index: 0, code: EPERM)],
            [.init(call: .rename, index: 1, code: EIO), .init(call: .rename, index: 2, code: EINTR),
             .init(call: .rename, index: 3, code: EIO), .init(call: .rename, index: 4, code: EIO)],
        ] {
            let (folder, before, error) = try Self.rollback(failures)
            #expect(error?.code == EIO, "\(failures)")
            #expect(FileTree(folder.url.path) == before, "\(failures)")
        }
    }

    @Test("a rollback that cannot put a file back says where its previous content is, and keeps it")
    func rollbackFails() throws {
        let failures: [OutputFaults.Failure] =
            [.init(call: .rename, index: 1, code: EIO)]
            + (2..<(2 + 4)).map { .init(call: .rename, index: $0, code: EROFS) }
        let (folder, _, error) = try Self.rollback(failures)
        let message = try #require(error?.description)
        #expect(message.hasPrefix("cannot write \(folder.path("b.csv")): Input/output error; putting back "))
        #expect(message.contains("Read-only file system"))
        let kept = try #require(folder.entries().first { $0.hasSuffix(".old") })
        #expect(message.hasSuffix("its previous content is kept in \(folder.path(kept))"))
        #expect(try folder.contents(kept) == "old a\n")
        #expect(try folder.contents("a.csv") == "new a\n")
        #expect(try folder.contents("b.csv") == "old b\n")
        #expect(try folder.entries() == [kept, "a.csv", "b.csv"])
    }
}
