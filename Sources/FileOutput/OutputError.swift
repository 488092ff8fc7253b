#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why an output could not be written: the path (or "standard output"), what failed, and the
/// system's reason.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, which decides the exit status.
    public enum Kind: Sendable, Equatable {
        /// The output could not be opened or created: a directory, a missing folder, no permission
        /// (EX_CANTCREAT, 73).
        case cannotCreate
        /// Writing, syncing or replacing it failed part-way: a full disk, an I/O error (EX_IOERR, 74).
        case ioError
        /// The reader of a pipe went away (EPIPE): the caller ends quietly, as a Unix tool killed
        /// by SIGPIPE would.
        case brokenPipe
    }

    /// What went wrong.
    public var kind: Kind
    /// The path written to, as given, or `standard output`.
    public var path: String
    /// The reason, e.g. `No space left on device` or `is a directory`.
    public var reason: String
    /// The `errno` behind it, when there is one.
    public var code: Int32?

    /// An error of `kind` for `path` with a reason in words.
    public init(_ kind: Kind, path: String, reason: String, code: Int32? = nil) {
        self.kind = kind
        self.path = path
        self.reason = reason
        self.code = code
    }

    /// An error of `kind` for `path` from an `errno` value (EPIPE always gives ``Kind/brokenPipe``).
    public init(_ kind: Kind, path: String, errno code: Int32) {
        let reason = String(cString: strerror(code))
        self.init(code == EPIPE ? .brokenPipe : kind, path: path, reason: reason, code: code)
    }

    /// `cannot write out.csv: No space left on device`.
    public var description: String { "cannot write \(OutputPath.display(path)): \(reason)" }
}

/// How paths appear in messages.
public enum OutputPath {
    /// `path` with control and bidirectional-override characters escaped, so a message cannot
    /// rewrite the terminal.
    public static func display(_ path: String) -> String {
        TerminalText.escaped(path)
    }
}
