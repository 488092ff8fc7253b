import Foundation

/// Everything under a folder that a write could change: each entry's kind, permissions, device
/// number, link target and contents. Two equal snapshots mean the tree is exactly as it was.
struct FileTree: Equatable, CustomStringConvertible {
    struct Entry: Equatable {
        var kind: UInt32
        var permissions: UInt32
        var device: UInt64
        var link: String?
        var contents: [UInt8]?
    }

    var entries: [String: Entry]

    /// The tree under `root` (not following links).
    init(_ root: String) {
        entries = [:]
        walk(root, relative: "")
    }

    private mutating func walk(_ path: String, relative: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names.sorted() {
            let full = path + "/" + name
            let key = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            let kind = info.st_mode & S_IFMT
            var entry = Entry(
                kind: kind, permissions: info.st_mode & 0o7777, device: UInt64(info.st_rdev), link: nil, contents: nil)
            if kind == S_IFREG { entry.contents = FileManager.default.contents(atPath: full).map { [UInt8]($0) } }
            if kind == S_IFLNK { entry.link = try? FileManager.default.destinationOfSymbolicLink(atPath: full) }
            entries[key] = entry
            if kind == S_IFDIR { walk(full, relative: key) }
        }
    }

    /// The tree with the regular file `name` holding `text` (created, or its contents replaced).
    func with(_ name: String, holding text: String, permissions: UInt32 = 0o644) -> FileTree {
        var copy = self
        let old = entries[name]
        copy.entries[name] = Entry(
            kind: S_IFREG, permissions: old?.permissions ?? permissions, device: 0, link: nil, contents: Array(text.utf8))
        return copy
    }

    var description: String {
        entries.keys.sorted().map { key in
            let entry = entries[key]!
            return "\(key) kind \(String(entry.kind, radix: 8)) mode \(String(entry.permissions, radix: 8))"
                + (entry.link.map { " -> \($0)" } ?? "") + (entry.contents.map { " \($0.count) bytes" } ?? "")
        }.joined(separator: "\n")
    }
}
