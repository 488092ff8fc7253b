import FreightNetwork

/// The nodes and links a selector picked, as indices into a ``NetworkDraft``.
struct Selection {
    /// Indices into the draft's nodes.
    var nodes: [Int] = []
    /// Indices into the draft's links.
    var links: [Int] = []
    /// True when the selector picks links (`link`, `corridor`, `mode`), false for nodes.
    var picksLinks: Bool

    /// `6 nodes`, `2 links`, `0 links`, or `3 nodes, 8 links` when both were picked.
    var summary: String {
        if !nodes.isEmpty, !links.isEmpty {
            return "\(Self.count(nodes.count, "node")), \(Self.count(links.count, "link"))"
        }
        return picksLinks ? Self.count(links.count, "link") : Self.count(nodes.count, "node")
    }

    /// One edit per picked element, nodes first, each made by `edit`.
    func edits(_ edit: (NetworkEdit.Element) -> NetworkEdit) -> [NetworkEdit] {
        nodes.map { edit(.node($0)) } + links.map { edit(.link($0)) }
    }

    /// `1 node`, `2 nodes`.
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}

extension NetworkDraft {
    /// The elements `selector` picks, or `nil` when it names an unknown (or broken) link or node.
    ///
    /// `link` picks every link whose `baseID` is the id (both directions), or the one directed link
    /// with exactly that id (`ID:rev`); `node` picks the node. `country` picks the nodes in that
    /// country (`KZ/TM` counts for both) and, when `countryLinks` is true, the links with an end
    /// there; `corridor` and `mode` pick links. A country, corridor or mode that matches nothing
    /// records a warning and picks nothing.
    func select(_ selector: Selector, countryLinks: Bool, into diagnostics: inout ScenarioDiagnostics) -> Selection? {
        let value = selector.value.value
        var hit = Selection(picksLinks: [.link, .corridor, .mode].contains(selector.kind))
        switch selector.kind {
        case .link:
            hit.links = links.indices.filter { links[$0].id.rawValue == value || links[$0].baseID.rawValue == value }
            if hit.links.isEmpty {
                if let unknown = linkIDs.check(selector.value, field: selector.field) { diagnostics.append(unknown) }
                return nil
            }
        case .node:
            guard let index = nodes.firstIndex(where: { $0.id.rawValue == value }) else {
                if let unknown = nodeIDs.check(selector.value, field: selector.field) { diagnostics.append(unknown) }
                return nil
            }
            hit.nodes = [index]
        case .country:
            hit.nodes = nodes.indices.filter { nodes[$0].countries.contains(value) }
            if countryLinks {
                let inCountry = Set(hit.nodes.map { nodes[$0].id })
                hit.links = links.indices.filter {
                    inCountry.contains(links[$0].from) || inCountry.contains(links[$0].to)
                }
            }
            if hit.nodes.isEmpty {
                warnNoMatch(selector, noun: "node", candidates: nodes.flatMap(\.countries), into: &diagnostics)
            }
        case .corridor:
            hit.links = links.indices.filter { links[$0].corridor == value }
            if hit.links.isEmpty {
                warnNoMatch(selector, noun: "link", candidates: links.map(\.corridor), into: &diagnostics)
            }
        case .mode:
            hit.links = links.indices.filter { links[$0].mode.rawValue == value }
            if hit.links.isEmpty { warnNoMatch(selector, noun: "link", candidates: [], into: &diagnostics) }
        }
        return hit
    }

    /// Records "country 'XX' matches no node", suggesting a close value that does match.
    ///
    /// Nothing is recorded for a draft with broken records: the match may have been among them.
    private func warnNoMatch(
        _ selector: Selector,
        noun: String,
        candidates: [String],
        into diagnostics: inout ScenarioDiagnostics
    ) {
        guard isSound else { return }
        var seen = Set<String>()
        let unique = candidates.filter { seen.insert($0).inserted }
        diagnostics.append(
            ScenarioError(
                .warning,
                at: selector.value.position,
                field: selector.field,
                message: "\(selector.kind.rawValue) '\(selector.value.value)' matches no \(noun)",
                hint: Suggestions.hint(for: selector.value.value, in: unique)
            )
        )
    }
}
