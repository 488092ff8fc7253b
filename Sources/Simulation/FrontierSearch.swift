import FlowFormulation
import FreightNetwork
import LinearProgramming

/// The breakpoint search behind ``CostTimeFrontier`` (parametric in the chosen value of time).
struct FrontierSearch {
    /// One solve at a value of time *v*: the objective line `a + v · b` of its flow and its figures.
    struct Sample {
        var vot: Double
        /// Generalised cost, USD/year.
        var objective: Double
        /// The chosen demands' TEU-days per year (the line's slope).
        var slope: Double
        var point: CostTimeFrontier.Point
        /// Objective of this sample's flow at another value of time, USD/year.
        func line(at v: Double) -> Double { objective + (v - vot) * slope }
    }

    let network: Network
    let chosen: [Int]
    let simulator: Simulator
    let maxSolves: Int
    private(set) var solves = 0
    private(set) var status = SolveStatus.optimal
    /// True once a range was left unrefined because ``maxSolves`` LPs had been solved.
    private(set) var limited = false
    private var list: [Sample] = []

    init(network: Network, chosen: [Int], simulator: Simulator, maxSolves: Int) {
        self.network = network
        self.chosen = chosen
        self.simulator = simulator
        self.maxSolves = maxSolves
    }

    /// The distinct solutions over `range`, each with the value-of-time interval where it is optimal.
    mutating func run(_ range: ClosedRange<Double>) throws(SolverError) -> [CostTimeFrontier.Point] {
        guard let lo = try solve(range.lowerBound) else { return [] }
        list = [lo]
        list[0].point.votFrom = range.lowerBound
        if range.upperBound > range.lowerBound {
            // Without an optimum at the top of the range the sweep stops: `lo` is known at its own value only.
            guard let hi = try solve(range.upperBound) else { return list.map(\.point) }
            try refine(lo, hi)
        }
        list[list.count - 1].point.votTo = range.upperBound
        return Self.merged(list.map(\.point))
    }

    /// `points` with neighbours that carry the chosen demands identically joined into one VOT range.
    ///
    /// With congestion the objective's slope also moves with the rest of the network's flow (see
    /// ``slope(_:routes:days:)``), so two solutions can differ elsewhere and not for the chosen demands.
    static func merged(_ points: [CostTimeFrontier.Point]) -> [CostTimeFrontier.Point] {
        var out: [CostTimeFrontier.Point] = []
        for point in points {
            if let last = out.last, last.routes == point.routes, last.unmetTEU == point.unmetTEU {
                out[out.count - 1].votTo = point.votTo
            } else {
                out.append(point)
            }
        }
        return out
    }

    /// Fills in the solutions strictly between `lo` (the last in the list) and `hi`, then `hi`.
    private mutating func refine(_ lo: Sample, _ hi: Sample) throws(SolverError) {
        if sameSlope(lo, hi) { return }
        let v = min(max((hi.objective - hi.vot * hi.slope - lo.objective + lo.vot * lo.slope) / (lo.slope - hi.slope), lo.vot), hi.vot)
        var middle: Sample?
        if solves < maxSolves, status == .optimal {
            middle = try solve(v)
        } else if status == .optimal {
            limited = true
        }
        if let m = middle, !sameSlope(m, lo), !sameSlope(m, hi),
            m.objective < min(lo.line(at: v), hi.line(at: v)) - 1e-7 * max(1, abs(m.objective)),
            m.vot > lo.vot, m.vot < hi.vot
        {
            try refine(lo, m)
            try refine(m, hi)
            return
        }
        list[list.count - 1].point.votTo = v
        var next = hi
        next.point.votFrom = v
        list.append(next)
    }

    private func sameSlope(_ a: Sample, _ b: Sample) -> Bool {
        abs(a.slope - b.slope) <= 1e-6 * max(1, abs(a.slope), abs(b.slope))
    }

