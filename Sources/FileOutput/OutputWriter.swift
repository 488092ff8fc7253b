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
    /// replaced before a later rename failed is put back from a second name (a hard link) kept
    /// until all renames are done. Two paths that name the same file are an error.
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
        var committed: [(path: String, backup: String?)] = []
        for (index, item) in staged.enumerated() {
            let backup = keep(item.target, calls: calls)
            if case .failure(let error) = commit(item.temporary, to: item.target, calls: calls) {
                if let backup { calls.removeFile(backup) }
                for done in committed.reversed() {
                    if let backup = done.backup {
                        _ = calls.renameFile(backup, done.path)
                    } else {
                        calls.removeFile(done.path)
                    }
                }
                unstage(Array(staged[(index + 1)...]))
                throw error
            }
            committed.append((item.target.path, backup))
        }
        for done in committed { if let backup = done.backup { calls.removeFile(backup) } }
    }

    /// A second name for the regular file `target` replaces, so that it can be put back; nil when
    /// there is none (a new path) or the file system has no hard links.
    func keep(_ target: OutputTarget, calls: SystemCalls) -> String? {
        guard case .replace(.some) = target.method else { return nil }
        let number = stagingCounter.wrappingAdd(1, ordering: .relaxed).oldValue
        let name = String(OutputTarget.name(of: target.path).prefix(200))
        let backup = OutputTarget.folder(of: target.path) + "/." + name + ".corridor-\(getpid())-\(number).old"
        guard case .success = calls.hardLink(target.path, backup) else { return nil }
        return backup
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
