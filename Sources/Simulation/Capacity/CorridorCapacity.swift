public import FreightNetwork

/// Which links count as one corridor: those tagged with one of `tags`, plus the `shared` ones.
public struct CorridorSelection: Sendable, Hashable {
    /// The name reported, e.g. `middle` or `overland`.
    public var name: String
    /// The corridor tags whose links are used (with `shared`).
    public var tags: [String]

    public init(name: String, tags: [String]) {
        self.name = name
        self.tags = tags
    }

    /// The tag every corridor may use: first and last miles, hubs.
    public static let sharedTag = "shared"
    /// The name of all overland corridors together.
    public static let overlandName = "overland"

    /// The default selections of `network`: each corridor tag in link order except `shared` and
    /// tags whose links are all `sea`, then `overland` (all of those together) when there are two
    /// or more.
    public static func defaults(in network: Network) -> [CorridorSelection] {
        var tags: [String] = []
        var seaOnly: [String: Bool] = [:]
        for link in network.links where link.corridor != sharedTag {
            if seaOnly[link.corridor] == nil { tags.append(link.corridor) }
            seaOnly[link.corridor] = (seaOnly[link.corridor] ?? true) && link.mode == .sea
        }
        let overland = tags.filter { seaOnly[$0] == false }
        var selections = overland.map { CorridorSelection(name: $0, tags: [$0]) }
        if overland.count > 1 { selections.append(CorridorSelection(name: overlandName, tags: overland)) }
        return selections
    }
}

/// How much one corridor can carry from the sources to the sinks, and what limits it.
public struct CorridorCapacity: Sendable, Hashable {
    /// A capacity-limited link or node of the minimum cut.
    public struct CutElement: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable { case link, node }
        public var kind: Kind
        public var id: String
        public var name: String
        /// Its capacity after the scenario's changes, TEU/yr.
        public var capacityTEU: Double

        public init(kind: Kind, id: String, name: String, capacityTEU: Double) {
            self.kind = kind
            self.id = id
            self.name = name
            self.capacityTEU = capacityTEU
        }
    }

    public var selection: CorridorSelection
    /// The maximum flow, TEU/yr; nil when a path with no capacity limit joins a source to a sink.
    public var capacityTEU: Double?
    /// When unlimited: the node ids of a path with no capacity limit, source to sink.
    public var unlimitedPath: [String]?
    /// The minimum cut nearest the sources; its capacities sum to ``capacityTEU``.
    public var cut: [CutElement]
    /// The maximum flow on each link (by link index), TEU/yr; empty when unlimited.
    public var linkFlows: [Double]
    /// The sources and sinks used (node ids).
    public var sources: [String]
    public var sinks: [String]

    public init(
        selection: CorridorSelection, capacityTEU: Double?, unlimitedPath: [String]?, cut: [CutElement],
        linkFlows: [Double],
        sources: [String], sinks: [String]
    ) {
        self.selection = selection
        self.capacityTEU = capacityTEU
        self.unlimitedPath = unlimitedPath
        self.cut = cut
        self.linkFlows = linkFlows
        self.sources = sources
        self.sinks = sinks
    }

    /// True when no capacity limits the corridor.
    public var isUnlimited: Bool { capacityTEU == nil }
}

/// Why a capacity cannot be computed.
public enum CapacityError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A `--from` or `--to` node id that is not in the network.
    case unknownNode(String)
    /// No source or no sink is open.
    case noEndpoints(String)
    /// The cut found does not sum to the maximum flow: a bug, never expected.
    case cutMismatch(corridor: String, flow: Double, cut: Double)

    public var description: String {
        switch self {
        case .unknownNode(let id): "unknown node '\(id)'"
        case .noEndpoints(let what): "no open \(what) (closed, or the same node as a source)"
        case .cutMismatch(let corridor, let flow, let cut):
            "internal error: the minimum cut of \(corridor) sums to \(cut) TEU/yr but the maximum flow is \(flow)"
        }
    }
}
