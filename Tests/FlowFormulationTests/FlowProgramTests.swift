import CorridorTestSupport
import FlowFormulation
import FreightNetwork
import GLPK
import LinearProgramming
import Testing

@Suite("GLPK flow program")
struct FlowProgramTests {
    typealias F = Fixtures

    func solve(_ network: Network, _ objective: Objective = .minCost, aggregate: Bool = true) throws -> LPSolution {
        let program = FlowProgram(network: network, objective: objective, aggregateDemands: aggregate).program
        return try GLPKSolver().solve(program)
    }

    @Test("One path: cost = TEU × (tariffs + vot × days + handling)")
    func onePath() throws {
        let network = try F.network(
            nodes: [F.node("A", handling: 5, dwell: 1), F.node("B", handling: 3), F.node("C", handling: 7, dwell: 2)],
            links: [F.link("A", "B", cost: 10, time: 1), F.link("B", "C", cost: 20, time: 2)],
            demands: [F.demand("A", "C", teu: 100, vot: 50)]
        )

        let solution = try solve(network)

        // per TEU: origin 5 + 50·1, link 10 + 50·1, B 3, link 20 + 50·2, C 7 + 50·2 = 345
        #expect(solution.termination == .optimal)
        #expect(isClose(try #require(solution.objective), 100 * 345))
    }

    @Test("Unreachable demand is unmet at its penalty")
    func unreachable() throws {
        let network = try F.network(
            links: [F.link("A", "B", cost: 10)],
            demands: [F.demand("A", "Z", teu: 40, penalty: 900)]
        )

        let flow = FlowProgram(network: network)
        let solution = try GLPKSolver().solve(flow.program)

        #expect(flow.flow[0].isEmpty, "no column where the commodity cannot flow")
        #expect(isClose(try #require(solution.objective), 40 * 900))
        #expect(isClose(solution[flow.unmet[0]], 40))
    }

    @Test("Columns exist only on links that lead from the origin to a sink")
    func pruning() throws {
        let network = try F.network(
            links: [
                F.link("A", "B", cost: 1), F.link("B", "C", cost: 1), F.link("C", "D", cost: 1),
                F.link("X", "B", cost: 1), F.link("B", "Y", cost: 1),
            ],
            demands: [F.demand("A", "C", teu: 1)]
        )

        let flow = FlowProgram(network: network)

        #expect(flow.flow[0].map { network.links[$0.link].id.rawValue } == ["A-B", "B-C"])
    }

    @Test("Demands sharing an origin become one commodity with the same optimum", arguments: [1, 2, 3, 4, 5] as [UInt64])
    func aggregationIsExact(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let nodes = (0..<7).map { "N\($0)" }
        var links: [Link] = []
        for a in nodes {
            for b in nodes where a != b && Double.random(in: 0..<1, using: &rng) < 0.45 {
                let capacity = Double.random(in: 0..<1, using: &rng) < 0.5 ? Double(Int.random(in: 5...60, using: &rng)) : nil
                links.append(F.link(a, b, cost: Double(Int.random(in: 1...40, using: &rng)), time: 1, capacity: capacity))
            }
        }
        let demands = ["N3", "N5", "N6"].map { F.demand("N0", $0, teu: Double(Int.random(in: 10...80, using: &rng)), vot: 2, penalty: 500) }
            + [F.demand("N1", "N6", teu: 30, vot: 2, penalty: 500)]
        let network = try F.network(links: links, demands: demands)

        let aggregated = FlowProgram(network: network, aggregateDemands: true)
        let separate = FlowProgram(network: network, aggregateDemands: false)
        let a = try GLPKSolver().solve(aggregated.program)
        let s = try GLPKSolver().solve(separate.program)

        #expect(aggregated.commodities.count == 2)
        #expect(separate.commodities.count == 4)
        #expect(isClose(try #require(a.objective), try #require(s.objective)))
    }

