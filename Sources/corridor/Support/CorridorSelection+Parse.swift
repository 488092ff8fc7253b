import ArgumentParser
import FreightNetwork
import Simulation

extension CorridorSelection {
    /// `middle`, `overland` or `middle,southern`, checked against the network's tags.
    static func parse(_ text: String, defaults: [CorridorSelection], network: Network, file: String) throws -> CorridorSelection {
        if let known = defaults.first(where: { $0.name == text }) { return known }
        let tags = network.links.map(\.corridor)
        let parts = CommaList.words(text)
        let known = Array(Set(tags)).filter { $0 != sharedTag }.sorted() + [overlandName]
        guard !parts.isEmpty else {
            throw ValidationError("--corridor: give a corridor; expected one of \(known.joined(separator: ", ")).")
        }
        for part in parts where !tags.contains(part) || part == sharedTag {
            throw ValidationError("--corridor: no corridor '\(part)' in \(file); expected one of \(known.joined(separator: ", ")).")
        }
        return CorridorSelection(name: parts.joined(separator: "+"), tags: parts)
    }

    /// `text` parsed against the network's default corridors.
    static func parse(_ text: String, in network: Network, file: String) throws -> CorridorSelection {
        try parse(text, defaults: defaults(in: network), network: network, file: file)
    }

    /// The same corridors in every network: the first's defaults, then any new one of the others.
    static func union(_ networks: [Network]) -> [CorridorSelection] {
        var selections: [CorridorSelection] = []
        for network in networks {
            for s in defaults(in: network) where !selections.contains(where: { $0.name == s.name }) {
                selections.append(s)
            }
        }
        return selections
    }
}
