/// A request `NetworkGenerator` cannot meet: which parameter, what was asked and what is possible.
public struct GeneratorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The parameter at fault, spelled as the command-line option (`links`, `origins`, …).
    public var parameter: String
    /// What is wrong and what would be accepted.
    public var message: String

    /// Creates an error about `parameter`.
    public init(parameter: String, message: String) {
        self.parameter = parameter
        self.message = message
    }

    /// `--links: …`, as the command line prints it.
    public var description: String { "--\(parameter): \(message)" }
}
