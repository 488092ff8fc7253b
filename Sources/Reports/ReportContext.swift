public import Simulation

/// What a report says about where a result came from, besides the result itself.
public struct ReportContext: Sendable, Hashable {
    /// The scenario file as given on the command line.
    public var file: String
    /// One line per change the scenario applied.
    public var changes: [String]
    /// Diagnostics that were warnings, rendered.
    public var warnings: [String]
    /// The corridor capacities of the same network, when computed (`corridor run` on an annual file).
    public var capacity: CapacityStudy?

    public init(file: String, changes: [String] = [], warnings: [String] = [], capacity: CapacityStudy? = nil) {
        self.file = file
        self.changes = changes
        self.warnings = warnings
        self.capacity = capacity
    }
}
