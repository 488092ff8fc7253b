#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// Numbers the temporary files of this process, so two writes never pick the same name.
private let stagingCounter = Atomic<Int>(0)

/// Writes output files so that a failure at any step leaves the file system as it was.
///
/// - A regular file, or a path where nothing is yet, is written to a temporary file beside it,
///   synced, and renamed over it: readers see the old file or the whole new one, and a failure
///   removes only the temporary file. The replaced file's permissions are kept.
/// - A symbolic link is followed, any number of times: its target is replaced, never the link.
/// - A character or block device or a named pipe (`/dev/null`, `/dev/stdout`, a FIFO) is opened
///   and written where it is: it is never renamed over, truncated or removed.
/// - A directory, a socket, or a path whose folder does not exist is an error, and nothing is
///   touched.
///
/// Nothing is ever removed or renamed but a temporary file or folder this writer created.
public struct OutputWriter: Sendable {
    /// Failures to inject into the system calls (tests and fuzzing); ``OutputFaults/none`` otherwise.
    public var faults: OutputFaults

    public init(faults: OutputFaults = .none) { self.faults = faults }

    /// Writes `text` to the file at `path`.
    /// - Throws: ``OutputError``: ``OutputError/Kind/cannotCreate`` when the path cannot take a file,
    ///   ``OutputError/Kind/ioError`` (or ``OutputError/Kind/brokenPipe``) when writing failed.
    public func write(_ text: String, to path: String) throws(OutputError) {
        try write([(path: path, text: text)])
    }

    /// Writes several files as one: the regular ones all appear, or none changes.
    ///
    /// Every file is written to its temporary copy first; devices and pipes are written next;
    /// only then are the copies renamed into place. A failure changes no regular file: a file
    /// replaced before a later rename failed is put back from a second name (a hard link, or a copy where
    /// there are none) kept until all renames are done; should even that rename fail, the error
    /// says where the previous content is. Two paths that name the same file are an error.
    public func write(_ files: [(path: String, text: String)]) throws(OutputError) {
        let calls = SystemCalls(faults)
        var targets: [OutputTarget] = []
        for file in files {
            let target = try OutputTarget.resolve(file.path, calls: calls).get()
            if let earlier = targets.first(where: { $0.identity == target.identity }) {
                throw OutputError(
                    .cannotCreate, path: file.path,
                    reason: "names the same file as \(OutputPath.display(earlier.given))")
            }
            targets.append(target)
        }
        var staged: [(target: OutputTarget, temporary: String)] = []
        let unstage = { (list: [(target: OutputTarget, temporary: String)]) in
            for item in list { calls.removeFile(item.temporary) }
        }
        for (target, file) in zip(targets, files) {
            guard case .replace(let permissions) = target.method else { continue }
            switch stage(Array(file.text.utf8), for: target, permissions: permissions, calls: calls) {
            case .success(let temporary): staged.append((target, temporary))
            case .failure(let error):
                unstage(staged)
                throw error
            }
        }
        for (target, file) in zip(targets, files) where target.method == .inPlace {
            if case .failure(let error) = writeInPlace(Array(file.text.utf8), to: target, calls: calls) {
                unstage(staged)
                throw error
            }
        }
        // Second names for every file a later rename could still force back, made before any
        // file is replaced: a write that cannot keep them changes nothing.
        var backups: [String?] = []
        for item in staged.dropLast() {
            switch keep(item.target, calls: calls) {
            case .success(let backup): backups.append(backup)
            case .failure(let error):
                for case let backup? in backups { calls.removeFile(backup) }
                unstage(staged)
                throw error
            }
        }
        backups.append(nil)
        var committed: [(target: OutputTarget, backup: String?)] = []
        for (index, item) in staged.enumerated() {
            if case .failure(var error) = commit(item.temporary, to: item.target, calls: calls) {
                if let backup = backups[index] { calls.removeFile(backup) }
                for done in committed.reversed() {
                    guard let backup = done.backup else {
                        calls.removeFile(done.target.path)
                        continue
                    }
                    if case .failure(let failure) = restore(backup, to: done.target.path, calls: calls) {
                        let reason = String(cString: strerror(failure.code))
                        error.reason +=
                            "; putting back \(OutputPath.display(done.target.given)) failed too (\(reason)),"
                            + " so it holds the new text and its previous content is kept in"
                            + " \(OutputPath.display(backup))"
                    }
                }
                for later in staged[(index + 1)...].indices {
                    if let backup = backups[later] { calls.removeFile(backup) }
                }
                unstage(Array(staged[(index + 1)...]))
                throw error
            }
            committed.append((item.target, backups[index]))
        }
        for case let backup? in backups { calls.removeFile(backup) }
    }

