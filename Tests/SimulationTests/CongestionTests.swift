import CorridorTestSupport
import FlowFormulation
import FreightNetwork
import GLPK
import Simulation
import Testing

@Suite("GLPK simulator: congestion")
struct CongestionTests {
    typealias F = Fixtures
    let simulator = Simulator(solver: GLPKSolver())

    static func curve(_ points: [(Double, Double)]) throws -> CongestionCurve {
        try #require(CongestionCurve(points.map { CongestionCurve.Breakpoint(utilisation: $0.0, extraDays: $0.1) }))
    }

    /// A fast link A→B (100 USD, capacity 100, curve 0.5 → 0 days, 1.0 → 2 days) beside a dearer detour
    /// A→C→B (200 USD, capacity 30); 100 TEU at 100 USD/TEU-day.
    func twoRoutes() throws -> Network {
        var fast = F.link("A", "B", cost: 100, capacity: 100, corridor: "fast", id: "fast")
        fast.congestion = try Self.curve([(0.5, 0), (1.0, 2)])
        return try F.network(
            links: [
                fast,
                F.link("A", "C", cost: 200, capacity: 30, corridor: "slow", id: "slow1"),
                F.link("C", "B", cost: 0, corridor: "slow", id: "slow2"),
            ],
            demands: [F.demand("A", "B", teu: 100, vot: 100)]
        )
    }

    // By hand (user equilibrium: each TEU by its own wait): on the fast link a TEU waits g(F/100) days,
    // 0 up to F = 50 and (F − 50)/25 beyond, so it costs 100 + 100·g. Freight takes it until that equals
    // the detour's 200: g = 1 day at F = 75; the other 25 take the detour (its capacity, 30, does not
    // bind). The program charges the integral of the wait in pieces of 12.5 TEU at their midpoints'
    // waits (0.25, 0.75, 1.25, 1.75 days above 50 TEU): the second ends at 75, where the third, at
    // 100 + 125 = 225 USD, is dearer than the detour, so the optimum is exactly the equilibrium. The
    // realised cost is 75·100 + 25·200 + 100·(75·1) = 20,000 USD; the fast link's next TEU waits 1 day,
    // worth 100 USD (the congestion row's price); neither capacity binds (prices 0).
    @Test("Hand-checked: a congesting link takes freight until its wait makes it as dear as the detour")
    func handChecked() throws {
        let network = try twoRoutes()
        let r = try simulator.run(network, scenario: "congestion")
        #expect(r.status == .optimal)
        #expect(isClose(try #require(r.objectiveValue), 20_000))
        #expect(isClose(r.links[0].flowTEU, 75))
        #expect(isClose(r.links[1].flowTEU, 25))
        #expect(isClose(try #require(r.links[0].congestionDays), 1))
        #expect(isClose(try #require(r.links[0].congestionPriceUSDPerTEU), 100))
        #expect(isClose(try #require(r.links[0].shadowPriceUSDPerTEU), 0))
        #expect(isClose(try #require(r.links[1].shadowPriceUSDPerTEU), 0))
        #expect(r.links[1].congestionDays == nil)
        #expect(isClose(r.timeValueUSD, 7_500))
        #expect(isClose(try #require(r.avgTimeDays), 0.75))
        let routes = r.demands[0].routes
        #expect(isClose(try #require(routes.first { $0.links == ["fast"] }).timeDays, 1))
        #expect(isClose(try #require(routes.first { $0.links.first == "slow1" }).timeDays, 0))
        let fast = try #require(r.corridorSummaries.first { $0.corridor == "fast" })
        #expect(isClose(fast.avgTimeDays, 1))
        expectInvariants(r, network)
    }

    // By hand: 80 TEU originate at A (capacity 100, curve 0.5 → 0, 1.0 → 1 day), so its throughput is 80
    // and each TEU waits g(0.8) = 0.6 days. Realised cost 80·10 + 50·(80·0.6) = 3,200 USD.
    @Test("Hand-checked: TEU originating at a node count towards its congestion")
    func originCongests() throws {
        var origin = F.node("A", kind: .terminal, capacity: 100)
        origin.congestion = try Self.curve([(0.5, 0), (1.0, 1)])
        let network = try F.network(
            nodes: [origin], links: [F.link("A", "B", cost: 10)], demands: [F.demand("A", "B", teu: 80, vot: 50)])
        let r = try simulator.run(network, scenario: "origin")
        #expect(isClose(try #require(r.objectiveValue), 3_200))
        #expect(isClose(try #require(r.nodes[0].congestionDays), 0.6))
        #expect(isClose(try #require(r.demands[0].avgTimeDays), 0.6))
        expectInvariants(r, network)
    }

