import CorridorTestSupport
import FlowFormulation
import Foundation
import FreightNetwork
import GLPK
import LinearProgramming
import Scenarios
@testable import Simulation
import Testing

@Suite("Column generation (path formulation) against the arc form")
struct ColumnGenerationTests {
    typealias F = Fixtures
    let arc = Simulator(solver: GLPKSolver(), method: .arc)
    let paths = Simulator(solver: GLPKSolver(), method: .paths)

    @Test("Hand-checked: a capped cheap route, a dearer detour through a capped border node, unmet demand")
    func handChecked() throws {
        // A→B→D costs 10 + 10 (+5 handling at B), capped at 60 on A-B; A→C→D costs 20 + 20 through
        // border C (capacity 30, handling 0). 100 TEU to carry, penalty 100: 60 via B (25 each),
        // 30 via C (40 each), 10 unmet (100 each): 1,500 + 1,200 + 1,000 = 3,700.
        let network = try F.network(
            nodes: [F.node("B", handling: 5), F.node("C", kind: .border, capacity: 30)],
            links: [
                F.link("A", "B", cost: 10, capacity: 60), F.link("B", "D", cost: 10),
                F.link("A", "C", cost: 20), F.link("C", "D", cost: 20),
            ],
            demands: [F.demand("A", "D", teu: 100, penalty: 100)]
        )
        let r = try paths.run(network, scenario: "t")
        #expect(r.status == .optimal)
        #expect(r.programSize.method == .paths)
        #expect(isClose(try #require(r.objectiveValue), 3_700))
        #expect(isClose(r.unmetTEU, 10))
        // One more TEU on A-B saves 40 + 25… no: it replaces an unmet TEU (100) by a B route (25): 75.
        #expect(isClose(try #require(r.links[0].shadowPriceUSDPerTEU), 75))
        // One more TEU through C replaces an unmet TEU (100) by a C route (40): 60.
        #expect(isClose(try #require(r.nodes.first { $0.id.rawValue == "C" }?.shadowPriceUSDPerTEU), 60))
        #expect(r.demands[0].routes.map { $0.links.map(\.rawValue) } == [["A-B", "B-D"], ["A-C", "C-D"]])
        expectInvariants(r, network)
    }

