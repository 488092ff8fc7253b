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
    /// False when λ was not asked for (`run` leaves it out: one LP per corridor, costly at scale).
    public var computed = true

    /// λ left out: nothing computed.
    public static let notComputed = ConcurrentCapacity(
        factor: nil, teu: nil, demandTEU: 0, demands: [], unreachable: [], binding: [], computed: false)

    /// Records an optimum: λ, its TEU/yr and the binding capacities.
    mutating func settle(factor: Double, binding: [CorridorCapacity.CutElement]) {
        self.factor = factor
        teu = factor * demandTEU
        self.binding = binding
    }
}

/// What λ counts on one corridor and which capacities can bind it: shared by the arc and path forms.
struct ConcurrentSetup {
    /// A capacity row of the LP: a limited node some counted flow enters or originates at, or a limited
    /// link some counted flow can use.
    struct Limit {
        var isLink: Bool
        var index: Int
        var element: CorridorCapacity.CutElement
    }

    /// `open[l]`: link l is open and on the corridor.
    var open: [Bool]
    /// A commodity of the λ LP: the counted demands of one origin that avoid the same nodes.
    struct Source: Hashable {
        /// Dense index of the origin node.
        var origin: Int
        /// Nodes its freight may not pass (`FreightNetwork/Network/avoidedNodes(of:)`), ascending.
        var avoided: [Int]

        /// The origin's id, with the countries avoided when there are any (names of LP rows and columns).
        func label(_ network: Network) -> String {
            let id = network.nodes[origin].id.rawValue
            guard !avoided.isEmpty else { return id }
            return id + "~" + avoided.map { network.nodes[$0].id.rawValue }.joined(separator: "~")
        }
    }

    /// Sources of the counted demands, in demand order.
    var sources: [Source]
    /// Per source (as `sources`): TEU/yr to each destination.
    var supply: [[Int: Double]]
    /// Per source (as `sources`): `usable[i][l]`, link l lies on a path from the origin to one of its
    /// destinations, off the avoided nodes.
    var usable: [[Bool]]
    /// The capacity rows, nodes then links, each in network order.
    var limits: [Limit]
    /// The demands counted and left out (no factor yet).
    var result: ConcurrentCapacity

    /// The arc form's flow columns: Σ over origins of the links each can use.
    var arcColumns: Int { usable.reduce(0) { $0 + $1.count { $0 } } }
}

extension CapacityAnalysis {
    /// The maximum concurrent flow of `selection`'s demands: maximise λ subject to each origin's
    /// freight (one commodity per origin, sinks its demands' destinations, supply λ·TEU) flowing
    /// on the corridor's open links within every link and node capacity (a node's throughput is
    /// its inflow plus what originates there). Demands whose origin is not a source or whose
    /// destination is not a sink are left out.
    ///
    /// Two formulations of the same LP give the same λ and binding capacities: the arc form (one flow
    /// column per origin and link it can use, flow balance per origin and node; 200,000 columns on a
    /// 20,000-link network with 10 origins), and column generation over paths in one warm session
    /// (see `ConcurrentCapacity+Paths.swift`). `.auto` takes the arc form below
    /// ``Simulator/concurrentColumnGenerationThreshold`` arc-form columns (every bundled scenario: its λ stays
    /// exactly as it was, to the last bit) or with a solver without sessions, else paths.
    /// - Throws: `SolverError` when the solver fails, or `.paths` was asked of a solver without sessions.
    public func concurrentCapacity(
        of selection: CorridorSelection, solver: any LPSolver, options: SolveOptions = SolveOptions(),
        method: SolutionMethod = .auto
    ) throws(SolverError) -> ConcurrentCapacity {
        let setup = concurrentSetup(of: selection)
        guard !setup.sources.isEmpty else { return setup.result }
        let sessions = solver as? any LPSolver & LPSessionFactory
        switch method {
        case .arc:
            break
        case .paths:
            guard let sessions else {
                throw SolverError(backend: solver.name, message: "column generation needs a solver with sessions")
            }
            return try concurrentByPaths(setup, selection, solver: sessions, options: options)
        case .auto:
            if let sessions, setup.arcColumns >= Simulator.concurrentColumnGenerationThreshold {
                return try concurrentByPaths(setup, selection, solver: sessions, options: options)
            }
        }
        return try concurrentByArcs(setup, selection, solver: solver, options: options)
    }

