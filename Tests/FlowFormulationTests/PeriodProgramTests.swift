import CorridorTestSupport
import FlowFormulation
import FreightNetwork
import GLPK
import LinearProgramming
import Testing

@Suite("GLPK period program")
struct PeriodProgramTests {
    typealias F = Fixtures

    static func schedule(_ days: [Double], for network: Network) -> PeriodSchedule {
        PeriodSchedule(
            periods: days.enumerated().map { .init(name: "p\($0.offset + 1)", days: $0.element) }, for: network)
    }

    /// Σ over commodities and periods of the flow on each link.
    static func linkTotals(_ program: PeriodProgram, _ solution: LPSolution) -> [Double] {
        var total = [Double](repeating: 0, count: program.network.links.count)
        for columns in program.flow { for c in columns { total[c.link] += solution[c.variable] } }
        return total
    }

    @Test("Transit shares: equal periods split 1 − r/L and r/L (in 64ths); unequal periods by overlap; the year wraps")
    func transitShares() {
        let months = PeriodTransit(
            PeriodSchedule(
                periods: (1...12).map { .init(name: "m\($0)", days: 30) },
                linkCount: 0, nodeCount: 0, demandCount: 0))
        // τ = 40 = 1·30 + 10: 2/3 arrive one period later, 1/3 two periods later, rounded to 64ths:
        // 2/3 · 64 = 42.67 → 43/64 and 1/3 · 64 = 21.33 → 21/64 (sum exactly 1).
        let a = months.arrivals(enteringIn: 0, transitDays: 40)
        #expect(a == [.init(period: 1, fraction: 43.0 / 64), .init(period: 2, fraction: 21.0 / 64)])
        // Entering in the last period with τ = 45 (1·30 + 15): half in period 0, half in period 1 of the next year.
        let wrap = months.arrivals(enteringIn: 11, transitDays: 45)
        #expect(wrap == [.init(period: 0, fraction: 0.5), .init(period: 1, fraction: 0.5)])
        // Exactly one period: everything in the next one; zero days: everything in the same one.
        #expect(months.arrivals(enteringIn: 3, transitDays: 30) == [.init(period: 4, fraction: 1)])
        #expect(months.arrivals(enteringIn: 3, transitDays: 0) == [.init(period: 3, fraction: 1)])
        // Unequal periods (31, 28, 31): entering the first with τ = 40 lands on [40, 71): 19 days in the
        // second period ([31, 59)), 12 in the third ([59, 90)): 19/31 · 64 = 39.2 → 39/64, 12/31 · 64 = 24.8 → 25/64.
        let calendar = PeriodTransit(
            PeriodSchedule(
                periods: [
                    .init(name: "jan", days: 31), .init(name: "feb", days: 28),
                    .init(name: "mar", days: 31),
                ], linkCount: 0, nodeCount: 0, demandCount: 0))
        let c = calendar.arrivals(enteringIn: 0, transitDays: 40)
        #expect(c == [.init(period: 1, fraction: 39.0 / 64), .init(period: 2, fraction: 25.0 / 64)])
        // One period: all freight arrives in it, however long the transit.
        let year = PeriodTransit(
            PeriodSchedule(periods: [.init(name: "year", days: 365)], linkCount: 0, nodeCount: 0, demandCount: 0))
        #expect(year.arrivals(enteringIn: 0, transitDays: 400) == [.init(period: 0, fraction: 1)])
    }

