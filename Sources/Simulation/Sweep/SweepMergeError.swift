/// Why parts of a sweep could not be merged.
public struct SweepMergeError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
