import CorridorTestSupport
import FlowFormulation
import FreightNetwork
import GLPK
import LinearProgramming
import Simulation
import Testing

@Suite("GLPK simulator")
struct SimulatorTests {
    typealias F = Fixtures
    let simulator = Simulator(solver: GLPKSolver())

    @Test("Parallel routes split by capacity; the cheap route's capacity is worth the cost difference")
    func parallelRoutes() throws {
        let network = try F.network(
            links: [
                F.link("A", "B", cost: 10, capacity: 60, corridor: "north", id: "cheap"),
                F.link("A", "C", cost: 15, corridor: "south", id: "dear1"),
                F.link("C", "B", cost: 10, corridor: "south", id: "dear2"),
            ],
            demands: [F.demand("A", "B", teu: 100)]
        )

        let r = try simulator.run(network, scenario: "t")

        #expect(r.status == .optimal)
        #expect(isClose(try #require(r.objectiveValue), 60 * 10 + 40 * 25))
        #expect(isClose(r.links[0].flowTEU, 60))
        #expect(isClose(r.links[1].flowTEU, 40))
        #expect(isClose(try #require(r.links[0].shadowPriceUSDPerTEU), 15))
        #expect(r.binding.map(\.id) == ["cheap"])
        #expect(r.corridors.map(\.corridor) == ["north", "south"])
        #expect(isClose(r.corridors[0].share, 0.6))
        #expect(isClose(try #require(r.avgCostUSDPerTEU), 16))
        expectInvariants(r, network)
    }

    @Test("A binding border station: its shadow price is the detour's extra cost")
    func bindingNode() throws {
        let network = try F.network(
            nodes: [F.node("BRE", kind: .border, capacity: 30, handling: 2, dwell: 1)],
            links: [F.link("A", "BRE", cost: 5), F.link("BRE", "B", cost: 5), F.link("A", "M", cost: 20), F.link("M", "B", cost: 20)],
            demands: [F.demand("A", "B", teu: 50, vot: 10)]
        )

        let r = try simulator.run(network, scenario: "t")

        // via BRE: 5 + 2 + 10·1 + 5 = 22 per TEU; via M: 40. 30 via BRE, 20 via M.
        #expect(isClose(try #require(r.objectiveValue), 30 * 22 + 20 * 40))
        let border = try #require(r.nodes.first { $0.id == "BRE" })
        #expect(isClose(border.throughputTEU, 30))
        #expect(isClose(try #require(border.shadowPriceUSDPerTEU), 18))
        #expect(isClose(try #require(r.avgTimeDays), 30.0 * 1 / 50))
        #expect(isClose(r.totalCostUSD, 30 * 12 + 20 * 40))
        #expect(isClose(r.timeValueUSD, 30 * 10))
        expectInvariants(r, network)
    }

    @Test("Unmet demand when the only route is closed")
    func closedRoute() throws {
        var link = F.link("A", "B", cost: 1)
        link.isClosed = true
        let network = try F.network(links: [link], demands: [F.demand("A", "B", teu: 10, penalty: 123)])

        let r = try simulator.run(network, scenario: "t")

        #expect(isClose(r.unmetTEU, 10))
        #expect(r.deliveredTEU == 0)
        #expect(isClose(r.unmetPenaltyUSD, 1_230))
        #expect(r.corridors.isEmpty)
        expectInvariants(r, network)
    }

    @Test("Max throughput takes the cheapest of the maximal flows and names the bottleneck")
    func maxThroughput() throws {
        let network = try F.network(
            links: [
                F.link("A", "B", cost: 1, capacity: 10), F.link("A", "B", cost: 9, capacity: 10, id: "A-B-2"),
                F.link("B", "C", cost: 1, capacity: 15), F.link("A", "C", cost: 100, capacity: 5),
            ],
            demands: [F.demand("A", "C", teu: 100)]
        )

        let r = try simulator.run(network, scenario: "t", objective: .maxThroughput)

        #expect(isClose(try #require(r.objectiveValue), 20))
        #expect(isClose(r.deliveredTEU, 20))
        #expect(isClose(r.links[0].flowTEU, 10))
        #expect(isClose(r.links[1].flowTEU, 5))
        let bottlenecks = Set(r.binding.filter { ($0.throughputGainPerTEU ?? 0) > 0.5 }.map(\.id))
        #expect(bottlenecks == ["B-C", "A-C"])
        expectInvariants(r, network)
    }

    /// Hand-checked networks with several maximal flows at different costs, and the cheapest of them.
    enum MaximalFlows: String, CaseIterable, Sendable {
        /// 100 TEU A→D. Three parallel links A→B (dear 30, mid 20, cheap 10 USD/TEU, 20 TEU each), then
        /// B→D (1 USD/TEU, 25 TEU), and A→D direct (100 USD/TEU, 5 TEU). The cut {B→D, A→D} holds
        /// 25 + 5 = 30 TEU, so the maximum is 30, and every maximal flow fills B→D and A→D and sends
        /// 25 TEU over the three A→B links in any split. The cheapest split is 20 cheap + 5 mid:
        /// 20·10 + 5·20 + 25·1 + 5·100 = 825 USD. The other maximal flows cost up to
        /// 20·30 + 5·20 + 25 + 500 = 1,225 USD (20 dear + 5 mid); 15 dear + 10 mid costs 1,075.
        case parallelLinks
        /// For column generation, whose greedy start routes the cheapest paths first and so must
        /// re-route in stage 1, with paths that cost nothing there. A→D 10 TEU and X→D 10 TEU. Both
        /// reach D over S-D (1 USD/TEU, 10 TEU) via A-S and X-S (1 USD/TEU each); A also has two direct
        /// links, dear (20 USD/TEU) and fair (10 USD/TEU), 10 TEU each. X's only route is over S-D, so
        /// 20 TEU (the maximum) needs X's 10 TEU on S-D and A's 10 on dear and fair in any split. The
        /// cheapest: A on fair, 10·10 + X 10·(1 + 1) = 120 USD; all of A on dear costs 220. (The greedy
        /// start sends A over S-D, 2 USD/TEU, and leaves X unrouted.)
        case greedyStartBlocks

