public import FreightNetwork

/// A loaded scenario: a network after its `extends` chain and all changes, ready to formulate.
///
/// Closed nodes and links are kept, with `isClosed == true`, so reports can show them. Volumes and
/// capacities are in TEU per year, costs in USD per TEU, times in days (see `Scenarios/SCHEMA.md`).
public struct Scenario: Sendable {
    /// The human-readable name from the file's `name`.
    public var name: String
    /// The longer text from the file's `description`, if any.
    public var description: String?
    /// The path of the file, as given to the loader.
    public var file: String
    /// The network after `extends`, demand replacement and every change, in order.
    public var network: Network
    /// The network before this file's own `changes`.
    ///
    /// It is what the `extends` chain resolves to (with the base's own changes applied), with this
    /// file's `demands` in place of the base's when it lists any. For a network file it is the
    /// file's nodes, links and demands.
    public var baseNetwork: Network
    /// One human-readable line per change this file applied, in order, for example
    /// `close country RU: 6 nodes closed`. Changes of the files it extends are not listed.
    public var changes: [String]
    /// The `uncertainty` entries of this file and the files it extends, resolved against
    /// ``network`` (empty when there are none): what `corridor sweep --monte-carlo` samples.
    public var uncertainty: [CapacityUncertainty]
    /// Warnings from this file and the files it extends, in file order.
    public var warnings: [ScenarioError]
    /// The file's `periods` (with per-period factors resolved against ``network``), or `nil` for
    /// an annual steady-state scenario, which is solved exactly as before periods existed.
    public var periods: PeriodSchedule?

    /// Creates a scenario from its parts.
    public init(
        name: String,
        description: String? = nil,
        file: String,
        network: Network,
        baseNetwork: Network,
        changes: [String] = [],
        uncertainty: [CapacityUncertainty] = [],
        warnings: [ScenarioError] = [],
        periods: PeriodSchedule? = nil
    ) {
        self.name = name
        self.description = description
        self.file = file
        self.network = network
        self.baseNetwork = baseNetwork
        self.changes = changes
        self.uncertainty = uncertainty
        self.warnings = warnings
        self.periods = periods
    }
}
