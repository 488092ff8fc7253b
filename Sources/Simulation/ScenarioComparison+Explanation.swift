import FreightNetwork
import LinearProgramming

extension ScenarioComparison {
    /// The facts that explain how `entries[index]` differs from the base, in reading order:
    /// delivered volume, corridors that lost (where it went, why), corridors that gained (what caps
    /// them), cost and time, the nodes that moved most, and the system capacity.
    public func findings(_ index: Int) -> [ComparisonFinding] {
        let base = entries[0]
        let other = entries[index]
        guard base.result.status.hasSolution, other.result.status.hasSolution else { return [] }
        let significant = max(0.5, 1e-6 * max(base.result.demandTEU, other.result.demandTEU))
        var findings: [ComparisonFinding] = []
        if let a = base.network, let b = other.network {
            let inputs = Self.inputDifferences(a, b)
            if !inputs.isEmpty { findings.append(.inputs(inputs)) }
        }

        if abs(other.result.deliveredTEU - base.result.deliveredTEU) > significant || other.result.unmetTEU > significant {
            findings.append(.delivered(base: base.result.deliveredTEU, other: other.result.deliveredTEU,
                newlyUnmet: newlyUnmet(index, significant)))
        }
        let baseTEU = Dictionary(uniqueKeysWithValues: base.result.corridors.map { ($0.corridor, $0.teu) })
        let otherTEU = Dictionary(uniqueKeysWithValues: other.result.corridors.map { ($0.corridor, $0.teu) })
        let transfers = self.transfers(index)
        for corridor in corridors {
            let before = baseTEU[corridor] ?? 0
            let after = otherTEU[corridor] ?? 0
            guard before - after > significant else { continue }
            var finding = loss(of: corridor, index, before, after, transfers[corridor] ?? [:])
            finding.sources = transfers.compactMap { from, moved -> ComparisonFinding.Destination? in
                guard from != corridor, let teu = moved[corridor], teu > 0.5 else { return nil }
                return .init(corridor: from, teu: teu)
            }.sorted { ($0.teu, $1.corridor ?? "~") > ($1.teu, $0.corridor ?? "~") }
            findings.append(.corridorLoss(finding))
        }
        let nodeCorridors = other.result.nodeCorridors
        for corridor in corridors {
            let before = baseTEU[corridor] ?? 0
            let after = otherTEU[corridor] ?? 0
            guard after - before > significant else { continue }
            let caps = other.result.binding.filter {
                $0.shadowPriceUSDPerTEU > 1e-6 && other.result.corridor(of: $0, nodeCorridors: nodeCorridors) == corridor
            }
            let congested = congestionShifts(base.result, other.result, minimumChange: -1).filter { shift in
                guard shift.delayPriceUSDPerTEU > 1e-6, shift.shadowPriceUSDPerTEU <= 1e-6 else { return false }
                switch shift.element {
                case .link: return other.result.links.first { $0.id.rawValue == shift.id }?.corridor == corridor
                case .node: return nodeCorridors[Node.ID(shift.id)] == corridor
                }
            }.sorted { ($0.delayPriceUSDPerTEU, $1.id) > ($1.delayPriceUSDPerTEU, $0.id) }
            findings.append(.corridorGain(
                corridor: corridor, base: before, other: after, cappedBy: Array(caps.prefix(3)),
                congestedAt: Array(congested.prefix(2))))
        }
        findings += timeCuts(base.result, other.result).map { .timeCut($0) }
        if let change = costAndTime(base.result, other.result),
            abs(change.otherCostUSDPerTEU - change.baseCostUSDPerTEU) > 0.5 || abs(change.otherDays - change.baseDays) > 0.05
        {
            findings.append(.costAndTime(change))
        }
        let nodes = flowChanges(index, limit: Int.max).nodes.filter { change in
            let kind = other.result.nodes.first { $0.id.rawValue == change.id }?.kind
            return kind == .border || kind == .port || kind == .waypoint
        }
        let lost = nodes.filter { $0.changeTEU < -significant }.prefix(2)
        let gained = nodes.filter { $0.changeTEU > significant }.prefix(2)
        if !lost.isEmpty || !gained.isEmpty { findings.append(.nodes(lost: Array(lost), gained: Array(gained))) }
        let congestion = congestionShifts(base.result, other.result)
        if !congestion.isEmpty { findings.append(.congestion(congestion)) }
        for corridor in capacityCorridors {
            guard let a = base.capacity?.entries.first(where: { $0.capacity.selection.name == corridor }),
                let b = other.capacity?.entries.first(where: { $0.capacity.selection.name == corridor })
            else { continue }
            let moved = (a.capacityTEU == nil) != (b.capacityTEU == nil)
                || abs((a.capacityTEU ?? 0) - (b.capacityTEU ?? 0)) > significant
                || a.capacity.cut.map(\.id) != b.capacity.cut.map(\.id)
            guard moved else { continue }
            findings.append(.corridorCapacity(.init(
                corridor: corridor, baseTEU: a.capacityTEU, otherTEU: b.capacityTEU, baseCut: a.capacity.cut,
                otherCut: b.capacity.cut, unlimitedPath: b.capacity.unlimitedPath)))
        }
        return findings.isEmpty ? [.unchanged] : findings
    }

