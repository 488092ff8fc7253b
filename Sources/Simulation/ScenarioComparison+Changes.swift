public import FreightNetwork

extension ScenarioComparison {
    /// One demand across the scenarios: its outcome in each and whether its routes changed.
    public struct DemandShift: Sendable, Hashable {
        public var id: Demand.ID
        public var from: Node.ID
        public var to: Node.ID
        /// The outcome per entry (nil where the scenario has no such demand or no solution).
        public var outcomes: [DemandResult?]
        /// True when some scenario routes or delivers it differently from the base
        /// (a route's TEU/year differs by more than 1e-6 relative).
        public var changed: Bool
    }

    /// Every demand (base order, then demands only other scenarios have), with its outcomes.
    public var demandShifts: [DemandShift] {
        var order: [Demand.ID] = []
        var seen = Set<Demand.ID>()
        var byEntry: [[Demand.ID: DemandResult]] = []
        for entry in entries {
            var map: [Demand.ID: DemandResult] = [:]
            for d in entry.result.demands {
                map[d.id] = d
                if seen.insert(d.id).inserted { order.append(d.id) }
            }
            byEntry.append(map)
        }
        return order.map { id in
            let outcomes = byEntry.map { $0[id] }
            let first = outcomes.compactMap { $0 }[0]
            let changed = outcomes.dropFirst().contains { !Self.sameRouting(outcomes[0], $0) }
            return DemandShift(id: id, from: first.from, to: first.to, outcomes: outcomes, changed: changed)
        }
    }

    /// True when two outcomes of a demand deliver the same TEU/year on the same routes (1e-6 relative).
    public static func sameRouting(_ a: DemandResult?, _ b: DemandResult?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        let scale = max(1, a.teu, b.teu)
        guard abs(a.unmetTEU - b.unmetTEU) <= 1e-6 * scale else { return false }
        var teu: [[Link.ID]: Double] = [:]
        for r in a.routes { teu[r.links, default: 0] += r.teu }
        for r in b.routes { teu[r.links, default: 0] -= r.teu }
        return teu.values.allSatisfy { abs($0) <= 1e-6 * scale }
    }

    /// Delivered TEU/year by corridor for one demand outcome, largest first (ties by name).
    public static func corridorMix(_ outcome: DemandResult) -> [(corridor: String, teu: Double)] {
        var teu: [String: Double] = [:]
        for route in outcome.routes { teu[route.corridor, default: 0] += route.teu }
        return teu.map { ($0.key, $0.value) }.sorted { ($0.teu, $1.corridor) > ($1.teu, $0.corridor) }
    }

    /// How the flow through one link or node differs between the base and another scenario.
    public struct FlowChange: Sendable, Hashable {
        public var element: BindingConstraint.Element
        public var id: String
        /// "FROM → TO" for a link, the node's name for a node.
        public var name: String
        /// The link's corridor tag, or the corridor the node mostly serves.
        public var corridor: String
        /// TEU/year in the base (0 when the base has no such element).
        public var baseTEU: Double
        /// TEU/year in the other scenario.
        public var teu: Double
        /// True when the other scenario closes the element.
        public var closed: Bool
        /// teu − baseTEU, TEU/year.
        public var changeTEU: Double { teu - baseTEU }
    }

    /// The links and nodes whose flow changed most between the base and `entries[index]`, largest
    /// absolute change first (ties by id), at most `limit` of each.
    public func flowChanges(_ index: Int, limit: Int = 8) -> (links: [FlowChange], nodes: [FlowChange]) {
        let base = entries[0].result
        let other = entries[index].result
        let baseLinks = Dictionary(base.links.map { ($0.id, $0.flowTEU) }, uniquingKeysWith: { a, _ in a })
        let baseNodes = Dictionary(base.nodes.map { ($0.id, $0.throughputTEU) }, uniquingKeysWith: { a, _ in a })
        let corridorOf = other.nodeCorridors
        let links = other.links.map { l in
            FlowChange(element: .link, id: l.id.rawValue, name: "\(l.from) → \(l.to)", corridor: l.corridor,
                baseTEU: baseLinks[l.id] ?? 0, teu: l.flowTEU, closed: l.isClosed)
        }
        let nodes = other.nodes.map { n in
            FlowChange(element: .node, id: n.id.rawValue, name: n.name, corridor: corridorOf[n.id] ?? "shared",
                baseTEU: baseNodes[n.id] ?? 0, teu: n.throughputTEU, closed: n.isClosed)
        }
        return (Self.largest(links, limit), Self.largest(nodes, limit))
    }

    static func largest(_ changes: [FlowChange], _ limit: Int) -> [FlowChange] {
        let threshold = 1e-6 * max(1, changes.map { max($0.baseTEU, $0.teu) }.max() ?? 1)
        return changes.filter { abs($0.changeTEU) > threshold }
            .sorted { (abs($0.changeTEU), $1.id) > (abs($1.changeTEU), $0.id) }
            .prefix(limit).map { $0 }
    }

    /// A capacity that binds in at least one scenario, with its shadow price in each.
    public struct BindingRow: Sendable, Hashable {
        public var element: BindingConstraint.Element
        public var id: String
        public var name: String
        /// Per entry: the shadow price in USD/year per extra TEU/year where the row binds, else nil.
        public var shadowPrices: [Double?]
        /// Per entry: the capacity in TEU/year where the row binds, else nil.
        public var capacities: [Double?]
    }

    /// Every capacity that binds somewhere, highest shadow price (in any scenario) first, ties by id.
    public var binding: [BindingRow] {
        var rows: [String: BindingRow] = [:]
        for (i, entry) in entries.enumerated() {
            for b in entry.result.binding {
                let key = "\(b.element.rawValue):\(b.id)"
                var row = rows[key] ?? BindingRow(element: b.element, id: b.id, name: b.name,
                    shadowPrices: Array(repeating: nil, count: entries.count), capacities: Array(repeating: nil, count: entries.count))
                row.shadowPrices[i] = b.shadowPriceUSDPerTEU
                row.capacities[i] = b.capacityTEU
                rows[key] = row
            }
        }
        return rows.values.sorted { a, b in
            let pa = a.shadowPrices.compactMap { $0 }.max() ?? 0
            let pb = b.shadowPrices.compactMap { $0 }.max() ?? 0
            return pa != pb ? pa > pb : (a.element.rawValue, a.id) < (b.element.rawValue, b.id)
        }
    }
}
