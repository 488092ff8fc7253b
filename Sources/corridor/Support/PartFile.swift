#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the parts `corridor merge` combines: regular files, and pipes such as a shell's
/// `<(corridor sweep … --shard 0/2)`; a folder or a device is refused with a reason in words.
enum PartFile {
    /// The largest part read, in bytes (1 GiB: a sweep of a million cases writes far less).
    static let largest = 1 << 30

    /// The text at `path`, or why it cannot be read.
    static func contents(of path: String) -> Result<String, Reason> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(Reason(String(cString: strerror(errno)))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(Reason(String(cString: strerror(errno)))) }
        switch info.st_mode & S_IFMT {
        case S_IFREG, S_IFIFO: break
        case S_IFDIR: return .failure(Reason("is a directory, not a file of sweep records"))
        default: return .failure(Reason("is a device or another special file, not a file of sweep records"))
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(Reason(String(cString: strerror(errno))))
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[..<count])
            guard bytes.count <= largest else { return .failure(Reason("larger than \(largest >> 20) MiB")) }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(Reason("not UTF-8 text, so not a file of sweep records"))
        }
        return .success(text)
    }

    /// Why a part cannot be read.
    struct Reason: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
