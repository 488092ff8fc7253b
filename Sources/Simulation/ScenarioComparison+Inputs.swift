import FreightNetwork

extension ScenarioComparison {
    /// What `other` sets differently from `base`, element by element (matched by id): freight and background
    /// demand, demands grouped by the factor applied, prices, capacities, times and closures.
    ///
    /// Changes below a cent per TEU, a TEU per year or a thousandth of a day are not differences.
    public static func inputDifferences(_ base: Network, _ other: Network) -> ComparisonFinding.InputDifferences {
        typealias Value = ComparisonFinding.ElementValue
        typealias Name = ComparisonFinding.ElementName
        func total(_ network: Network, background: Bool) -> Double {
            network.demands.filter { $0.isBackground == background }.reduce(0) { $0 + $1.teu }
        }
        var groups: [Double: ComparisonFinding.ScaledDemands] = [:]
        let baseDemands = Dictionary(base.demands.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for demand in other.demands {
            guard let before = baseDemands[demand.id], before.teu > 0, abs(demand.teu - before.teu) >= 1 else { continue }
            let factor = (demand.teu / before.teu * 1000).rounded() / 1000
            var group = groups[factor] ?? .init(factor: factor, demands: [], baseTEU: 0, teu: 0)
            group.demands.append(demand.id.rawValue)
            group.baseTEU += before.teu
            group.teu += demand.teu
            groups[factor] = group
        }
        var prices: [Value] = []
        var capacities: [Value] = []
        var times: [Value] = []
        var closed: [Name] = []
        var reopened: [Name] = []
        func compare(
            _ element: BindingConstraint.Element, _ id: String, _ name: String,
            cost: (Double, Double), capacity: (Double?, Double?), days: (Double, Double), closure: (Bool, Bool)
        ) {
            if closure.1 && !closure.0 { closed.append(Name(element: element, id: id, name: name)) }
            if closure.0 && !closure.1 { reopened.append(Name(element: element, id: id, name: name)) }
            guard !closure.1 else { return }
            if abs(cost.0 - cost.1) >= 0.01 {
                prices.append(Value(element: element, id: id, name: name, base: cost.0, value: cost.1))
            }
            if (capacity.0 == nil) != (capacity.1 == nil) || abs((capacity.0 ?? 0) - (capacity.1 ?? 0)) >= 1 {
                capacities.append(Value(element: element, id: id, name: name, base: capacity.0, value: capacity.1))
            }
            if abs(days.0 - days.1) >= 0.001 {
                times.append(Value(element: element, id: id, name: name, base: days.0, value: days.1))
            }
        }
        let baseNodes = Dictionary(base.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for node in other.nodes {
            guard let before = baseNodes[node.id] else { continue }
            compare(
                .node, node.id.rawValue, node.name, cost: (before.handlingCostUSDPerTEU, node.handlingCostUSDPerTEU),
                capacity: (before.capacityTEU, node.capacityTEU), days: (before.dwellDays, node.dwellDays),
                closure: (before.isClosed, node.isClosed))
        }
        let baseLinks = Dictionary(base.links.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for link in other.links {
            guard let before = baseLinks[link.id] else { continue }
            compare(
                .link, link.id.rawValue, "\(link.from.rawValue) → \(link.to.rawValue)",
                cost: (before.costUSDPerTEU, link.costUSDPerTEU), capacity: (before.capacityTEU, link.capacityTEU),
                days: (before.timeDays, link.timeDays), closure: (before.isClosed, link.isClosed))
        }
        func bySize(_ values: [Value]) -> [Value] {
            func size(_ v: Value) -> Double {
                v.base == nil || v.value == nil ? .infinity : abs((v.value ?? 0) - (v.base ?? 0))
            }
            return values.enumerated().sorted { a, b in
                size(a.element) != size(b.element) ? size(a.element) > size(b.element) : a.offset < b.offset
            }.map(\.element)
        }
        return ComparisonFinding.InputDifferences(
            baseDemandTEU: total(base, background: false), demandTEU: total(other, background: false),
            baseBackgroundTEU: total(base, background: true), backgroundTEU: total(other, background: true),
            scaled: groups.values.sorted { a, b in
                abs(a.teu - a.baseTEU) != abs(b.teu - b.baseTEU)
                    ? abs(a.teu - a.baseTEU) > abs(b.teu - b.baseTEU) : a.factor < b.factor
            },
            prices: bySize(prices), capacities: bySize(capacities), times: bySize(times), closed: closed, reopened: reopened)
    }
}
