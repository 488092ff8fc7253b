public import FreightNetwork
public import LinearProgramming

/// The time-expanded LP of a scenario with periods: flows, stock, late backlog and losses per period.
///
/// Commodities k are demands sharing destination, value of time and late penalty, from one or more
/// origins (see ``PeriodProgram/commodities(_:)``). Periods p = 0…P−1 form a cyclic year (p − 1 of 0 is P − 1).
/// Demand is due at the destination: due(d,p) = teu(d)·share(d,p) TEU must reach t_d in period p. The
/// origin may ship in any period (the goods are available ahead), so freight can be sent before a closure,
/// held in a warehouse en route and delivered during it.
///
///     minimise  Σ x[k,a,p]·(tariff(a) + vot(k)·(time(a) + extra(a,p)) + handling(head a) + vot(k)·dwell(head a))
///             + Σ y[d,p]·(handling(o_d) + vot(d)·dwell(o_d))           shipped from the origin in p
///             + Σ u[d,p]·penalty(d)                                    lost (due in p, never delivered)
///             + Σ b[k,p]·late(k)·days(p+1)                             late: due but not delivered by the end of p
///             + Σ s[k,n,p]·holding(n)·days(p+1)                        stock in storage at n, end of p
///     s.t.  Σ_p y[d,p] + Σ_p u[d,p] = Σ_p due(d,p)                     (supply[d], over the year)
///           v[k,p] + Σ_{d∈k} u[d,p] + b[k,p] − b[k,p−1] = Σ_{d∈k} due(d,p)  (due[k,p]; p = P − 1 implied)
///           out_k(n,p) − arrivals_k(n,p) + s[k,n,p] − s[k,n,p−1]
///               − Σ_{d∈k, o_d = n} y[d,p] + [n = t_k]·v[k,p] = 0          (balance[k,n,p])
///           Σ_k x[k,a,p] ≤ capacity(a)·days(p)/365·factor(a,p)        (link capacity per period)
///           Σ_k arrivals_k(n,p) + Σ_{d: o_d=n} y[d,p] ≤ capacity(n)·days(p)/365·factor(n,p)
///           Σ_k s[k,n,p] ≤ storage(n)                                  (a stock, TEU)
///           x, y, u, b, s, v ≥ 0
///
/// arrivals_k(n,p) = Σ_{a into n, p′} f(a,p′→p)·x[k,a,p′] with the shares f of ``PeriodTransit`` for a
/// transit of time(a) + extra(a,p′) + dwell(head a) days. v[k,p] is what the destination receives in p; as
/// b ≥ 0 it is at most what is due plus the backlog, so freight that arrives early waits in storage en route
/// (or at the destination, when it has storage). Stored TEU are not late: holding(n) is the cost of waiting
/// there on top of waiting at the origin (y is free in every period), so not the goods' capital cost, which is
/// the same wherever they wait; value of time keeps pricing the days in transit.
/// A factor of 0 closes a link (no columns) or a node (no departures, throughput ≤ 0) in that period.
/// late(k) is the demands' late penalty, or their value of time when they have none. Due dates per commodity
/// mean a TEU of one demand stands for a TEU of another with the same destination and costs.
/// Storage and backlog exist only with two or more periods: with one period of 365 days the program is the
/// static ``FlowProgram`` plus the identities y = teu − u and v = inflow.
///
/// Max throughput maximises Σ (due − lost) under the same rows; ``cheapestAtThroughput(maximumUnmet:)``
/// then minimises the cost above with Σ u ≤ the stage-1 optimum. Units: TEU per period, USD, days.
public struct PeriodProgram: Sendable {
    /// One flow column: commodity k's TEU entering `link` during `period`, and where they arrive.
    public struct FlowColumn: Sendable, Hashable {
        public var link: Int
        public var period: Int
        public var variable: LinearProgram.Variable
        public var arrivals: [PeriodTransit.Arrival]
        /// Generalised cost, USD per TEU.
        public var unitCost: Double
    }

    /// One stock column: commodity k's TEU held at `node` at the end of `period`.
    public struct StockColumn: Sendable, Hashable {
        public var node: Int
        public var period: Int
        public var variable: LinearProgram.Variable
    }

