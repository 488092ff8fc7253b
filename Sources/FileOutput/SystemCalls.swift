#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system calls of one write, each retried on EINTR and each able to fail on purpose
/// (``OutputFaults``). Every failure is returned as an errno value.
struct SystemCalls {
    let counter: FaultCounter

    init(_ faults: OutputFaults) { counter = FaultCounter(faults) }

    /// The kind of what is at `path`, without following a final symbolic link; nil when nothing is.
    func kind(at path: String) -> Result<FileKind?, Errno> {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            return errno == ENOENT ? .success(nil) : .failure(Errno(errno))
        }
        return .success(FileKind(mode: info.st_mode))
    }

    /// The kind of what `path` finally names, every symbolic link followed by the kernel (also the
    /// "magic" links of `/proc/self/fd`, whose text is no path, e.g. `pipe:[123]`); nil when nothing is.
    func followedKind(at path: String) -> FileKind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileKind(mode: info.st_mode)
    }

    /// The permission bits of the regular file at `path`.
    func permissions(at path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    /// The target of the symbolic link at `path`.
    func linkTarget(_ path: String) -> Result<String, Errno> {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return .failure(Errno(errno)) }
        return .success(String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    /// Opens `path` with `flags` (and `mode` when creating).
    func openFile(_ path: String, _ flags: Int32, _ mode: mode_t = 0o666) -> Result<Int32, Errno> {
        if let code = counter.next(.open) { return .failure(Errno(code)) }
        while true {
            let fd = open(path, flags | O_CLOEXEC, mode)
            if fd >= 0 { return .success(fd) }
            if errno != EINTR { return .failure(Errno(errno)) }
        }
    }

    /// Writes all of `bytes` to `fd`, in as many calls as it takes.
    func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Result<Void, Errno> {
        var offset = 0
        while offset < bytes.count {
            if let code = counter.next(.write) { return .failure(Errno(code)) }
            let room = counter.room(for: min(bytes.count - offset, 1 << 20))
            if room == 0 { return .failure(Errno(ENOSPC)) }
            let written = bytes.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress! + offset, room)
            }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .failure(Errno(errno))
            }
            counter.wrote(written)
            offset += written
        }
        return .success(())
    }

    /// Flushes `fd` to the disk. Devices and pipes that cannot be synced are not a failure.
    func sync(_ fd: Int32) -> Result<Void, Errno> {
        if let code = counter.next(.fsync) { return .failure(Errno(code)) }
        guard fsync(fd) == 0 else {
            return errno == EINVAL || errno == EROFS ? .success(()) : .failure(Errno(errno))
        }
        return .success(())
    }

    /// Closes `fd`; a failure here (e.g. a deferred ENOSPC) means the data may not be there.
    func closeFile(_ fd: Int32) -> Result<Void, Errno> {
        if let code = counter.next(.close) {
            _ = close(fd)
            return .failure(Errno(code))
        }
        // On Linux the descriptor is released even when close reports EINTR.
        if close(fd) != 0 && errno != EINTR { return .failure(Errno(errno)) }
        return .success(())
    }

    /// Renames `from` to `to`, replacing a regular file at `to`.
    func renameFile(_ from: String, _ to: String) -> Result<Void, Errno> {
        if let code = counter.next(.rename) { return .failure(Errno(code)) }
        guard rename(from, to) == 0 else { return .failure(Errno(errno)) }
        return .success(())
    }

    /// Gives the file at `existing` a second name, `new`.
    func hardLink(_ existing: String, _ new: String) -> Result<Void, Errno> {
        if let code = counter.next(.link) { return .failure(Errno(code)) }
        guard link(existing, new) == 0 else { return .failure(Errno(errno)) }
        return .success(())
    }

    /// Makes the directory `path`.
    func makeDirectory(_ path: String, _ mode: mode_t = 0o777) -> Result<Void, Errno> {
        if let code = counter.next(.mkdir) { return .failure(Errno(code)) }
        guard mkdir(path, mode) == 0 else { return .failure(Errno(errno)) }
        return .success(())
    }

    /// Removes the regular file at `path` (one this write created), ignoring failure.
    func removeFile(_ path: String) { _ = unlink(path) }

    /// Removes the empty directory at `path` (one this write created), ignoring failure.
    func removeDirectory(_ path: String) { _ = rmdir(path) }
}

/// An `errno` value.
struct Errno: Error, Equatable {
    var code: Int32
    init(_ code: Int32) { self.code = code }
}

/// What kind of file is at a path.
enum FileKind: Equatable {
    case regular, directory, symbolicLink, characterDevice, blockDevice, fifo, socket, other

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symbolicLink
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        default: self = .other
        }
    }
}
