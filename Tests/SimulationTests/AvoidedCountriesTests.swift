import CorridorTestSupport
import FlowFormulation
import FreightNetwork
import GLPK
import LinearProgramming
@testable import Simulation
import Testing

/// Demands that avoid countries (`avoid_countries`): shippers who will not route via Russia and Belarus.
@Suite("Demands that avoid countries")
struct AvoidedCountriesTests {
    typealias F = Fixtures
    let arc = Simulator(solver: GLPKSolver(), method: .arc)
    let paths = Simulator(solver: GLPKSolver(), method: .paths)

    /// O (CN) → R (RU) → D (PL) at 100 + 100 USD/TEU, or O → K (KZ) → D at 300 + 300, K→D holding 6 TEU/yr;
    /// the border node B (BY/PL) on a third route O → B → D at 50 + 50. Two demands O→D of 10 TEU/yr
    /// each, one free to go anywhere, one that avoids `avoid`.
    static func network(avoid: [String], penalty: Double = 10_000) throws -> Network {
        let nodes = [
            F.node("O", country: "CN"), F.node("R", country: "RU"), F.node("K", country: "KZ"),
            F.node("B", kind: .border, country: "BY/PL"), F.node("D", country: "PL"),
        ]
        let links = [
            F.link("O", "R", cost: 100), F.link("R", "D", cost: 100),
            F.link("O", "K", cost: 300), F.link("K", "D", cost: 300, capacity: 6),
            F.link("O", "B", cost: 150), F.link("B", "D", cost: 150),
        ]
        var avoiding = F.demand("O", "D", teu: 10, penalty: penalty, id: "avoids")
        avoiding.avoidedCountries = avoid
        return try F.network(
            nodes: nodes, links: links, demands: [F.demand("O", "D", teu: 10, penalty: penalty, id: "free"), avoiding])
    }

