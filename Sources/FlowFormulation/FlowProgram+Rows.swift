import FreightNetwork
import LinearProgramming

extension FlowProgram {
    /// Adds one flow-balance row per commodity and node it touches (origin and sinks always).
    static func addBalanceRows(
        _ lp: inout LinearProgram,
        _ network: Network,
        _ commodities: [Commodity],
        _ flow: [[(link: Int, variable: LinearProgram.Variable)]],
        _ unmet: [LinearProgram.Variable],
        _ labels: [String]
    ) {
        for (k, commodity) in commodities.enumerated() {
            var terms = [[LinearProgram.Term]](repeating: [], count: network.nodes.count)
            var rhs = [Double](repeating: 0, count: network.nodes.count)
            var touched = [Bool](repeating: false, count: network.nodes.count)
            for column in flow[k] {
                let (from, to) = network.linkEnds[column.link]
                terms[from].append(.init(column.variable, 1))
                terms[to].append(.init(column.variable, -1))
                touched[from] = true
                touched[to] = true
            }
            for d in commodity.demands {
                let demand = network.demands[d]
                guard let sink = network.index(of: demand.to) else { continue }
                terms[commodity.origin].append(.init(unmet[d], 1))
                rhs[commodity.origin] += demand.teu
                terms[sink].append(.init(unmet[d], -1))
                rhs[sink] -= demand.teu
                touched[commodity.origin] = true
                touched[sink] = true
            }
            for n in network.nodes.indices where touched[n] {
                let name = Self.clipped("bal_\(labels[k])_\(network.nodes[n].id.rawValue)")
                lp.addConstraint(name, terms[n], bounds: .fixed(rhs[n]))
            }
        }
    }

    /// Adds one throughput row per capacity-limited node that some flow or origin touches.
    static func addNodeRows(
        _ lp: inout LinearProgram,
        _ network: Network,
        _ flow: [[(link: Int, variable: LinearProgram.Variable)]],
        _ unmet: [LinearProgram.Variable]
    ) -> [LinearProgram.Constraint?] {
        let (terms, originating) = nodeTerms(network, flow, unmet)
        var rows = [LinearProgram.Constraint?](repeating: nil, count: network.nodes.count)
        for (n, node) in network.nodes.enumerated() {
            guard let capacity = node.capacityTEU, !terms[n].isEmpty else { continue }
            rows[n] = lp.addConstraint(
                Self.clipped("cap_node_\(node.id.rawValue)"),
                terms[n],
                bounds: .upper(capacity - originating[n])
            )
        }
        return rows
    }

    /// The throughput of each node as terms (flow columns entering, less unmet of demands starting
    /// there) and the TEU/year of demand originating there: throughput = terms + originating.
    static func nodeTerms(
        _ network: Network,
        _ flow: [[(link: Int, variable: LinearProgram.Variable)]],
        _ unmet: [LinearProgram.Variable]
    ) -> (terms: [[LinearProgram.Term]], originating: [Double]) {
        var terms = [[LinearProgram.Term]](repeating: [], count: network.nodes.count)
        var originating = [Double](repeating: 0, count: network.nodes.count)
        for columns in flow {
            for column in columns { terms[network.linkEnds[column.link].to].append(.init(column.variable, 1)) }
        }
        for (d, demand) in network.demands.enumerated() {
            guard let origin = network.index(of: demand.from) else { continue }
            terms[origin].append(.init(unmet[d], -1))
            originating[origin] += demand.teu
        }
        return (terms, originating)
    }
}
