import Foundation

/// The kinds of path an output can be given, each set up in a fresh temporary folder as `out`
/// (or a file under a folder), with what the written file's entry is once symbolic links are followed.
enum OutputPathKind: String, CaseIterable, CustomStringConvertible {
    case missing, regular, symbolicLink, danglingLink, linkChain, fifo, nullDevice, fullDevice, directory
    case readOnlyFolder, missingFolder

    var description: String { rawValue }

    /// The path given to the writer, relative to the folder.
    var given: String {
        switch self {
        case .readOnlyFolder: "locked/out"
        case .missingFolder: "absent/out"
        default: "out"
        }
    }

    /// The entry that holds the new text after a successful write; nil when the path is special.
    var written: String? {
        switch self {
        case .missing, .regular: "out"
        case .symbolicLink, .danglingLink, .linkChain: "real"
        case .readOnlyFolder: "locked/out"
        case .fifo, .nullDevice, .fullDevice, .directory, .missingFolder: nil
        }
    }

    /// True when a write without injected failures must succeed.
    var mustSucceed: Bool {
        switch self {
        case .directory, .missingFolder, .fullDevice: false
        case .readOnlyFolder: getuid() == 0  // root may write in a read-only folder
        default: true
        }
    }

    /// Makes the path in `folder`. Returns the descriptor of a FIFO's reader, to be read and closed.
    func make(in folder: TemporaryFolder) throws -> Int32? {
        let path = folder.path("out")
        switch self {
        case .missing, .missingFolder: break
        case .regular:
            try "old contents\n".write(toFile: path, atomically: false, encoding: .utf8)
            chmod(path, 0o600)
        case .symbolicLink:
            try "old target\n".write(toFile: folder.path("real"), atomically: false, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "real")
        case .danglingLink:
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "real")
        case .linkChain:
            try "old target\n".write(toFile: folder.path("real"), atomically: false, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: folder.path("middle"), withDestinationPath: "real")
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: folder.path("middle"))
        case .fifo:
            guard mkfifo(path, 0o644) == 0 else { throw SetupError("mkfifo: \(errno)") }
            // Opened for reading and writing, the test holds a reader, so the writer's open does not block.
            let fd = open(path, O_RDWR | O_NONBLOCK)
            guard fd >= 0 else { throw SetupError("open fifo: \(errno)") }
            return fd
        case .nullDevice, .fullDevice:
            // A copy of /dev/null (1, 3) or /dev/full (1, 7) made in the temporary folder; the real
            // /dev is never touched. Making a device node needs root, as CI and these machines run.
            let device = dev_t(1 << 8 | (self == .nullDevice ? 3 : 7))  // makedev(1, 3) or makedev(1, 7)
            guard mknod(path, S_IFCHR | 0o666, device) == 0 else {
                throw SetupError("mknod needs root (errno \(errno)); the tests run as root in CI")
            }
        case .directory:
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        case .readOnlyFolder:
            try FileManager.default.createDirectory(atPath: folder.path("locked"), withIntermediateDirectories: false)
            try "old contents\n".write(toFile: folder.path("locked/out"), atomically: false, encoding: .utf8)
            chmod(folder.path("locked"), 0o555)
        }
        return nil
    }

    struct SetupError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// Everything a FIFO's reader can read now, without blocking; closes it.
func drain(_ fd: Int32) -> [UInt8] {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count <= 0 { break }
        bytes.append(contentsOf: buffer[..<count])
    }
    close(fd)
    return bytes
}

/// The permissions a new file gets under the process's umask.
///
/// Read from `/proc/self/status` (its `Umask:` line): reading it with `umask(0)` and back would leave the
/// process, whose tests run in parallel, without a mask for a moment, so a file made by another test
/// then, or a second read, would see 0.
var newFilePermissions: UInt32 { 0o666 & ~processUmask }

let processUmask: UInt32 = {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
        let mask = UInt32(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8)
    {
        return mask
    }
    // No /proc: read it once, before the tests make files in parallel.
    let mask = umask(0)
    umask(mask)
    return UInt32(mask)
}()