    public let network: Network
    public let schedule: PeriodSchedule
    public let objective: Objective
    public let commodities: [Commodity]
    /// `sink[k]`: the destination node of commodity k.
    public let sink: [Int]
    /// `origins[k]`: the origin nodes of commodity k's demands.
    public let origins: [[Int]]
    /// `latePenalty[k]`: USD per TEU per day of lateness of commodity k.
    public let latePenalty: [Double]
    public private(set) var program: LinearProgram
    /// `flow[k]`: the commodity's flow columns, in link then period order.
    public let flow: [[FlowColumn]]
    /// `stock[k]`: the commodity's stock columns, in node then period order.
    public let stock: [[StockColumn]]
    /// `delivery[k][p]`: TEU of commodity k received at its destination in period p.
    public let delivery: [[LinearProgram.Variable]]
    /// `shipped[d][p]`, `lost[d][p]`: TEU of demand d leaving its origin, and lost, in period p.
    public let shipped: [[LinearProgram.Variable]]
    public let lost: [[LinearProgram.Variable]]
    /// `backlog[k][p]`: TEU of commodity k due by the end of p and not yet delivered (late; empty with one period).
    public let backlog: [[LinearProgram.Variable]]
    /// `linkCapacity[l][p]`, `nodeCapacity[n][p]`, `storageCapacity[n][p]`: rows, when limited and used.
    public let linkCapacity: [[LinearProgram.Constraint?]]
    public let nodeCapacity: [[LinearProgram.Constraint?]]
    public let storageCapacity: [[LinearProgram.Constraint?]]
    /// `due[d][p]`: TEU of demand d due at its destination in period p.
    public let due: [[Double]]
    /// The balance rows (flow conservation per commodity, node and period), in the order added.
    public let balanceRows: [LinearProgram.Constraint]

    public var periodCount: Int { schedule.periods.count }

    /// - Parameters:
    ///   - network: The network to formulate.
    ///   - schedule: The periods, their lengths and what each changes.
    ///   - objective: `.minCost`, or `.maxThroughput` (maximise delivered TEU).
    ///   - pruneByCost: Drop links no min-cost optimum can use
    ///     (`affordableLinks(_:commodity:sink:_:leastExtraDays:)`);
    ///     only for min-cost (stage 2 of max throughput needs the columns of stage 1).
    public init(network: Network, schedule: PeriodSchedule, objective: Objective = .minCost, pruneByCost: Bool = true) {
        self.network = network
        self.schedule = schedule
        self.objective = objective
        let layout = Layout(network: network, schedule: schedule, minCost: objective == .minCost)
        let commodities = layout.commodities
        self.commodities = commodities
        self.sink = layout.sinks
        self.origins = layout.origins
        self.latePenalty = commodities.map { Self.latePenalty(network.demands[$0.demands[0]]) }
        var lp = LinearProgram(
            name: layout.minCost ? "corridor_periods_min_cost" : "corridor_periods_max_throughput",
            sense: layout.minCost ? .minimize : .maximize)
        let (flow, usable) = Self.addFlowColumns(&lp, layout, pruneByCost: pruneByCost)
        let stock = Self.addStockColumns(&lp, layout, usable: usable)
        let demand = Self.addDemandColumns(&lp, layout, latePenalty: latePenalty)
        Self.addSupplyAndDueRows(&lp, layout, demand)
        self.balanceRows = Self.addBalanceRows(&lp, layout, flow: flow, stock: stock, demand)
        (self.linkCapacity, self.nodeCapacity, self.storageCapacity) = Self.addCapacityRows(
            &lp, network, schedule, flow, stock, demand.shipped, layout.periodNames)
        self.flow = flow
        self.stock = stock
        self.delivery = demand.delivery
        self.shipped = demand.shipped
        self.lost = demand.lost
        self.backlog = demand.backlog
        self.due = demand.due
        self.program = lp
    }

    /// Stage 2 of max throughput, on stage 1's LP: the objective swapped for the min-cost program's (built
    /// without cost pruning, so column for column the same) and the row Σ lost ≤ `maximumUnmet` (TEU/year)
    /// appended; every handle of this formulation reads stage 2's solution too.
    public func cheapestAtThroughput(maximumUnmet: Double) -> LinearProgram {
        let costing = PeriodProgram(network: network, schedule: schedule, objective: .minCost, pruneByCost: false)
        var lp = program
        lp.replaceObjective(with: costing.program)
        lp.name = "corridor_periods_max_throughput_cost"
        lp.addConstraint(
            "throughput", lost.flatMap { $0 }.map { LinearProgram.Term($0, 1) }, bounds: .upper(maximumUnmet))
        return lp
    }

    /// Whether link `l` carries freight in period `p`: its factor and its tail node's factor are positive.
    ///
    /// A factor of 0 closes the link (or the node: nothing departs from it) in that period, limited or not.
    public static func isOpen(link l: Int, period p: Int, _ network: Network, _ schedule: PeriodSchedule) -> Bool {
        schedule.linkCapacityFactor[l][p] > 0 && schedule.nodeCapacityFactor[network.linkEnds[l].from][p] > 0
    }

    /// Late penalty of a demand, USD per TEU per day: its own, or its value of time.
    public static func latePenalty(_ demand: Demand) -> Double {
        demand.latePenaltyUSDPerTEUDay ?? demand.valueOfTimeUSDPerTEUDay
    }
}
