import CorridorTestSupport
import Foundation
import FreightNetwork
import GLPK
import LinearProgramming
import Scenarios
import Simulation
import Testing

/// λ by column generation over paths against the arc-form LP, the reference: the same λ (10⁻⁶
/// relative), the same demands counted and left out, and the same binding capacities — or, where the
/// LP's optimal duals are not unique (two bundled corridors), binding capacities that each limit λ.
@Suite("Corridor λ: column generation over paths equals the arc-form LP")
struct ConcurrentPathsTests {
    /// Paths against arcs on every default corridor of `network`; with `sameBinding` false, each capacity the
    /// path form calls binding must limit λ instead (λ falls when it shrinks by 0.1 %).
    func expectSame(_ network: Network, _ label: String, sameBinding: Bool = true) throws {
        guard let analysis = try? CapacityAnalysis(network: network) else { return }
        for selection in CorridorSelection.defaults(in: network) {
            let arc = try analysis.concurrentCapacity(of: selection, solver: GLPKSolver(), method: .arc)
            let paths = try analysis.concurrentCapacity(of: selection, solver: GLPKSolver(), method: .paths)
            let where_ = "\(label) \(selection.name)"
            #expect(
                (arc.factor == nil) == (paths.factor == nil),
                "\(where_): arc \(String(describing: arc.factor)), paths \(String(describing: paths.factor))")
            if let a = arc.factor, let p = paths.factor {
                #expect(isClose(a, p, tolerance: 1e-6), "\(where_): arc \(a), paths \(p)")
            }
            #expect(arc.demands == paths.demands && arc.unreachable == paths.unreachable, "\(where_)")
            #expect(arc.demandTEU == paths.demandTEU, "\(where_)")
            if sameBinding {
                #expect(
                    arc.binding == paths.binding,
                    "\(where_): arc \(arc.binding.map(\.id)), paths \(paths.binding.map(\.id))")
            } else if let factor = paths.factor {
                for element in paths.binding {
                    let shrunk = try CapacityAnalysis(network: shrinking(element, of: network))
                    let lower = try shrunk.concurrentCapacity(of: selection, solver: GLPKSolver(), method: .arc)
                    #expect(
                        try #require(lower.factor) < factor * (1 - 1e-7), "\(where_): \(element.id) does not limit λ")
                }
            }
        }
    }

    /// `network` with `element`'s capacity 0.1 % lower.
    func shrinking(_ element: CorridorCapacity.CutElement, of network: Network) throws -> Network {
        var nodes = network.nodes
        var links = network.links
        if element.kind == .node {
            nodes[try #require(network.index(of: Node.ID(element.id)))].capacityTEU = element.capacityTEU * 0.999
        } else {
            links[try #require(network.index(of: Link.ID(element.id)))].capacityTEU = element.capacityTEU * 0.999
        }
        return try Network(nodes: nodes, links: links, demands: network.demands)
    }

    @Test(
        "Every bundled scenario and default corridor: the same λ, binding capacities that limit it; `auto` keeps the arc form there, to the last bit"
    )
    func bundled() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".yaml") && $0 != "observations.yaml" }
            .sorted()
        #expect(files.count >= 9)
        for file in files {
            let network = try ScenarioLoader.load(path: root.appendingPathComponent(file).path).network
            try expectSame(network, file, sameBinding: false)
            let analysis = try CapacityAnalysis(network: network)
            for selection in CorridorSelection.defaults(in: network) {
                let auto = try analysis.concurrentCapacity(of: selection, solver: GLPKSolver())
                let arc = try analysis.concurrentCapacity(of: selection, solver: GLPKSolver(), method: .arc)
                #expect(auto == arc, "\(file) \(selection.name)")
            }
        }
    }

    @Test("Seeded random networks with node and link capacities, closed elements, several origins")
    func randomNetworks() throws {
        for seed in UInt64(1)...60 { try expectSame(try RandomCorridor.network(seed: seed), "seed \(seed)") }
    }

    @Test("Generated grid networks (as `corridor generate`), large enough for `auto` to take paths")
    func generatedNetworks() throws {
        for (nodes, seed) in [(60, UInt64(4)), (200, 11), (400, 2021)] {
            let parameters = NetworkGenerator.Parameters(nodes: nodes, links: 4 * nodes, demands: nodes / 5, seed: seed)
            try expectSame(try NetworkGenerator(parameters).network(), "generated \(nodes)/\(seed)")
        }
    }

    @Test("An unlimited λ (an unbounded master) is nil in the path form too; a limited one is exact")
    func unlimited() throws {
        let middle = CorridorSelection(name: "middle", tags: ["middle"])
        let open = try Fixtures.network(
            links: [Fixtures.link("A", "B", cost: 1, corridor: "middle")], demands: [Fixtures.demand("A", "B", teu: 5)])
        let free = try CapacityAnalysis(network: open).concurrentCapacity(
            of: middle, solver: GLPKSolver(), method: .paths)
        #expect(free.factor == nil && free.teu == nil && free.demandTEU == 5 && free.binding.isEmpty)
        let limited = try Fixtures.network(
            links: [
                Fixtures.link("A", "B", cost: 1, capacity: 30, corridor: "middle"),
                Fixtures.link("A", "C", cost: 1, capacity: 20, corridor: "middle"),
                Fixtures.link("C", "B", cost: 1, corridor: "middle"),
            ],
            demands: [Fixtures.demand("A", "B", teu: 10)])
        let lambda = try CapacityAnalysis(network: limited).concurrentCapacity(
            of: middle, solver: GLPKSolver(), method: .paths)
        #expect(isClose(try #require(lambda.factor), 5))
        #expect(lambda.binding.map(\.id).sorted() == ["A-B", "A-C"])
    }

    @Test("`.paths` needs a solver with sessions")
    func pathsNeedSessions() throws {
        struct Plain: LPSolver {
            var name: String { "plain" }
            func solve(_ program: LinearProgram, options: SolveOptions) throws(SolverError) -> LPSolution {
                try GLPKSolver().solve(program, options: options)
            }
        }
        let network = try RandomCorridor.network(seed: 3)
        let analysis = try CapacityAnalysis(network: network)
        let selection = try #require(CorridorSelection.defaults(in: network).first)
        #expect(throws: SolverError.self) {
            try analysis.concurrentCapacity(of: selection, solver: Plain(), method: .paths)
        }
        let arc = try analysis.concurrentCapacity(of: selection, solver: GLPKSolver(), method: .arc)
        #expect(try analysis.concurrentCapacity(of: selection, solver: Plain()) == arc)
    }
}
