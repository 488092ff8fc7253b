import FlowFormulation
import FreightNetwork
import LinearProgramming

/// The answer of one sweep case, in the few figures a sweep compares.
///
/// Units: TEU/year, USD/year, days. Computed from the LP solution the way `corridor run` computes
/// its totals (flows below 0 and unmet TEU outside 0…demand are clamped), without decoding routes.
public struct CaseMetrics: Sendable, Hashable {
    /// The solver's verdict, or `nil` when the backend failed on this case (see ``failure``).
    public var status: SolveStatus?
    /// The backend's error for a failed case.
    public var failure: String?
    /// Generalised cost: tariffs, handling, time value and unmet penalties, USD/year.
    public var objectiveUSD: Double?
    /// Delivered TEU/year.
    public var deliveredTEU: Double
    /// Tariffs plus handling of the delivered freight, USD/year.
    public var totalCostUSD: Double
    /// Flow-weighted transit days over delivered TEU, or `nil` when nothing is delivered.
    public var avgTimeDays: Double?
    /// Positions in the sweep's capacity list of the capacities that bind (full, or with a
    /// shadow price), ascending.
    public var binding: [Int]
    /// Simplex iterations of this case's solve.
    public var iterations: Int
    /// Delivered TEU/year per direction, where the network has demand both ways; empty otherwise.
    public var deliveredTEUByDirection: [Direction: Double] = [:]
    /// Background traffic (not China–Europe freight) left unmet, TEU/year, where the network has
    /// background demands; nil otherwise. It is in no other figure but the generalised cost (its unmet
    /// penalty), which it can dominate: a failure that strands background ranks high with no freight lost.
    public var backgroundLostTEU: Double?

    public init(
        status: SolveStatus?, failure: String? = nil, objectiveUSD: Double?, deliveredTEU: Double,
        totalCostUSD: Double, avgTimeDays: Double?, binding: [Int], iterations: Int
    ) {
        self.status = status
        self.failure = failure
        self.objectiveUSD = objectiveUSD
        self.deliveredTEU = deliveredTEU
        self.totalCostUSD = totalCostUSD
        self.avgTimeDays = avgTimeDays
        self.binding = binding
        self.iterations = iterations
    }

    /// True when the case has an optimum to compare.
    public var isOptimal: Bool { status == .optimal }

    /// A case the backend failed on.
    static func failed(_ error: SolverError) -> CaseMetrics {
        CaseMetrics(
            status: nil, failure: error.description, objectiveUSD: nil, deliveredTEU: 0, totalCostUSD: 0,
            avgTimeDays: nil, binding: [], iterations: 0
        )
    }

    /// The metrics of `solution` for `formulation`, with `capacities[i]` the capacity in effect of
    /// `elements[i]` (`nil` when closed or unlimited) and
    /// `originating[n]` the TEU/year of demands from node n.
    init(
        _ solution: LPSolution,
        formulation: FlowProgram,
        elements: [SweepCapacity],
        capacities: [Double?],
        originating: [Double]
    ) {
        let network = formulation.network
        guard solution.termination == .optimal else {
            self.init(
                status: SolveStatus(solution.termination), objectiveUSD: nil, deliveredTEU: 0, totalCostUSD: 0, avgTimeDays: nil,
                binding: [], iterations: solution.iterations ?? 0
            )
            return
        }
        var cost = 0.0
        var days = 0.0
        // Freight TEU on each link and through each node, for the congestion days the freight waits.
        var freightLink = [Double](repeating: 0, count: network.links.count)
        var freightNode = [Double](repeating: 0, count: network.nodes.count)
        // Background traffic (never in a commodity with freight) is in no metric.
        for (k, commodity) in formulation.flow.enumerated()
        where !formulation.commodities[k].demands.contains(where: { network.demands[$0].isBackground }) {
            for column in commodity {
                let flow = max(0, solution[column.variable])
                guard flow > 0 else { continue }
                let link = network.links[column.link]
                let head = network.nodes[network.linkEnds[column.link].to]
                cost += flow * (link.costUSDPerTEU + head.handlingCostUSDPerTEU)
                days += flow * (link.timeDays + head.dwellDays)
                freightLink[column.link] += flow
                freightNode[network.linkEnds[column.link].to] += flow
            }
        }
        var delivered = 0.0
        var byDirection: [Direction: Double] = [:]
        for (d, demand) in network.demands.enumerated() where !demand.isBackground {
            let unmet = min(max(0, solution[formulation.unmet[d]]), demand.teu)
            let carried = max(0, demand.teu - unmet)
            delivered += carried
            byDirection[network.direction(of: demand), default: 0] += carried
            if let o = network.index(of: demand.from) {
                cost += carried * network.nodes[o].handlingCostUSDPerTEU
                days += carried * network.nodes[o].dwellDays
                freightNode[o] += carried
            }
        }
        var backgroundLost: Double?
        for (d, demand) in network.demands.enumerated() where demand.isBackground {
            backgroundLost = (backgroundLost ?? 0) + min(max(0, solution[formulation.unmet[d]]), demand.teu)
        }
        var binding: [Int] = []
        // TEU-days waited beyond the integral the program charges (see CongestionCurve.waitBeyondIntegral).
        var beyond = 0.0
        for (position, element) in elements.enumerated() {
            guard let capacity = capacities[position] else { continue }
            let row: LinearProgram.Constraint?
            let flow: Double
            let congestion: (curve: CongestionCurve?, freight: Double)
            switch element.kind {
            case .link:
                row = formulation.linkCapacity[element.index]
                flow = row.map { solution.activity($0) } ?? 0
                congestion = (formulation.linkCongestion[element.index].flatMap { _ in network.links[element.index].congestion },
                    freightLink[element.index])
            case .node:
                row = formulation.nodeCapacity[element.index]
                flow = (row.map { solution.activity($0) } ?? 0) + originating[element.index]
                congestion = (formulation.nodeCongestion[element.index].flatMap { _ in network.nodes[element.index].congestion },
                    freightNode[element.index])
            }
            if let curve = congestion.curve, capacity > 0, flow > 0 {
                let wait = curve.extraDays(flow: flow, capacity: capacity)
                days += congestion.freight * wait
                beyond += curve.waitBeyondIntegral(flow: flow, capacity: capacity)
            }
            let price = row.map { -solution.dual($0) } ?? 0
            if price > 1e-6 || (capacity > 0 && flow >= capacity * (1 - 1e-6)) { binding.append(position) }
        }
        self.init(
            status: .optimal,
            objectiveUSD: solution.objective.map {
                $0 + (formulation.objective == .minCost ? FlowProgram.congestionValueOfTime(network) * beyond : 0)
            },
            deliveredTEU: abs(delivered) < 1e-6 ? 0 : delivered,
            totalCostUSD: cost,
            avgTimeDays: delivered > 1e-6 ? days / delivered : nil,
            binding: binding,
            iterations: solution.iterations ?? 0
        )
        if byDirection.count > 1 { deliveredTEUByDirection = byDirection.mapValues { abs($0) < 1e-6 ? 0 : $0 } }
        backgroundLostTEU = backgroundLost.map { abs($0) < 1e-6 ? 0 : $0 }
    }

    /// TEU/year this case delivers less than `intact` in each direction (both ways only; else empty).
    public func lostTEUByDirection(against intact: CaseMetrics) -> [Direction: Double] {
        guard isOptimal else { return [:] }
        return intact.deliveredTEUByDirection.reduce(into: [:]) { lost, entry in
            lost[entry.key] = entry.value - (deliveredTEUByDirection[entry.key] ?? 0)
        }
    }
}
