#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where one output goes once symbolic links are followed, and how it is written there.
struct OutputTarget: Equatable {
    /// How the bytes reach the path.
    enum Method: Equatable {
        /// A regular file or a new path: written beside it and renamed over it, atomically. The
        /// permissions of the file replaced, when there is one, are kept.
        case replace(permissions: mode_t?)
        /// A character or block device or a named pipe: opened and written where it is; never
        /// replaced, truncated or removed.
        case inPlace
    }

    /// The path as the user gave it, for messages.
    var given: String
    /// The path written: `given` with its symbolic links followed.
    var path: String
    var method: Method

    /// The file's identity, to tell when two paths name the same file: its folder's canonical path
    /// and its name.
    var identity: String {
        guard let canonical = realpath(Self.folder(of: path), nil) else { return path }
        defer { free(canonical) }
        return String(cString: canonical) + "/" + Self.name(of: path)
    }

    /// The longest chain of symbolic links followed, as in the kernel's own limit.
    static let linkLimit = 40

    /// The target of `given`: a symbolic link's target is written, never the link; a directory,
    /// a socket or a path whose folder does not exist is an error.
    static func resolve(_ given: String, calls: SystemCalls) -> Result<OutputTarget, OutputError> {
        guard !given.isEmpty else {
            return .failure(OutputError(.cannotCreate, path: given, reason: "the path is empty"))
        }
        guard !given.hasSuffix("/") else {
            return .failure(OutputError(.cannotCreate, path: given, reason: "is a directory, not a file"))
        }
        var path = given
        for _ in 0...linkLimit {
            let kind: FileKind?
            switch calls.kind(at: path) {
            case .success(let found): kind = found
            case .failure(let error): return .failure(OutputError(.cannotCreate, path: given, errno: error.code))
            }
            switch kind {
            case nil:
                return folderExists(of: path, given: given, calls: calls).map {
                    OutputTarget(given: given, path: path, method: .replace(permissions: nil))
                }
            case .regular:
                let permissions = calls.permissions(at: path)
                return .success(OutputTarget(given: given, path: path, method: .replace(permissions: permissions)))
            case .symbolicLink:
                // A link that ends at a device or pipe is written through the link itself, as the kernel
                // resolves it: `/dev/stdout` → `/proc/self/fd/1` → `pipe:[…]` names no path.
                if let end = calls.followedKind(at: path), end == .characterDevice || end == .blockDevice || end == .fifo {
                    return .success(OutputTarget(given: given, path: path, method: .inPlace))
                }
                switch calls.linkTarget(path) {
                case .success(let target):
                    path = target.hasPrefix("/") ? target : folder(of: path) + "/" + target
                case .failure(let error):
                    return .failure(OutputError(.cannotCreate, path: given, errno: error.code))
                }
            case .characterDevice, .blockDevice, .fifo:
                return .success(OutputTarget(given: given, path: path, method: .inPlace))
            case .directory:
                return .failure(OutputError(.cannotCreate, path: given, reason: "is a directory, not a file"))
            case .socket, .other:
                return .failure(
                    OutputError(.cannotCreate, path: given, reason: "is a socket or another special file"))
            }
        }
        return .failure(OutputError(.cannotCreate, path: given, errno: ELOOP))
    }

    /// The folder of `path` (`.` for a bare name).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let head = path[..<slash]
        return head.isEmpty ? "/" : String(head)
    }

    /// The last component of `path`.
    static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    private static func folderExists(of path: String, given: String, calls: SystemCalls) -> Result<Void, OutputError> {
        var info = stat()
        let folder = folder(of: path)
        guard stat(folder, &info) == 0 else {
            let reason = errno == ENOENT ? "the folder \(folder) does not exist" : String(cString: strerror(errno))
            return .failure(OutputError(.cannotCreate, path: given, reason: reason, code: errno))
        }
        guard FileKind(mode: info.st_mode) == .directory else {
            return .failure(OutputError(.cannotCreate, path: given, reason: "\(folder) is not a directory"))
        }
        return .success(())
    }
}
