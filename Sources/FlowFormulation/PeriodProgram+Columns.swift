import FreightNetwork
import LinearProgramming

extension PeriodProgram {
    /// What every stage of building the program reads: the commodities with their origins and sinks,
    /// the period labels and lengths, and whether costs are the objective.
    struct Layout {
        let network: Network
        let schedule: PeriodSchedule
        let commodities: [Commodity]
        let sinks: [Int]
        let origins: [[Int]]
        let minCost: Bool
        let periodNames: [String]
        let labels: [String]
        /// `nextDays[p]`: the length of the period after p, in days (what a stock or backlog at the end of p waits).
        let nextDays: [Double]
        var periodCount: Int { schedule.periods.count }

        /// The layout of `network`'s commodities (each sinks at its demands' destination) over `schedule`.
        init(network: Network, schedule: PeriodSchedule, minCost: Bool) {
            let commodities = PeriodProgram.commodities(network)
            self.network = network
            self.schedule = schedule
            self.minCost = minCost
            self.commodities = commodities
            self.sinks = commodities.map { network.index(of: network.demands[$0.demands[0]].to) ?? $0.origin }
            self.origins = commodities.map { PeriodProgram.origins(of: $0, network) }
            self.periodNames = PeriodProgram.periodLabels(schedule)
            self.labels = PeriodProgram.labels(commodities, sinks, network)
            let P = schedule.periods.count
            self.nextDays = (0..<P).map { schedule.periods[($0 + 1) % P].days }
        }
    }

    /// The demand-side columns: shipped and lost per demand and period, delivered and late per commodity and period.
    struct DemandColumns {
        var shipped: [[LinearProgram.Variable]] = []
        var lost: [[LinearProgram.Variable]] = []
        var delivery: [[LinearProgram.Variable]] = []
        var backlog: [[LinearProgram.Variable]] = []
        /// `due[d][p]`: TEU of demand d due at its destination in period p.
        var due: [[Double]] = []
    }

    /// Flow columns: the usable links of each commodity, open in the period; and those links per commodity.
    static func addFlowColumns(
        _ lp: inout LinearProgram, _ layout: Layout, pruneByCost: Bool
    ) -> (flow: [[FlowColumn]], usable: [[Int]]) {
        let network = layout.network
        let schedule = layout.schedule
        let transit = PeriodTransit(schedule)
        let reach = Reachability(network: network)
        let leastExtraDays = schedule.linkExtraDays.map { $0.min() ?? 0 }
        var flow: [[FlowColumn]] = []
        var usable: [[Int]] = []
        for (k, commodity) in layout.commodities.enumerated() {
            var open = Set<Int>()
            for o in layout.origins[k] {
                open.formUnion(
                    reach.usableLinks(from: o, to: [layout.sinks[k]], in: network, avoiding: commodity.avoidedNodes))
            }
            var links = open.sorted()
            if layout.minCost && pruneByCost {
                links = affordableLinks(
                    links, commodity: commodity, sink: layout.sinks[k], network, leastExtraDays: leastExtraDays)
            }
            usable.append(links)
            var columns: [FlowColumn] = []
            for l in links {
                for p in 0..<layout.periodCount where isOpen(link: l, period: p, network, schedule) {
                    let extra = schedule.linkExtraDays[l][p]
                    let vot = commodity.valueOfTimeUSDPerTEUDay
                    let cost = FlowProgram.linkCost(l, vot: vot, network) + vot * extra
                    let head = network.nodes[network.linkEnds[l].to]
                    let days = network.links[l].timeDays + extra + head.dwellDays
                    let name = FlowProgram.clipped(
                        "x_\(layout.labels[k])_\(network.links[l].id.rawValue)_\(layout.periodNames[p])")
                    let v = lp.addVariable(name, bounds: .lower(0), cost: layout.minCost ? cost : 0)
                    columns.append(
                        FlowColumn(
                            link: l, period: p, variable: v,
                            arrivals: transit.arrivals(enteringIn: p, transitDays: days), unitCost: cost))
                }
            }
            flow.append(columns)
        }
        return (flow, usable)
    }

    /// Stock columns: storage nodes the commodity passes through, and its destination when it has storage.
    static func addStockColumns(_ lp: inout LinearProgram, _ layout: Layout, usable: [[Int]]) -> [[StockColumn]] {
        let network = layout.network
        let P = layout.periodCount
        var stock: [[StockColumn]] = []
        for k in layout.commodities.indices {
            var columns: [StockColumn] = []
            if P > 1 {
                let enters = Set(usable[k].map { network.linkEnds[$0].to })
                let leaves = Set(usable[k].map { network.linkEnds[$0].from })
                for (n, node) in network.nodes.enumerated() {
                    guard let capacity = node.storageCapacityTEU, capacity > 0, !node.isClosed,
                        enters.contains(n), leaves.contains(n) || n == layout.sinks[k]
                    else { continue }
                    for p in 0..<P {
                        let cost = node.holdingCostUSDPerTEUDay * layout.nextDays[p]
                        let name = FlowProgram.clipped(
                            "s_\(layout.labels[k])_\(node.id.rawValue)_\(layout.periodNames[p])")
                        columns.append(
                            StockColumn(
                                node: n, period: p,
                                variable: lp.addVariable(name, bounds: .lower(0), cost: layout.minCost ? cost : 0)))
                    }
                }
            }
            stock.append(columns)
        }
        return stock
    }