    /// The congesting elements whose extra days per TEU changed by more than `minimumChange` days, largest
    /// change first (at most three).
    ///
    /// - Parameter minimumChange: the change in days to exceed; below 0, every congesting element, unsorted and
    ///   not limited to three.
    func congestionShifts(_ base: FlowResult, _ other: FlowResult, minimumChange: Double = 0.05)
        -> [ComparisonFinding.CongestionShift]
    {
        var shifts: [ComparisonFinding.CongestionShift] = []
        let baseLinks = Dictionary(base.links.map { ($0.id, $0.congestionDays ?? 0) }, uniquingKeysWith: { a, _ in a })
        let baseNodes = Dictionary(base.nodes.map { ($0.id, $0.congestionDays ?? 0) }, uniquingKeysWith: { a, _ in a })
        for l in other.links {
            guard let days = l.congestionDays else { continue }
            shifts.append(.init(
                element: .link, id: l.id.rawValue, name: "\(l.from) → \(l.to)", baseDays: baseLinks[l.id] ?? 0,
                otherDays: days, utilization: l.utilization, delayPriceUSDPerTEU: l.congestionPriceUSDPerTEU ?? 0,
                shadowPriceUSDPerTEU: l.shadowPriceUSDPerTEU ?? 0))
        }
        for n in other.nodes {
            guard let days = n.congestionDays else { continue }
            shifts.append(.init(
                element: .node, id: n.id.rawValue, name: n.name, baseDays: baseNodes[n.id] ?? 0, otherDays: days,
                utilization: n.utilization, delayPriceUSDPerTEU: n.congestionPriceUSDPerTEU ?? 0,
                shadowPriceUSDPerTEU: n.shadowPriceUSDPerTEU ?? 0))
        }
        guard minimumChange >= 0 else { return shifts }
        return Array(
            shifts.filter { abs($0.otherDays - $0.baseDays) > minimumChange }
                .sorted { (abs($0.otherDays - $0.baseDays), $1.id) > (abs($1.otherDays - $1.baseDays), $0.id) }
                .prefix(3))
    }

    private func newlyUnmet(_ index: Int, _ significant: Double) -> [ComparisonFinding.DemandAmount] {
        demandShifts.compactMap { shift in
            let more = (shift.outcomes[index]?.unmetTEU ?? 0) - (shift.outcomes[0]?.unmetTEU ?? 0)
            return more > significant ? ComparisonFinding.DemandAmount(demand: shift.id.rawValue, teu: more) : nil
        }.sorted { ($0.teu, $1.demand) > ($1.teu, $0.demand) }
    }

    /// TEU/year moved from each corridor to each corridor (nil key: no longer carried), summed over
    /// demands; within a demand, losses are spread over gains in proportion.
    func transfers(_ index: Int) -> [String: [String?: Double]] {
        var result: [String: [String?: Double]] = [:]
        for shift in demandShifts {
            var delta: [String?: Double] = [:]
            if let o = shift.outcomes[index] {
                for (c, teu) in Self.corridorMix(o) { delta[c, default: 0] += teu }
                delta[nil, default: 0] += o.unmetTEU
            }
            if let b = shift.outcomes[0] {
                for (c, teu) in Self.corridorMix(b) { delta[c, default: 0] -= teu }
                delta[nil, default: 0] -= b.unmetTEU
            }
            let losses = delta.filter { $0.value < 0 }
            let gains = delta.filter { $0.value > 0 }
            // In key order (nil, "no longer carried", first): the same sums in every process.
            let lost = -losses.sumInKeyOrder { $0.map { "1" + $0 } ?? "0" }
            let gained = gains.sumInKeyOrder { $0.map { "1" + $0 } ?? "0" }
            guard lost > 0, gained > 0 else { continue }
            let matched = min(lost, gained)
            for (from, l) in losses {
                guard let from else { continue }
                for (to, g) in gains {
                    result[from, default: [:]][to, default: 0] += matched * (-l / lost) * (g / gained)
                }
            }
        }
        return result
    }

