import FlowFormulation
import FreightNetwork
import LinearProgramming

extension FlowDecoder {
    /// Cost and time of the flow, by link, then node, then commodity (the arc form's order).
    func totals(linkFlow: [Double], throughput: [Double], delivered: [Double]) -> ResultAssembler.Totals {
        var totals = ResultAssembler.Totals()
        for (l, f) in linkFlow.enumerated() {
            totals.cost += f * network.links[l].costUSDPerTEU
            totals.days += f * network.links[l].timeDays
        }
        for (n, t) in throughput.enumerated() {
            totals.cost += t * network.nodes[n].handlingCostUSDPerTEU
            totals.days += t * network.nodes[n].dwellDays
        }
        for (k, commodity) in commodities.enumerated() {
            var commodityDays = 0.0
            for (l, f) in commodityFlow[k].enumerated() where f > 0 {
                commodityDays += f * (network.links[l].timeDays + network.nodes[network.linkEnds[l].to].dwellDays)
            }
            for d in commodity.demands { commodityDays += delivered[d] * network.nodes[commodity.origin].dwellDays }
            totals.timeValue += commodityDays * commodity.valueOfTimeUSDPerTEUDay
        }
        return totals
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
            ResultAssembler.demandResult(
                demand, direction: network.direction(of: demand), teu: demand.teu, delivered: delivered[d],
                unmet: unmet[d], routes: routes[d])
        }
    }
}
