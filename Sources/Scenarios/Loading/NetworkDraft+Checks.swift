import FreightNetwork

/// Checks of a whole network, run once on the scenario's final network: values that changes pushed
/// out of range (errors), and data that is valid but probably not what the author meant (warnings).
extension NetworkDraft {
    /// An error for every value that the changes pushed above ``FieldReader/largestNumber``.
    ///
    /// Values read from files are checked as they are read; only repeated scaling can get here.
    func valueLimitErrors() -> [ScenarioError] {
        var errors: [ScenarioError] = []
        func check(_ value: Double?, _ source: RecordSource, _ key: String) {
            guard let value, !(value.isFinite && abs(value) <= FieldReader.largestNumber) else { return }
            errors.append(
                ScenarioError(
                    at: source.position,
                    field: "\(source.path).\(key)",
                    message: "after the changes, expected at most 1e15, found \(value)",
                    hint: "check the scale factors applied to it"
                )
            )
        }
        for (node, source) in zip(nodes, nodeSources) {
            check(node.capacityTEU, source, "capacity_teu")
            check(node.handlingCostUSDPerTEU, source, "handling_cost_usd_per_teu")
            check(node.dwellDays, source, "dwell_days")
            check(node.storageCapacityTEU, source, "storage_capacity_teu")
        }
        for (link, source) in zip(links, linkSources) {
            check(link.capacityTEU, source, "capacity_teu")
            check(link.costUSDPerTEU, source, "cost_usd_per_teu")
            check(link.timeDays, source, "time_days")
        }
        for (demand, source) in zip(demands, demandSources) { check(demand.teu, source, "teu") }
        return errors + (periods.map(periodLimitErrors) ?? [])
    }

    /// An error for every per-period factor or extra time that period-scoped changes pushed above
    /// ``FieldReader/largestNumber``, at the record it belongs to.
    private func periodLimitErrors(_ periods: PeriodDraft) -> [ScenarioError] {
        var errors: [ScenarioError] = []
        func check(_ rows: [[Double]], _ sources: [RecordSource], _ what: String) {
            for (row, source) in zip(rows, sources) {
                for (p, value) in row.enumerated() where !(value.isFinite && value <= FieldReader.largestNumber) {
                    let message = "after the period-scoped changes, its \(what) in \(periods.names[p]) is \(value), "
                        + "expected at most 1e15"
                    errors.append(
                        ScenarioError(
                            at: source.position, field: source.path, message: message,
                            hint: "check the scale factors applied to it"))
                }
            }
        }
        check(periods.nodeFactor, nodeSources, "capacity factor")
        check(periods.linkFactor, linkSources, "capacity factor")
        check(periods.linkExtraDays, linkSources, "extra days")
        check(periods.demandFactor, demandSources, "demand factor")
        return errors
    }

    /// Warnings about the network as a whole: demands that no route can reach, and cycles of
    /// links with no cost, no time and unlimited capacity.
    func networkWarnings() -> [ScenarioError] {
        let graph = openGraph()
        return unreachableDemandWarnings(graph) + zeroCostCycleWarnings(graph)
    }

    /// What ``openGraph()`` returns.
    private typealias OpenGraph = (index: [FreightNetwork.Node.ID: Int], outgoing: [[Int]], heads: [Int?])

    /// Open nodes and, per node, the open links leaving it (indices into ``links``).
    private func openGraph() -> OpenGraph {
        var index: [FreightNetwork.Node.ID: Int] = [:]
        index.reserveCapacity(nodes.count)
        for (n, node) in nodes.enumerated() {
            // The first node of an id keeps it; one hash when the id is new.
            if let first = index.updateValue(n, forKey: node.id) { index[node.id] = first }
        }
        var outgoing = [[Int]](repeating: [], count: nodes.count)
        var heads = [Int?](repeating: nil, count: links.count)
        for (l, link) in links.enumerated() where !link.isClosed {
            guard let tail = index[link.from], let head = index[link.to] else { continue }
            guard !nodes[tail].isClosed, !nodes[head].isClosed else { continue }
            outgoing[tail].append(l)
            heads[l] = head
        }
        return (index, outgoing, heads)
    }