    /// Demand columns: shipped and lost per demand and period; delivered and late backlog per commodity and
    /// period. Sets the objective constant of max throughput (the TEU due, less what is lost).
    static func addDemandColumns(_ lp: inout LinearProgram, _ layout: Layout, latePenalty: [Double]) -> DemandColumns {
        let network = layout.network
        let P = layout.periodCount
        let names = layout.periodNames
        let minCost = layout.minCost
        var columns = DemandColumns()
        var constant = 0.0
        for (d, demand) in network.demands.enumerated() {
            let id = demand.id.rawValue
            let origin = FlowProgram.originCost(demand, network)
            let dueInPeriod = (0..<P).map { demand.teu * layout.schedule.demandShare[d][$0] }
            columns.due.append(dueInPeriod)
            if !minCost { constant += dueInPeriod.reduce(0, +) }
            columns.shipped.append(
                (0..<P).map {
                    lp.addVariable(
                        FlowProgram.clipped("y_\(id)_\(names[$0])"), bounds: .lower(0), cost: minCost ? origin : 0)
                })
            columns.lost.append(
                (0..<P).map {
                    lp.addVariable(
                        FlowProgram.clipped("u_\(id)_\(names[$0])"), bounds: .lower(0),
                        cost: minCost ? demand.unmetPenaltyUSDPerTEU : -1)
                })
        }
        for k in layout.commodities.indices {
            let label = layout.labels[k]
            columns.delivery.append(
                (0..<P).map {
                    lp.addVariable(FlowProgram.clipped("v_\(label)_\(names[$0])"), bounds: .lower(0), cost: 0)
                })
            columns.backlog.append(
                P > 1
                    ? (0..<P).map {
                        lp.addVariable(
                            FlowProgram.clipped("b_\(label)_\(names[$0])"), bounds: .lower(0),
                            cost: minCost ? latePenalty[k] * layout.nextDays[$0] : 0)
                    } : [])
        }
        lp.objectiveConstant = constant
        return columns
    }

    /// Supply rows (over the year each demand is shipped or lost) and due rows:
    /// v[k,p] + Σ u[d,p] + b[k,p] − b[k,p−1] = Σ due(d,p). The due rows' sum over p is the sum of the
    /// commodity's supply and balance rows, so the last period's row is implied and left out (a redundant
    /// equality makes GLPK's initial basis singular); with one period there is none.
    static func addSupplyAndDueRows(_ lp: inout LinearProgram, _ layout: Layout, _ columns: DemandColumns) {
        let P = layout.periodCount
        for (d, demand) in layout.network.demands.enumerated() {
            let terms = (0..<P).flatMap {
                [LinearProgram.Term(columns.shipped[d][$0], 1), .init(columns.lost[d][$0], 1)]
            }
            lp.addConstraint(
                FlowProgram.clipped("sup_\(demand.id.rawValue)"), terms, bounds: .fixed(columns.due[d].reduce(0, +)))
        }
        for (k, commodity) in layout.commodities.enumerated() {
            for p in 0..<(P - 1) {
                var terms: [LinearProgram.Term] = [.init(columns.delivery[k][p], 1)]
                terms += commodity.demands.map { .init(columns.lost[$0][p], 1) }
                if P > 1 {
                    terms += [.init(columns.backlog[k][p], 1), .init(columns.backlog[k][(p + P - 1) % P], -1)]
                }
                let total = commodity.demands.reduce(0) { $0 + columns.due[$1][p] }
                lp.addConstraint(
                    FlowProgram.clipped("due_\(layout.labels[k])_\(layout.periodNames[p])"), terms,
                    bounds: .fixed(total))
            }
        }
    }

    /// Balance rows per commodity, node and period, for the nodes the commodity touches; returns them.
    static func addBalanceRows(
        _ lp: inout LinearProgram, _ layout: Layout, flow: [[FlowColumn]], stock: [[StockColumn]],
        _ columns: DemandColumns
    ) -> [LinearProgram.Constraint] {
        var rows: [LinearProgram.Constraint] = []
        let network = layout.network
        let P = layout.periodCount
        let N = network.nodes.count
        for (k, commodity) in layout.commodities.enumerated() {
            var terms = [[LinearProgram.Term]](repeating: [], count: N * P)
            var touched = [Bool](repeating: false, count: N)
            for o in layout.origins[k] { touched[o] = true }
            touched[layout.sinks[k]] = true
            for column in flow[k] {
                let (from, to) = network.linkEnds[column.link]
                terms[from * P + column.period].append(.init(column.variable, 1))
                for arrival in column.arrivals {
                    terms[to * P + arrival.period].append(.init(column.variable, -arrival.fraction))
                }
                touched[from] = true
                touched[to] = true
            }
            for column in stock[k] {
                terms[column.node * P + column.period].append(.init(column.variable, 1))
                terms[column.node * P + (column.period + 1) % P].append(.init(column.variable, -1))
            }
            for p in 0..<P {
                for d in commodity.demands {
                    guard let o = network.index(of: network.demands[d].from) else { continue }
                    terms[o * P + p].append(.init(columns.shipped[d][p], -1))
                }
                terms[layout.sinks[k] * P + p].append(.init(columns.delivery[k][p], 1))
            }
            for n in 0..<N where touched[n] {
                for p in 0..<P {
                    let name = FlowProgram.clipped(
                        "bal_\(layout.labels[k])_\(network.nodes[n].id.rawValue)_\(layout.periodNames[p])")
                    rows.append(lp.addConstraint(name, terms[n * P + p], bounds: .fixed(0)))
                }
            }
        }
        return rows
    }
}
