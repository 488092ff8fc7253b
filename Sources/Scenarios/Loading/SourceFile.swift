import Foundation

/// Reads scenario files from disk and resolves the paths in `extends`.
enum SourceFile {
    /// Why a file could not be read as text.
    enum Failure: Error, Equatable {
        /// Nothing exists at the path.
        case missing
        /// The path names a directory.
        case directory
        /// The path names a device, a pipe or a socket: reading it might never end.
        case notRegular
        /// The file is larger than ``SourceFile/largestFile`` bytes.
        case tooLarge
        /// The file exists but could not be read.
        case unreadable
        /// The file holds NUL bytes or is not valid UTF-8; the text says which.
        case notText(String)

        /// The message for a diagnostic positioned at the file itself, which already names it.
        var messageForRoot: String {
            switch self {
            case .missing: "no such file"
            case .directory: "is a directory, not a file"
            case .notRegular: "is not a regular file (a device, pipe or socket)"
            case .tooLarge: "is larger than 64 MiB, too large for a scenario file"
            case .unreadable: "cannot read the file"
            case .notText(let reason): "not a text file (\(reason))"
            }
        }

        /// The message for a diagnostic about the file at `path`, positioned elsewhere.
        func message(for path: String) -> String {
            switch self {
            case .missing: "no such file '\(path)'"
            case .directory: "'\(path)' is a directory, not a file"
            case .notRegular: "'\(path)' is not a regular file (a device, pipe or socket)"
            case .tooLarge: "'\(path)' is larger than 64 MiB, too large for a scenario file"
            case .unreadable: "cannot read '\(path)'"
            case .notText(let reason): "not a text file (\(reason))"
            }
        }
    }

    /// The largest scenario file read, in bytes (the bundled network is about 100 KiB).
    static let largestFile = 64 << 20

    /// The text of the file at `path`, without a leading byte-order mark.
    ///
    /// Only regular files (or links to them) are read, and at most ``largestFile`` bytes of them:
    /// `extends: /dev/zero` or a named pipe must not hang the loader.
    static func read(_ path: String) -> Result<String, Failure> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .failure(.missing) }
        guard !isDirectory.boolValue else { return .failure(.directory) }
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let attributes = try? FileManager.default.attributesOfItem(atPath: resolved)
        guard attributes?[.type] as? FileAttributeType == .typeRegular else { return .failure(.notRegular) }
        if let size = attributes?[.size] as? NSNumber, size.intValue > largestFile { return .failure(.tooLarge) }
        guard let handle = FileHandle(forReadingAtPath: resolved) else { return .failure(.unreadable) }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: largestFile + 1) ?? Data() else { return .failure(.unreadable) }
        guard data.count <= largestFile else { return .failure(.tooLarge) }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.contains(0) { return .failure(.notText("contains NUL bytes")) }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(.notText("not valid UTF-8")) }
        return .success(text)
    }

    /// The path of `target` written in the file at `file`: relative to that file's directory.
    static func resolve(_ target: String, relativeTo file: String) -> String {
        guard !target.hasPrefix("/") else { return normalize(target) }
        let directory = file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if directory.isEmpty { return normalize(file.hasPrefix("/") ? "/" + target : target) }
        return normalize(directory + "/" + target)
    }

    /// An absolute, normalized form of `path`, for recognising the same file in an `extends` cycle.
    static func identity(of path: String) -> String {
        if path.hasPrefix("/") { return normalize(path) }
        return normalize(FileManager.default.currentDirectoryPath + "/" + path)
    }

    /// `path` with `.` and `name/..` components and doubled slashes removed, lexically.
    static func normalize(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", isAbsolute, parts.isEmpty {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if isAbsolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