    @Test("Storage carries freight past a closure: ship before it, store, deliver during it (hand-checked)")
    func storagePastClosure() throws {
        // Two periods of 182.5 days. A → W (10 USD, 400 TEU/yr = 200 per period, closed in p2: the crossing),
        // W → B (20 USD, 200 TEU/yr = 100 per period, open all year). Warehouse W: 1,000 TEU, holding 1 USD/TEU/day.
        // Demand A → B: 200 TEU/yr, 100 due at B in each period, value of time 0, late penalty 2 USD/TEU/day,
        // unmet penalty 10,000 USD/TEU.
        // Pre-positioning: in p1 200 TEU cross A → W; 100 go on to B (due in p1), 100 stay in W through p2
        // (1 × 182.5 = 182.5 USD each) and reach B in p2, on time. Optimum = 200 × 30 + 100 × 182.5 = 24,250 USD.
        // Nothing is late: being late instead costs 2 × 182.5 = 365 per TEU, and W → B has no spare p1 capacity.
        // Without storage nothing reaches W in p2 and W → B carries 100 a year in p1 only: the 100 TEU due in
        // p2 are lost (delivering them late would need W → B in p1 next year, already full):
        // 100 × 30 + 100 × 10,000 = 1,003,000 USD.
        var nodes = [F.node("A"), F.node("W"), F.node("B")]
        nodes[1].storageCapacityTEU = 1_000
        nodes[1].holdingCostUSDPerTEUDay = 1
        var demand = F.demand("A", "B", teu: 200, vot: 0, penalty: 10_000)
        demand.latePenaltyUSDPerTEUDay = 2
        let network = try F.network(
            nodes: nodes,
            links: [F.link("A", "W", cost: 10, capacity: 400), F.link("W", "B", cost: 20, capacity: 200)],
            demands: [demand])
        var schedule = Self.schedule([182.5, 182.5], for: network)
        schedule.linkCapacityFactor[0] = [1, 0]

        let program = PeriodProgram(network: network, schedule: schedule)
        let solution = try GLPKSolver().solve(program.program)

        #expect(solution.termination == .optimal)
        #expect(isClose(try #require(solution.objective), 24_250, tolerance: 1e-9))
        let stockW = program.stock[0].filter { $0.node == 1 }.map { solution[$0.variable] }
        #expect(isClose(stockW[0], 100) && isClose(stockW[1], 0))
        #expect(isClose(solution[program.shipped[0][0]], 200) && isClose(solution[program.shipped[0][1]], 0))
        #expect(isClose(solution[program.delivery[0][0]], 100) && isClose(solution[program.delivery[0][1]], 100))
        #expect(program.backlog[0].allSatisfy { isClose(solution[$0], 0) })
        #expect(program.lost[0].allSatisfy { isClose(solution[$0], 0) })

        var noStorage = network.nodes
        noStorage[1].storageCapacityTEU = nil
        let without = PeriodProgram(
            network: try Network(nodes: noStorage, links: network.links, demands: network.demands),
            schedule: schedule)
        let lost = try GLPKSolver().solve(without.program)
        #expect(isClose(try #require(lost.objective), 100 * 30 + 100 * 10_000, tolerance: 1e-9))
        #expect(isClose(lost[without.lost[0][1]], 100))
    }

    @Test("Late delivery: freight due during a closure arrives after it and pays the late penalty")
    func backlog() throws {
        // Three periods of 100 days; the only link A → B (no storage anywhere) is closed in p2. 300 TEU/yr due
        // evenly (100 per period), tariff 5, late penalty 3 USD/TEU/day, unmet penalty 10,000.
        // Delivering p2's 100 TEU in p3 leaves them late through p3 only: backlog 100 at the end of p2,
        // 100 × 3 × 100 days = 30,000 USD; all 300 TEU pay the tariff: 1,500. Optimum 31,500.
        // Delivering them early in p1 does not help: without storage an early arrival counts against the
        // cyclic year before (backlog 100 at the end of p2 and of p3: 60,000); losing them costs 1,000,000.
        var demand = F.demand("A", "B", teu: 300, vot: 0)
        demand.latePenaltyUSDPerTEUDay = 3
        let network = try F.network(links: [F.link("A", "B", cost: 5)], demands: [demand])
        var schedule = Self.schedule([100, 100, 100], for: network)
        schedule.linkCapacityFactor[0] = [1, 0, 1]

        let program = PeriodProgram(network: network, schedule: schedule)
        let solution = try GLPKSolver().solve(program.program)

        #expect(isClose(try #require(solution.objective), 31_500, tolerance: 1e-9))
        #expect(isClose(solution[program.backlog[0][1]], 100))
        #expect(isClose(solution[program.backlog[0][0]], 0) && isClose(solution[program.backlog[0][2]], 0))
        #expect(isClose(solution[program.delivery[0][2]], 200))
        #expect(isClose(solution[program.shipped[0][2]], 200))
        #expect(program.flow[0].allSatisfy { $0.period != 1 }, "no column on a link closed in that period")
    }

