import FreightNetwork

extension Change {
    /// Applies the change to `draft`, checking the ids it names.
    ///
    /// - Returns: A line describing what the change hit, such as `close country RU: 6 nodes closed`,
    ///   or `nil` when it named something unknown or depended on a record with errors.
    func apply(to draft: inout NetworkDraft, into diagnostics: inout ScenarioDiagnostics) -> String? {
        if isBroken {
            checkReferences(in: draft, into: &diagnostics)
            draft.isSound = false
            return nil
        }
        if let scope { return apply(in: scope, to: &draft, into: &diagnostics) }
        switch action {
        case .close(let selector):
            return edit(selector, &draft, &diagnostics, { .close($0) }) { "close \(selector.summary): \($0.summary) closed" }
        case .scaleCapacity(let selector, let factor):
            guard let hit = draft.select(selector, countryLinks: true, into: &diagnostics) else { return nil }
            draft.apply(hit.edits { .scaleCapacity($0, by: factor) })  // factor 0: capacity 0, still open
            let unlimited =
                hit.nodes.count { draft.nodes[$0].capacityTEU == nil }
                + hit.links.count { draft.links[$0].capacityTEU == nil }
            let note = unlimited > 0 ? " (\(unlimited) unlimited, unchanged)" : ""
            if unlimited > 0, unlimited == hit.nodes.count + hit.links.count, draft.isSound {
                let message = "\(selector.summary) has no limited capacity to scale: \(hit.summary), all unlimited"
                let hint = "use 'set_capacity' to give an unlimited link or node a capacity"
                diagnostics.append(
                    ScenarioError(.warning, at: selector.value.position, field: selector.field, message: message, hint: hint)
                )
            }
            return "scale_capacity \(selector.summary) by \(FieldReader.format(factor)): \(hit.summary)\(note)"
        case .setCapacity(let selector, let capacity):
            let teu = FieldReader.format(capacity)
            return edit(selector, &draft, &diagnostics, { .setCapacity($0, teu: capacity) }) {
                "set_capacity \(selector.summary) to \(teu) TEU/year: \($0.summary)"
            }
        case .addDelay(let selector, let days):
            return applyService(selector, .addDelay(days: days), dwell: false, to: &draft, into: &diagnostics)
        case .service(let selector, let change, let dwell):
            return applyService(selector, change, dwell: dwell, to: &draft, into: &diagnostics)
        case .addSurcharge(let selector, let usd):
            return edit(selector, &draft, &diagnostics, { .addSurcharge($0, usdPerTEU: usd) }) {
                "add_surcharge \(selector.summary) +\(FieldReader.format(usd)) USD/TEU: \($0.summary)"
            }
        case .scaleDemand(let factor, let filter):
            return scaleDemand(factor: factor, filter, in: &draft, into: &diagnostics)
        case .addNode(let record):
            let before = draft.nodes.count
            draft.add(record, into: &diagnostics)
            guard draft.nodes.count > before, let node = draft.nodes.last else { return nil }
            return "add_node \(node.id): \(node.kind.rawValue) in \(node.country)"
        case .addLink(let record):
            let before = draft.links.count
            draft.add(record, into: &diagnostics)
            guard draft.links.count > before, let link = draft.links.dropFirst(before).first else { return nil }
            let arrow = draft.links.count - before > 1 ? "↔" : "→"
            return "add_link \(link.id): \(link.from) \(arrow) \(link.to) (\(link.mode.rawValue), \(link.corridor))"
        case .addDemand(let record):
            let before = draft.demands.count
            draft.add(record, into: &diagnostics)
            guard draft.demands.count > before, let demand = draft.demands.last else { return nil }
            let volume = FieldReader.format(demand.teu)
            return "add_demand \(demand.id): \(volume) TEU/year from \(demand.from) to \(demand.to)"
        case .addStorage(let selector, let teu, let holding):
            return addStorage(selector, teu: teu, holdingCost: holding, to: &draft, into: &diagnostics)
        case .avoidCountries(let countries, let share, let filter):
            return avoidCountries(countries, share: share, filter, in: &draft, into: &diagnostics)
        case .scaleUnmetPenalty(let factor, let filter):
            guard let (picked, label) = pickDemands(filter, in: draft, into: &diagnostics) else { return nil }
            draft.apply(picked.map { .scaleUnmetPenalty($0, by: factor) })
            let count = Selection.count(picked.count, "demand")
            return "scale_unmet_penalty \(label) by \(FieldReader.format(factor)): \(count)"
        }
    }

