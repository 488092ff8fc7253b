import Foundation

/// A folder under the system's temporary directory, removed when the value is released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
    }

    deinit {
        // Read-only folders made by a test are made writable again so that they can be removed.
        if let walker = FileManager.default.enumerator(atPath: url.path) {
            for case let name as String in walker {
                chmod(url.appendingPathComponent(name).path, 0o755)
            }
        }
        try? FileManager.default.removeItem(at: url)
    }

    /// The path of `name` in the folder.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// The text of the file `name`.
    func contents(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

    /// The names in the folder (or in `sub`), sorted, with hidden ones.
    func entries(_ sub: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: sub.isEmpty ? url.path : path(sub)).sorted()
    }
}
