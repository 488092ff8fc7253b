import ArgumentParser
import FreightNetwork

/// The demands `corridor frontier --demand` names: `FROM:TO` (every demand between them) or a demand id.
enum DemandChoice {
    /// Indices of the demands named by `text`.
    /// - Throws: exit 64 with the FROM:TO pairs of the scenario when none matches.
    static func select(_ text: String, in network: Network) throws -> [Int] {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let chosen =
            parts.count == 2
            ? network.demands.indices.filter {
                network.demands[$0].from.rawValue == parts[0] && network.demands[$0].to.rawValue == parts[1]
            }
            : network.demands.indices.filter { network.demands[$0].id.rawValue == text }
        guard chosen.isEmpty else { return Array(chosen) }
        let pairs = Set(network.demands.map { "\($0.from):\($0.to)" }).sorted().joined(separator: " ")
        Output.error("error: no demand matches '\(text)'; FROM:TO pairs in this scenario: \(pairs)")
        throw ExitCode.validationFailure
    }

    /// How a report names the choice: `FROM → TO`, or the demand id.
    static func subject(_ text: String) -> String {
        text.contains(":") ? text.split(separator: ":").joined(separator: " → ") : text
    }
}