    /// Makes `share` of each demand `filter` picks avoid `countries` (see ``Change/Action/avoidCountries(_:share:_:)``).
    private func avoidCountries(
        _ countries: [Located<String>],
        share: Double,
        _ filter: DemandFilter,
        in draft: inout NetworkDraft,
        into diagnostics: inout ScenarioDiagnostics
    ) -> String? {
        var ok = draft.checkCountries(countries, field: "\(path).countries", into: &diagnostics)
        guard let (picked, label) = pickDemands(filter, in: draft, into: &diagnostics), ok else { return nil }
        let avoided = Set(countries.map(\.value))
        let codes = avoided.sorted()
        let anchor = countries.first?.position ?? position
        var inside: [(demand: Demand.ID, node: Node.ID, country: String)] = []
        for d in picked {
            let demand = draft.demands[d]
            let ends = [demand.from, demand.to].compactMap { id in draft.nodes.first { $0.id == id } }
            if demand.isBackground {
                ok = false
                let message = "'\(demand.id)' is background traffic: only China–Europe freight chooses its route"
                diagnostics.append(ScenarioError(at: anchor, field: "\(path).demand", message: message))
            } else if let end = ends.first(where: { $0.countries.contains(where: avoided.contains) }) {
                inside.append((demand.id, end.id, end.countries.first(where: avoided.contains) ?? ""))
            }
        }
        if let first = inside.first {
            // One error for all of them: a country of origin named by mistake picks every demand.
            ok = false
            let message =
                inside.count == 1
                ? "demand '\(first.demand)' starts or ends at '\(first.node)', in \(first.country): it cannot avoid it"
                : "\(inside.count) demands start or end in a country they would avoid ('\(first.demand)' at "
                    + "'\(first.node)', in \(first.country), and \(inside.count - 1) more)"
            diagnostics.append(
                ScenarioError(
                    at: anchor, field: "\(path).countries", message: message,
                    hint: "pick the demands with 'demand', 'from' or 'to'"))
        }
        guard ok else {
            draft.isSound = false
            return nil
        }
        var added = 0
        for d in picked where share > 0 {
            if share >= 1 {
                draft.demands[d].avoidedCountries = Array(avoided.union(draft.demands[d].avoidedCountries)).sorted()
                continue
            }
            var split = draft.demands[d]
            split.id = Demand.avoidingPartID(of: split.id, countries: codes)
            split.teu *= share
            split.avoidedCountries = Array(avoided.union(split.avoidedCountries)).sorted()
            let id = Located(value: split.id.rawValue, position: position)
            if let duplicate = draft.demandIDs.register(id, field: path) {
                diagnostics.append(duplicate)
                draft.isSound = false
                return nil
            }
            draft.apply([.scaleDemand(d, by: 1 - share)])
            draft.appendDerived(split, from: d, source: RecordSource(path: path, position: position))
            added += 1
        }
        let what = share >= 1 ? "" : " \(FieldReader.format((share * 100 * 1e6).rounded() / 1e6)) % of"
        let result = share >= 1 || share == 0 ? "" : ", \(Selection.count(added, "demand")) added"
        return "avoid_countries \(codes.joined(separator: ", ")):\(what) \(label): "
            + "\(Selection.count(picked.count, "demand"))\(result)"
    }

    /// Applies `edit` to each element `selector` picks (a country: its nodes) and describes what it hit, or
    /// returns `nil` when the selector names an unknown element.
    private func edit(
        _ selector: Selector,
        _ draft: inout NetworkDraft,
        _ diagnostics: inout ScenarioDiagnostics,
        _ edit: (NetworkEdit.Element) -> NetworkEdit,
        describe: (Selection) -> String
    ) -> String? {
        guard let hit = draft.select(selector, countryLinks: false, into: &diagnostics) else { return nil }
        draft.apply(hit.edits(edit))
        return describe(hit)
    }

