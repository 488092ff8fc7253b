internal import FreightNetwork
public import LinearProgramming

/// The demand-pattern capacity of a corridor: the largest factor λ by which every demand that can
/// reach its destination on the corridor could be scaled together and still be carried on it
/// (a maximum concurrent flow, solved as an LP).
public struct ConcurrentCapacity: Sendable, Hashable {
    /// λ; nil when no capacity limits it (every such demand has a path with no capacity limit).
    public var factor: Double?
    /// λ times the TEU/yr of the demands counted, TEU/yr; nil when unlimited.
    public var teu: Double?
    /// The TEU/yr of the demands that can reach their destination on the corridor.
    public var demandTEU: Double
    /// The demands counted (ids, in demand order).
    public var demands: [String]
    /// The demands with no open path on the corridor (ids): not counted in λ.
    public var unreachable: [String]
    /// The links and nodes whose capacity binds λ (a positive dual), in network order.
    public var binding: [CorridorCapacity.CutElement]
}

extension CapacityAnalysis {
    /// The maximum concurrent flow of `selection`'s demands: maximise λ subject to each origin's
    /// freight (one commodity per origin, sinks its demands' destinations, supply λ·TEU) flowing
    /// on the corridor's open links within every link and node capacity (a node's throughput is
    /// its inflow plus what originates there). Demands whose origin is not a source or whose
    /// destination is not a sink are left out.
    /// - Throws: ``SolverError`` when the solver fails.
    public func concurrentCapacity(
        of selection: CorridorSelection, solver: any LPSolver, options: SolveOptions = SolveOptions()
    ) throws(SolverError) -> ConcurrentCapacity {
        let tags = Set(selection.tags + [CorridorSelection.sharedTag])
        let open = network.links.indices.map { l in network.isOpen(link: l) && tags.contains(network.links[l].corridor) }
        var result = ConcurrentCapacity(factor: nil, teu: nil, demandTEU: 0, demands: [], unreachable: [], binding: [])
        // Demands by origin, with their destinations; those with no path listed apart.
        var origins: [Int] = []
        var supply: [Int: [Int: Double]] = [:]
        for demand in network.demands {
            guard let o = network.index(of: demand.from), let t = network.index(of: demand.to),
                sources.contains(o), sinks.contains(t), demand.teu > 0
            else { continue }
            guard reach(from: o, open)[t] else {
                result.unreachable.append(demand.id.rawValue)
                continue
            }
            if supply[o] == nil { origins.append(o) }
            supply[o, default: [:]][t, default: 0] += demand.teu
            result.demands.append(demand.id.rawValue)
            result.demandTEU += demand.teu
        }
        guard !origins.isEmpty else { return result }

        var lp = LinearProgram(name: "concurrent_\(selection.name)", sense: .maximize)
        let lambda = lp.addVariable("lambda", bounds: .lower(0), cost: 1)
        var linkTerms = [[LinearProgram.Term]](repeating: [], count: network.links.count)
        var nodeTerms = [[LinearProgram.Term]](repeating: [], count: network.nodes.count)
        for o in origins {
            let sinks = supply[o]!
            let forward = reach(from: o, open)
            let backward = reach(to: Array(sinks.keys), open)
            var balance = [[LinearProgram.Term]](repeating: [], count: network.nodes.count)
            for l in network.links.indices where open[l] {
                let (from, to) = network.linkEnds[l]
                guard forward[from] && backward[to] else { continue }
                let x = lp.addVariable("x_\(network.nodes[o].id.rawValue)_\(network.links[l].id.rawValue)")
                balance[from].append(.init(x, 1))
                balance[to].append(.init(x, -1))
                linkTerms[l].append(.init(x, 1))
                nodeTerms[to].append(.init(x, 1))
            }
            let total = sinks.sumInKeyOrder()
            balance[o].append(.init(lambda, -total))
            nodeTerms[o].append(.init(lambda, total))
            for (t, teu) in sinks { balance[t].append(.init(lambda, teu)) }
            for n in network.nodes.indices where !balance[n].isEmpty {
                lp.addConstraint("bal_\(network.nodes[o].id.rawValue)_\(network.nodes[n].id.rawValue)", balance[n], bounds: .fixed(0))
            }
        }
        var rows: [(LinearProgram.Constraint, CorridorCapacity.CutElement)] = []
        for (n, node) in network.nodes.enumerated() {
            guard let capacity = node.capacityTEU, !nodeTerms[n].isEmpty else { continue }
            let row = lp.addConstraint("cap_node_\(node.id.rawValue)", nodeTerms[n], bounds: .upper(capacity))
            rows.append((row, .init(kind: .node, id: node.id.rawValue, name: node.name, capacityTEU: capacity)))
        }
        for (l, link) in network.links.enumerated() {
            guard let capacity = link.capacityTEU, !linkTerms[l].isEmpty else { continue }
            let row = lp.addConstraint("cap_link_\(link.id.rawValue)", linkTerms[l], bounds: .upper(capacity))
            let (from, to) = network.linkEnds[l]
            let name = "\(network.nodes[from].name) → \(network.nodes[to].name)"
            rows.append((row, .init(kind: .link, id: link.id.rawValue, name: name, capacityTEU: capacity)))
        }
        let solution = try solver.solve(lp, options: options)
        switch solution.termination {
        case .optimal:
            let factor = solution[lambda]
            result.factor = factor
            result.teu = factor * result.demandTEU
            result.binding = rows.filter { abs(solution.dual($0.0)) > 1e-9 }.map(\.1)
        case .unbounded:
            break
        default:
            throw SolverError(
                backend: solver.name, code: 0,
                message: "the concurrent-flow LP of \(selection.name) ended \(solution.termination.rawValue)")
        }
        return result
    }

    /// Nodes reachable from `start` over `open` links.
    private func reach(from start: Int, _ open: [Bool]) -> [Bool] {
        var seen = [Bool](repeating: false, count: network.nodes.count)
        var stack = [start]
        seen[start] = true
        while let n = stack.popLast() {
            for l in network.outgoing[n] where open[l] && !seen[network.linkEnds[l].to] {
                seen[network.linkEnds[l].to] = true
                stack.append(network.linkEnds[l].to)
            }
        }
        return seen
    }

    /// Nodes from which one of `targets` is reachable over `open` links.
    private func reach(to targets: [Int], _ open: [Bool]) -> [Bool] {
        var seen = [Bool](repeating: false, count: network.nodes.count)
        var stack = targets
        for t in targets { seen[t] = true }
        while let n = stack.popLast() {
            for l in network.incoming[n] where open[l] && !seen[network.linkEnds[l].from] {
                seen[network.linkEnds[l].from] = true
                stack.append(network.linkEnds[l].from)
            }
        }
        return seen
    }
}
