#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything under a folder that a write could change: each entry's kind, permissions, device
/// number, link target and contents. Two equal snapshots mean the tree is exactly as it was.
///
/// For the tests and the output-writer fuzz target, which check that a write leaves the complete
/// new file or the tree exactly as it was.
package struct FileTree: Equatable, CustomStringConvertible {
    package struct Entry: Equatable {
        package var kind: mode_t
        package var permissions: mode_t
        package var device: UInt64
        package var link: String?
        package var contents: [UInt8]?

        package init(kind: mode_t, permissions: mode_t, device: UInt64, link: String?, contents: [UInt8]?) {
            self.kind = kind
            self.permissions = permissions
            self.device = device
            self.link = link
            self.contents = contents
        }
    }

    /// The entries by path relative to the root (`sub/name`).
    package var entries: [String: Entry]

    /// The tree under `root`, not following links; FIFOs and devices are not opened.
    package init(_ root: String) {
        entries = [:]
        walk(root, relative: "")
    }

    private mutating func walk(_ path: String, relative: String) {
        guard let directory = opendir(path) else { return }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        closedir(directory)
        for name in names.sorted() {
            let full = path + "/" + name
            let key = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            let kind = info.st_mode & S_IFMT
            var entry = Entry(
                kind: kind, permissions: info.st_mode & 0o7777, device: UInt64(info.st_rdev), link: nil, contents: nil)
            if kind == S_IFREG { entry.contents = Self.contents(of: full) }
            if kind == S_IFLNK {
                var buffer = [CChar](repeating: 0, count: 4097)
                let count = readlink(full, &buffer, 4096)
                if count >= 0 { entry.link = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
            }
            entries[key] = entry
            if kind == S_IFDIR { walk(full, relative: key) }
        }
    }

    private static func contents(of path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[..<count])
        }
        return bytes
    }

    /// The tree with the regular file `name` holding `text` (created with `permissions`, or its
    /// contents replaced and its permissions kept).
    package func with(_ name: String, holding text: String, permissions: mode_t = 0o644) -> FileTree {
        var copy = self
        let old = entries[name]
        copy.entries[name] = Entry(
            kind: S_IFREG, permissions: old?.permissions ?? permissions, device: 0, link: nil, contents: Array(text.utf8))
        return copy
    }

    package var description: String {
        entries.keys.sorted().map { key in
            let entry = entries[key]!
            return "\(key) kind \(String(entry.kind, radix: 8)) mode \(String(entry.permissions, radix: 8))"
                + (entry.link.map { " -> \($0)" } ?? "") + (entry.contents.map { " \($0.count) bytes" } ?? "")
        }.joined(separator: "\n")
    }
}