    /// Checks the ids and periods a broken change names, without applying it: an unknown id is
    /// reported in the same pass as the change's wrong amount.
    private func checkReferences(in draft: NetworkDraft, into diagnostics: inout ScenarioDiagnostics) {
        switch action {
        case .close(let selector), .setCapacity(let selector, _), .addDelay(let selector, _),
            .addSurcharge(let selector, _), .addStorage(let selector, _, _), .service(let selector, _, _):
            _ = draft.select(selector, countryLinks: false, into: &diagnostics)
        case .scaleCapacity(let selector, _):
            _ = draft.select(selector, countryLinks: true, into: &diagnostics)
        case .scaleDemand(_, let filter), .scaleUnmetPenalty(_, let filter):
            _ = pickDemands(filter, in: draft, into: &diagnostics)
        case .avoidCountries(let countries, _, let filter):
            _ = draft.checkCountries(countries, field: "\(path).countries", into: &diagnostics)
            _ = pickDemands(filter, in: draft, into: &diagnostics)
        case .addNode, .addLink, .addDemand:
            break  // records are never broken changes: their references are checked when added
        }
        if let scope, let periods = draft.periods { _ = scope.resolve(against: periods, into: &diagnostics) }
    }

    /// Multiplies the volumes of the demands `filter` picks.
    private func scaleDemand(
        factor: Double,
        _ filter: DemandFilter,
        in draft: inout NetworkDraft,
        into diagnostics: inout ScenarioDiagnostics
    ) -> String? {
        guard let (picked, label) = pickDemands(filter, in: draft, into: &diagnostics) else { return nil }
        draft.apply(picked.map { .scaleDemand($0, by: factor) })
        return "scale_demand \(label) by \(FieldReader.format(factor)): \(Selection.count(picked.count, "demand"))"
    }

    /// The indices of the demands `filter` picks and how to name them (`all`, `demand X`, `from A`),
    /// or `nil` when it names an unknown demand or node. `all` and `from`/`to` pick China–Europe
    /// demands only; an id picks a background flow too.
    func pickDemands(
        _ filter: DemandFilter,
        in draft: NetworkDraft,
        into diagnostics: inout ScenarioDiagnostics
    ) -> (picked: [Int], label: String)? {
        let picked: [Int]
        let label: String
        switch filter {
        case .all:
            picked = draft.demands.indices.filter { !draft.demands[$0].isBackground }
            label = "all"
            if picked.isEmpty, draft.isSound {
                let message = "matches no demand (the network has none)"
                diagnostics.append(ScenarioError(.warning, at: position, field: path, message: message))
            }
        case .id(let id):
            if let unknown = draft.demandIDs.check(id, field: "\(path).demand") { diagnostics.append(unknown) }
            guard let index = draft.demands.firstIndex(where: { $0.id.rawValue == id.value }) else { return nil }
            picked = [index]
            label = "demand \(id.value)"
        case .route(let from, let to, let direction):
            let fromKnown = from.map { draft.checkNode($0, field: "\(path).from", into: &diagnostics) } ?? true
            let toKnown = to.map { draft.checkNode($0, field: "\(path).to", into: &diagnostics) } ?? true
            guard fromKnown, toKnown else { return nil }
            picked = draft.demands.indices.filter { index in
                let demand = draft.demands[index]
                return !demand.isBackground && (from.map { demand.from.rawValue == $0.value } ?? true)
                    && (to.map { demand.to.rawValue == $0.value } ?? true)
                    && (direction.map { draft.direction(of: demand) == $0.value } ?? true)
            }
            label = [
                direction.map { $0.value.rawValue }, from.map { "from \($0.value)" }, to.map { "to \($0.value)" },
            ].compactMap { $0 }.joined(separator: " ")
            if picked.isEmpty, draft.isSound, let anchor = from ?? to {
                let field = "\(path).\(from == nil ? "to" : "from")"
                let message = "matches no demand (\(label))"
                diagnostics.append(ScenarioError(.warning, at: anchor.position, field: field, message: message))
            } else if picked.isEmpty, draft.isSound, let direction {
                let message = "matches no demand (\(label))"
                diagnostics.append(
                    ScenarioError(.warning, at: direction.position, field: "\(path).direction", message: message))
            }
        }
        return (picked, label)
    }
}