    @Test("Transit carries freight into the next period, across the year's end")
    func cyclicTransit() throws {
        // Two periods of 10 days; A → B takes 15 days, so freight entering in p2 ([10, 20)) arrives on
        // [25, 35) = [5, 15) of the next year: half in p1, half in p2. Node B handles at most 365 TEU/yr,
        // i.e. 10 TEU per 10-day period. 16 TEU due only in p2 (share [0, 1]); value of time and late penalty 0.
        // Freight entering in p1 ([0, 10)) lands on [15, 25): half in p2, half in p1 of the next year; entering in
        // p2 also splits half and half. So B receives 8 ≤ 10 in each period whenever it is shipped, and the year's
        // wrap is what makes the 16 TEU fit: without it B could take only 10 in p2 (and nothing arrives in p1).
        let network = try F.network(
            nodes: [F.node("A"), F.node("B", capacity: 365)],
            links: [F.link("A", "B", cost: 1, time: 15)],
            demands: [F.demand("A", "B", teu: 16, penalty: 10_000)])
        var schedule = Self.schedule([10, 10], for: network)
        schedule.demandShare[0] = [0, 1]
        let program = PeriodProgram(network: network, schedule: schedule)
        let arrivals = program.flow[0].first { $0.period == 1 }?.arrivals ?? []
        #expect(arrivals == [.init(period: 0, fraction: 0.5), .init(period: 1, fraction: 0.5)])

        let solution = try GLPKSolver().solve(program.program)
        #expect(isClose(try #require(solution.objective), 16, tolerance: 1e-9))
        #expect(isClose(solution[program.delivery[0][0]], 8) && isClose(solution[program.delivery[0][1]], 8))
    }

