import CorridorTestSupport
import FreightNetwork
import GLPK
import LinearProgramming
import Simulation
import Testing

@Suite("Corridor capacity: maximum flow, minimum cut, demand-pattern factor")
struct CapacityTests {
    typealias F = Fixtures

    /// A → B (100) → C (50) and A → D (30) → C (unlimited), with border station B of `bCapacity`.
    func fixture(bCapacity: Double, extraLinks: [Link] = [], demands: [Demand]? = nil) throws -> Network {
        try F.network(
            nodes: [F.node("B", kind: .border, capacity: bCapacity)],
            links: [
                F.link("A", "B", cost: 10, capacity: 100, corridor: "middle"),
                F.link("B", "C", cost: 10, capacity: 50, corridor: "middle"),
                F.link("A", "D", cost: 30, capacity: 30, corridor: "shared"),
                F.link("D", "C", cost: 30, corridor: "middle"),
            ] + extraLinks,
            demands: demands ?? [F.demand("A", "C", teu: 35, id: "AC")]
        )
    }

    let middle = CorridorSelection(name: "middle", tags: ["middle"])

    func cut(_ capacity: CorridorCapacity) -> [String] {
        capacity.cut.map { "\($0.kind.rawValue) \($0.id) \(Int($0.capacityTEU))" }
    }

    @Test("The cut moves when one capacity grows: border B at 40 limits to 70; at 80, link B-C does (80)")
    func cutMoves() throws {
        // B at 40: via B min(100, 40, 50) = 40, via D 30 → 70. Residual: A-B has room, so B's entry is
        // on the source side; B itself and A-D are full → cut {node B 40, link A-D 30}.
        let low = try CapacityAnalysis(network: fixture(bCapacity: 40)).capacity(of: middle)
        #expect(low.capacityTEU == 70)
        #expect(cut(low) == ["node B 40", "link A-D 30"])
        // B at 80: via B min(100, 80, 50) = 50, via D 30 → 80. B has room, B-C is full →
        // cut {link B-C 50, link A-D 30}.
        let high = try CapacityAnalysis(network: fixture(bCapacity: 80)).capacity(of: middle)
        #expect(high.capacityTEU == 80)
        #expect(cut(high) == ["link B-C 50", "link A-D 30"])
        #expect(high.sources == ["A"] && high.sinks == ["C"])
        // The flows found respect every capacity and sum to the capacity into C.
        #expect(high.linkFlows[1] + high.linkFlows[3] == 80)
        #expect(high.linkFlows[0] <= 100 && high.linkFlows[2] <= 30)
    }

    @Test("Links of another corridor are left out; shared links are used")
    func corridorTags() throws {
        let other = F.link("A", "C", cost: 1, capacity: 500, corridor: "northern", id: "north")
        let network = try fixture(bCapacity: 40, extraLinks: [other])
        let analysis = try CapacityAnalysis(network: network)
        #expect(try analysis.capacity(of: middle).capacityTEU == 70)
        let northern = try analysis.capacity(of: CorridorSelection(name: "northern", tags: ["northern"]))
        // northern alone: its own link (500) plus the shared A-D, whose onward D-C is middle: 500.
        #expect(northern.capacityTEU == 500)
        #expect(cut(northern) == ["link north 500"])
        let both = try analysis.capacity(of: CorridorSelection(name: "overland", tags: ["middle", "northern"]))
        #expect(both.capacityTEU == 570)
    }

    @Test("A path with no capacity limit makes the corridor unlimited, and it is named")
    func unlimited() throws {
        let network = try fixture(
            bCapacity: 40,
            extraLinks: [F.link("A", "E", cost: 5, corridor: "middle"), F.link("E", "C", cost: 5, corridor: "middle")])
        let capacity = try CapacityAnalysis(network: network).capacity(of: middle)
        #expect(capacity.isUnlimited)
        #expect(capacity.unlimitedPath == ["A", "E", "C"])
        #expect(capacity.cut.isEmpty)
    }

