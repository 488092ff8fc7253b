import FreightNetwork

extension UncertaintyRecord {
    /// The entry resolved against `draft`: the links and nodes its selectors pick.
    ///
    /// One selector picks as a `change` would (`country` closes its nodes; with a capacity factor it
    /// also scales the links with an end there). Several pick what all of them match: among the
    /// links picked by `link`, `corridor` and `mode`, those touching the `node` or `country` given;
    /// with `node` and `country` only, the node if it lies in the country. Unknown ids are errors;
    /// an entry that picks nothing is a warning.
    /// - Returns: `nil` when a selector names an unknown id.
    func resolve(against draft: NetworkDraft, into diagnostics: inout ScenarioDiagnostics) -> CapacityUncertainty? {
        var linkSets: [Set<Int>] = []
        var nodeSets: [Set<Int>] = []
        var touchSets: [Set<Int>] = []
        for selector in selectors {
            guard let hit = draft.select(selector, countryLinks: true, into: &diagnostics) else { return nil }
            switch selector.kind {
            case .link, .corridor, .mode:
                linkSets.append(Set(hit.links))
            case .node, .country:
                nodeSets.append(Set(hit.nodes))
                let ids = Set(hit.nodes.map { draft.nodes[$0].id })
                touchSets.append(
                    Set(
                        draft.links.indices.filter {
                            ids.contains(draft.links[$0].from) || ids.contains(draft.links[$0].to)
                        }))
            }
        }
        var links: Set<Int> = []
        var nodes: Set<Int> = []
        if let first = linkSets.first {
            links = linkSets.dropFirst().reduce(first) { $0.intersection($1) }
            for touching in touchSets { links.formIntersection(touching) }
        } else if let first = nodeSets.first {
            nodes = nodeSets.dropFirst().reduce(first) { $0.intersection($1) }
            let countryOnly = selectors.allSatisfy { $0.kind == .country }
            if countryOnly, capacityFactor != nil, let touching = touchSets.first {
                links = touchSets.dropFirst().reduce(touching) { $0.intersection($1) }
            }
        }
        let label = selectors.map(\.summary).joined(separator: ", ")
        if links.isEmpty, nodes.isEmpty, draft.isSound {
            diagnostics.append(
                ScenarioError(
                    .warning, at: position, field: path,
                    message: "\(label) picks no link or node; the entry has no effect"))
        }
        return CapacityUncertainty(
            label: label,
            source: "\(position.file):\(position.line)",
            links: links.sorted().map { draft.links[$0].id },
            nodes: nodes.sorted().map { draft.nodes[$0].id },
            closedProbability: closedProbability,
            capacityFactor: capacityFactor,
            group: group
        )
    }
}

extension LoadSession {
    /// The `uncertainty` entries of every file of the chain (bases first), resolved against the
    /// final network of the file being loaded; problems go to ``diagnostics``.
    mutating func resolveUncertainty(against draft: NetworkDraft) -> [CapacityUncertainty] {
        uncertainty.compactMap { $0.resolve(against: draft, into: &diagnostics) }
    }
}