    @Test(
        "One period of 365 days without storage is the static model (objective and link flows)",
        arguments: Array(1...8) as [UInt64])
    func onePeriodIsStatic(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        func uniform(_ a: Double, _ b: Double) -> Double { Double.random(in: a..<b, using: &rng) }
        let names = (0..<8).map { "N\($0)" }
        var nodes = names.map {
            F.node(
                $0, capacity: uniform(0, 1) < 0.3 ? uniform(30, 150) : nil, handling: uniform(0, 50),
                dwell: uniform(0, 2))
        }
        nodes[3].storageCapacityTEU = 500  // storage exists but one period cannot use it
        var links: [Link] = []
        for a in names {
            for b in names where a != b && uniform(0, 1) < 0.4 {
                links.append(
                    F.link(
                        a, b, cost: uniform(1, 400), time: uniform(0, 30),
                        capacity: uniform(0, 1) < 0.5 ? uniform(10, 80) : nil))
            }
        }
        let demands = (0..<5).map { d in
            F.demand(
                names[d % 3], names[3 + d % 5], teu: uniform(10, 90), vot: [10.0, 50][d % 2],
                penalty: uniform(3_000, 30_000),
                id: "D\(d)")
        }
        let network = try F.network(nodes: nodes, links: links, demands: demands)

        let staticProgram = FlowProgram(network: network)
        let periodProgram = PeriodProgram(network: network, schedule: Self.schedule([365], for: network))
        let a = try GLPKSolver().solve(staticProgram.program)
        let b = try GLPKSolver().solve(periodProgram.program)

        #expect(periodProgram.stock.allSatisfy(\.isEmpty) && periodProgram.backlog.allSatisfy(\.isEmpty))
        #expect(isClose(try #require(a.objective), try #require(b.objective), tolerance: 1e-9))
        var staticFlow = [Double](repeating: 0, count: links.count)
        for columns in staticProgram.flow { for c in columns { staticFlow[c.link] += a[c.variable] } }
        for (l, flow) in Self.linkTotals(periodProgram, b).enumerated() {
            #expect(
                isClose(staticFlow[l], flow, tolerance: 1e-9),
                "link \(links[l].id): static \(staticFlow[l]), periods \(flow)")
        }
        for (d, u) in staticProgram.unmet.enumerated() {
            #expect(isClose(a[u], b[periodProgram.lost[d][0]], tolerance: 1e-9))
        }
    }

    @Test("Every period's link, node and storage capacity holds; due = delivered + lost + Δ backlog; supply")
    func capacitiesPerPeriod() throws {
        var nodes = [F.node("A"), F.node("H", capacity: 300), F.node("W"), F.node("B")]
        nodes[2].storageCapacityTEU = 40
        let network = try F.network(
            nodes: nodes,
            links: [
                F.link("A", "H", cost: 5, time: 20, capacity: 400), F.link("H", "W", cost: 5, time: 3),
                F.link("W", "B", cost: 5, time: 9, capacity: 500), F.link("A", "B", cost: 900, time: 60, capacity: 100),
            ],
            demands: [F.demand("A", "B", teu: 480, vot: 20, penalty: 5_000)])
        var schedule = Self.schedule(Array(repeating: 365.0 / 12, count: 12), for: network)
        schedule.linkCapacityFactor[2] = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0.5]
        schedule.nodeCapacityFactor[1] = [0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
        schedule.demandShare[0] = [0.05, 0.05, 0.05, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.05]
        let program = PeriodProgram(network: network, schedule: schedule)
        let s = try GLPKSolver().solve(program.program)
        try #require(s.termination == .optimal)
        let days = 365.0 / 12
        for p in 0..<12 {
            for (l, link) in network.links.enumerated() {
                guard let annual = link.capacityTEU else { continue }
                let flow = program.flow[0].filter { $0.link == l && $0.period == p }.reduce(0) { $0 + s[$1.variable] }
                #expect(flow <= annual * days / 365 * schedule.linkCapacityFactor[l][p] + 1e-6)
            }
            var arrivedAtH = 0.0
            for c in program.flow[0] where c.link == 0 {
                for a in c.arrivals where a.period == p { arrivedAtH += a.fraction * s[c.variable] }
            }
            #expect(arrivedAtH <= 300 * days / 365 * schedule.nodeCapacityFactor[1][p] + 1e-6)
            let stock = program.stock[0].filter { $0.period == p }.reduce(0) { $0 + s[$1.variable] }
            #expect(stock <= 40 + 1e-6)
            let before = (p + 11) % 12
            let balance =
                s[program.backlog[0][before]] + program.due[0][p] - s[program.delivery[0][p]]
                - s[program.lost[0][p]] - s[program.backlog[0][p]]
            #expect(abs(balance) < 1e-6)
        }
        // Over the year the demand is shipped or lost: Σ shipped + Σ lost = 480.
        let supply = (0..<12).reduce(0) { $0 + s[program.shipped[0][$1]] + s[program.lost[0][$1]] }
        #expect(isClose(supply, 480, tolerance: 1e-9))
        // Over the cyclic year everything shipped arrives: Σ shipped = Σ delivered.
        let shipped = program.shipped[0].reduce(0) { $0 + s[$1] }
        let delivered = program.delivery[0].reduce(0) { $0 + s[$1] }
        #expect(isClose(shipped, delivered, tolerance: 1e-9))
    }
}
