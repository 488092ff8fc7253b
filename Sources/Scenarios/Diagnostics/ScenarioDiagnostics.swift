/// Every problem found in one pass over a scenario and the files it extends.
///
/// Thrown by ``ScenarioLoader`` when at least one error was found. Its description lists the
/// errors and warnings in file order, one per line.
public struct ScenarioDiagnostics: Error, Sendable, CustomStringConvertible {
    /// Problems that stop the scenario from loading.
    public var errors: [ScenarioError]
    /// Problems that do not stop it (a selector that matches nothing).
    public var warnings: [ScenarioError]

    /// Creates a collection of diagnostics.
    public init(errors: [ScenarioError] = [], warnings: [ScenarioError] = []) {
        self.errors = errors
        self.warnings = warnings
    }

    /// True when at least one error was recorded.
    public var hasErrors: Bool { !errors.isEmpty }

    /// Errors and warnings together, sorted by position (ties keep the order they were found in).
    public var all: [ScenarioError] {
        (errors + warnings).enumerated()
            .sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }
            .map(\.element)
    }

    /// Records a diagnostic as an error or a warning, according to its severity.
    public mutating func append(_ diagnostic: ScenarioError) {
        switch diagnostic.severity {
        case .error: errors.append(diagnostic)
        case .warning: warnings.append(diagnostic)
        }
    }

    /// Records every diagnostic in `diagnostics`.
    public mutating func append(contentsOf diagnostics: some Sequence<ScenarioError>) {
        for diagnostic in diagnostics { append(diagnostic) }
    }

    /// One diagnostic per line, in file order.
    public var description: String {
        all.map(\.description).joined(separator: "\n")
    }
}
