#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// Standard output and standard error, written with `write(2)` so that a failure is an error value,
/// never a crash.
public enum StandardOutput {
    /// Where standard output stood before this process first wrote to it, when it is a regular
    /// file: a failed report is cut back to it, so no half report is left.
    private static let start = Mutex<Int64?>(nil)
    private static let started = Atomic<Bool>(false)

    /// Ignores SIGPIPE and SIGXFSZ, so that a closed pipe or a file past the size limit
    /// (`ulimit -f`) is an error to handle (EPIPE, EFBIG) rather than a signal that ends the
    /// process. Call once at start.
    public static func ignoreOutputSignals() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
    }

    /// Writes `text` to standard output.
    ///
    /// When standard output is a regular file and the write fails (a full disk), the file is cut
    /// back to the size it had before this process wrote to it.
    /// - Throws: ``OutputError`` (``OutputError/Kind/brokenPipe`` when the reader has gone).
    public static func write(_ text: String) throws(OutputError) {
        try write(text, to: STDOUT_FILENO, faults: .none)
    }

    /// Writes `text` to standard error, ignoring failure: there is nowhere left to report it.
    public static func writeError(_ text: String) {
        _ = SystemCalls(.none).writeAll(STDERR_FILENO, Array(text.utf8))
    }

    /// ``write(_:)`` to any descriptor, with injected failures (tests).
    package static func write(_ text: String, to fd: Int32, faults: OutputFaults) throws(OutputError) {
        if !started.exchange(true, ordering: .relaxed) { start.withLock { $0 = regularFileOffset(fd) } }
        if case .failure(let error) = SystemCalls(faults).writeAll(fd, Array(text.utf8)) {
            if error.code != EPIPE, let offset = start.withLock({ $0 }), regularFileOffset(fd) != nil {
                _ = ftruncate(fd, off_t(offset))
            }
            throw OutputError(.ioError, path: "standard output", errno: error.code)
        }
    }

    /// The offset writes to `fd` start at when it is a regular file (its end when appending).
    private static func regularFileOffset(_ fd: Int32) -> Int64? {
        var info = stat()
        guard fstat(fd, &info) == 0, FileKind(mode: info.st_mode) == .regular else { return nil }
        if fcntl(fd, F_GETFL) & O_APPEND != 0 { return Int64(info.st_size) }
        let offset = lseek(fd, 0, SEEK_CUR)
        return offset < 0 ? nil : Int64(offset)
    }

    /// Forgets the remembered start (tests that write to several descriptors in one process).
    package static func resetForTesting() {
        started.store(false, ordering: .relaxed)
        start.withLock { $0 = nil }
    }
}