    @Test("Uncapacitated random networks match shortest paths", arguments: Array(1...8) as [UInt64])
    func shortestPathOracle(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed &* 7919)
        let ids = (0..<9).map { "N\($0)" }
        let nodes = ids.map {
            F.node($0, handling: Double(Int.random(in: 0...20, using: &rng)), dwell: Double(Int.random(in: 0...2, using: &rng)))
        }
        var links: [Link] = []
        for a in ids {
            for b in ids where a != b && Double.random(in: 0..<1, using: &rng) < 0.3 {
                links.append(F.link(a, b, cost: Double(Int.random(in: 1...100, using: &rng)), time: Double(Int.random(in: 0...5, using: &rng))))
            }
        }
        var demands: [Demand] = []
        for i in 0..<6 {
            let from = ids[Int.random(in: 0..<ids.count, using: &rng)]
            var to = ids[Int.random(in: 0..<ids.count, using: &rng)]
            if to == from { to = from == "N0" ? "N1" : "N0" }
            demands.append(F.demand(from, to, teu: Double(Int.random(in: 1...50, using: &rng)), vot: Double([0, 10, 40][i % 3]), penalty: 400, id: "d\(i)"))
        }
        let network = try F.network(nodes: nodes, links: links, demands: demands)

        let solution = try solve(network)

