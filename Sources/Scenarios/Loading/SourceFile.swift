import Foundation

/// Reads scenario files from disk and resolves the paths in `extends`.
enum SourceFile {
    /// Why a file could not be read as text.
    enum Failure: Error, Equatable {
        /// Nothing exists at the path.
        case missing
        /// The path names a directory.
        case directory
        /// The file exists but could not be read.
        case unreadable
        /// The file holds NUL bytes or is not valid UTF-8; the text says which.
        case notText(String)

        /// The message for a diagnostic positioned at the file itself, which already names it.
        var messageForRoot: String {
            switch self {
            case .missing: "no such file"
            case .directory: "is a directory, not a file"
            case .unreadable: "cannot read the file"
            case .notText(let reason): "not a text file (\(reason))"
            }
        }

        /// The message for a diagnostic about the file at `path`, positioned elsewhere.
        func message(for path: String) -> String {
            switch self {
            case .missing: "no such file '\(path)'"
            case .directory: "'\(path)' is a directory, not a file"
            case .unreadable: "cannot read '\(path)'"
            case .notText(let reason): "not a text file (\(reason))"
            }
        }
    }

    /// The text of the file at `path`, without a leading byte-order mark.
    static func read(_ path: String) -> Result<String, Failure> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .failure(.missing) }
        guard !isDirectory.boolValue else { return .failure(.directory) }
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(.unreadable) }
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
