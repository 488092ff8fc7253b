/// What kind of input file `corridor validate` is given: a plan, an observations file or a scenario.
public enum ScenarioFileKind: Sendable, Equatable {
    /// A plan file (``PlanFile``): a mapping with `investments` or `budget_usd` at its top.
    case plan
    /// An observations file (``ObservationsFile``): a mapping with `observations` at its top.
    case observations
    /// Anything else, loaded as a scenario (which reports a file that cannot be read or parsed).
    case scenario

    /// The kind of the file at `path`: ``PlanFile/isPlanFile(path:)`` first, then
    /// ``ObservationsFile/isObservationsFile(path:)``, with the file read once for both.
    ///
    /// - Parameter path: The file's path.
    /// - Returns: ``plan`` or ``observations`` as those two say, else ``scenario``.
    public static func of(path: String) -> ScenarioFileKind {
        switch YAMLDocument.firstTopLevelKeySet(path: path, [PlanFile.topLevelMarkers, ObservationsFile.topLevelMarkers]) {
        case 0: .plan
        case 1: .observations
        default: .scenario
        }
    }
}
