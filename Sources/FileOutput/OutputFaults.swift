#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Failures to inject into the writer's system calls: how tests and the fuzz target prove that a
/// failure at any step leaves the file system as it was.
public struct OutputFaults: Sendable, Equatable {
    /// A system call the writer makes.
    public enum Call: String, Sendable, Hashable, CaseIterable {
        case open, write, fsync, close, link, rename, mkdir
    }

    /// One injected failure: the `index`-th call (0-based) of `call` in one write fails with `code`.
    public struct Failure: Sendable, Equatable {
        public var call: Call
        public var index: Int
        public var code: Int32

        public init(call: Call, index: Int = 0, code: Int32) {
            self.call = call
            self.index = index
            self.code = code
        }
    }

    /// The calls that fail.
    public var failures: [Failure]
    /// Writes succeed for this many bytes in total, then fail with ENOSPC: a disk that fills up
    /// part-way. `nil` for no limit.
    public var diskSpaceBytes: Int?

    /// No failures: what the command line uses.
    public static let none = OutputFaults()

    public init(failures: [Failure] = [], diskSpaceBytes: Int? = nil) {
        self.failures = failures
        self.diskSpaceBytes = diskSpaceBytes
    }
}

/// Counts the calls of one write and answers whether the next one is to fail.
final class FaultCounter {
    private let faults: OutputFaults
    private var counts: [OutputFaults.Call: Int] = [:]
    private var bytesWritten = 0

    init(_ faults: OutputFaults) { self.faults = faults }

    /// The errno the next `call` fails with, or nil when it is to run.
    func next(_ call: OutputFaults.Call) -> Int32? {
        let index = counts[call, default: 0]
        counts[call] = index + 1
        return faults.failures.first { $0.call == call && $0.index == index }?.code
    }

    /// How many of `count` bytes the disk still takes (all of them when there is no limit).
    func room(for count: Int) -> Int {
        guard let limit = faults.diskSpaceBytes else { return count }
        return max(0, min(count, limit - bytesWritten))
    }

    /// Records `count` bytes written.
    func wrote(_ count: Int) { bytesWritten += count }
}
