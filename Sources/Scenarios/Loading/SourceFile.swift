import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads scenario files from disk and resolves the paths in `extends`.
enum SourceFile {
    /// Why a file could not be read as text.
    enum Failure: Error, Equatable {
        /// Nothing exists at the path.
        case missing
        /// The path names a directory.
        case directory
        /// The path names a device, a pipe or a socket: reading it might never end.
        case notRegular
        /// The file is larger than ``ScenarioLoader/largestFileBytes``: `bytes` is its size, or `nil`
        /// for a pipe, whose size is known only to exceed the limit.
        case tooLarge(bytes: Int?)
        /// The file exists but could not be read.
        case unreadable
        /// The file holds NUL bytes or is not valid UTF-8; the text says which.
        case notText(String)

        /// The message for a diagnostic positioned at the file itself, which already names it.
        var messageForRoot: String {
            switch self {
            case .missing: "no such file"
            case .directory: "is a directory, not a file"
            case .notRegular: "is not a regular file (a device, pipe or socket)"
            case .tooLarge(let bytes): Self.tooLargeMessage(bytes)
            case .unreadable: "cannot read the file"
            case .notText(let reason): "not a text file (\(reason))"
            }
        }

        /// `is 63.2 MiB (66270000 bytes), larger than the 16 MiB limit for a scenario file`.
        static func tooLargeMessage(_ bytes: Int?) -> String {
            let limit = "the \(ScenarioLoader.largestFileBytes >> 20) MiB limit for a scenario file"
            guard let bytes else { return "is larger than \(limit) (read as a stream, stopped at the limit)" }
            let mebibytes = (Double(bytes) / Double(1 << 20) * 10).rounded() / 10
            return "is \(mebibytes) MiB (\(bytes) bytes), larger than \(limit)"
        }

        /// The message for a diagnostic about the file at `path`, positioned elsewhere.
        func message(for path: String) -> String {
            switch self {
            case .missing: "no such file '\(path)'"
            case .directory: "'\(path)' is a directory, not a file"
            case .notRegular: "'\(path)' is not a regular file (a device, pipe or socket)"
            case .tooLarge(let bytes): "'\(path)' \(Self.tooLargeMessage(bytes))"
            case .unreadable: "cannot read '\(path)'"
            case .notText(let reason): "not a text file (\(reason))"
            }
        }
    }

    /// The errors of loading a scenario file that another file names at `site`: when the file itself cannot
    /// be read (missing, a directory, a device…), one error at the naming field in the naming file, which says
    /// which file; otherwise the loader's own errors, which are positioned in the scenario file.
    static func referenced(_ path: String, at site: PlanFile.Site?, errors: ScenarioDiagnostics) -> [ScenarioError] {
        guard let site, case .failure(let failure) = read(path) else { return errors.all }
        return [ScenarioError(at: site.position, field: site.path, message: failure.message(for: path))]
    }

    /// The text of the file at `path`, without a leading byte-order mark.
    ///
    /// Regular files (or links to them) and named pipes are read, at most
    /// ``ScenarioLoader/largestFileBytes`` of them: a regular file's size is checked before it is
    /// opened, a pipe's bytes while it is read. Devices and sockets are refused, so
    /// `extends: /dev/zero` cannot hang the loader.
    static func read(_ path: String) -> Result<String, Failure> {
        readBytes(path).flatMap(decode)
    }

    /// The bytes of the file at `path`, checked as ``read(_:)`` checks them but not decoded.
    static func readBytes(_ path: String) -> Result<[UInt8], Failure> {
        let limit = ScenarioLoader.largestFileBytes
        var status = stat()
        guard stat(path, &status) == 0 else { return .failure(errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable) }
        let type = status.st_mode & S_IFMT
        guard type != S_IFDIR else { return .failure(.directory) }
        guard type == S_IFREG || type == S_IFIFO else { return .failure(.notRegular) }
        if type == S_IFREG, Int(status.st_size) > limit { return .failure(.tooLarge(bytes: Int(status.st_size))) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.unreadable) }
        defer { close(descriptor) }
        let expected = type == S_IFREG ? Int(status.st_size) : 0
        guard let bytes = readAll(descriptor, upTo: limit + 1, expecting: expected) else { return .failure(.unreadable) }
        guard bytes.count <= limit else { return .failure(.tooLarge(bytes: nil)) }
        return .success(bytes)
    }

    /// Up to `count` bytes from `descriptor`, or `nil` on a read error.
    ///
    /// Reads straight into the array, `expected` bytes (the size on disk) at first, so a regular
    /// file takes one `read(2)` and no copy; the array grows for a pipe or a file that grew.
    private static func readAll(_ descriptor: Int32, upTo count: Int, expecting expected: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        var capacity = min(max(expected + 1, 1 << 16), count)
        var failed = false
        while !failed, bytes.count < count {
            if bytes.count == capacity { capacity = min(capacity * 2, count) }
            var grown = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                let start = bytes.count
                _ = UnsafeMutableBufferPointer(rebasing: buffer[..<start]).initialize(from: bytes)
                initialized = start
                while initialized < capacity {
                    let got = systemRead(descriptor, buffer.baseAddress! + initialized, capacity - initialized)
                    if got < 0, errno == EINTR { continue }
                    if got < 0 { failed = true }
                    if got <= 0 { break }
                    initialized += got
                }
            }
            swap(&bytes, &grown)
            if bytes.count < capacity { break }
        }
        return failed ? nil : bytes
    }

    /// The text in `bytes`: valid UTF-8 without NUL bytes, a leading byte-order mark dropped.
    static func decode(_ bytes: [UInt8]) -> Result<String, Failure> {
        bytes.withUnsafeBufferPointer { whole in
            var bytes = whole[...]
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            if let start = whole.baseAddress, memchr(start, 0, whole.count) != nil {
                return .failure(.notText("contains NUL bytes"))
            }
            guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self) else {
                return .failure(.notText("not valid UTF-8"))
            }
            return .success(text)
        }
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

/// `read(2)`, named apart from ``SourceFile/read(_:)``, which would hide it inside the enum.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
