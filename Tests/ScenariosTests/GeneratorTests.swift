import Foundation
import FreightNetwork
import Scenarios
import Testing

@Suite("Network generator: exact, deterministic, loadable networks")
struct GeneratorTests {
    typealias Parameters = NetworkGenerator.Parameters

    static func yaml(_ parameters: Parameters) throws -> (network: Network, text: String) {
        let generator = try NetworkGenerator(parameters)
        let network = generator.network()
        return (network, generator.scenarioFile(of: network))
    }

    static let sizes: [Parameters] = [
        Parameters(nodes: 2, links: 2, demands: 1, seed: 1),
        Parameters(nodes: 3, links: 5, demands: 2, seed: 2),
        Parameters(nodes: 37, links: 151, demands: 9, origins: 3, seed: 3),
        Parameters(nodes: 60, links: 240, demands: 20, seed: 4),
        Parameters(nodes: 100, links: 400, demands: 20, seed: 5, valueOfTimeClasses: 3),
        Parameters(nodes: 101, links: 200, demands: 7, seed: 6),
        Parameters(nodes: 64, links: NetworkGenerator.linkRange(nodes: 64).upperBound, demands: 5, seed: 7),
    ]

    @Test("Exactly N nodes, M directed links, K demands from O origins", arguments: sizes)
    func exactCounts(_ parameters: Parameters) throws {
        let generator = try NetworkGenerator(parameters)
        let network = generator.network()
        #expect(network.nodes.count == parameters.nodes)
        #expect(network.links.count == parameters.links)
        #expect(network.demands.count == parameters.demands)
        #expect(Set(network.demands.map(\.from)).count == generator.origins)
        #expect(generator.origins == (parameters.origins ?? min(10, parameters.demands, max(1, parameters.nodes / 10))))
        // No two links join the same ordered pair of nodes.
        #expect(Set(network.links.map { "\($0.from.rawValue)>\($0.to.rawValue)" }).count == network.links.count)
    }

    @Test("Every demand can reach its destination over the links", arguments: sizes)
    func everyDemandReachable(_ parameters: Parameters) throws {
        let network = try NetworkGenerator(parameters).network()
        for demand in network.demands {
            var seen: Set<Int> = [try #require(network.index(of: demand.from))]
            var frontier = Array(seen)
            while let node = frontier.popLast() {
                for link in network.outgoing[node] where seen.insert(network.linkEnds[link].to).inserted {
                    frontier.append(network.linkEnds[link].to)
                }
            }
            #expect(seen.contains(try #require(network.index(of: demand.to))), "\(demand.id.rawValue)")
        }
    }

    @Test("The same parameters write the same bytes; another seed writes another file")
    func deterministic() throws {
        let parameters = Parameters(nodes: 100, links: 400, demands: 20, seed: 42)
        let first = try Self.yaml(parameters).text
        let second = try Self.yaml(parameters).text
        #expect(first == second)
        var other = parameters
        other.seed = 43
        #expect(try Self.yaml(other).text != first)
    }

    @Test("The written file loads with no error or warning, back to an equal network", arguments: sizes)
    func roundTrip(_ parameters: Parameters) throws {
        let (network, text) = try Self.yaml(parameters)
        let scenario = try ScenarioLoader.load(text: text, file: "generated.yaml")
        #expect(scenario.warnings.isEmpty, "\(scenario.warnings)")
        #expect(scenario.network.nodes == network.nodes)
        #expect(scenario.network.links == network.links)
        #expect(scenario.network.demands == network.demands)
    }

    @Test("Corridor-like content: modes, border and port nodes with capacities, east-to-west demands")
    func corridorLike() throws {
        let network = try NetworkGenerator(Parameters(nodes: 1_000, links: 4_000, demands: 100, seed: 1)).network()
        let modes = Set(network.links.map(\.mode))
        #expect(modes == [.rail, .road, .ferry, .sea])
        #expect(network.nodes.contains { $0.kind == .border && $0.capacityTEU != nil && $0.dwellDays > 0 })
        #expect(network.nodes.contains { $0.kind == .port && $0.capacityTEU != nil && $0.handlingCostUSDPerTEU > 0 })
        let capacitated = network.links.filter { $0.capacityTEU != nil }.count
        #expect(capacitated > network.links.count / 5 && capacitated < network.links.count / 2)
        for demand in network.demands {
            let from = try #require(network.node(demand.from))
            let to = try #require(network.node(demand.to))
            #expect(from.longitude > 100 && to.longitude < 10 && from.kind == .hub && to.kind == .hub)
        }
        // One value of time by default: the 100 demands are 10 commodities.
        #expect(Set(network.demands.map(\.valueOfTimeUSDPerTEUDay)).count == 1)
    }

    @Test("--value-of-time-classes draws values of time from the classes, so origins split into commodities")
    func valueOfTimeClasses() throws {
        let parameters = Parameters(nodes: 100, links: 400, demands: 60, seed: 3, valueOfTimeClasses: 3)
        let network = try NetworkGenerator(parameters).network()
        let values = Set(network.demands.map(\.valueOfTimeUSDPerTEUDay))
        #expect(values == Set(NetworkGenerator.valuesOfTimeUSDPerTEUDay.prefix(3)))
        let commodities = Set(network.demands.map { "\($0.from.rawValue)/\($0.valueOfTimeUSDPerTEUDay)" })
        #expect(commodities.count > 10)
    }

    @Test("The link range is exact: its ends generate, one beyond either end is refused")
    func linkRangeEnds() throws {
        for nodes in [2, 3, 10, 100] {
            let range = NetworkGenerator.linkRange(nodes: nodes)
            #expect(range.lowerBound == 2 * (nodes - 1))
            for links in [range.lowerBound, range.lowerBound + 1, range.upperBound - 1, range.upperBound]
            where range.contains(links) {
                let network = try NetworkGenerator(Parameters(nodes: nodes, links: links, demands: 1, seed: 9))
                    .network()
                #expect(network.links.count == links)
            }
            for links in [range.lowerBound - 1, range.upperBound + 1] {
                #expect(throws: GeneratorError.self) {
                    try NetworkGenerator(Parameters(nodes: nodes, links: links, demands: 1, seed: 9))
                }
            }
        }
    }

