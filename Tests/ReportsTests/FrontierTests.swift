import CorridorTestSupport
import FlowFormulation
import FreightNetwork
import GLPK
import LinearProgramming
import Reports
import Simulation
import Testing

@Suite("Reports: cost–time frontier")
struct FrontierTests {
    typealias F = Fixtures
    let simulator = Simulator(solver: GLPKSolver())

    /// Three parallel routes A → B: sea 1,000 USD/TEU in 40 days, middle 2,000 in 25, rail 3,000 in 15.
    func network(railCapacity: Double? = nil, rival: Bool = false) throws -> Network {
        var demands = [F.demand("A", "B", teu: 10, vot: 50, penalty: 1e9, id: "D")]
        if rival { demands.append(F.demand("A", "B", teu: 10, vot: 200, penalty: 1e9, id: "RIVAL")) }
        return try F.network(links: [
            F.link("A", "B", cost: 1_000, time: 40, corridor: "sea", id: "sea", mode: .sea),
            F.link("A", "B", cost: 2_000, time: 25, corridor: "middle", id: "mid"),
            F.link("A", "B", cost: 3_000, time: 15, capacity: railCapacity, corridor: "northern", id: "rail"),
        ], demands: demands)
    }

    @Test("Breakpoints are exact: sea up to 1,000/15 USD/TEU/day, middle up to 100, rail above")
    func breakpoints() throws {
        let f = try CostTimeFrontier.sweep(try network(), demands: [0], votRange: 0...1_000, simulator: simulator)

        #expect(f.status == .optimal)
        #expect(f.points.map(\.corridors.first?.corridor) == ["sea", "middle", "northern"])
        #expect(f.points.allSatisfy { $0.isPareto })
        #expect(f.points[0].votFrom == 0 && f.points[2].votTo == 1_000)
        #expect(isClose(f.points[0].votTo, 1_000.0 / 15, tolerance: 1e-9) && f.points[1].votFrom == f.points[0].votTo)
        #expect(isClose(f.points[1].votTo, 100, tolerance: 1e-9))
        #expect(f.points.map(\.costUSDPerTEU) == [1_000, 2_000, 3_000])
        #expect(f.points.map(\.timeDays) == [40, 25, 15])
        #expect(f.solves <= 7, "the parametric search needs few solves, got \(f.solves)")
    }

    @Test("Shared capacity: the chosen demand takes the rail only above its rival's value of time")
    func sharedCapacity() throws {
        let f = try CostTimeFrontier.sweep(try network(railCapacity: 10, rival: true), demands: [0], votRange: 0...1_000,
            simulator: simulator)

        #expect(f.points.map(\.corridors.first?.corridor) == ["sea", "middle", "northern"])
        #expect(isClose(f.points[2].votFrom, 200, tolerance: 1e-9))
        let table = FrontierReport.table(f, .pareto)
        // USD per day saved between middle and rail is 100, below the breakpoint of 200: the rest is the rail's shadow price.
        #expect(table.rows[2][4] == .number(100, display: "100"))
    }

    @Test("Frontier reports: CSV has every point with a pareto flag; JSON parses")
    func reports() throws {
        let f = try CostTimeFrontier.sweep(try network(), demands: [0], votRange: 0...1_000, simulator: simulator)
        let heading = FrontierReport.Heading(scenario: "t", file: "t.yaml", subject: "A → B")

        let csv = parseCSV(FrontierReport.csv(f))

        #expect(csv.first?.last == "note" && csv.first?.contains("pareto") == true)
        #expect(csv.count == 1 + f.points.count)
        #expect(FrontierReport.json(f, heading).contains("\"pareto\": true"))
        #expect(FrontierReport.html(f, heading).contains("class=\"frontier\""))
    }

    /// The three routes with the rail congesting (no wait to half full, 10 days more at full, 20 TEU/yr), a
    /// rival on the same pair at 200 USD/TEU/day, and the waits priced at `congestionVOT` (nil: the mean).
    func congested(congestionVOT: Double?) throws -> Network {
        var rail = F.link("A", "B", cost: 3_000, time: 15, capacity: 20, corridor: "northern", id: "rail")
        rail.congestion = try #require(CongestionCurve([.init(utilisation: 0.5, extraDays: 0), .init(utilisation: 1, extraDays: 10)]))
        var network = try F.network(
            links: [
                F.link("A", "B", cost: 1_000, time: 40, corridor: "sea", id: "sea", mode: .sea),
                F.link("A", "B", cost: 2_000, time: 25, corridor: "middle", id: "mid"), rail,
            ],
            demands: [
                F.demand("A", "B", teu: 10, vot: 50, penalty: 9_000, id: "D"),
                F.demand("A", "B", teu: 10, vot: 200, penalty: 1e9, id: "RIVAL"),
            ])
        network.congestionValueOfTime = congestionVOT
        return network
    }

    @Test(
        "With congestion the curve is what solving at each value of time gives, whatever the range swept",
        arguments: [nil, 120.0])
    func congestedAgreesWithPointSolves(congestionVOT: Double?) throws {
        let network = try congested(congestionVOT: congestionVOT)
        let f = try CostTimeFrontier.sweep(network, demands: [0], votRange: 0...1_000, simulator: simulator)
        let wide = try CostTimeFrontier.sweep(network, demands: [0], votRange: 0...5_000, simulator: simulator)
        #expect(f.status == .optimal && f.breakpointsExact)
        #expect(f.points.count >= 3, "sea, middle, rail and the penalty: \(f.points.map(\.corridors))")
        // Every range's middle, solved on its own, gives that range's flow for the chosen demand.
        for point in f.points {
            let v = (point.votFrom + point.votTo) / 2
            let alone = try #require(
                try CostTimeFrontier.sweep(network, demands: [0], votRange: v...v, simulator: simulator).points.first)
            #expect(isClose(alone.deliveredTEU, point.deliveredTEU, tolerance: 1e-6), "at \(v)")
            #expect(alone.costUSDPerTEU.map { isClose($0, point.costUSDPerTEU ?? -1, tolerance: 1e-6) } ?? (point.costUSDPerTEU == nil),
                "at \(v): \(String(describing: alone.costUSDPerTEU)) against \(String(describing: point.costUSDPerTEU))")
            #expect(alone.timeDays.map { isClose($0, point.timeDays ?? -1, tolerance: 1e-6) } ?? (point.timeDays == nil), "at \(v)")
        }
        // A wider range changes the last range's end only.
        let common = wide.points.filter { $0.votFrom < 1_000 }
        #expect(common.count == f.points.count)
        for (a, b) in zip(common, f.points) {
            #expect(isClose(a.votFrom, b.votFrom, tolerance: 1e-9) && a.routes == b.routes)
        }
    }

    @Test("A sweep stopped by its limit of solves says its breakpoints are not all exact")
    func solveLimit() throws {
        let network = try congested(congestionVOT: 120)
        let f = try CostTimeFrontier.sweep(network, demands: [0], votRange: 0...1_000, simulator: simulator, maxSolves: 3)
        #expect(f.solves == 3 && !f.breakpointsExact)
        let heading = FrontierReport.Heading(scenario: "t", file: "t.yaml", subject: "A → B")
        #expect(FrontierReport.json(f, heading).contains("\"breakpoints_exact\": false"))
        #expect(FrontierReport.text(f, heading).contains("3 solves: the limit"))
        let full = try CostTimeFrontier.sweep(network, demands: [0], votRange: 0...1_000, simulator: simulator)
        #expect(full.breakpointsExact && FrontierReport.text(full, heading).contains("breakpoints exact"))
    }
}
