public import Foundation

/// Runs `body` with a fresh folder under the system's temporary directory (named `name` plus a UUID),
/// removed afterwards whatever `body` does.
public func withTemporaryFolder<T>(_ name: String, _ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}