    // By hand: with the waits priced at 50 USD/TEU-day (the network's congestionValueOfTime) instead of the
    // demand's 100, the fast link's pieces cost 100 + 50·(0.25, 0.75, 1.25, 1.75) = 112.5 … 187.5 USD, all
    // below the detour's 200: every TEU takes it, to capacity (100 TEU), where each waits g(1) = 2 days. The
    // realised cost, every TEU's wait at 50: 100·100 + 50·(100·2) = 20,000 USD; the reported time value is
    // the demand's own, 100·(100·2) = 20,000 USD.
    @Test("Hand-checked: the network's value of time for waits, not the demands' mean, prices them")
    func setValueOfTime() throws {
        var network = try twoRoutes()
        network.congestionValueOfTime = 50
        let r = try simulator.run(network, scenario: "cheap waits")
        #expect(r.status == .optimal)
        #expect(r.congestionValueOfTime == 50)
        #expect(isClose(r.links[0].flowTEU, 100))
        #expect(isClose(r.links[1].flowTEU, 0))
        #expect(isClose(try #require(r.links[0].congestionDays), 2))
        #expect(isClose(try #require(r.objectiveValue), 20_000))
        #expect(isClose(r.timeValueUSD, 20_000))
        expectInvariants(r, network)
        // Unset, the mean over the demands (here the one demand's 100) prices them: the hand-checked 75 TEU.
        let mean = try simulator.run(try twoRoutes(), scenario: "mean")
        #expect(mean.congestionValueOfTime == 100)
        #expect(isClose(mean.links[0].flowTEU, 75))
    }

    @Test("Halving the demand on a congesting link shortens its days; flows conserve and respect capacities")
    func respondsToLoad() throws {
        let network = try twoRoutes()
        let half = try network.applying([.scaleDemand(0, by: 0.5)])
        let full = try simulator.run(network, scenario: "full")
        let halved = try simulator.run(half, scenario: "half")
        // 50 TEU all fit below the curve's first breakpoint: no extra days, nothing on the detour.
        #expect(isClose(halved.links[0].flowTEU, 50))
        #expect(isClose(try #require(halved.links[0].congestionDays), 0))
        #expect(try #require(halved.avgTimeDays) < (try #require(full.avgTimeDays)))
        expectInvariants(halved, half)
    }

    @Test("Max throughput carries the same curves: stage 2 prices the delay")
    func maxThroughput() throws {
        let r = try simulator.run(try twoRoutes(), scenario: "max", objective: .maxThroughput)
        #expect(isClose(r.deliveredTEU, 100))
        #expect(isClose(r.links[0].flowTEU, 75))
        #expect(isClose(try #require(r.links[0].congestionDays), 1))
    }

    @Test("Column generation asked for a congesting network runs the arc form and says so")
    func pathsFallBack() throws {
        let paths = Simulator(solver: GLPKSolver(), method: .paths)
        let r = try paths.run(try twoRoutes(), scenario: "paths")
        #expect(r.programSize.method == .arc)
        #expect(r.notes == [Simulator.pathsCongestionNote])
        #expect(isClose(try #require(r.objectiveValue), 20_000))
        #expect(Simulator.chooseMethod(try twoRoutes()) == .arc)
    }

    @Test("The curve: g flat before the first breakpoint, linear between, last slope continued; pieces of its integral")
    func curveShape() throws {
        let curve = try Self.curve([(0.5, 1), (0.8, 2)])
        // On capacity 100: g = 1 up to 50, 1 → 2 from 50 to 80, then 2 + (1/0.3)·(ρ − 0.8) up to 2.67 at 100.
        #expect(isClose(curve.extraDays(flow: 20, capacity: 100), 1))
        #expect(isClose(curve.extraDays(flow: 65, capacity: 100), 1.5))
        #expect(isClose(curve.extraDays(flow: 80, capacity: 100), 2))
        #expect(isClose(curve.extraDays(flow: 100, capacity: 100), 2 + 0.2 / 0.3))
        #expect(isClose(curve.totalExtraTEUDays(flow: 80, capacity: 100), 160))
        // The integral's pieces: 50 TEU at 1 day, then 4 of 7.5 TEU at 1.125 … 1.875, then 4 of 5 TEU.
        let segments = curve.segments(capacity: 100)
        #expect(segments.count == 9)
        #expect(isClose(segments[0].widthTEU, 50) && isClose(segments[0].waitDays, 1))
        #expect(isClose(segments[1].widthTEU, 7.5) && isClose(segments[1].waitDays, 1.125))
        #expect(isClose(segments[4].waitDays, 1.875))
        #expect(isClose(segments[8].widthTEU, 5) && isClose(segments[8].waitDays, 2 + (0.875 * 0.2) / 0.3))
        #expect(isClose(segments.reduce(0) { $0 + $1.widthTEU }, 100))
        // Exact at the breakpoints: ∫₀⁸⁰ g = 50·1 + 30·1.5 = 95 TEU-days.
        #expect(isClose(curve.equilibriumTEUDays(flow: 80, capacity: 100), 95))
        #expect(CongestionCurve.problem(with: [.init(utilisation: 0.5, extraDays: 2), .init(utilisation: 0.9, extraDays: 1)]) != nil)
        #expect(CongestionCurve.problem(with: [.init(utilisation: 0.5, extraDays: 0), .init(utilisation: 0.7, extraDays: 2), .init(utilisation: 1, extraDays: 2.5)]) != nil)
    }
}