    @Test("A source's capacity bounds what originates there, as in the min-cost model")
    func sourceNodeCapacity() throws {
        let network = try F.network(
            nodes: [F.node("A", kind: .port, capacity: 20)],
            links: [F.link("A", "B", cost: 1, capacity: 100, corridor: "middle")],
            demands: [F.demand("A", "B", teu: 50)])
        let capacity = try CapacityAnalysis(network: network).capacity(of: middle)
        #expect(capacity.capacityTEU == 20)
        #expect(cut(capacity) == ["node A 20"])
    }

    @Test("Closed links and nodes carry nothing")
    func closedElements() throws {
        var b = F.node("B", kind: .border, capacity: 80)
        b.isClosed = true
        let network = try F.network(
            nodes: [b],
            links: [
                F.link("A", "B", cost: 10, capacity: 100, corridor: "middle"),
                F.link("B", "C", cost: 10, capacity: 50, corridor: "middle"),
                F.link("A", "D", cost: 30, capacity: 30, corridor: "shared"),
                F.link("D", "C", cost: 30, corridor: "middle"),
            ],
            demands: [F.demand("A", "C", teu: 35)])
        let capacity = try CapacityAnalysis(network: network).capacity(of: middle)
        #expect(capacity.capacityTEU == 30)
        #expect(cut(capacity) == ["link A-D 30"])
    }

    @Test("--from/--to: unknown ids and no open endpoint are errors")
    func endpoints() throws {
        let network = try fixture(bCapacity: 40)
        #expect(throws: CapacityError.unknownNode("Z")) { try CapacityAnalysis(network: network, from: ["Z"]) }
        #expect(throws: CapacityError.noEndpoints("--to node")) { try CapacityAnalysis(network: network, from: ["A"], to: ["A"]) }
        // From D only: D-C is unlimited.
        let fromD = try CapacityAnalysis(network: network, from: ["D"]).capacity(of: middle)
        #expect(fromD.isUnlimited && fromD.unlimitedPath == ["D", "C"])
    }

    @Test("Default selections: each overland tag in link order, sea-only tags left out, then overland")
    func defaults() throws {
        let network = try F.network(
            links: [
                F.link("A", "B", cost: 1, corridor: "northern"),
                F.link("A", "S", cost: 1, corridor: "sea", mode: .sea),
                F.link("S", "B", cost: 1, corridor: "sea", mode: .sea),
                F.link("A", "M", cost: 1, corridor: "shared"),
                F.link("M", "B", cost: 1, corridor: "middle"),
            ],
            demands: [F.demand("A", "B", teu: 1)])
        let names = CorridorSelection.defaults(in: network).map { "\($0.name)=\($0.tags.joined(separator: "+"))" }
        #expect(names == ["northern=northern", "middle=middle", "overland=northern+middle"])
    }

    @Test("λ scales every reachable demand together: 70 TEU/yr of room for 35 → 2; an unreachable demand is listed")
    func concurrentFactor() throws {
        let network = try fixture(
            bCapacity: 40,
            demands: [F.demand("A", "C", teu: 35, id: "AC"), F.demand("X", "C", teu: 10, id: "XC")])
        let analysis = try CapacityAnalysis(network: network)
        let lambda = try analysis.concurrentCapacity(of: middle, solver: GLPKSolver())
        #expect(isClose(try #require(lambda.factor), 2))
        #expect(isClose(try #require(lambda.teu), 70))
        #expect(lambda.demands == ["AC"] && lambda.unreachable == ["XC"] && lambda.demandTEU == 35)
        #expect(Set(lambda.binding.map(\.id)) == ["B", "A-D"])
    }

    @Test("λ with two demands sharing a bottleneck: 30 + 10 TEU through a 40-TEU border on one side → λ = 1.75")
    func concurrentShared() throws {
        // A → C 30 and A → B 10 (B is a sink too). B's throughput counts both: via B, λ(10 + x) ≤ 40
        // where x is A→C's share through B; via D 30. Best: A→C sends 30 by D, and λ·30 - 30 through
        // B, so λ·10 + (λ·30 - 30) ≤ 40 and λ·30 - 30 ≤ 50 → λ ≤ 70/40 = 1.75.
        let network = try fixture(
            bCapacity: 40,
            demands: [F.demand("A", "C", teu: 30, id: "AC"), F.demand("A", "B", teu: 10, id: "AB")])
        let lambda = try CapacityAnalysis(network: network).concurrentCapacity(of: middle, solver: GLPKSolver())
        #expect(isClose(try #require(lambda.factor), 1.75))
        #expect(isClose(try #require(lambda.teu), 70))
    }