    /// Renames the `backup` of a replaced file back over it, retried: a rollback that fails
    /// leaves the new text in place and the old one under the backup's name.
    func restore(_ backup: String, to path: String, calls: SystemCalls) -> Result<Void, Errno> {
        var outcome: Result<Void, Errno> = .success(())
        for _ in 0..<Self.restoreAttempts {
            outcome = calls.renameFile(backup, path)
            if case .success = outcome { return outcome }
        }
        return outcome
    }

    /// How many times putting a replaced file back is tried before giving up.
    static let restoreAttempts = 4

    /// A second name for the regular file `target` replaces, so that it can be put back: a hard
    /// link, or where the file system has none, a copy. nil when the path is new.
    func keep(_ target: OutputTarget, calls: SystemCalls) -> Result<String?, OutputError> {
        guard case .replace(let permissions) = target.method, calls.followedKind(at: target.path) == .regular else {
            return .success(nil)
        }
        let number = stagingCounter.wrappingAdd(1, ordering: .relaxed).oldValue
        let name = String(OutputTarget.name(of: target.path).prefix(200))
        let backup = OutputTarget.folder(of: target.path) + "/." + name + ".corridor-\(getpid())-\(number).old"
        if case .success = calls.hardLink(target.path, backup) { return .success(backup) }
        switch Self.contents(of: target.path) {
        case .success(let contents):
            return stage(contents, for: target, permissions: permissions, calls: calls).map { Optional($0) }
        case .failure(let error):
            return .failure(OutputError(.ioError, path: target.given, errno: error.code))
        }
    }

    /// The bytes of the file at `path`.
    static func contents(of path: String) -> Result<[UInt8], Errno> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(Errno(errno)) }
        defer { _ = close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count == 0 { return .success(bytes) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(Errno(errno))
            }
            bytes += buffer[..<count]
        }
    }

    /// Writes `bytes` to a new temporary file beside `target` and returns its path.
    func stage(
        _ bytes: [UInt8], for target: OutputTarget, permissions: mode_t?, calls: SystemCalls
    ) -> Result<String, OutputError> {
        let folder = OutputTarget.folder(of: target.path)
        let name = OutputTarget.name(of: target.path)
        var fd: Int32 = -1
        var temporary = ""
        for _ in 0..<100 {
            let number = stagingCounter.wrappingAdd(1, ordering: .relaxed).oldValue
            temporary = folder + "/." + String(name.prefix(200)) + ".corridor-\(getpid())-\(number).tmp"
            switch calls.openFile(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o666) {
            case .success(let opened): fd = opened
            case .failure(let error) where error.code == EEXIST: continue
            case .failure(let error):
                return .failure(OutputError(.cannotCreate, path: target.given, errno: error.code))
            }
            break
        }
        guard fd >= 0 else { return .failure(OutputError(.cannotCreate, path: target.given, errno: EEXIST)) }
        if let permissions { _ = fchmod(fd, permissions) }
        let written = calls.writeAll(fd, bytes).flatMap { calls.sync(fd) }
        let closed = calls.closeFile(fd)
        if case .failure(let error) = written.flatMap({ closed }) {
            calls.removeFile(temporary)
            return .failure(OutputError(.ioError, path: target.given, errno: error.code))
        }
        return .success(temporary)
    }

    /// Renames the staged `temporary` over `target`, unless something other than a regular file
    /// has appeared there since it was resolved.
    func commit(_ temporary: String, to target: OutputTarget, calls: SystemCalls) -> Result<Void, OutputError> {
        switch calls.kind(at: target.path) {
        case .success(nil), .success(.regular?): break
        case .success:
            calls.removeFile(temporary)
            return .failure(
                OutputError(.cannotCreate, path: target.given, reason: "changed into a special file while writing"))
        case .failure(let error):
            calls.removeFile(temporary)
            return .failure(OutputError(.cannotCreate, path: target.given, errno: error.code))
        }
        if case .failure(let error) = calls.renameFile(temporary, target.path) {
            calls.removeFile(temporary)
            return .failure(OutputError(.ioError, path: target.given, errno: error.code))
        }
        return .success(())
    }

    /// Writes `bytes` into the device or pipe at `target`, where it is.
    func writeInPlace(_ bytes: [UInt8], to target: OutputTarget, calls: SystemCalls) -> Result<Void, OutputError> {
        let fd: Int32
        switch calls.openFile(target.path, O_WRONLY | O_NOCTTY) {
        case .success(let opened): fd = opened
        case .failure(let error): return .failure(OutputError(.cannotCreate, path: target.given, errno: error.code))
        }
        var info = stat()
        guard fstat(fd, &info) == 0, ![.regular, .directory].contains(FileKind(mode: info.st_mode)) else {
            _ = close(fd)
            return .failure(
                OutputError(.cannotCreate, path: target.given, reason: "changed into a regular file while writing"))
        }
        let written = calls.writeAll(fd, bytes)
        let closed = calls.closeFile(fd)
        if case .failure(let error) = written.flatMap({ closed }) {
            return .failure(OutputError(.ioError, path: target.given, errno: error.code))
        }
        return .success(())
    }
}
