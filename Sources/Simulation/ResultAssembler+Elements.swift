import FlowFormulation
import FreightNetwork
import LinearProgramming

extension ResultAssembler {
    /// A limited, open element's reported capacity, shadow price (USD/TEU) and throughput gain (TEU/TEU).
    typealias Figures = (capacity: Double, price: Double, gain: Double?)

    /// An element's capacity, price and gain under the closed rule (``limit(_:closed:scaled:)``): `priced`
    /// maps a limited, open element's capacity (TEU/year) to its figures; others have none.
    static func figures(_ capacity: Double?, closed: Bool, priced: (Double) -> Figures)
        -> (capacity: Double?, price: Double?, gain: Double?)
    {
        let limit = limit(capacity, closed: closed)
        guard limit.priced, let capacity else { return (limit.capacity, nil, nil) }
        let figures = priced(capacity)
        return (figures.capacity, figures.price, figures.gain)
    }

    /// A link's flow (TEU/year) with its capacity, utilisation, shadow price and throughput gain.
    static func link(_ link: Link, flow: Double, priced: (Double) -> Figures) -> LinkFlow {
        let f = figures(link.capacityTEU, closed: link.isClosed, priced: priced)
        return LinkFlow(
            id: link.id, from: link.from, to: link.to, mode: link.mode, corridor: link.corridor, flowTEU: flow,
            capacityTEU: f.capacity, utilization: utilization(flow, f.capacity), shadowPriceUSDPerTEU: f.price,
            throughputGainPerTEU: f.gain, isClosed: link.isClosed, timeDays: link.timeDays,
            teuPerTrain: link.teuPerTrain
        )
    }

    /// A node's throughput (TEU/year) with its capacity, utilisation, shadow price and throughput gain.
    static func node(_ node: Node, throughput: Double, priced: (Double) -> Figures) -> NodeFlow {
        let f = figures(node.capacityTEU, closed: node.isClosed, priced: priced)
        return NodeFlow(
            id: node.id, name: node.name, kind: node.kind, country: node.country, latitude: node.latitude,
            longitude: node.longitude, throughputTEU: throughput, capacityTEU: f.capacity,
            utilization: utilization(throughput, f.capacity), shadowPriceUSDPerTEU: f.price,
            throughputGainPerTEU: f.gain, isClosed: node.isClosed, dwellDays: node.dwellDays
        )
    }

    /// A demand's result from its routes (merged, largest first), with flow-weighted cost and days.
    static func demandResult(
        _ demand: Demand, direction: Direction, teu total: Double, delivered: Double, unmet: Double, routes: [Route]
    ) -> DemandResult {
        let merged = RouteBuilder.merge(routes)
        let teu = merged.reduce(0) { $0 + $1.teu }
        let cost = merged.reduce(0) { $0 + $1.teu * $1.costUSDPerTEU }
        let days = merged.reduce(0) { $0 + $1.teu * $1.timeDays }
        return DemandResult(
            id: demand.id, from: demand.from, to: demand.to, teu: total,
            deliveredTEU: clean(delivered), unmetTEU: clean(unmet),
            avgCostUSDPerTEU: teu > dust ? cost / teu : nil,
            avgTimeDays: teu > dust ? days / teu : nil,
            routes: merged,
            tonnesPerTEU: demand.tonnesPerTEU,
            direction: direction,
            avoidedCountries: demand.avoidedCountries
        )
    }

    static func shares(_ demands: [DemandResult]) -> [CorridorShare] {
        var teu: [String: Double] = [:]
        for demand in demands { for route in demand.routes { teu[route.corridor, default: 0] += route.teu } }
        let total = teu.sumInKeyOrder()
        guard total > dust else { return [] }
        return teu.map { CorridorShare(corridor: $0.key, teu: $0.value, share: $0.value / total) }
            .sorted { ($0.teu, $1.corridor) > ($1.teu, $0.corridor) }
    }

    /// The limited, open links and nodes that bind: priced, gaining throughput, or full; most gain, then
    /// highest price first.
    static func binding(links: [LinkFlow], nodes: [NodeFlow]) -> [BindingConstraint] {
        var result: [BindingConstraint] = []
        for link in links where !link.isClosed {
            let name = "\(link.from) → \(link.to)"
            guard let capacity = link.capacityTEU,
                let row = binding(.link, link.id.rawValue, name, link.flowTEU, capacity, link.shadowPriceUSDPerTEU,
                    link.throughputGainPerTEU)
            else { continue }
            result.append(row)
        }
        for node in nodes where !node.isClosed {
            guard let capacity = node.capacityTEU,
                let row = binding(.node, node.id.rawValue, node.name, node.throughputTEU, capacity,
                    node.shadowPriceUSDPerTEU, node.throughputGainPerTEU)
            else { continue }
            result.append(row)
        }
        return result.sorted {
            ($0.throughputGainPerTEU ?? 0, $0.shadowPriceUSDPerTEU, $1.id)
                > ($1.throughputGainPerTEU ?? 0, $1.shadowPriceUSDPerTEU, $0.id)
        }
    }

    private static func binding(
        _ element: BindingConstraint.Element, _ id: String, _ name: String, _ flow: Double, _ capacity: Double,
        _ price: Double?, _ gain: Double?
    ) -> BindingConstraint? {
        let price = price ?? 0
        guard price > 1e-6 || (gain ?? 0) > 1e-9 || (capacity > 0 && flow >= capacity * (1 - 1e-6)) else {
            return nil
        }
        return BindingConstraint(
            element: element, id: id, name: name, flowTEU: flow, capacityTEU: capacity, shadowPriceUSDPerTEU: price,
            throughputGainPerTEU: gain)
    }
}
