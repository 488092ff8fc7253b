import FlowFormulation
import FreightNetwork
import LinearProgramming

extension FlowDecoder {
    /// Money, time and penalty totals over the whole flow.
    struct Totals {
        var cost = 0.0
        var days = 0.0
        var timeValue = 0.0
        var penalty = 0.0
        var delivered = 0.0

        init(
            network: Network,
            commodities: [Commodity],
            linkFlow: [Double],
            commodityFlow: [[Double]],
            throughput: [Double],
            delivered: [Double],
            unmet: [Double]
        ) {
            for (l, f) in linkFlow.enumerated() {
                cost += f * network.links[l].costUSDPerTEU
                days += f * network.links[l].timeDays
            }
            for (n, t) in throughput.enumerated() {
                cost += t * network.nodes[n].handlingCostUSDPerTEU
                days += t * network.nodes[n].dwellDays
            }
            for (k, commodity) in commodities.enumerated() {
                var commodityDays = 0.0
                for (l, f) in commodityFlow[k].enumerated() where f > 0 {
                    commodityDays += f * (network.links[l].timeDays + network.nodes[network.linkEnds[l].to].dwellDays)
                }
                for d in commodity.demands { commodityDays += delivered[d] * network.nodes[commodity.origin].dwellDays }
                timeValue += commodityDays * commodity.valueOfTimeUSDPerTEUDay
            }
            for (d, demand) in network.demands.enumerated() {
                penalty += unmet[d] * demand.unmetPenaltyUSDPerTEU
                self.delivered += delivered[d]
            }
        }
    }

    func decodeDemands(commodityFlow: [[Double]], delivered: [Double], unmet: [Double]) -> [DemandResult] {
        var routes = [[Route]](repeating: [], count: network.demands.count)
        if let paths {
            for path in paths {
                guard let origin = network.index(of: network.demands[path.demand].from) else { continue }
                routes[path.demand].append(RouteBuilder.route(path.links, teu: path.teu, origin: origin, network))
            }
        } else {
            for (k, commodity) in commodities.enumerated() {
                var need: [Int: Double] = [:]
                for d in commodity.demands { need[d] = delivered[d] }
                let decomposition = PathDecomposition(
                    commodity: commodity,
                    linkFlow: commodityFlow[k],
                    delivered: need,
                    network: network
                )
                for path in decomposition.paths {
                    routes[path.demand].append(
                        RouteBuilder.route(path.links, teu: path.teu, origin: commodity.origin, network))
                }
            }
        }
        return network.demands.enumerated().map { d, demand in
            Self.demandResult(demand, teu: demand.teu, delivered: delivered[d], unmet: unmet[d], routes: routes[d])
        }
    }

    /// A demand's result from its routes (merged, largest first), with flow-weighted cost and days.
    static func demandResult(_ demand: Demand, teu total: Double, delivered: Double, unmet: Double, routes: [Route]) -> DemandResult {
        let merged = RouteBuilder.merge(routes)
        let teu = merged.reduce(0) { $0 + $1.teu }
        let cost = merged.reduce(0) { $0 + $1.teu * $1.costUSDPerTEU }
        let days = merged.reduce(0) { $0 + $1.teu * $1.timeDays }
        return DemandResult(
            id: demand.id, from: demand.from, to: demand.to, teu: total,
            deliveredTEU: clean(delivered), unmetTEU: clean(unmet),
            avgCostUSDPerTEU: teu > dust ? cost / teu : nil,
            avgTimeDays: teu > dust ? days / teu : nil,
            routes: merged
        )
    }

    func decodeLinks(_ linkFlow: [Double]) -> [LinkFlow] {
        return network.links.enumerated().map { l, link in
            let flow = Self.clean(linkFlow[l])
            let row = linkCapacity[l]
            return LinkFlow(
                id: link.id,
                from: link.from,
                to: link.to,
                mode: link.mode,
                corridor: link.corridor,
                flowTEU: flow,
                capacityTEU: link.isClosed ? 0 : link.capacityTEU,
                utilization: utilization(flow, link.isClosed ? 0 : link.capacityTEU),
                shadowPriceUSDPerTEU: link.capacityTEU == nil || link.isClosed ? nil : shadow(row),
                throughputGainPerTEU: link.capacityTEU == nil || link.isClosed ? nil : gain(row),
                isClosed: link.isClosed
            )
        }
    }