        func network() throws -> Network {
            switch self {
            case .parallelLinks:
                try F.network(
                    links: [
                        F.link("A", "B", cost: 30, capacity: 20, id: "dear"),
                        F.link("A", "B", cost: 20, capacity: 20, id: "mid"),
                        F.link("A", "B", cost: 10, capacity: 20, id: "cheap"), F.link("B", "D", cost: 1, capacity: 25),
                        F.link("A", "D", cost: 100, capacity: 5, id: "direct"),
                    ],
                    demands: [F.demand("A", "D", teu: 100)])
            case .greedyStartBlocks:
                try F.network(
                    links: [
                        F.link("A", "D", cost: 20, capacity: 10, id: "dear"),
                        F.link("A", "D", cost: 10, capacity: 10, id: "fair"),
                        F.link("A", "S", cost: 1), F.link("X", "S", cost: 1), F.link("S", "D", cost: 1, capacity: 10),
                    ],
                    demands: [F.demand("A", "D", teu: 10), F.demand("X", "D", teu: 10)])
            }
        }

        /// The maximum (TEU/year), the cheapest maximal flow's cost (USD/year) and its link flows (TEU/year).
        var expected: (teu: Double, costUSD: Double, flows: [String: Double]) {
            switch self {
            case .parallelLinks: (30, 825, ["dear": 0, "mid": 5, "cheap": 20, "B-D": 25, "direct": 5])
            case .greedyStartBlocks: (20, 120, ["dear": 0, "fair": 10, "A-S": 0, "X-S": 10, "S-D": 10])
            }
        }
    }

    /// Stage 1 alone cannot tell the maximal flows apart; stage 2 must pick the cheapest of them.
    @Test(
        "Max throughput: of several maximal flows at different costs, the cheapest",
        arguments: MaximalFlows.allCases, [SolutionMethod.arc, .paths])
    func maxThroughputCheapestOfMaximal(example: MaximalFlows, method: SolutionMethod) throws {
        let network = try example.network()
        let expected = example.expected

        let simulator = Simulator(solver: GLPKSolver(), method: method)
        let r = try simulator.run(network, scenario: "t", objective: .maxThroughput)

        #expect(r.status == .optimal)
        #expect(isClose(try #require(r.objectiveValue), expected.teu))
        #expect(isClose(r.deliveredTEU, expected.teu))
        #expect(isClose(r.totalCostUSD, expected.costUSD))
        for (id, teu) in expected.flows {
            #expect(isClose(r.links.first { $0.id.rawValue == id }?.flowTEU ?? .nan, teu), "\(id)")
        }
        expectInvariants(r, network)
    }

    @Test("Routes per demand: a shared origin's commodity splits back to its demands", arguments: Array(1...6) as [UInt64])
    func decomposition(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let ids = (0..<10).map { "N\($0)" }
        var links: [Link] = []
        for a in ids {
            for b in ids where a != b && Double.random(in: 0..<1, using: &rng) < 0.3 {
                links.append(F.link(a, b, cost: Double(Int.random(in: 1...30, using: &rng)), time: 1,
                    capacity: Double.random(in: 0..<1, using: &rng) < 0.6 ? Double(Int.random(in: 5...50, using: &rng)) : nil,
                    corridor: ["north", "middle", "shared"][Int.random(in: 0...2, using: &rng)]))
            }
        }
        let demands = [F.demand("N0", "N4", teu: 40, vot: 3, penalty: 200), F.demand("N0", "N8", teu: 35, vot: 3, penalty: 200),
            F.demand("N0", "N9", teu: 20, vot: 3, penalty: 200), F.demand("N2", "N9", teu: 25, vot: 1, penalty: 200)]
        let network = try F.network(links: links, demands: demands)

        let r = try simulator.run(network, scenario: "t")

        expectInvariants(r, network)
        let perDemand = r.demands.reduce(0) { $0 + $1.routes.reduce(0) { $0 + $1.teu * $1.costUSDPerTEU } }
        #expect(isClose(perDemand, r.totalCostUSD, tolerance: 1e-6))
    }

    /// A solver that answers stage 2 (the program with the `throughput` row) "infeasible", as GLPK's
    /// dual simplex once did on a badly scaled fuzzed network, and solves everything else with GLPK.
    struct StageTwoInfeasible: LPSolver {
        var name: String { "GLPK, stage 2 refused" }
        func solve(_ program: LinearProgram, options: SolveOptions) throws(SolverError) -> LPSolution {
            var solution = try GLPKSolver().solve(program, options: options)
            if program.rows.contains(where: { $0.name == "throughput" }) {
                solution = LPSolution(termination: .infeasible, objective: nil, primal: [], duals: [])
            }
            return solution
        }
    }

    @Test("Stage 2 called infeasible: stage 1's flows carry the same maximum, with a note saying so")
    func stageTwoFallback() throws {
        let network = try MaximalFlows.parallelLinks.network()
        let r = try Simulator(solver: StageTwoInfeasible(), method: .arc).run(
            network, scenario: "t", objective: .maxThroughput)
        #expect(r.status == .optimal)
        #expect(isClose(r.deliveredTEU, 30))
        #expect(isClose(try #require(r.objectiveValue), 30))
        #expect(r.notes.contains { $0.contains("stage 2") })
        expectInvariants(r, network)
    }
}
