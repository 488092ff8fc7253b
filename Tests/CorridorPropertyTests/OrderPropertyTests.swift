import CorridorTestSupport
import FlowFormulation
import FreightNetwork
import GLPK
import LinearProgramming
import PropertyBased
import Scenarios
import Simulation
import Testing

/// The order of nodes, links and demands in a file must not change the answer.
///
/// Each random network is written as a scenario file twice, once in order and once shuffled
/// (nodes, links, demands and the closing changes), loaded by the real loader and solved. Costs,
/// times, values of time and penalties get small id-dependent perturbations so that the optimum
/// is unique; then not only the objective but every link flow, node throughput and demand's
/// delivered TEU must agree.
@Suite("Properties: independence of file order")
struct OrderPropertyTests {
    let simulator = Simulator(solver: GLPKSolver())

    /// A network with perturbed numbers, and a seed for shuffling its file.
    static func input() -> Generator<(NetworkSpec, UInt64), some SendableSequenceType> {
        zip(NetworkGen.networks(.multiCommodity), Gen.uint64(in: 1...UInt64.max)).map { spec, seed in
            (OrderPropertyTests.perturbed(spec), seed)
        }
    }

    @Test(
        "Shuffling nodes, links and demands in the file changes neither the optimum nor the flows",
        arguments: Objective.allCases)
    func fileOrderDoesNotMatter(objective: Objective) async {
        await checkProperty(count: 30, seed: 6, input: Self.input()) { input, label in
            let (spec, seed) = input
            let network = try spec.network()
            let inOrder = try ScenarioLoader.load(
                text: ScenarioText.render(network, shuffledBy: nil), file: "ordered.yaml")
            let shuffled = try ScenarioLoader.load(
                text: ScenarioText.render(network, shuffledBy: seed), file: "shuffled.yaml")
            let a = try simulator.run(inOrder.network, scenario: label, objective: objective)
            let b = try simulator.run(shuffled.network, scenario: label, objective: objective)
            try #require(a.status == .optimal && b.status == .optimal, "\(label): \(spec)")

            let scale = max(1, a.demandTEU)
            #expect(isClose(a.objectiveValue ?? .nan, b.objectiveValue ?? .nan, tolerance: 1e-9), "\(label): \(spec)")
            let flowsB = Dictionary(uniqueKeysWithValues: b.links.map { ($0.id, $0.flowTEU) })
            for link in a.links {
                let other = flowsB[link.id] ?? .nan
                #expect(
                    abs(link.flowTEU - other) <= 1e-6 * scale,
                    "\(label): \(link.id) \(link.flowTEU) vs \(other): \(spec)")
            }
            let throughputB = Dictionary(uniqueKeysWithValues: b.nodes.map { ($0.id, $0.throughputTEU) })
            for node in a.nodes {
                let other = throughputB[node.id] ?? .nan
                #expect(
                    abs(node.throughputTEU - other) <= 1e-6 * scale,
                    "\(label): \(node.id) \(node.throughputTEU) vs \(other)")
            }
            let deliveredB = Dictionary(uniqueKeysWithValues: b.demands.map { ($0.id, $0.deliveredTEU) })
            for demand in a.demands {
                let other = deliveredB[demand.id] ?? .nan
                #expect(
                    abs(demand.deliveredTEU - other) <= 1e-6 * scale,
                    "\(label): \(demand.id) \(demand.deliveredTEU) vs \(other)")
            }
        }
    }

    /// `spec` with tiny, distinct, id-dependent changes to every cost, time, value of time and
    /// penalty, so that no two solutions tie.
    static func perturbed(_ spec: NetworkSpec) -> NetworkSpec {
        var spec = spec
        for l in spec.links.indices {
            spec.links[l].cost += 0.0137 * Double(l % 7) + 0.000_191 * Double(l + 1)
            spec.links[l].time += 0.000_37 * Double(l + 1)
        }
        for d in spec.demands.indices {
            spec.demands[d].valueOfTime += 0.7 * Double(d + 1)
            spec.demands[d].penalty += 3.1 * Double(d + 1)
        }
        return spec
    }
}

/// Writes a network as a scenario file in the documented schema (`Scenarios/SCHEMA.md`).
enum ScenarioText {
    /// The file, in network order, or with every list shuffled by a generator seeded with `seed`.
    static func render(_ network: Network, shuffledBy seed: UInt64?) -> String {
        var rng = SeededGenerator(seed: seed ?? 0)
        func order<T>(_ items: [T]) -> [T] { seed == nil ? items : items.shuffled(using: &rng) }
        func number(_ value: Double) -> String { "\(value)" }
        var text = "schema_version: 1\nname: order \(seed.map(String.init) ?? "as generated")\nnodes:\n"
        for node in order(network.nodes) {
            var fields =
                "id: \(node.id), country: \(node.country), kind: \(node.kind.rawValue), lat: \(node.latitude), lon: \(node.longitude)"
            if let capacity = node.capacityTEU { fields += ", capacity_teu: \(number(capacity))" }
            fields +=
                ", handling_cost_usd_per_teu: \(number(node.handlingCostUSDPerTEU)), dwell_days: \(number(node.dwellDays))"
            text += "  - { \(fields) }\n"
        }
        text += "links:\n"
        for link in order(network.links) {
            var fields =
                "id: \(link.id), from: \(link.from), to: \(link.to), mode: \(link.mode.rawValue), corridor: \(link.corridor)"
            fields += ", distance_km: \(number(link.distanceKm)), cost_usd_per_teu: \(number(link.costUSDPerTEU))"
            fields += ", time_days: \(number(link.timeDays))"
            if let capacity = link.capacityTEU { fields += ", capacity_teu: \(number(capacity))" }
            text += "  - { \(fields) }\n"
        }
        text += "demands:\n"
        for demand in order(network.demands) {
            text += "  - { id: \(demand.id), from: \(demand.from), to: \(demand.to), teu: \(number(demand.teu))"
            text += ", value_of_time_usd_per_teu_day: \(number(demand.valueOfTimeUSDPerTEUDay))"
            text += ", unmet_penalty_usd_per_teu: \(number(demand.unmetPenaltyUSDPerTEU)) }\n"
        }
        let closes =
            network.nodes.filter(\.isClosed).map { "node: \($0.id)" }
            + network.links.filter(\.isClosed).map { "link: \($0.id)" }
        if !closes.isEmpty {
            text += "changes:\n" + order(closes).map { "  - close: { \($0) }\n" }.joined()
        }
        return text
    }
}
