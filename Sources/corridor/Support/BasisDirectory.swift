#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import LinearProgramming
import Simulation

/// The basis cache of `corridor run`: one small file per LP solved, named by the LP's digest
/// (`ProgramDigest`) and the solver's method, holding the optimal basis's row and column statuses.
///
/// Where: `$CORRIDOR_CACHE_DIR`, else `$XDG_CACHE_HOME/corridor/bases`, else
/// `$HOME/.cache/corridor/bases`; `CORRIDOR_CACHE=off` (or `run --no-cache`) turns it off. Safe to
/// delete at any time. Every failure (no directory, a directory that is a symbolic link or not ours, a
/// read-only or full disk, a short, corrupt or mismatched file) is a miss or a store forgotten: the
/// solve runs cold and the output is the same (see `GLPKSolver.basisCache`).
struct BasisDirectory: LPBasisCache {
    /// The directory, nil when the cache is off.
    let path: String?

    /// The first line of every cache file, before the sizes, iterations and method.
    static let magic = "corridor-basis 1"

    /// The cache the environment asks for; `disabled` (`--no-cache`) turns it off.
    static func fromEnvironment(disabled: Bool = false) -> BasisDirectory {
        func variable(_ name: String) -> String? {
            guard let value = getenv(name) else { return nil }
            let text = String(cString: value)
            return text.isEmpty ? nil : text
        }
        if disabled || variable("CORRIDOR_CACHE") == "off" { return BasisDirectory(path: nil) }
        if let directory = variable("CORRIDOR_CACHE_DIR") { return BasisDirectory(path: directory) }
        if let xdg = variable("XDG_CACHE_HOME"), xdg.hasPrefix("/") {
            return BasisDirectory(path: xdg + "/corridor/bases")
        }
        if let home = variable("HOME") { return BasisDirectory(path: home + "/.cache/corridor/bases") }
        return BasisDirectory(path: nil)
    }

    /// The file name of `program` solved by `method`: the program's digest and a digest of the method.
    static func fileName(_ program: LinearProgram, method: String) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for byte in method.utf8 { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        let hex = String(hash, radix: 16)
        return ProgramDigest.of(program) + "-" + String(repeating: "0", count: 8 - hex.count) + hex + ".basis"
    }

    func basis(for program: LinearProgram, method: String) -> CachedBasis? {
        guard let path, let directory = Self.openDirectory(path) else { return nil }
        defer { close(directory) }
        // O_NONBLOCK: a FIFO under the name must not hang the run (it is no regular file: a miss).
        let name = Self.fileName(program, method: method)
        let file = openat(directory, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var info = stat()
        let limit = program.rowCount + program.columnCount + 1 + 4_096
        guard fstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= limit else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(file, $0.baseAddress! + done, $0.count - done) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            done += count
        }
        return Self.decode(bytes, program: program, method: method)
    }

