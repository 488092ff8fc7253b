import FreightNetwork
import Scenarios

/// A small connected piece of a scenario file's network, for seeding the LP builder with the
/// bundled scenarios.
enum ScenarioPiece {
    /// Loads `bytes` as a scenario in `Scenarios/` and keeps up to 10 nodes reached from the first
    /// demand's origin, the links among them and up to 6 demands among them; `nil` when it does not load.
    static func network(from bytes: [UInt8]) -> Network? {
        guard let text = String(validating: bytes, as: UTF8.self),
            let scenario = try? ScenarioLoader.load(
                text: text, file: FuzzHarness.scenariosDirectory + "/fuzz-seed.yaml"),
            let start = scenario.network.demands.first.flatMap({ scenario.network.index(of: $0.from) })
        else { return nil }
        let full = scenario.network
        var kept = [start]
        var seen: Set<Int> = [start]
        var next = 0
        while next < kept.count, kept.count < 10 {
            for l in full.outgoing[kept[next]] where kept.count < 10 && seen.insert(full.linkEnds[l].to).inserted {
                kept.append(full.linkEnds[l].to)
            }
            next += 1
        }
        let ids = Set(kept.map { full.nodes[$0].id })
        let nodes = full.nodes.filter { ids.contains($0.id) }
        let links = full.links.filter { ids.contains($0.from) && ids.contains($0.to) }
        let demands = Array(full.demands.filter { ids.contains($0.from) && ids.contains($0.to) }.prefix(6))
        return try? Network(nodes: nodes, links: links, demands: demands)
    }
}
