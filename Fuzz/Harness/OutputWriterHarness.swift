import FileOutput
import Foundation

/// Bytes → a small tree of files in a fresh temporary folder (regular files, links, FIFOs, copies
/// of /dev/null and /dev/full, folders, a read-only folder) → one write through ``OutputWriter``
/// (one file, several, or a folder of files) with injected system-call failures → the invariants:
/// no crash; on failure the tree is exactly as it was (or, when even putting a file back failed,
/// the error names where its previous content is kept); on success every regular file that changed
/// holds exactly its new text, nothing was removed, no special file was replaced, and no
/// temporary file is left.
///
/// Links only ever point inside the folder (never `..` or an outside path), so a fuzzed write
/// cannot reach any file but the folder's own.
enum OutputWriterHarness {
    /// Names of entries; `s` may become a folder, so `s/a` and friends exist too.
    static let names = ["a", "b", "c", "s", "s/a", "s/b"]
    /// Paths a write may be given: names, missing ones, odd forms.
    static let paths = names + ["new", "s/new", "absent/x", "", "a/", "./a", "s/../b", "s//a", "l1"]
    /// Link targets, all inside the folder.
    static let linkTargets = ["a", "b", "s", "s/a", "new", "l1", "absent/x", "./c", "s/../a"]
    static let codes: [Int32] = [EIO, ENOSPC, EACCES, EEXIST, EPIPE, EROFS, EDQUOT, EINTR]

    static func run(_ bytes: [UInt8]) {
        var input = ByteReader(bytes)
        var template = "/tmp/corridor-fuzz-out-XXXXXX".utf8CString
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else { return }
        let root = String(cString: made)
        defer { remove(root) }
        var readers: [Int32] = []
        defer { for fd in readers { close(fd) } }

        // The tree.
        for name in names where input.chance(180) {
            let path = root + "/" + name
            switch input.below(8) {
            case 0, 1: _ = FileManager.default.createFile(atPath: path, contents: Data(input.text(limit: 40).utf8))
            case 2: _ = symlink(input.pick(linkTargets), path)
            case 3:
                if mkfifo(path, 0o644) == 0 {
                    let fd = open(path, O_RDWR | O_NONBLOCK)  // a reader, so a write never blocks
                    if fd >= 0 { readers.append(fd) }
                }
            case 4: _ = mknod(path, S_IFCHR | 0o666, dev_t(1 << 8 | (input.chance(128) ? 3 : 7)))
            case 5, 6: mkdir(path, 0o755)
            default:
                mkdir(path, 0o755)
                _ = FileManager.default.createFile(atPath: path + "/a", contents: Data("locked".utf8))
                chmod(path, 0o555)
            }
        }
        if input.chance(40) { _ = symlink("l1", root + "/l1") }  // a loop

        // The failures.
        var faults = OutputFaults()
        for _ in 0..<input.below(3) {
            faults.failures.append(
                .init(call: input.pick(OutputFaults.Call.allCases), index: input.below(4), code: input.pick(codes)))
        }
        if input.chance(60) { faults.diskSpaceBytes = input.below(120) }
        let writer = OutputWriter(faults: faults)

        // The write.
        let before = FileTree(root)
        let texts = (0..<3).map { index in "\(index): " + input.text(limit: 60) + "\n" }
        let outcome: Result<Void, OutputError>
        let expected: [String]
        switch input.below(3) {
        case 0:
            let path = root + "/" + input.pick(paths)
            outcome = Result { () throws(OutputError) in try writer.write(texts[0], to: path) }
            expected = [texts[0]]
        case 1:
            let files = [(root + "/" + input.pick(paths), texts[0]), (root + "/" + input.pick(paths), texts[1])]
            outcome = Result { () throws(OutputError) in try writer.write(files.map { (path: $0.0, text: $0.1) }) }
            expected = [texts[0], texts[1]]
        default:
            let folder = root + "/" + input.pick(["s", "new", "a", "absent/deeper", "l1", "s/b"])
            let files = [(name: "x.csv", text: texts[0]), (name: "a", text: texts[1]), (name: "y.csv", text: texts[2])]
            outcome = Result { () throws(OutputError) in try writer.writeDirectory(folder, files: files) }
            expected = texts
        }
        for fd in readers { drain(fd) }
        check(before: before, after: FileTree(root), outcome: outcome, expected: expected)
    }

    static func check(before: FileTree, after: FileTree, outcome: Result<Void, OutputError>, expected: [String]) {
        // A rollback whose own rename failed keeps the old content under a name the error gives.
        let keptIn: String? = {
            guard case .failure(let error) = outcome,
                let range = error.reason.range(of: "its previous content is kept in ")
            else { return nil }
            return String(error.reason[range.upperBound...])
        }()
        for (key, entry) in after.entries where key.contains(".corridor-") {
            guard let keptIn, keptIn.hasSuffix("/" + key) else {
                invariant(false, "a temporary file was left: \(key)")
                return
            }
            invariant(
                before.entries.values.contains { $0.kind == S_IFREG && $0.contents == entry.contents },
                "\(key) does not hold the previous content of a file")
        }
        switch outcome {
        case .failure(let error) where keptIn != nil:
            for (key, old) in before.entries {
                guard let new = after.entries[key] else {
                    invariant(false, "a failed write removed \(key)")
                    return
                }
                invariant(
                    new == old || expected.contains { Array($0.utf8) == new.contents },
                    "a failed write (\(error)) left something not written in \(key)")
            }
        case .failure(let error):
            invariant(after == before, "a failed write (\(error)) changed the tree:\n\(before)\n---\n\(after)")
            invariant(!error.description.isEmpty, "an error without a message")
        case .success:
            for (key, old) in before.entries {
                guard let new = after.entries[key] else {
                    invariant(false, "a write removed \(key)")
                    return
                }
                guard new != old else { continue }
                invariant(
                    old.kind == S_IFREG && new.kind == S_IFREG,
                    "a write replaced \(key), which was not a regular file:\n\(before)\n---\n\(after)")
                invariant(
                    expected.contains { Array($0.utf8) == new.contents }, "\(key) holds something not written")
            }
            for (key, new) in after.entries where before.entries[key] == nil {
                invariant(
                    new.kind == S_IFDIR || expected.contains { Array($0.utf8) == new.contents },
                    "a new entry \(key) holds something not written")
            }
        }
    }

    /// Reads what a FIFO holds, so that the next input starts empty.
    static func drain(_ fd: Int32) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while buffer.withUnsafeMutableBytes({ read(fd, $0.baseAddress, $0.count) }) > 0 {}
    }

    /// Removes the fuzz folder, read-only folders included.
    static func remove(_ root: String) {
        if let walker = FileManager.default.enumerator(atPath: root) {
            for case let name as String in walker { chmod(root + "/" + name, 0o755) }
        }
        try? FileManager.default.removeItem(atPath: root)
    }
}