    func store(_ basis: CachedBasis, for program: LinearProgram, method: String) {
        guard let path, let directory = Self.makeDirectory(path) else { return }
        defer { close(directory) }
        let name = Self.fileName(program, method: method)
        let temporary = ".\(name).\(getpid()).tmp"
        let file = openat(directory, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard file >= 0 else { return }
        let written = Self.writeAll(file, Self.encode(basis, method: method))
        guard close(file) == 0, written, Self.mayReplace(name, in: directory),
            renameat(directory, temporary, directory, name) == 0
        else {
            unlinkat(directory, temporary, 0)
            return
        }
    }

    // MARK: - The file

    /// The header line, then one byte per row and column status (`LPBasis.Status` raw values).
    ///
    /// The iterations field is `N`, or `N/P` when the stall guard switched the cold solve to the dual simplex
    /// after `P` primal iterations (a file older builds read as a miss).
    static func encode(_ cached: CachedBasis, method: String) -> [UInt8] {
        let iterations = "\(cached.iterations)" + (cached.dualSimplexAfterIterations.map { "/\($0)" } ?? "")
        let header = "\(magic) \(cached.basis.rows.count) \(cached.basis.columns.count) \(iterations) \(method)\n"
        return Array(header.utf8) + cached.basis.rows.map(\.rawValue) + cached.basis.columns.map(\.rawValue)
    }

    /// The basis in `bytes` when they are a whole cache file for `program` and `method`; else nil.
    static func decode(_ bytes: [UInt8], program: LinearProgram, method: String) -> CachedBasis? {
        guard let newline = bytes.firstIndex(of: 10) else { return nil }
        let fields = String(decoding: bytes[..<newline], as: UTF8.self).split(
            separator: " ", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count == 6, "\(fields[0]) \(fields[1])" == magic, fields[5] == method,
            let rows = Int(fields[2]), let columns = Int(fields[3]), let counts = Self.iterations(fields[4]),
            rows == program.rowCount, columns == program.columnCount || columns == program.columnCount + 1,
            bytes.count - newline - 1 == rows + columns
        else { return nil }
        var statuses = [LPBasis.Status]()
        statuses.reserveCapacity(rows + columns)
        for byte in bytes[(newline + 1)...] {
            guard let status = LPBasis.Status(rawValue: byte) else { return nil }
            statuses.append(status)
        }
        return CachedBasis(
            basis: LPBasis(rows: Array(statuses[..<rows]), columns: Array(statuses[rows...])),
            iterations: counts.iterations, dualSimplexAfterIterations: counts.switchedAfter)
    }

    /// The iterations field of a header, `N` or `N/P` (see ``encode(_:method:)``), when well formed.
    static func iterations(_ field: Substring) -> (iterations: Int, switchedAfter: Int?)? {
        let parts = field.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let iterations = Int(parts[0]), iterations >= 0 else { return nil }
        guard parts.count == 2 else { return (iterations, nil) }
        guard let switchedAfter = Int(parts[1]), (0...iterations).contains(switchedAfter) else { return nil }
        return (iterations, switchedAfter)
    }

    // MARK: - System calls

    /// The directory at `path`, opened without following a final symbolic link, when it is a
    /// directory owned by this user.
    static func openDirectory(_ path: String) -> Int32? {
        let directory = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard directory >= 0 else { return nil }
        var info = stat()
        guard fstat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == geteuid() else {
            close(directory)
            return nil
        }
        return directory
    }

    /// ``openDirectory(_:)``, after creating `path` and its missing parents (mode 0700) when nothing is there.
    static func makeDirectory(_ path: String) -> Int32? {
        if let directory = openDirectory(path) { return directory }
        guard errno == ENOENT, makeMissing(path, depth: 0) else { return nil }
        return openDirectory(path)
    }

    /// Creates `path` (0700) and its missing parents; true when `path` is then there.
    private static func makeMissing(_ path: String, depth: Int) -> Bool {
        var info = stat()
        if lstat(path, &info) == 0 { return true }
        guard errno == ENOENT, depth < 64 else { return false }
        var parent = String(path.reversed().drop { $0 == "/" }.drop { $0 != "/" }.reversed())
        while parent.count > 1 && parent.hasSuffix("/") { parent.removeLast() }
        if !parent.isEmpty, parent != path, !makeMissing(parent, depth: depth + 1) { return false }
        return mkdir(path, 0o700) == 0 || errno == EEXIST
    }

    /// Whether the rename may replace what is at `name`: nothing, or a regular cache file.
    private static func mayReplace(_ name: String, in directory: Int32) -> Bool {
        let file = openat(directory, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard file >= 0 else { return errno == ENOENT }
        defer { close(file) }
        var info = stat()
        guard fstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        var head = [UInt8](repeating: 0, count: magic.utf8.count)
        let count = head.withUnsafeMutableBytes { read(file, $0.baseAddress!, $0.count) }
        return count == head.count && head == Array(magic.utf8)
    }

    /// Writes every byte, retrying on EINTR; false on any failure.
    private static func writeAll(_ file: Int32, _ bytes: [UInt8]) -> Bool {
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { write(file, $0.baseAddress! + done, $0.count - done) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            done += count
        }
        return true
    }
}
