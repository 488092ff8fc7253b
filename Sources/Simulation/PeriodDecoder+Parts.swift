import FlowFormulation
import FreightNetwork
import LinearProgramming

extension PeriodDecoder {
    /// Period capacity of an annual capacity (TEU in the period), nil when unlimited and open.
    private func capacity(_ annual: Double?, _ p: Int, factor: Double) -> Double? {
        if let annual {
            return PeriodProgram.periodCapacity(annual, days: formulation.schedule.periods[p].days, factor: factor)
        }
        return factor <= 0 ? 0 : nil
    }

    /// A limited, open element's annual capacity (Σ_p annual × days(p)/365 × factor(p)), shadow price and
    /// throughput gain (each Σ_p of the period's value × days(p)/365 × factor(p)).
    private func annual(_ capacity: Double, factors: [Double], rows: [LinearProgram.Constraint?])
        -> ResultAssembler.Figures
    {
        let assembler = assembler
        var total = 0.0
        var price = 0.0
        var gain: Double? = throughputDuals == nil ? nil : 0
        for (p, period) in formulation.schedule.periods.enumerated() {
            let w = period.days / 365 * factors[p]
            total += capacity * w
            price += w * assembler.shadow(rows[p])
            if let g = assembler.gain(rows[p]) { gain = (gain ?? 0) + w * g }
        }
        return (total, price, gain)
    }

    func annualLinks(_ flow: [[Double]]) -> [LinkFlow] {
        formulation.network.links.enumerated().map { l, link in
            ResultAssembler.link(link, flow: ResultAssembler.clean(flow[l].reduce(0, +))) {
                annual($0, factors: formulation.schedule.linkCapacityFactor[l], rows: formulation.linkCapacity[l])
            }
        }
    }

    func annualNodes(_ throughput: [[Double]]) -> [NodeFlow] {
        formulation.network.nodes.enumerated().map { n, node in
            ResultAssembler.node(node, throughput: ResultAssembler.clean(throughput[n].reduce(0, +))) {
                annual($0, factors: formulation.schedule.nodeCapacityFactor[n], rows: formulation.nodeCapacity[n])
            }
        }
    }

    func periods(
        linkFlow: [[Double]], throughput: [[Double]], shipped: [[Double]], lost: [[Double]],
        corridors: [[CorridorShare]]
    ) -> [PeriodResult] {
        let network = formulation.network
        let schedule = formulation.schedule
        let P = formulation.periodCount
        let clean = ResultAssembler.clean
        let assembler = assembler
        var late = [Double](repeating: 0, count: P)
        var lateCost = [Double](repeating: 0, count: P)
        // Background traffic is in the flows and stocks, not in the freight's due, shipped, delivered,
        // lost or late TEU (commodities never mix the two).
        let freight = network.demands.indices.filter { !network.demands[$0].isBackground }
        let freightCommodities = formulation.commodities.indices.filter { k in
            !formulation.commodities[k].demands.contains { network.demands[$0].isBackground }
        }
        for k in freightCommodities {
            let row = formulation.backlog[k]
            for (p, v) in row.enumerated() {
                late[p] += max(0, solution[v])
                lateCost[p] += max(0, solution[v]) * formulation.latePenalty[k]
            }
        }
        var stockAt = [[Double]](repeating: Array(repeating: 0, count: P), count: network.nodes.count)
        for columns in formulation.stock {
            for c in columns {
                let s = max(0, solution[c.variable])
                stockAt[c.node][c.period] += s
            }
        }
        return (0..<P).map { p in
            let before = (p + P - 1) % P
            let days = schedule.periods[p].days
            let holding = network.nodes.indices.reduce(0) {
                $0 + stockAt[$1][before] * network.nodes[$1].holdingCostUSDPerTEUDay
            }
            let links = network.links.enumerated().map { l, link in
                let flow = clean(linkFlow[l][p])
                let limit = ResultAssembler.limit(link.capacityTEU, closed: link.isClosed) {
                    capacity($0, p, factor: schedule.linkCapacityFactor[l][p])
                }
                return PeriodLinkFlow(
                    id: link.id, corridor: link.corridor, flowTEU: flow, capacityTEU: limit.capacity,
                    utilization: ResultAssembler.utilization(flow, limit.capacity),
                    shadowPriceUSDPerTEU: limit.priced ? assembler.shadow(formulation.linkCapacity[l][p]) : nil)
            }
            let nodes = network.nodes.enumerated().map { n, node in
                let flow = clean(throughput[n][p])
                let limit = ResultAssembler.limit(node.capacityTEU, closed: node.isClosed) {
                    capacity($0, p, factor: schedule.nodeCapacityFactor[n][p])
                }
                return PeriodNodeFlow(
                    id: node.id, throughputTEU: flow, capacityTEU: limit.capacity,
                    utilization: ResultAssembler.utilization(flow, limit.capacity),
                    shadowPriceUSDPerTEU: limit.priced ? assembler.shadow(formulation.nodeCapacity[n][p]) : nil)
            }
            let stocks = network.nodes.enumerated().compactMap { n, node -> PeriodStock? in
                guard let storage = node.storageCapacityTEU, storage > 0 else { return nil }
                return PeriodStock(id: node.id, name: node.name, stockTEU: clean(stockAt[n][p]), capacityTEU: storage)
            }
            return PeriodResult(
                name: schedule.periods[p].name, days: days,
                dueTEU: freight.reduce(0) { $0 + formulation.due[$1][p] },
                shippedTEU: clean(freight.reduce(0) { $0 + shipped[$1][p] }),
                deliveredTEU: clean(freightCommodities.reduce(0) { $0 + max(0, solution[formulation.delivery[$1][p]]) }),
                lostTEU: clean(freight.reduce(0) { $0 + lost[$1][p] }),
                lateTEU: clean(late[p]), stockTEU: clean(network.nodes.indices.reduce(0) { $0 + stockAt[$1][p] }),
                lateTEUDays: clean(late[before] * days),
                holdingCostUSD: holding * days,
                lateCostUSD: lateCost[before] * days,
                corridors: corridors[p], links: links, nodes: nodes, stocks: stocks
            )
        }
    }
}