    private func loss(
        of corridor: String, _ index: Int, _ before: Double, _ after: Double, _ moved: [String?: Double]
    ) -> ComparisonFinding.CorridorLoss {
        let base = entries[0].result
        let other = entries[index].result
        let closedNodes = Set(other.nodes.filter(\.isClosed).map(\.id))
        let closedLinks = Set(other.links.filter(\.isClosed).map(\.id))
        var closedTEU = 0.0
        var closedNodeTEU: [Node.ID: Double] = [:]
        var onRoutes = Set<String>()
        for demand in base.demands {
            for route in demand.routes where route.corridor == corridor {
                let hit = route.nodes.filter { closedNodes.contains($0) }
                if !hit.isEmpty || route.links.contains(where: { closedLinks.contains($0) }) { closedTEU += route.teu }
                for id in Set(hit) { closedNodeTEU[id, default: 0] += route.teu }
                for id in route.nodes { onRoutes.insert("node:\(id)") }
                for id in route.links { onRoutes.insert("link:\(id)") }
            }
        }
        let closedNames = closedNodeTEU.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).map(\.key.rawValue)
        let baseCapacity = capacities(base)
        let cuts = other.binding.compactMap { b -> ComparisonFinding.CapacityCut? in
            let key = "\(b.element.rawValue):\(b.id)"
            guard onRoutes.contains(key), let was = baseCapacity[key] ?? nil, b.capacityTEU < was * (1 - 1e-9) else { return nil }
            return .init(element: b.element, id: b.id, name: b.name, baseCapacityTEU: was, capacityTEU: b.capacityTEU,
                shadowPriceUSDPerTEU: b.shadowPriceUSDPerTEU)
        }
        let destinations = moved.map { ComparisonFinding.Destination(corridor: $0.key, teu: $0.value) }
            .filter { $0.teu > 0.5 }
            .sorted { ($0.teu, $1.corridor ?? "~") > ($1.teu, $0.corridor ?? "~") }
        return .init(corridor: corridor, baseTEU: before, otherTEU: after, destinations: destinations,
            closedTEU: closedTEU, closedNodes: Array(closedNames), cuts: Array(cuts.prefix(3)))
    }

    private func capacities(_ r: FlowResult) -> [String: Double?] {
        var result: [String: Double?] = [:]
        for l in r.links where !l.isClosed { result["link:\(l.id)"] = l.capacityTEU }
        for n in r.nodes where !n.isClosed { result["node:\(n.id)"] = n.capacityTEU }
        return result
    }

    private func costAndTime(_ base: FlowResult, _ other: FlowResult) -> ComparisonFinding.CostTimeChange? {
        guard let c0 = base.avgCostUSDPerTEU, let c1 = other.avgCostUSDPerTEU,
            let d0 = base.avgTimeDays, let d1 = other.avgTimeDays
        else { return nil }
        let before = Dictionary(uniqueKeysWithValues: base.corridorSummaries.map { ($0.corridor, $0) })
        let after = Dictionary(uniqueKeysWithValues: other.corridorSummaries.map { ($0.corridor, $0) })
        var costMix = 0.0, costRate = 0.0, daysMix = 0.0, daysRate = 0.0
        for corridor in Set(before.keys).union(after.keys).sorted() {
            let b = before[corridor]
            let a = after[corridor]
            guard let reference = b ?? a else { continue }
            costMix += ((a?.share ?? 0) - (b?.share ?? 0)) * reference.avgCostUSDPerTEU
            daysMix += ((a?.share ?? 0) - (b?.share ?? 0)) * reference.avgTimeDays
            if let a {
                costRate += a.share * (a.avgCostUSDPerTEU - reference.avgCostUSDPerTEU)
                daysRate += a.share * (a.avgTimeDays - reference.avgTimeDays)
            }
        }
        let most = after.values.compactMap { a -> ComparisonFinding.CorridorSummaryPair? in
            guard let b = before[a.corridor] else { return nil }
            return .init(base: b, other: a)
        }.filter { abs($0.other.avgCostUSDPerTEU - $0.base.avgCostUSDPerTEU) > 0.5 }
            .max { x, y in
                let wx = abs(x.other.avgCostUSDPerTEU - x.base.avgCostUSDPerTEU) * x.other.share
                let wy = abs(y.other.avgCostUSDPerTEU - y.base.avgCostUSDPerTEU) * y.other.share
                return (wx, y.other.corridor) < (wy, x.other.corridor)
            }
        return .init(baseCostUSDPerTEU: c0, otherCostUSDPerTEU: c1, costMixUSDPerTEU: costMix, costRateUSDPerTEU: costRate,
            baseDays: d0, otherDays: d1, daysMix: daysMix, daysRate: daysRate, mostChanged: most)
    }
}