    /// Solves the network with the chosen demands' value of time set to `vot` USD/TEU/day.
    private mutating func solve(_ vot: Double) throws(SolverError) -> Sample? {
        solves += 1
        var demands = network.demands
        for d in chosen { demands[d].valueOfTimeUSDPerTEUDay = vot }
        let swept: Network
        do {
            swept = try network.rebuilt(nodes: network.nodes, links: network.links, demands: demands)
        } catch {
            preconditionFailure("a validated network with a non-negative value of time failed validation: \(error)")
        }
        let result = try simulator.run(swept, scenario: "frontier", objective: .minCost)
        // The program's own optimum: with congestion the realised cost reported adds the waits beyond
        // the integral the program charges, which is not linear in the value of time.
        guard result.status == .optimal, let objective = result.programObjectiveValue ?? result.objectiveValue else {
            status = result.status
            return nil
        }
        let ids = Set(chosen.map { network.demands[$0].id })
        let outcomes = result.demands.filter { ids.contains($0.id) }
        let routes = RouteBuilder.merge(outcomes.flatMap(\.routes))
        let delivered = routes.reduce(0) { $0 + $1.teu }
        let cost = routes.reduce(0) { $0 + $1.teu * $1.costUSDPerTEU }
        let days = routes.reduce(0) { $0 + $1.teu * $1.timeDays }
        var mix: [String: Double] = [:]
        for route in routes { mix[route.corridor, default: 0] += route.teu }
        let corridors = mix.map { CorridorShare(corridor: $0.key, teu: $0.value, share: delivered > 0 ? $0.value / delivered : 0) }
            .sorted { ($0.teu, $1.corridor) > ($1.teu, $0.corridor) }
        let point = CostTimeFrontier.Point(
            votFrom: vot, votTo: vot,
            costUSDPerTEU: delivered > ResultAssembler.dust ? cost / delivered : nil,
            timeDays: delivered > ResultAssembler.dust ? days / delivered : nil,
            deliveredTEU: outcomes.reduce(0) { $0 + $1.deliveredTEU },
            unmetTEU: outcomes.reduce(0) { $0 + $1.unmetTEU },
            corridors: corridors, routes: routes, isPareto: true
        )
        return Sample(vot: vot, objective: objective, slope: slope(result, routes: routes, days: days), point: point)
    }

    /// How fast the program's objective at this flow grows with the chosen value of time, TEU-days a year:
    /// the chosen routes' days without congestion waits (the program prices the waits at its congestion
    /// value of time, not the demands'), plus, where that value is the TEU-weighted mean of every demand's
    /// (``FlowProgram/congestionValueOfTime(_:)`` without `congestion_value_of_time_usd_per_teu_day`),
    /// the chosen demands' share of the waits the program charges: each congesting element's integral of
    /// its wait (``CongestionCurve/equilibriumTEUDays(flow:capacity:)``). Without congestion: the routes' days.
    private func slope(_ result: FlowResult, routes: [Route], days: Double) -> Double {
        guard network.hasCongestion else { return days }
        var extra: [String: Double] = [:]
        for l in result.links {
            if let d = l.congestionDays { extra["link:\(l.id)"] = d }
        }
        for n in result.nodes {
            if let d = n.congestionDays { extra["node:\(n.id)"] = d }
        }
        let own = routes.reduce(0) { total, route in
            let waits = route.links.reduce(0) { $0 + (extra["link:\($1)"] ?? 0) }
                + route.nodes.reduce(0) { $0 + (extra["node:\($1)"] ?? 0) }
            return total + route.teu * waits
        }
        guard network.congestionValueOfTime == nil else { return days - own }
        // The result lists every link and node of the network, in its order.
        let charged = network.congestionChargedTEUDays(
            linkFlow: result.links.map(\.flowTEU), throughput: result.nodes.map(\.throughputTEU))
        let total = network.demands.reduce(0) { $0 + $1.teu }
        let share = total > 0 ? chosen.reduce(0) { $0 + network.demands[$1].teu } / total : 0
        return days - own + share * charged
    }
}