    @Test("λ is unlimited when every counted demand has a path with no capacity limit")
    func concurrentUnlimited() throws {
        let network = try F.network(
            links: [F.link("A", "B", cost: 1, corridor: "middle")], demands: [F.demand("A", "B", teu: 5)])
        let lambda = try CapacityAnalysis(network: network).concurrentCapacity(of: middle, solver: GLPKSolver())
        #expect(lambda.factor == nil && lambda.teu == nil && lambda.demandTEU == 5)
    }

    @Test("Headroom: capacity minus the min-cost flow on routes of the corridor alone")
    func headroom() throws {
        let network = try fixture(bCapacity: 40)
        let flow = try Simulator(solver: GLPKSolver()).run(network, scenario: "t")
        let study = try CapacityStudy(
            scenario: "t", analysis: CapacityAnalysis(network: network), selections: [middle], flow: flow,
            solver: GLPKSolver())
        let entry = try #require(study.entries.first)
        // 35 TEU: cheapest via B (20/TEU) up to 40, so all 35 go A-B-C, a middle route.
        #expect(isClose(try #require(entry.flowTEU), 35))
        #expect(isClose(try #require(entry.headroomTEU), 35))
        #expect(isClose(try #require(entry.utilisation), 0.5))
    }

    @Test("Seeded random networks: the maximum flow equals its cut, is a feasible flow, and no cut element has room left")
    func randomNetworksCutEqualsFlow() throws {
        for seed in UInt64(1)...40 {
            let network = try RandomCorridor.network(seed: seed)
            guard let analysis = try? CapacityAnalysis(network: network) else { continue }
            for selection in CorridorSelection.defaults(in: network) {
                let capacity = try analysis.capacity(of: selection)
                guard let value = capacity.capacityTEU else { continue }
                let cutTotal = capacity.cut.reduce(0) { $0 + $1.capacityTEU }
                #expect(isClose(cutTotal, value, tolerance: 1e-9), "seed \(seed) \(selection.name)")
                for element in capacity.cut where element.kind == .link {
                    let l = try #require(network.index(of: Link.ID(element.id)))
                    #expect(isClose(capacity.linkFlows[l], element.capacityTEU, tolerance: 1e-9), "seed \(seed) \(element.id)")
                }
                for (l, link) in network.links.enumerated() {
                    #expect(capacity.linkFlows[l] <= (link.capacityTEU ?? .infinity) + 1e-9)
                }
                // A feasible flow whose value equals a cut's capacity is maximum: check conservation and
                // node capacities too.
                var inflow = [Double](repeating: 0, count: network.nodes.count)
                var outflow = inflow
                for l in network.links.indices {
                    outflow[network.linkEnds[l].from] += capacity.linkFlows[l]
                    inflow[network.linkEnds[l].to] += capacity.linkFlows[l]
                }
                for (n, node) in network.nodes.enumerated() {
                    let tolerance = 1e-9 * max(1, value)
                    if analysis.sources.contains(n) {
                        #expect(outflow[n] >= inflow[n] - tolerance, "seed \(seed) \(node.id)")
                        #expect(outflow[n] <= (node.capacityTEU ?? .infinity) + tolerance, "seed \(seed) \(node.id)")
                    } else if analysis.sinks.contains(n) {
                        #expect(inflow[n] >= outflow[n] - tolerance, "seed \(seed) \(node.id)")
                        #expect(inflow[n] <= (node.capacityTEU ?? .infinity) + tolerance, "seed \(seed) \(node.id)")
                    } else {
                        #expect(abs(inflow[n] - outflow[n]) <= tolerance, "seed \(seed) \(node.id)")
                        #expect(inflow[n] <= (node.capacityTEU ?? .infinity) + tolerance, "seed \(seed) \(node.id)")
                    }
                }
            }
        }
    }

