import FreightNetwork
import Scenarios

extension NetworkGenerator {
    /// The line `corridor generate` prints: what was written to `path`.
    func summary(of network: Network, writtenTo path: String) -> String {
        let capacitated = network.links.filter { $0.capacityTEU != nil }.count
        let limitedNodes = network.nodes.filter { $0.capacityTEU != nil }.count
        return "\(path): \(network.nodes.count) nodes (\(limitedNodes) with a capacity), \(network.links.count) "
            + "directed links (\(capacitated) with a capacity), \(network.demands.count) demands from "
            + "\(origins) origins\n"
    }
}
