public import FreightNetwork

/// Concise builders for hand-checkable networks in tests.
public enum Fixtures {
    /// A hub node at (0, 0) unless given otherwise.
    public static func node(
        _ id: String,
        kind: NodeKind = .hub,
        capacity: Double? = nil,
        handling: Double = 0,
        dwell: Double = 0,
        country: String = "XX",
        lat: Double = 0,
        lon: Double = 0
    ) -> Node {
        Node(
            id: Node.ID(id), name: id, country: country, kind: kind, latitude: lat, longitude: lon,
            capacityTEU: capacity, handlingCostUSDPerTEU: handling, dwellDays: dwell
        )
    }

    /// A rail link; its id defaults to "FROM-TO".
    public static func link(
        _ from: String,
        _ to: String,
        cost: Double,
        time: Double = 0,
        capacity: Double? = nil,
        corridor: String = "main",
        km: Double = 100,
        id: String? = nil,
        mode: Mode = .rail
    ) -> Link {
        Link(
            id: Link.ID(id ?? "\(from)-\(to)"), from: Node.ID(from), to: Node.ID(to), mode: mode,
            corridor: corridor, distanceKm: km, capacityTEU: capacity, costUSDPerTEU: cost, timeDays: time
        )
    }

    /// A demand; value of time 0 and penalty 1e4 unless given.
    public static func demand(
        _ from: String,
        _ to: String,
        teu: Double,
        vot: Double = 0,
        penalty: Double = 10_000,
        id: String? = nil
    ) -> Demand {
        Demand(
            id: id.map { Demand.ID($0) }, from: Node.ID(from), to: Node.ID(to), teu: teu,
            valueOfTimeUSDPerTEUDay: vot, unmetPenaltyUSDPerTEU: penalty
        )
    }

    /// Nodes named in the links, created as plain hubs, plus any given explicitly (which win).
    public static func network(nodes: [Node] = [], links: [Link], demands: [Demand]) throws -> Network {
        var all = nodes
        var known = Set(nodes.map(\.id))
        for link in links {
            for id in [link.from, link.to] where !known.contains(id) {
                all.append(node(id.rawValue))
                known.insert(id)
            }
        }
        for demand in demands {
            for id in [demand.from, demand.to] where !known.contains(id) {
                all.append(node(id.rawValue))
                known.insert(id)
            }
        }
        return try Network(nodes: all, links: links, demands: demands)
    }
}
