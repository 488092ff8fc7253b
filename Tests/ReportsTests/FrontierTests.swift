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
}