    /// The arc form of ``concurrentCapacity(of:solver:options:method:)``: one LP.
    func concurrentByArcs(
        _ setup: ConcurrentSetup, _ selection: CorridorSelection, solver: any LPSolver, options: SolveOptions
    ) throws(SolverError) -> ConcurrentCapacity {
        var result = setup.result
        guard !setup.sources.isEmpty else { return result }

        var lp = LinearProgram(name: "concurrent_\(selection.name)", sense: .maximize)
        let lambda = lp.addVariable("lambda", bounds: .lower(0), cost: 1)
        var linkTerms = [[LinearProgram.Term]](repeating: [], count: network.links.count)
        var nodeTerms = [[LinearProgram.Term]](repeating: [], count: network.nodes.count)
        for (i, source) in setup.sources.enumerated() {
            let o = source.origin
            let label = source.label(network)
            let sinks = setup.supply[i]
            var balance = [[LinearProgram.Term]](repeating: [], count: network.nodes.count)
            for l in network.links.indices where setup.usable[i][l] {
                let (from, to) = network.linkEnds[l]
                let x = lp.addVariable("x_\(label)_\(network.links[l].id.rawValue)")
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
                lp.addConstraint(
                    "bal_\(label)_\(network.nodes[n].id.rawValue)", balance[n], bounds: .fixed(0)
                )
            }
        }
        let rows = setup.limits.map { limit in
            let terms = limit.isLink ? linkTerms[limit.index] : nodeTerms[limit.index]
            return lp.addConstraint(
                "cap_\(limit.element.kind.rawValue)_\(limit.element.id)", terms,
                bounds: .upper(limit.element.capacityTEU))
        }
        let solution = try solver.solve(lp, options: options)
        switch solution.termination {
        case .optimal:
            result.settle(
                factor: solution[lambda],
                binding: zip(rows, setup.limits).filter { abs(solution.dual($0.0)) > 1e-9 }.map(\.1.element))
        case .unbounded:
            break
        default:
            throw SolverError(
                backend: solver.name, code: 0,
                message: "the concurrent-flow LP of \(selection.name) ended \(solution.termination.rawValue)")
        }
        return result
    }

    /// The demands λ counts on `selection` (by origin), the links each origin can use, and the capacity rows.
    func concurrentSetup(of selection: CorridorSelection) -> ConcurrentSetup {
        let tags = Set(selection.tags + [CorridorSelection.sharedTag])
        let open = network.links.indices.map { l in network.isOpen(link: l) && tags.contains(network.links[l].corridor)
        }
        var result = ConcurrentCapacity(factor: nil, teu: nil, demandTEU: 0, demands: [], unreachable: [], binding: [])
        // Demands by origin and avoided nodes, with their destinations; those with no path listed apart.
        var counted: [ConcurrentSetup.Source] = []
        var index: [ConcurrentSetup.Source: Int] = [:]
        var supply: [[Int: Double]] = []
        var forward: [ConcurrentSetup.Source: [Bool]] = [:]
        var passable: [ConcurrentSetup.Source: [Bool]] = [:]
        for demand in network.freightDemands {
            guard let o = network.index(of: demand.from), let t = network.index(of: demand.to),
                sources.contains(o), sinks.contains(t), demand.teu > 0
            else { continue }
            let source = ConcurrentSetup.Source(origin: o, avoided: network.avoidedNodes(of: demand))
            if forward[source] == nil {
                var through = open
                for l in network.links.indices where through[l] {
                    let (from, to) = network.linkEnds[l]
                    if source.avoided.contains(from) || source.avoided.contains(to) { through[l] = false }
                }
                passable[source] = through
                forward[source] = reach(from: o, through)
            }
            guard forward[source]![t] else {
                result.unreachable.append(demand.id.rawValue)
                continue
            }
            if index[source] == nil {
                index[source] = counted.count
                counted.append(source)
                supply.append([:])
            }
            supply[index[source]!][t, default: 0] += demand.teu
            result.demands.append(demand.id.rawValue)
            result.demandTEU += demand.teu
        }
        // A node row where a usable link enters or freight originates, a link row where a link is usable.
        var linkUsed = [Bool](repeating: false, count: network.links.count)
        var nodeUsed = [Bool](repeating: false, count: network.nodes.count)
        let usable = counted.enumerated().map { i, source in
            let forward = forward[source]!
            let through = passable[source]!
            let backward = reach(to: Array(supply[i].keys), through)
            nodeUsed[source.origin] = true
            return network.links.indices.map { l in
                let (from, to) = network.linkEnds[l]
                guard through[l] && forward[from] && backward[to] else { return false }
                linkUsed[l] = true
                nodeUsed[to] = true
                return true
            }
        }
        var limits: [ConcurrentSetup.Limit] = []
        for (n, node) in network.nodes.enumerated() where nodeUsed[n] {
            guard let capacity = node.capacityTEU else { continue }
            limits.append(
                .init(
                    isLink: false, index: n,
                    element: .init(kind: .node, id: node.id.rawValue, name: node.name, capacityTEU: capacity)))
        }
        for (l, link) in network.links.enumerated() where linkUsed[l] {
            guard let capacity = link.capacityTEU else { continue }
            let (from, to) = network.linkEnds[l]
            let name = "\(network.nodes[from].name) → \(network.nodes[to].name)"
            limits.append(
                .init(
                    isLink: true, index: l,
                    element: .init(kind: .link, id: link.id.rawValue, name: name, capacityTEU: capacity)))
        }
        return ConcurrentSetup(
            open: open, sources: counted, supply: supply, usable: usable, limits: limits, result: result)
    }

    /// Nodes reachable from `start` over `open` links.
    func reach(from start: Int, _ open: [Bool]) -> [Bool] {
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
    func reach(to targets: [Int], _ open: [Bool]) -> [Bool] {
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
