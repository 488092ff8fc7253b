import FreightNetwork

/// Builds ``Route`` values from link sequences: costs, times, corridor and key nodes.
enum RouteBuilder {
    static func route(_ links: [Int], teu: Double, origin: Int, _ network: Network) -> Route {
        let start = network.nodes[origin]
        var nodes = [start.id]
        var cost = start.handlingCostUSDPerTEU
        var days = start.dwellDays
        var km: [String: Double] = [:]
        for l in links {
            let link = network.links[l]
            let head = network.nodes[network.linkEnds[l].to]
            nodes.append(head.id)
            cost += link.costUSDPerTEU + head.handlingCostUSDPerTEU
            days += link.timeDays + head.dwellDays
            if link.corridor != "shared" { km[link.corridor, default: 0] += max(link.distanceKm, 1e-9) }
        }
        let corridor = km.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "shared"
        let key = nodes.enumerated().filter { i, id in
            guard i > 0, i < nodes.count - 1, let node = network.node(id) else { return true }
            return node.kind == .border || node.kind == .port || node.kind == .waypoint
        }.map(\.element)
        return Route(
            nodes: nodes,
            links: links.map { network.links[$0].id },
            teu: teu,
            costUSDPerTEU: cost,
            timeDays: days,
            corridor: corridor,
            keyNodes: key
        )
    }

    /// Sums routes over identical link sequences, largest TEU first (ties by node ids); where their days
    /// differ (routes of a seasonal year, through periods with other extra days or waits), the TEU-weighted mean.
    static func merge(_ routes: [Route]) -> [Route] {
        var merged: [[Link.ID]: Route] = [:]
        var order: [[Link.ID]] = []
        for route in routes where route.teu > ResultAssembler.dust {
            if let known = merged[route.links] {
                let teu = known.teu + route.teu
                if known.timeDays != route.timeDays {
                    merged[route.links]?.timeDays = (known.teu * known.timeDays + route.teu * route.timeDays) / teu
                }
                merged[route.links]?.teu = teu
            } else {
                merged[route.links] = route
                order.append(route.links)
            }
        }
        return order.compactMap { merged[$0] }.sorted {
            if $0.teu != $1.teu { return $0.teu > $1.teu }
            return $0.nodes.map(\.rawValue).joined(separator: ",") < $1.nodes.map(\.rawValue).joined(separator: ",")
        }
    }
}
