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

    private func shadow(_ row: LinearProgram.Constraint?) -> Double { FlowDecoder.shadow(row, in: solution) }

    /// An element's annual capacity (Σ_p annual × days(p)/365 × factor(p)), shadow price and throughput gain
    /// (each Σ_p of the period's value × days(p)/365 × factor(p)); the plain values when unlimited or closed.
    private func annual(_ capacity: Double?, closed: Bool, factors: [Double], rows: [LinearProgram.Constraint?])
        -> (capacity: Double?, price: Double?, gain: Double?)
    {
        guard let capacity, !closed else { return (closed ? 0 : nil, nil, nil) }
        var total = 0.0
        var price = 0.0
        var gain: Double? = throughputDuals == nil ? nil : 0
        for (p, period) in formulation.schedule.periods.enumerated() {
            let w = period.days / 365 * factors[p]
            total += capacity * w
            price += w * shadow(rows[p])
            if let g = FlowDecoder.gain(rows[p], in: throughputDuals) { gain = (gain ?? 0) + w * g }
        }
        return (total, price, gain)
    }

    private func utilization(_ flow: Double, _ capacity: Double?) -> Double? {
        guard let capacity, capacity > 0 else { return nil }
        return flow / capacity
    }

    func annualLinks(_ flow: [[Double]]) -> [LinkFlow] {
        let network = formulation.network
        return network.links.enumerated().map { l, link in
            let total = FlowDecoder.clean(flow[l].reduce(0, +))
            let a = annual(
                link.capacityTEU, closed: link.isClosed, factors: formulation.schedule.linkCapacityFactor[l],
                rows: formulation.linkCapacity[l])
            return LinkFlow(
                id: link.id, from: link.from, to: link.to, mode: link.mode, corridor: link.corridor, flowTEU: total,
                capacityTEU: a.capacity, utilization: utilization(total, a.capacity), shadowPriceUSDPerTEU: a.price,
                throughputGainPerTEU: a.gain, isClosed: link.isClosed
            )
        }
    }

    func annualNodes(_ throughput: [[Double]]) -> [NodeFlow] {
        let network = formulation.network
        return network.nodes.enumerated().map { n, node in
            let total = FlowDecoder.clean(throughput[n].reduce(0, +))
            let a = annual(
                node.capacityTEU, closed: node.isClosed, factors: formulation.schedule.nodeCapacityFactor[n],
                rows: formulation.nodeCapacity[n])
            return NodeFlow(
                id: node.id, name: node.name, kind: node.kind, country: node.country, latitude: node.latitude,
                longitude: node.longitude, throughputTEU: total, capacityTEU: a.capacity,
                utilization: utilization(total, a.capacity), shadowPriceUSDPerTEU: a.price,
                throughputGainPerTEU: a.gain,
                isClosed: node.isClosed
            )
        }
    }

    func periods(
        linkFlow: [[Double]], throughput: [[Double]], shipped: [[Double]], lost: [[Double]],
        corridors: [[CorridorShare]]
    ) -> [PeriodResult] {
        let network = formulation.network
        let schedule = formulation.schedule
        let P = formulation.periodCount
        let clean = FlowDecoder.clean
        var late = [Double](repeating: 0, count: P)
        var lateCost = [Double](repeating: 0, count: P)
        for (k, row) in formulation.backlog.enumerated() {
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
                let cap = link.isClosed ? 0 : capacity(link.capacityTEU, p, factor: schedule.linkCapacityFactor[l][p])
                return PeriodLinkFlow(
                    id: link.id, corridor: link.corridor, flowTEU: flow, capacityTEU: cap,
                    utilization: utilization(flow, cap),
                    shadowPriceUSDPerTEU: link.capacityTEU == nil || link.isClosed
                        ? nil : shadow(formulation.linkCapacity[l][p]))
            }
            let nodes = network.nodes.enumerated().map { n, node in
                let flow = clean(throughput[n][p])
                let cap = node.isClosed ? 0 : capacity(node.capacityTEU, p, factor: schedule.nodeCapacityFactor[n][p])
                return PeriodNodeFlow(
                    id: node.id, throughputTEU: flow, capacityTEU: cap, utilization: utilization(flow, cap),
                    shadowPriceUSDPerTEU: node.capacityTEU == nil || node.isClosed
                        ? nil : shadow(formulation.nodeCapacity[n][p]))
            }
            let stocks = network.nodes.enumerated().compactMap { n, node -> PeriodStock? in
                guard let storage = node.storageCapacityTEU, storage > 0 else { return nil }
                return PeriodStock(id: node.id, name: node.name, stockTEU: clean(stockAt[n][p]), capacityTEU: storage)
            }
            return PeriodResult(
                name: schedule.periods[p].name, days: days,
                dueTEU: formulation.due.reduce(0) { $0 + $1[p] },
                shippedTEU: clean(shipped.reduce(0) { $0 + $1[p] }),
                deliveredTEU: clean(formulation.delivery.reduce(0) { $0 + max(0, solution[$1[p]]) }),
                lostTEU: clean(lost.reduce(0) { $0 + $1[p] }),
                lateTEU: clean(late[p]), stockTEU: clean(network.nodes.indices.reduce(0) { $0 + stockAt[$1][p] }),
                lateTEUDays: clean(late[before] * days),
                holdingCostUSD: holding * days,
                lateCostUSD: lateCost[before] * days,
                corridors: corridors[p], links: links, nodes: nodes, stocks: stocks
            )
        }
    }
}
