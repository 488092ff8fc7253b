/// A scenario `uncertainty` entry as a sweep report shows it.
public struct UncertaintyInfo: Sendable, Hashable {
    /// What it picks, as written: `link KUR-ALT`.
    public var label: String
    /// Where it was written, `file:line`.
    public var source: String
    /// How many directed links and nodes it picks.
    public var elementCount: Int
    public var closedProbability: Double
    /// The factor distribution's summary (`uniform 0.7–0.75`), or `nil` for 1.
    public var capacityFactor: String?
    public var group: String?

    public init(
        label: String, source: String, elementCount: Int, closedProbability: Double, capacityFactor: String?,
        group: String?
    ) {
        self.label = label
        self.source = source
        self.elementCount = elementCount
        self.closedProbability = closedProbability
        self.capacityFactor = capacityFactor
        self.group = group
    }
}
