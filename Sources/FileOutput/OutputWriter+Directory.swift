#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// Numbers the temporary folders of this process.
private let folderCounter = Atomic<Int>(0)

extension OutputWriter {
    /// Writes a set of files into the folder at `path`: the set appears whole or not at all.
    ///
    /// A new folder (and any missing folders above it) is built under a temporary name beside
    /// its nearest existing ancestor and renamed into place at the end. In a folder that exists,
    /// the files are written as one by `write(_:)`: other files
    /// in it are left alone. A symbolic link to a folder is followed.
    /// - Throws: ``OutputError`` when the path is not a folder or a file cannot be written.
    public func writeDirectory(_ path: String, files: [(name: String, text: String)]) throws(OutputError) {
        let calls = SystemCalls(faults)
        for file in files where file.name.isEmpty || file.name.contains("/") || file.name.hasPrefix(".") {
            throw OutputError(.cannotCreate, path: path, reason: "'\(OutputPath.display(file.name))' is not a file name")
        }
        let resolved = try resolveFolder(path, calls: calls)
        if resolved.exists {
            try write(files.map { (path: resolved.path + "/" + $0.name, text: $0.text) })
        } else {
            try build(resolved.path, given: path, files: files, calls: calls)
        }
    }

    /// `path` with its symbolic links followed, and whether a folder is already there.
    private func resolveFolder(_ given: String, calls: SystemCalls) throws(OutputError) -> (path: String, exists: Bool) {
        guard !given.isEmpty else { throw OutputError(.cannotCreate, path: given, reason: "the path is empty") }
        var path = given
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        for _ in 0...OutputTarget.linkLimit {
            switch calls.kind(at: path) {
            case .failure(let error): throw OutputError(.cannotCreate, path: given, errno: error.code)
            case .success(nil): return (path, false)
            case .success(.directory?): return (path, true)
            case .success(.symbolicLink?):
                switch calls.linkTarget(path) {
                case .success(let target):
                    path = target.hasPrefix("/") ? target : OutputTarget.folder(of: path) + "/" + target
                case .failure(let error): throw OutputError(.cannotCreate, path: given, errno: error.code)
                }
            case .success:
                throw OutputError(.cannotCreate, path: given, reason: "is a file, not a folder")
            }
        }
        throw OutputError(.cannotCreate, path: given, errno: ELOOP)
    }

    /// Builds the new folder `path` under a temporary name and renames it into place.
    private func build(
        _ path: String, given: String, files: [(name: String, text: String)], calls: SystemCalls
    ) throws(OutputError) {
        // The nearest ancestor that exists, and the folders to make below it.
        var ancestor = path
        var missing: [String] = []
        while true {
            let name = OutputTarget.name(of: ancestor)
            guard name != "." && name != ".." else {
                throw OutputError(.cannotCreate, path: given, reason: "'..' or '.' after a folder that does not exist")
            }
            missing.insert(name, at: 0)
            ancestor = OutputTarget.folder(of: ancestor)
            switch calls.kind(at: ancestor) {
            case .success(nil): continue
            case .success(.directory?), .success(.symbolicLink?): break
            case .success: throw OutputError(.cannotCreate, path: given, reason: "\(ancestor) is not a folder")
            case .failure(let error): throw OutputError(.cannotCreate, path: given, errno: error.code)
            }
            break
        }
        let number = folderCounter.wrappingAdd(1, ordering: .relaxed).oldValue
        let temporary = ancestor + "/." + String(missing[missing.count - 1].prefix(200)) + ".corridor-\(getpid())-\(number).tmp"
        if case .failure(let error) = calls.makeDirectory(temporary) {
            throw OutputError(.cannotCreate, path: given, errno: error.code)
        }
        var created: [String] = []
        let undo = {
            for file in created { calls.removeFile(file) }
            calls.removeDirectory(temporary)
        }
        for file in files {
            let target = OutputTarget(given: given + "/" + file.name, path: temporary + "/" + file.name, method: .inPlace)
            let fd: Int32
            switch calls.openFile(target.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o666) {
            case .success(let opened): fd = opened
            case .failure(let error):
                undo()
                throw OutputError(.cannotCreate, path: target.given, errno: error.code)
            }
            created.append(target.path)
            let written = calls.writeAll(fd, Array(file.text.utf8)).flatMap { calls.sync(fd) }
            let closed = calls.closeFile(fd)
            if case .failure(let error) = written.flatMap({ closed }) {
                undo()
                throw OutputError(.ioError, path: target.given, errno: error.code)
            }
        }
        var made: [String] = []
        var parent = ancestor
        for name in missing.dropLast() {
            parent += "/" + name
            if case .failure(let error) = calls.makeDirectory(parent) {
                for folder in made.reversed() { calls.removeDirectory(folder) }
                undo()
                throw OutputError(.cannotCreate, path: given, errno: error.code)
            }
            made.append(parent)
        }
        if case .failure(let error) = calls.renameFile(temporary, parent + "/" + missing[missing.count - 1]) {
            for folder in made.reversed() { calls.removeDirectory(folder) }
            undo()
            throw OutputError(.ioError, path: given, errno: error.code)
        }
    }
}
