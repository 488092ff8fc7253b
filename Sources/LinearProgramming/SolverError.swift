/// The backend itself failed: invalid program, numerical breakdown, or an internal solver error.
///
/// Infeasible and unbounded programs are not errors; see ``TerminationStatus``.
public struct SolverError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The backend's name, such as "GLPK".
    public var backend: String
    /// The backend's own code, or 0 when it has none.
    public var code: Int
    /// What went wrong, for a person.
    public var message: String

    public init(backend: String, code: Int = 0, message: String) {
        self.backend = backend
        self.code = code
        self.message = message
    }

    public var description: String { "\(backend) error \(code): \(message)" }
}
