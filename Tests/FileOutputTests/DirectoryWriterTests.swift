import FileOutput
import Foundation
import Testing

@Suite("OutputWriter.writeDirectory: the set appears whole or not at all")
struct DirectoryWriterTests {
    static let files = ["corridors", "demands", "links", "nodes", "binding", "changes", "warnings"].map {
        (name: "\($0).csv", text: "id,TEU/yr\n" + String(repeating: "\($0),1000\n", count: 40))
    }

    /// The tree with the CSV set in `folder`.
    static func complete(_ before: FileTree, in folder: String) -> FileTree {
        var tree = before
        var parent = ""
        for part in folder.split(separator: "/") {
            parent += (parent.isEmpty ? "" : "/") + part
            if tree.entries[parent] == nil {
                tree.entries[parent] = .init(
                    kind: S_IFDIR, permissions: 0o777 & ~(0o666 & ~newFilePermissions), device: 0, link: nil,
                    contents: nil)
            }
        }
        for file in files { tree = tree.with(folder + "/" + file.name, holding: file.text, permissions: newFilePermissions) }
        return tree
    }

    @Test(
        "a new folder (and missing folders above it), with any failure injected",
        arguments: ["csv", "a/b/csv"])
    func newFolder(folder name: String) throws {
        var faults: [OutputFaults] = [.none]
        for call in OutputFaults.Call.allCases {
            for index in [0, 1, 3, 6] { faults.append(OutputFaults(failures: [.init(call: call, index: index, code: EIO)])) }
        }
        faults += [0, 500, 2000].map { OutputFaults(diskSpaceBytes: $0) }
        for fault in faults {
            let folder = try TemporaryFolder()
            let before = FileTree(folder.url.path)
            let outcome = Result { () throws(OutputError) in
                try OutputWriter(faults: fault).writeDirectory(folder.path(name), files: Self.files)
            }
            let after = FileTree(folder.url.path)
            switch outcome {
            case .success: #expect(after == Self.complete(before, in: name), "\(fault)")
            case .failure: #expect(after == before, "\(fault): \(after)")
            }
            if fault == .none { #expect((try? outcome.get()) != nil) }
        }
    }

    @Test("a folder that exists: the set is written as one, other files are left alone")
    func existingFolder() throws {
        for fault in [OutputFaults.none, OutputFaults(diskSpaceBytes: 1500), OutputFaults(failures: [.init(call: .rename, index: 4, code: EIO)])] {
            let folder = try TemporaryFolder()
            try FileManager.default.createDirectory(atPath: folder.path("csv"), withIntermediateDirectories: false)
            try "mine\n".write(toFile: folder.path("csv/notes.txt"), atomically: false, encoding: .utf8)
            try "old\n".write(toFile: folder.path("csv/links.csv"), atomically: false, encoding: .utf8)
            let before = FileTree(folder.url.path)
            let outcome = Result { () throws(OutputError) in
                try OutputWriter(faults: fault).writeDirectory(folder.path("csv"), files: Self.files)
            }
            let after = FileTree(folder.url.path)
            switch outcome {
            case .success:
                #expect(fault == .none)
                #expect(after == Self.complete(before, in: "csv").with("csv/links.csv", holding: Self.files[2].text))
            case .failure: #expect(after == before, "\(fault): \(after)")
            }
        }
    }

    @Test("a file, or a folder in place of one of the set's files, is refused before anything is written")
    func refusals() throws {
        let folder = try TemporaryFolder()
        try "x".write(toFile: folder.path("file"), atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder.path("csv/links.csv"), withIntermediateDirectories: true)
        let before = FileTree(folder.url.path)
        #expect(throws: OutputError.self) { try OutputWriter().writeDirectory(folder.path("file"), files: Self.files) }
        let error = #expect(throws: OutputError.self) {
            try OutputWriter().writeDirectory(folder.path("csv"), files: Self.files)
        }
        #expect(error?.path == folder.path("csv/links.csv"))
        #expect(FileTree(folder.url.path) == before)
    }
}