    @Test(
        "Same optimum as the arc form on seeded random networks, both objectives",
        arguments: Array(UInt64(1)...UInt64(24))
    )
    func randomNetworks(seed: UInt64) throws {
        let network = try RandomCorridor.network(seed: seed, nodes: 10 + Int(seed % 4) * 4)
        for objective in Objective.allCases {
            let a = try arc.run(network, scenario: "t", objective: objective)
            let p = try paths.run(network, scenario: "t", objective: objective)
            #expect(a.status == .optimal && p.status == .optimal)
            let (x, y) = (try #require(a.objectiveValue), try #require(p.objectiveValue))
            #expect(isClose(x, y, tolerance: 1e-6), "seed \(seed) \(objective): arc \(x), paths \(y)")
            #expect(p.programSize.method == .paths && a.programSize.method == .arc)
            expectInvariants(p, network)
            if objective == .maxThroughput {
                // Stage 2 is the cheapest flow at the maximum: generalised costs agree too.
                let cost = { (r: FlowResult) in r.totalCostUSD + r.timeValueUSD }
                #expect(isClose(cost(a), cost(p), tolerance: 1e-6), "seed \(seed): stage-2 cost")
            }
        }
    }

    @Test("The random networks exercise binding capacities, closures and unmet demand")
    func randomNetworksAreHard() throws {
        var bindingLinks = 0, bindingNodes = 0, unmet = 0, closed = 0
        for seed in UInt64(1)...UInt64(24) {
            let network = try RandomCorridor.network(seed: seed, nodes: 10 + Int(seed % 4) * 4)
            let r = try paths.run(network, scenario: "t")
            bindingLinks += r.binding.filter { $0.element == .link }.count
            bindingNodes += r.binding.filter { $0.element == .node }.count
            unmet += r.unmetTEU > 1 ? 1 : 0
            closed += network.links.filter(\.isClosed).count + network.nodes.filter(\.isClosed).count
        }
        #expect(bindingLinks >= 10 && bindingNodes >= 3 && unmet >= 5 && closed >= 10)
    }

    @Test("At the end no path has a negative reduced cost, and every column is a path of its demand")
    func optimalityCertificate() throws {
        for seed in UInt64(1)...UInt64(8) {
            let network = try RandomCorridor.network(seed: seed, nodes: 18)
            for objective in Objective.allCases {
                let master = PathProgram(network: network, objective: objective)
                let outcome = try ColumnGeneration(factory: GLPKSolver(), options: SolveOptions()).solve(master)
                #expect(outcome.solution.termination == .optimal)
                for priced in master.price(duals: outcome.solution.duals, rows: outcome.rows) {
                    let pi = outcome.solution.dual(master.demandRow[priced.demand])
                    #expect(priced.reducedCost >= -1e-6 * max(1, abs(pi)), "seed \(seed): \(priced)")
                }
                for (column, _) in outcome.paths {
                    let demand = network.demands[column.demand]
                    var at = try #require(network.index(of: demand.from))
                    for l in column.links {
                        #expect(network.linkEnds[l].from == at && !network.links[l].isClosed)
                        at = network.linkEnds[l].to
                        #expect(!network.nodes[at].isClosed)
                    }
                    #expect(network.nodes[at].id == demand.to)
                }
            }
        }
    }

    @Test("Every bundled scenario: the same objective with either method, both objectives")
    func bundledScenarios() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".yaml") && $0 != "observations.yaml" }.sorted()
        #expect(files.count >= 9)
        for file in files {
            let scenario = try ScenarioLoader.load(path: root.appendingPathComponent(file).path)
            #expect(Simulator.chooseMethod(scenario.network) == .arc, "\(file): auto must keep the arc form")
            for objective in Objective.allCases {
                let a = try arc.run(scenario.network, scenario: file, objective: objective)
                let p = try paths.run(scenario.network, scenario: file, objective: objective)
                #expect(a.status == p.status, "\(file) \(objective)")
                guard a.status == .optimal else { continue }
                let (x, y) = (try #require(a.objectiveValue), try #require(p.objectiveValue))
                #expect(isClose(x, y, tolerance: 1e-6), "\(file) \(objective): arc \(x), paths \(y)")
                expectInvariants(p, scenario.network)
            }
        }
    }

    @Test("Shadow prices of a non-degenerate binding capacity agree between the methods")
    func shadowPrices() throws {
        let network = try F.network(
            links: [
                F.link("A", "B", cost: 10, capacity: 60, id: "cheap"),
                F.link("A", "C", cost: 15), F.link("C", "B", cost: 10),
            ],
            demands: [F.demand("A", "B", teu: 100)]
        )
        let a = try arc.run(network, scenario: "t")
        let p = try paths.run(network, scenario: "t")
        #expect(isClose(try #require(p.links[0].shadowPriceUSDPerTEU), 15))
        #expect(a.binding == p.binding)
        let ta = try arc.run(network, scenario: "t", objective: .maxThroughput)
        let tp = try paths.run(network, scenario: "t", objective: .maxThroughput)
        #expect(ta.links.map(\.throughputGainPerTEU) == tp.links.map(\.throughputGainPerTEU))
    }

    @Test("auto: column generation from the threshold's arc-form columns, the arc form below it; the same objective")
    func methodThreshold() throws {
        // The generator's 50-node network: an arc-form LP of 1,010 columns (10 commodities); its 30-node
        // one: 366 columns (3 commodities).
        let large = try NetworkGenerator(.init(nodes: 50, links: 200, demands: 10, seed: 2021)).network()
        let small = try NetworkGenerator(.init(nodes: 30, links: 120, demands: 6, origins: 3, seed: 2021)).network()
        #expect(Simulator.chooseMethod(large) == .paths)
        #expect(Simulator.chooseMethod(small) == .arc)
        let auto = Simulator(solver: GLPKSolver())
        let chosen = try auto.run(large, scenario: "t")
        #expect(chosen.programSize.method == .paths)
        let arcForm = try arc.run(large, scenario: "t")
        #expect(arcForm.programSize.columns >= Simulator.columnGenerationThreshold)
        let (x, y) = (try #require(arcForm.objectiveValue), try #require(chosen.objectiveValue))
        #expect(isClose(x, y, tolerance: 1e-9), "arc \(x), paths \(y)")
        #expect(try auto.run(small, scenario: "t").programSize.columns < Simulator.columnGenerationThreshold)
    }

    @Test("auto: the arc form for small networks; paths needs a solver with sessions")
    func methodChoice() throws {
        let network = try RandomCorridor.network(seed: 3)
        #expect(Simulator.chooseMethod(network) == .arc)
        #expect(try Simulator(solver: GLPKSolver()).run(network, scenario: "t").programSize.method == .arc)
        #expect(throws: SolverError.self) {
            try Simulator(solver: OnlySolve(), method: .paths).run(network, scenario: "t")
        }
    }
}

/// A solver without sessions (GLPK's one-shot solve).
private struct OnlySolve: LPSolver {
    var name: String { "one-shot" }
    func solve(_ program: LinearProgram, options: SolveOptions) throws(SolverError) -> LPSolution {
        try GLPKSolver().solve(program, options: options)
    }
}