    @Test("Hand-checked: the free demand takes Russia at 200, the avoiding one Kazakhstan to its capacity, then unmet")
    func handChecked() throws {
        // avoids RU and BY: R and B (BY/PL) are both off its routes; K→D carries 6 at 600, 4 unmet at 10,000.
        let network = try Self.network(avoid: ["BY", "RU"])
        #expect(network.avoidedNodes(of: network.demands[1]) == [1, 3])
        for simulator in [arc, paths] {
            let r = try simulator.run(network, scenario: "t")
            #expect(r.status == .optimal)
            #expect(isClose(try #require(r.objectiveValue), 10 * 200 + 6 * 600 + 4 * 10_000, tolerance: 1e-9))
            let free = try #require(r.demands.first { $0.id == "free" })
            let avoiding = try #require(r.demands.first { $0.id == "avoids" })
            #expect(isClose(try #require(free.avgCostUSDPerTEU), 200, tolerance: 1e-9))
            #expect(isClose(avoiding.deliveredTEU, 6, tolerance: 1e-9) && isClose(avoiding.unmetTEU, 4, tolerance: 1e-9))
            #expect(avoiding.avoidedCountries == ["BY", "RU"] && free.avoidedCountries.isEmpty)
            for route in avoiding.routes { #expect(!route.nodes.contains("R") && !route.nodes.contains("B")) }
            expectInvariants(r, network)
        }
    }

    @Test("Avoiding only RU leaves the BY/PL border open: 300 via B, as a demand with no limit would pay")
    func borderNode() throws {
        let network = try Self.network(avoid: ["RU"])
        let r = try arc.run(network, scenario: "t")
        #expect(isClose(try #require(r.objectiveValue), 10 * 200 + 10 * 300, tolerance: 1e-9))
        let p = try paths.run(network, scenario: "t")
        #expect(isClose(try #require(p.objectiveValue), try #require(r.objectiveValue), tolerance: 1e-9))
    }

    @Test("Brute force: on random corridors, a demand's optimum avoiding a country equals its optimum without that country's nodes")
    func bruteForce() throws {
        // One demand alone: avoiding a country's nodes is the same as deleting them (and their links).
        var checked = 0
        for seed in UInt64(1)...8 {
            let random = try RandomCorridor.network(seed: seed)
            let nodes = random.nodes.enumerated().map { i, node in
                var node = node
                node.country = i < 3 ? "CN" : ["KZ", "RU", "BY/PL", "RU/KZ"][i % 4]
                return node
            }
            for demand in random.freightDemands {
                for avoid in [["RU"], ["BY"], ["KZ", "RU"]] {
                    guard let to = nodes.first(where: { $0.id == demand.to }), !to.countries.contains(where: avoid.contains)
                    else { continue }
                    var single = demand
                    single.avoidedCountries = avoid
                    let avoiding = try Network(nodes: nodes, links: random.links, demands: [single])
                    let kept = nodes.filter { !$0.countries.contains(where: avoid.contains) }
                    let keptIDs = Set(kept.map(\.id))
                    let deleted = try Network(
                        nodes: kept, links: random.links.filter { keptIDs.contains($0.from) && keptIDs.contains($0.to) },
                        demands: [demand])
                    let d = try arc.run(deleted, scenario: "d")
                    let a = try arc.run(avoiding, scenario: "a")
                    let p = try paths.run(avoiding, scenario: "p")
                    let label = "seed \(seed) \(demand.id) avoiding \(avoid)"
                    #expect(isClose(try #require(a.objectiveValue), try #require(d.objectiveValue), tolerance: 1e-9), "\(label)")
                    #expect(isClose(try #require(p.objectiveValue), try #require(d.objectiveValue), tolerance: 1e-7), "\(label)")
                    expectInvariants(a, avoiding)
                    checked += 1
                }
            }
        }
        #expect(checked >= 80)
    }

    @Test("Demands that avoid different countries are never one commodity; disaggregated, the optimum is the same")
    func commodities() throws {
        let network = try Self.network(avoid: ["RU"])
        let grouped = Commodity.aggregate(network)
        #expect(grouped.count == 2 && grouped[1].avoidedNodes == [1])
        let aggregated = FlowProgram(network: network, objective: .minCost)
        let single = FlowProgram(network: network, objective: .minCost, aggregateDemands: false)
        let a = try GLPKSolver().solve(aggregated.program, options: SolveOptions())
        let s = try GLPKSolver().solve(single.program, options: SolveOptions())
        #expect(isClose(try #require(a.objective), try #require(s.objective), tolerance: 1e-12))
    }

    @Test("λ: the avoiding demand's share of the corridor is only the Kazakh line (arc form and paths agree)")
    func concurrent() throws {
        // The free demand can use R (no limit); the avoiding one only K→D (6): λ = 6 / 10.
        let network = try Self.network(avoid: ["BY", "RU"])
        let analysis = try CapacityAnalysis(network: network)
        let selection = try #require(CorridorSelection.defaults(in: network).first)
        let a = try analysis.concurrentCapacity(of: selection, solver: GLPKSolver(), method: .arc)
        let p = try analysis.concurrentCapacity(of: selection, solver: GLPKSolver(), method: .paths)
        #expect(isClose(try #require(a.factor), 0.6, tolerance: 1e-9))
        #expect(isClose(try #require(p.factor), 0.6, tolerance: 1e-7))
        #expect(a.binding.map(\.id) == ["K-D"] && p.binding.map(\.id) == ["K-D"])
    }

    @Test("With periods: the avoiding demand keeps off Russia in every period")
    func periods() throws {
        let network = try Self.network(avoid: ["RU"], penalty: 100_000)
        let schedule = PeriodSchedule(
            periods: [.init(name: "H1", days: 182), .init(name: "H2", days: 183)], for: network)
        let r = try arc.run(network, periods: schedule, scenario: "t")
        #expect(r.status == .optimal)
        let avoiding = try #require(r.demands.first { $0.id == "avoids" })
        #expect(isClose(avoiding.deliveredTEU, 10, tolerance: 1e-6))
        for route in avoiding.routes { #expect(!route.nodes.contains("R")) }
        // The annual optimum: 10 × 200 + 10 × 300.
        #expect(isClose(r.totalCostUSD, 5_000, tolerance: 1e-6))
    }

    @Test("A demand that starts in a country it avoids is refused")
    func endpoint() throws {
        var demand = F.demand("O", "D", teu: 10, id: "bad")
        demand.avoidedCountries = ["CN"]
        #expect(throws: NetworkError.avoidedEndpoint("bad", node: "O", country: "CN")) {
            try F.network(nodes: [F.node("O", country: "CN")], links: [F.link("O", "D", cost: 1)], demands: [demand])
        }
    }
}