    /// "no route from A to B": a demand of more than 0 TEU/year whose destination cannot be reached.
    private func unreachableDemandWarnings(_ graph: OpenGraph) -> [ScenarioError] {
        var reachable: [Int: [Bool]] = [:]
        var warnings: [ScenarioError] = []
        for (demand, source) in zip(demands, demandSources) where demand.teu > 0 {
            guard let origin = graph.index[demand.from], let destination = graph.index[demand.to] else { continue }
            let volume = "all \(FieldReader.format(demand.teu)) TEU/year will be unmet"
            let message: String
            var hint: String?
            if nodes[origin].isClosed {
                message = "its origin '\(demand.from)' is closed: \(volume)"
            } else if nodes[destination].isClosed {
                message = "its destination '\(demand.to)' is closed: \(volume)"
            } else {
                if reachable[origin] == nil {
                    reachable[origin] = Self.reach(from: origin, graph.outgoing, graph.heads)
                }
                guard reachable[origin]?[destination] == false else { continue }
                message = "no route from '\(demand.from)' to '\(demand.to)' over open links: \(volume)"
                if graph.outgoing[origin].isEmpty {
                    hint = "no open link leaves '\(demand.from)'"
                } else if !graph.heads.contains(destination) {
                    hint = "no open link ends at '\(demand.to)'"
                }
            }
            warnings.append(
                ScenarioError(.warning, at: source.position, field: source.path, message: message, hint: hint))
        }
        return warnings
    }

    /// The nodes reachable from `start` over the links in `outgoing`.
    private static func reach(from start: Int, _ outgoing: [[Int]], _ heads: [Int?]) -> [Bool] {
        var seen = [Bool](repeating: false, count: outgoing.count)
        seen[start] = true
        var stack = [start]
        while let node = stack.popLast() {
            for l in outgoing[node] {
                guard let head = heads[l], !seen[head] else { continue }
                seen[head] = true
                stack.append(head)
            }
        }
        return seen
    }

    /// One warning per cycle of free, unlimited links (cycles sharing a node with a reported one
    /// are not reported again).
    ///
    /// A link is free when its tariff and time are 0 and its head node has no capacity, handling
    /// cost or dwell: freight can then circulate on the cycle at no cost and without limit, so the
    /// optimum's flows are not unique (and a negative cost anywhere on it would be unbounded).
    private func zeroCostCycleWarnings(_ graph: OpenGraph) -> [ScenarioError] {
        let free: [[Int]] = graph.outgoing.map { leaving in
            leaving.filter { l in
                let link = links[l]
                guard let head = graph.heads[l], link.capacityTEU == nil else { return false }
                let node = nodes[head]
                return link.costUSDPerTEU == 0 && link.timeDays == 0 && node.capacityTEU == nil
                    && node.handlingCostUSDPerTEU == 0 && node.dwellDays == 0
            }
        }
        var state = [UInt8](repeating: 0, count: nodes.count)  // 0 new, 1 on the path, 2 done
        var reported = [Bool](repeating: false, count: nodes.count)
        var warnings: [ScenarioError] = []
        for start in nodes.indices where state[start] == 0 && !free[start].isEmpty {
            // Iterative depth-first search; `path` holds (node, next outgoing position, link taken to it).
            var path: [(node: Int, next: Int, via: Int?)] = [(start, 0, nil)]
            state[start] = 1
            while let top = path.last {
                guard top.next < free[top.node].count else {
                    state[top.node] = 2
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let l = free[top.node][top.next]
                guard let head = graph.heads[l] else { continue }
                if state[head] == 0 {
                    state[head] = 1
                    path.append((head, 0, l))
                } else if state[head] == 1, let at = path.firstIndex(where: { $0.node == head }) {
                    let cycle = path[(at + 1)...].compactMap(\.via) + [l]
                    let cycleNodes = path[at...].map(\.node)
                    guard !cycleNodes.contains(where: { reported[$0] }) else { continue }
                    for n in cycleNodes { reported[n] = true }
                    warnings.append(cycleWarning(cycle))
                }
            }
        }
        return warnings
    }

    /// The warning for one cycle of free links, positioned at its first link in file order.
    private func cycleWarning(_ cycle: [Int]) -> ScenarioError {
        let first = cycle.min() ?? cycle[0]
        let rotated = Array(cycle[cycle.firstIndex(of: first)!...] + cycle[..<cycle.firstIndex(of: first)!])
        let route = ([links[rotated[0]].from] + rotated.map { links[$0].to }).map(\.rawValue).joined(separator: " → ")
        let ids = rotated.map { links[$0].id.rawValue }.joined(separator: ", ")
        let source = linkSources[first]
        return ScenarioError(
            .warning,
            at: source.position,
            field: source.path,
            message: "links \(ids) form a cycle \(route) with no cost, no time and unlimited capacity",
            hint: "freight can circulate on it for nothing, so reported flows are not unique; "
                + "give one of its links a cost, a time or a capacity"
        )
    }
}
