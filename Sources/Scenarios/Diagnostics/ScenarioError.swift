/// A problem with scenario input, pointing at the offending field.
///
/// Rendered like a compiler diagnostic so editors can jump to it:
/// `file:line:col: error: links[3].capacity_tue: unknown key (did you mean 'capacity_teu'?)`.
/// The field path is left out when the problem concerns the whole file.
public struct ScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Whether the problem stops the scenario from loading.
    public enum Severity: String, Sendable {
        /// The file cannot be used; nothing is solved.
        case error
        /// The file loads, but something probably is not what the author meant.
        case warning
    }

    /// Whether this is an error or a warning.
    public var severity: Severity
    /// Where the problem is.
    public var position: SourcePosition
    /// A dotted path such as `links[3].capacity_teu`; empty for problems with the whole file.
    public var field: String
    /// What is wrong, for example `expected a number, found 'lots'`.
    public var message: String
    /// A suggestion shown in parentheses after the message, such as `did you mean 'capacity_teu'?`.
    public var hint: String?

    /// Creates a diagnostic.
    public init(
        _ severity: Severity = .error,
        at position: SourcePosition,
        field: String,
        message: String,
        hint: String? = nil
    ) {
        self.severity = severity
        self.position = position
        self.field = field
        self.message = message
        self.hint = hint
    }

    /// Creates a diagnostic, with labels named after the properties.
    public init(severity: Severity, position: SourcePosition, field: String, message: String, hint: String? = nil) {
        self.init(severity, at: position, field: field, message: message, hint: hint)
    }

    /// `position: severity: field: message (hint)`.
    public var description: String {
        var text = "\(position): \(severity.rawValue): "
        if !field.isEmpty { text += "\(field): " }
        text += message
        if let hint { text += " (\(hint))" }
        return text
    }
}