    @Test(
        "Bad parameters name the option and what is accepted",
        arguments: [
            (Parameters(nodes: 1, links: 0, demands: 1, seed: 1), "nodes", "expected 2"),
            (Parameters(nodes: 100, links: 100, demands: 20, seed: 1), "links", "takes 198 …"),
            (Parameters(nodes: 100, links: 100_000, demands: 20, seed: 1), "links", "found 100000"),
            (Parameters(nodes: 100, links: 400, demands: 0, seed: 1), "demands", "expected 1"),
            (Parameters(nodes: 100, links: 400, demands: 20, origins: 0, seed: 1), "origins", "at least 1"),
            (Parameters(nodes: 100, links: 400, demands: 20, origins: 11, seed: 1), "origins", "10 eastern hub nodes"),
            (Parameters(nodes: 1_000, links: 4_000, demands: 5, origins: 6, seed: 1), "origins", "at most 5"),
            (
                Parameters(nodes: 100, links: 400, demands: 20, seed: 1, valueOfTimeClasses: 6),
                "value-of-time-classes", "1 … 5"
            ),
        ]
    )
    func badParameters(_ parameters: Parameters, _ option: String, _ text: String) throws {
        let error = try #require(throws: GeneratorError.self) { try NetworkGenerator(parameters) }
        #expect(error.parameter == option)
        #expect(error.description.hasPrefix("--\(option): "))
        #expect(error.description.contains(text), "\(error.description)")
    }

    @Test("The writer refuses what a network file cannot hold")
    func writerRefusesClosedElements() throws {
        let network = try NetworkGenerator(Parameters(nodes: 4, links: 6, demands: 1, seed: 1)).network()
        var nodes = network.nodes
        nodes[1].isClosed = true
        let closed = try Network(nodes: nodes, links: network.links, demands: network.demands)
        let error = try #require(throws: NetworkYAMLWriter.Unrepresentable.self) {
            try NetworkYAMLWriter.yaml(closed, name: "x")
        }
        #expect(error.element == "node 'N1'")
    }
}
