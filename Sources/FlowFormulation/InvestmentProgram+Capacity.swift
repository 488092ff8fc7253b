import FreightNetwork
import LinearProgramming

extension InvestmentProgram {
    /// A corridor's maximum flow as a block of the plan's program, built on a scenario's network with every
    /// candidate added: flow f[l] ≥ 0 on each open link tagged with one of `tags` (or `shared`), an injection
    /// a[n] at each source (the China–Europe demands' origins; background traffic is not a source) and a withdrawal b[n] at each sink (their destinations that
    /// are not origins), and
    ///
    ///     conservation:  Σ_in f + a[n] − Σ_out f − b[n] = 0                       (every node)
    ///     link:          f[l] − Σ_i Δ[i,l]·y[i] ≤ capacity(l)  (new link: ≤ 0; unlimited new link: f − M·y ≤ 0)
    ///     node:          Σ_in f + a[n] − Σ_i Δ[i,n]·y[i] ≤ capacity(n)   (its throughput, as in the min-cost model)
    ///     total:         T − Σ b = 0
    ///
    /// Unlimited existing links and nodes get no row; upgrade copies add no capacity and are left out. M is the
    /// sum of every finite capacity with every candidate built at its most units, which bounds any finite
    /// maximum flow. Returns T (TEU/year), a column of `lp` with objective coefficient `weight`.
    static func addCapacityBlock(
        _ lp: inout LinearProgram, s: Int, network original: Network, catalog: InvestmentCatalog,
        build: [LinearProgram.Variable], tags: Set<String>, weight: Double
    ) throws(NetworkError) -> LinearProgram.Variable {
        let augmented = try augment(original, catalog)
        let network = augmented.network
        let corridor = tags.union(["shared"])
        var bigM = 1.0
        for link in network.links { bigM += link.capacityTEU ?? 0 }
        for node in network.nodes { bigM += node.capacityTEU ?? 0 }
        for (i, investment) in catalog.investments.enumerated() {
            for deltas in [augmented.linkDelta.values, augmented.nodeDelta.values] {
                for list in deltas { for (j, teu) in list where j == i { bigM += teu * Double(investment.maxUnits) } }
            }
        }
        let openNode = network.nodes.map { !$0.isClosed }
        var inflow = [[LinearProgram.Term]](repeating: [], count: network.nodes.count)
        var balance = [[LinearProgram.Term]](repeating: [], count: network.nodes.count)
        for (l, link) in network.links.enumerated()
        where network.isOpen(link: l) && corridor.contains(link.corridor) && augmented.upgradeOf[l] == nil {
            let (from, to) = network.linkEnds[l]
            let f = lp.addVariable(FlowProgram.clipped("s\(s)_cap_f_\(link.id.rawValue)"), bounds: .lower(0))
            inflow[to].append(.init(f, 1))
            balance[to].append(.init(f, 1))
            balance[from].append(.init(f, -1))
            var terms = [LinearProgram.Term(f, 1)]
            if let info = augmented.newLink[l] {
                if info.capacity == nil { terms.append(.init(build[info.investment], -bigM)) }
                for (i, teu) in augmented.linkDelta[l] ?? [] { terms.append(.init(build[i], -teu)) }
                lp.addConstraint(FlowProgram.clipped("s\(s)_cap_link_\(link.id.rawValue)"), terms, bounds: .upper(0))
            } else if let capacity = link.capacityTEU {
                for (i, teu) in augmented.linkDelta[l] ?? [] { terms.append(.init(build[i], -teu)) }
                lp.addConstraint(FlowProgram.clipped("s\(s)_cap_link_\(link.id.rawValue)"), terms, bounds: .upper(capacity))
            }
        }
        let sources = Set(network.freightDemands.compactMap { network.index(of: $0.from) }).filter { openNode[$0] }
        let sinks = Set(network.freightDemands.compactMap { network.index(of: $0.to) }).filter { openNode[$0] && !sources.contains($0) }
        var withdrawals: [LinearProgram.Term] = []
        for n in network.nodes.indices where openNode[n] {
            let id = network.nodes[n].id.rawValue
            if sources.contains(n) {
                let a = lp.addVariable(FlowProgram.clipped("s\(s)_cap_in_\(id)"), bounds: .lower(0))
                inflow[n].append(.init(a, 1))
                balance[n].append(.init(a, 1))
            }
            if sinks.contains(n) {
                let b = lp.addVariable(FlowProgram.clipped("s\(s)_cap_out_\(id)"), bounds: .lower(0))
                balance[n].append(.init(b, -1))
                withdrawals.append(.init(b, -1))
            }
            if !balance[n].isEmpty {
                lp.addConstraint(FlowProgram.clipped("s\(s)_cap_bal_\(id)"), balance[n], bounds: .fixed(0))
            }
            guard !inflow[n].isEmpty else { continue }
            var terms = inflow[n]
            if let info = augmented.newNode[n] {
                if info.capacity == nil { terms.append(.init(build[info.investment], -bigM)) }
                for (i, teu) in augmented.nodeDelta[n] ?? [] { terms.append(.init(build[i], -teu)) }
                lp.addConstraint(FlowProgram.clipped("s\(s)_cap_node_\(id)"), terms, bounds: .upper(0))
            } else if let capacity = network.nodes[n].capacityTEU {
                for (i, teu) in augmented.nodeDelta[n] ?? [] { terms.append(.init(build[i], -teu)) }
                lp.addConstraint(FlowProgram.clipped("s\(s)_cap_node_\(id)"), terms, bounds: .upper(capacity))
            }
        }
        let total = lp.addVariable(FlowProgram.clipped("s\(s)_capacity"), bounds: .lower(0), cost: weight)
        lp.addConstraint(FlowProgram.clipped("s\(s)_cap_total"), [.init(total, 1)] + withdrawals, bounds: .fixed(0))
        return total
    }
}
