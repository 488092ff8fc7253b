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
    /// A→C→B (300 USD, capacity 30); 100 TEU at 100 USD/TEU-day.
    func twoRoutes() throws -> Network {
        var fast = F.link("A", "B", cost: 100, capacity: 100, corridor: "fast", id: "fast")
        fast.congestion = try Self.curve([(0.5, 0), (1.0, 2)])
        return try F.network(
            links: [
                fast,
                F.link("A", "C", cost: 300, capacity: 30, corridor: "slow", id: "slow1"),
                F.link("C", "B", cost: 0, corridor: "slow", id: "slow2"),
            ],
            demands: [F.demand("A", "B", teu: 100, vot: 100)]
        )
    }

    // By hand: the fast link's extra TEU-days are D(F) = 0 up to F = 50 and 4·(F − 50) from 50 to 100
    // (through (50, 50·0) and (100, 100·2)). Above 50 TEU, one more TEU on it costs 100 + 100·4 = 500
    // USD against 300 on the detour, so the detour fills (30) and the fast link takes 70:
    // D(70) = 80 TEU-days, each of its TEU waits 80/70 days, and the optimum is
    // 70·100 + 30·300 + 100·80 = 24,000 USD. The detour's capacity is worth 500 − 300 = 200 USD/TEU;
    // the fast link's next TEU adds 100·4 = 400 USD of delay; its own capacity does not bind (price 0).
    @Test("Hand-checked: a congesting link takes freight up to where its marginal delay meets the detour")
    func handChecked() throws {
        let network = try twoRoutes()
        let r = try simulator.run(network, scenario: "congestion")
        #expect(r.status == .optimal)
        #expect(isClose(try #require(r.objectiveValue), 24_000))
        #expect(isClose(r.links[0].flowTEU, 70))
        #expect(isClose(r.links[1].flowTEU, 30))
        #expect(isClose(try #require(r.links[0].congestionDays), 80.0 / 70))
        #expect(isClose(try #require(r.links[0].congestionPriceUSDPerTEU), 400))
        #expect(isClose(try #require(r.links[0].shadowPriceUSDPerTEU), 0))
        #expect(isClose(try #require(r.links[1].shadowPriceUSDPerTEU), 200))
        #expect(r.links[1].congestionDays == nil)
        #expect(isClose(r.timeValueUSD, 8_000))
        #expect(isClose(try #require(r.avgTimeDays), 0.8))
        let routes = r.demands[0].routes
        #expect(isClose(try #require(routes.first { $0.links == ["fast"] }).timeDays, 80.0 / 70))
        #expect(isClose(try #require(routes.first { $0.links.first == "slow1" }).timeDays, 0))
        let fast = try #require(r.corridorSummaries.first { $0.corridor == "fast" })
        #expect(isClose(fast.avgTimeDays, 80.0 / 70))
        expectInvariants(r, network)
    }

    // By hand: 80 TEU originate at A (capacity 100, curve 0.5 → 0, 1.0 → 1 day), so its throughput is 80
    // and D(80) = 2·(80 − 50) = 60 TEU-days: 60/80 = 0.75 days each. Optimum 80·10 + 50·60 = 3,800 USD.
    @Test("Hand-checked: TEU originating at a node count towards its congestion")
    func originCongests() throws {
        var origin = F.node("A", kind: .terminal, capacity: 100)
        origin.congestion = try Self.curve([(0.5, 0), (1.0, 1)])
        let network = try F.network(
            nodes: [origin], links: [F.link("A", "B", cost: 10)], demands: [F.demand("A", "B", teu: 80, vot: 50)])
        let r = try simulator.run(network, scenario: "origin")
        #expect(isClose(try #require(r.objectiveValue), 3_800))
        #expect(isClose(try #require(r.nodes[0].congestionDays), 0.75))
        #expect(isClose(try #require(r.demands[0].avgTimeDays), 0.75))
        expectInvariants(r, network)
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
        #expect(isClose(r.links[0].flowTEU, 70))
        #expect(isClose(try #require(r.links[0].congestionDays), 80.0 / 70))
    }

    @Test("Column generation asked for a congesting network runs the arc form and says so")
    func pathsFallBack() throws {
        let paths = Simulator(solver: GLPKSolver(), method: .paths)
        let r = try paths.run(try twoRoutes(), scenario: "paths")
        #expect(r.programSize.method == .arc)
        #expect(r.notes == [Simulator.pathsCongestionNote])
        #expect(isClose(try #require(r.objectiveValue), 24_000))
        #expect(Simulator.chooseMethod(try twoRoutes()) == .arc)
    }

    @Test("The curve: D(F) through F·g at the breakpoints, flat before the first, last slope continued to 1")
    func curveShape() throws {
        let curve = try Self.curve([(0.5, 1), (0.8, 2)])
        // Points (0, 0), (50, 50), (80, 160), (100, 100·(2 + (1/0.3)·0.2)) on capacity 100.
        let segments = curve.segments(capacity: 100)
        #expect(segments.count == 3)
        #expect(isClose(segments[0].marginalDays, 1))
        #expect(isClose(segments[1].marginalDays, 110.0 / 30))
        #expect(isClose(curve.extraDays(flow: 80, capacity: 100), 2))
        #expect(isClose(curve.extraDays(flow: 100, capacity: 100), 2 + 0.2 / 0.3))
        #expect(isClose(curve.extraDays(flow: 20, capacity: 100), 1))
        #expect(CongestionCurve.problem(with: [.init(utilisation: 0.5, extraDays: 2), .init(utilisation: 0.9, extraDays: 1)]) != nil)
        #expect(CongestionCurve.problem(with: [.init(utilisation: 0.5, extraDays: 0), .init(utilisation: 0.7, extraDays: 2), .init(utilisation: 1, extraDays: 2.5)]) != nil)
    }
}