        #expect(isClose(try #require(solution.objective), Oracles.uncapacitatedMinCost(network)))
    }

    @Test("Single-commodity capacitated networks match successive shortest paths", arguments: Array(1...8) as [UInt64])
    func minCostFlowOracle(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed &* 104_729)
        let ids = (0..<8).map { "N\($0)" }
        var links: [Link] = []
        for a in ids {
            for b in ids where a != b && Double.random(in: 0..<1, using: &rng) < 0.35 {
                links.append(F.link(a, b, cost: Double(Int.random(in: 1...50, using: &rng)), time: Double(Int.random(in: 0...3, using: &rng)),
                    capacity: Double(Int.random(in: 5...40, using: &rng))))
            }
        }
        let network = try F.network(nodes: ids.map { F.node($0) }, links: links, demands: [F.demand("N0", "N7", teu: 60, vot: 5, penalty: 300)])

        let solution = try solve(network)
        let expected = Oracles.minCostFlow(from: "N0", to: "N7", amount: 60, vot: 5, penalty: 300, in: network)

        #expect(isClose(try #require(solution.objective), expected))
    }

    @Test("Max throughput equals the minimum cut", arguments: Array(1...8) as [UInt64])
    func maxFlowMinCut(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed &* 31)
        let ids = (0..<7).map { "N\($0)" }
        var links: [Link] = []
        for a in ids {
            for b in ids where a != b && Double.random(in: 0..<1, using: &rng) < 0.4 {
                links.append(F.link(a, b, cost: 1, capacity: Double(Int.random(in: 1...30, using: &rng))))
            }
        }
        let network = try F.network(nodes: ids.map { F.node($0) }, links: links, demands: [F.demand("N0", "N6", teu: 1_000)])

        let solution = try solve(network, .maxThroughput)

        #expect(isClose(try #require(solution.objective), min(1_000, Oracles.minCut(from: "N0", to: "N6", in: network))))
    }

    @Test("A binding node capacity caps throughput: max flow through a border of 25 TEU")
    func nodeCapacityInMaxFlow() throws {
        let network = try F.network(
            nodes: [F.node("BORDER", kind: .border, capacity: 25)],
            links: [F.link("A", "BORDER", cost: 1, capacity: 100), F.link("BORDER", "B", cost: 1, capacity: 100), F.link("A", "C", cost: 1, capacity: 10), F.link("C", "B", cost: 1)],
            demands: [F.demand("A", "B", teu: 100)]
        )

        let solution = try solve(network, .maxThroughput)

        #expect(isClose(try #require(solution.objective), 35))
    }

    /// X → A → C with A limited to 100 TEU/year; demands A→C 20 TEU and X→C 30 TEU. A's row counts
    /// the freight entering A (X's flow on X-A) and the freight originating there (20 − u_A-C):
    /// x_X_X-A + 20 − u_A-C ≤ 100, that is  x_X_X-A − u_A-C ≤ 80.
    static func capacitatedOrigin() throws -> Network {
        try F.network(
            nodes: [F.node("A", capacity: 100)],
            links: [F.link("X", "A", cost: 1), F.link("A", "C", cost: 1)],
            demands: [F.demand("A", "C", teu: 20), F.demand("X", "C", teu: 30)]
        )
    }

    /// A row's terms by column name.
    static func terms(_ row: LinearProgram.Row, in program: LinearProgram) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: row.terms.map { (program[$0.variable].name, $0.coefficient) })
    }

    @Test("A node's throughput row: inflow + 1, originating demand's unmet − 1, capacity less the TEU originating")
    func nodeRowCoefficients() throws {
        let network = try Self.capacitatedOrigin()
        let a = try #require(network.index(of: Node.ID("A")))

        for objective in [Objective.minCost, .maxThroughput] {
            let flow = FlowProgram(network: network, objective: objective)
            let row = flow.program[try #require(flow.nodeCapacity[a])]

            #expect(row.name == "cap_node_A")
            #expect(Self.terms(row, in: flow.program) == ["x_X_X-A": 1, "u_A-C": -1])
            #expect(row.bounds == .upper(80))
            #expect(flow.nodeCapacity.enumerated().allSatisfy { $0.offset == a || $0.element == nil })
        }
    }

    @Test("The path master's node row: paths entering + 1, originating unmet − 1, capacity less the TEU originating")
    func pathNodeRowCoefficients() throws {
        let network = try Self.capacitatedOrigin()
        let a = try #require(network.index(of: Node.ID("A")))
        let paths = PathProgram(network: network)
        var master = paths.program
        let column = paths.column(demand: 1, links: [0, 1], number: 0, rows: paths.noCapacityRows)  // X-A, A-C
        let path = master.add(column)

        let row = paths.nodeRow(a, paths: [path])
        master.add(row)

        #expect(paths.nodeLimit[a] == 80)
        #expect(paths.nodeLimit.enumerated().allSatisfy { $0.offset == a || $0.element == nil })
        #expect(row.name == "cap_node_A")
        #expect(row.bounds == .upper(80))
        #expect(Self.terms(master.rows[master.rowCount - 1], in: master) == ["p_X-C_0": 1, "u_A-C": -1])
    }

    @Test("The period program's node row: arrivals + 1, TEU shipped from the node + 1, the period's share of capacity")
    func periodNodeRowCoefficients() throws {
        let network = try Self.capacitatedOrigin()
        let a = try #require(network.index(of: Node.ID("A")))
        let schedule = PeriodSchedule(
            periods: [.init(name: "h1", days: 146), .init(name: "h2", days: 219)], for: network)
        let periods = PeriodProgram(network: network, schedule: schedule)
        let xa = try #require(network.links.firstIndex { $0.id.rawValue == "X-A" })

        for p in 0..<2 {
            let row = periods.program[try #require(periods.nodeCapacity[a][p])]
            // 100 TEU/year × 146/365 = 40 in h1, × 219/365 = 60 in h2; shipped at A (demand 0) counts in full.
            #expect(row.bounds == .upper([40.0, 60.0][p]))
            var expected: [LinearProgram.Variable: Double] = [periods.shipped[0][p]: 1]
            for c in periods.flow.joined() where c.link == xa {
                for arrival in c.arrivals where arrival.period == p {
                    expected[c.variable, default: 0] += arrival.fraction
                }
            }
            #expect(expected.count > 1, "X's flow arrives at A in period \(p)")
            let actual = Dictionary(uniqueKeysWithValues: row.terms.map { ($0.variable, $0.coefficient) })
            #expect(actual == expected, "period \(p)")
        }
    }

    @Test("The program is deterministic: same network, same rows and columns")
    func deterministic() throws {
        let network = try F.network(
            links: [F.link("A", "B", cost: 1, capacity: 5), F.link("B", "C", cost: 2), F.link("A", "C", cost: 9)],
            demands: [F.demand("A", "C", teu: 10), F.demand("B", "C", teu: 3)]
        )

        let first = FlowProgram(network: network).program
        let second = FlowProgram(network: network).program

        #expect(first.columns == second.columns)
        #expect(first.rows == second.rows)
        #expect(first.columns.map(\.name) == ["x_A_A-B", "x_A_B-C", "x_A_A-C", "x_B_B-C", "u_A-C", "u_B-C"])
    }
}