    @Test("Capacity sweep: closing B-C (50) loses 50 of 80, B loses 50, A-D 30; pairs combine; ranked by loss")
    func capacitySweep() throws {
        let network = try fixture(bCapacity: 80)
        let targets = FailureTarget.all(in: network, kinds: [.link, .node], includeEndpoints: false, modes: nil)
        let sweep = try CapacitySweep.singleFailures(scenario: "t", network: network, corridor: middle, targets: targets, pairTop: 3)
        #expect(sweep.intact.capacityTEU == 80)
        let singles = sweep.cases.filter { $0.elements.count == 1 }
        func lost(_ id: String) -> Double? { singles.first { $0.elements[0].id == id }?.lostTEU }
        // Via B: min(100, 80, 50) = 50; via D: 30.
        #expect(lost("A-B") == 50 && lost("B-C") == 50 && lost("B") == 50)
        #expect(lost("A-D") == 30 && lost("D-C") == 30 && lost("D") == 30)
        #expect(singles.map(\.lostTEU) == singles.map(\.lostTEU).sorted(by: >), "ranked by capacity lost")
        #expect(singles.first?.cut.map(\.id) == ["A-D"], "with the B route gone, A-D is the cut")
        // Pairs among the three worst (A-B, B-C, B: all on the B route) lose 50 together.
        let pairs = sweep.cases.filter { $0.elements.count == 2 }
        #expect(pairs.count == 3 && pairs.allSatisfy { $0.lostTEU == 50 })
    }

    @Test("Capacity sweep: an unlimited corridor that a failure limits loses 'all limits' (infinity), ranked first")
    func capacitySweepUnlimited() throws {
        let network = try fixture(bCapacity: 80, extraLinks: [F.link("A", "C", cost: 1, corridor: "middle", id: "open")])
        let targets = FailureTarget.all(in: network, kinds: [.link], includeEndpoints: false, modes: nil)
        let sweep = try CapacitySweep.singleFailures(scenario: "t", network: network, corridor: middle, targets: targets)
        #expect(sweep.intact.isUnlimited)
        #expect(sweep.cases.first?.elements.map(\.id) == ["open"] && sweep.cases.first?.lostTEU == .infinity)
        #expect(sweep.cases.first?.capacityTEU == 80)
        #expect(sweep.cases.dropFirst().allSatisfy { $0.lostTEU == 0 && $0.capacityTEU == nil })
    }

    @Test("Periods: each period's capacity at its factors; the lowest period; the year's TEU; factor 0 closes an unlimited link")
    func periods() throws {
        let network = try fixture(bCapacity: 80)
        var schedule = PeriodSchedule(periods: [.init(name: "jan", days: 31), .init(name: "feb", days: 28)], for: network)
        let bc = try #require(network.index(of: Link.ID("B-C")))
        let dc = try #require(network.index(of: Link.ID("D-C")))
        schedule.linkCapacityFactor[bc] = [1, 0.5]
        let analysis = try CapacityAnalysis(network: network)
        let capacity = try PeriodCapacity(middle, analysis: analysis, schedule: schedule)
        // jan: 50 via B + 30 via D = 80; feb: B-C at 25 → 55.
        #expect(capacity.periods.map(\.capacity.capacityTEU) == [80, 55])
        #expect(capacity.lowest == 1)
        #expect(isClose(try #require(capacity.yearTEU), 80 * 31 / 365 + 55 * 28 / 365.0))
        #expect(capacity.periods[1].capacity.cut.map(\.id) == ["B-C", "A-D"])
        schedule.linkCapacityFactor[dc] = [1, 0]
        let closed = try PeriodCapacity(middle, analysis: analysis, schedule: schedule)
        #expect(closed.periods[1].capacity.capacityTEU == 25)

        // The study of a seasonal scenario: the year's TEU, the lowest period's cut.
        let flow = try Simulator(solver: GLPKSolver()).run(network, periods: schedule, scenario: "t")
        let study = try CapacityStudy(scenario: "t", analysis: analysis, selections: [middle], flow: flow, solver: GLPKSolver(), schedule: schedule)
        let entry = try #require(study.entries.first)
        #expect(isClose(try #require(entry.capacityTEU), 80 * 31 / 365 + 25 * 28 / 365.0))
        #expect(entry.capacity.cut.map(\.id) == ["B-C"])
    }
}