    func decodeNodes(_ throughput: [Double]) -> [NodeFlow] {
        return network.nodes.enumerated().map { n, node in
            let flow = Self.clean(throughput[n])
            let row = nodeCapacity[n]
            return NodeFlow(
                id: node.id,
                name: node.name,
                kind: node.kind,
                country: node.country,
                latitude: node.latitude,
                longitude: node.longitude,
                throughputTEU: flow,
                capacityTEU: node.isClosed ? 0 : node.capacityTEU,
                utilization: utilization(flow, node.isClosed ? 0 : node.capacityTEU),
                shadowPriceUSDPerTEU: node.capacityTEU == nil || node.isClosed ? nil : shadow(row),
                throughputGainPerTEU: node.capacityTEU == nil || node.isClosed ? nil : gain(row),
                isClosed: node.isClosed
            )
        }
    }

    private func utilization(_ flow: Double, _ capacity: Double?) -> Double? {
        guard let capacity, capacity > 0 else { return nil }
        return flow / capacity
    }

    private func shadow(_ row: LinearProgram.Constraint?) -> Double { Self.shadow(row, in: solution) }

    private func gain(_ row: LinearProgram.Constraint?) -> Double? { Self.gain(row, in: throughputDuals) }

    /// USD saved per extra TEU of capacity: minus the row dual of a minimisation, never negative.
    static func shadow(_ row: LinearProgram.Constraint?, in solution: LPSolution) -> Double {
        guard let row else { return 0 }
        let value = -solution.dual(row)
        return abs(value) < 1e-7 ? 0 : max(0, value)
    }

    /// Max throughput: extra TEU delivered per extra TEU of capacity (the stage-1 dual, ≥ 0); nil otherwise.
    static func gain(_ row: LinearProgram.Constraint?, in stage1: LPSolution?) -> Double? {
        guard let stage1 else { return nil }
        guard let row else { return 0 }
        let value = stage1.dual(row)
        return abs(value) < 1e-9 ? 0 : max(0, value)
    }

    static func shares(_ demands: [DemandResult]) -> [CorridorShare] {
        var teu: [String: Double] = [:]
        for demand in demands { for route in demand.routes { teu[route.corridor, default: 0] += route.teu } }
        let total = teu.sumInKeyOrder()
        guard total > dust else { return [] }
        return teu.map { CorridorShare(corridor: $0.key, teu: $0.value, share: $0.value / total) }
            .sorted { ($0.teu, $1.corridor) > ($1.teu, $0.corridor) }
    }

    static func binding(links: [LinkFlow], nodes: [NodeFlow]) -> [BindingConstraint] {
        var result: [BindingConstraint] = []
        for link in links where !link.isClosed {
            guard let capacity = link.capacityTEU else { continue }
            let price = link.shadowPriceUSDPerTEU ?? 0
            let gain = link.throughputGainPerTEU
            guard price > 1e-6 || (gain ?? 0) > 1e-9 || (capacity > 0 && link.flowTEU >= capacity * (1 - 1e-6)) else { continue }
            result.append(.init(element: .link, id: link.id.rawValue, name: "\(link.from) → \(link.to)",
                flowTEU: link.flowTEU, capacityTEU: capacity, shadowPriceUSDPerTEU: price, throughputGainPerTEU: gain))
        }
        for node in nodes where !node.isClosed {
            guard let capacity = node.capacityTEU else { continue }
            let price = node.shadowPriceUSDPerTEU ?? 0
            let gain = node.throughputGainPerTEU
            guard price > 1e-6 || (gain ?? 0) > 1e-9 || (capacity > 0 && node.throughputTEU >= capacity * (1 - 1e-6)) else { continue }
            result.append(.init(element: .node, id: node.id.rawValue, name: node.name,
                flowTEU: node.throughputTEU, capacityTEU: capacity, shadowPriceUSDPerTEU: price, throughputGainPerTEU: gain))
        }
        return result.sorted {
            ($0.throughputGainPerTEU ?? 0, $0.shadowPriceUSDPerTEU, $1.id) > ($1.throughputGainPerTEU ?? 0, $1.shadowPriceUSDPerTEU, $0.id)
        }
    }
}
