import FreightNetwork

extension Change {
    /// Applies a change limited to some periods: it leaves the network alone and multiplies the
    /// draft's per-period factors (`close` → 0, `scale_capacity` → factor), changes the extra days of links
    /// (`add_delay` and the other changes of time; on a node, of every link into it) or multiplies demand
    /// shares (`scale_demand`).
    ///
    /// - Returns: A line describing what it hit, such as `close node KUR in jan: 1 node closed`, or
    ///   `nil` after recording why it could not be applied.
    func apply(in scope: PeriodScope, to draft: inout NetworkDraft, into diagnostics: inout ScenarioDiagnostics)
        -> String?
    {
        let hit: Selection?
        var demands: (picked: [Int], label: String)?
        switch action {
        case .close(let selector), .addDelay(let selector, _), .service(let selector, _, _):
            hit = draft.select(selector, countryLinks: false, into: &diagnostics)
        case .scaleCapacity(let selector, _):
            hit = draft.select(selector, countryLinks: true, into: &diagnostics)
        case .scaleDemand(_, let filter):
            hit = Selection(picksLinks: false)
            demands = pickDemands(filter, in: draft, into: &diagnostics)
        default:
            hit = nil  // reading refuses a scope on the other change types
        }
        guard let periods = draft.periods else {
            if draft.periodsAreKnown {
                let message = "a change limited to periods needs 'periods' (in this file or a file it extends)"
                let hint = "declare 'periods: months', or leave '\(scope.key)' out to change the whole year"
                diagnostics.append(
                    ScenarioError(at: scope.position, field: "\(path).\(scope.key)", message: message, hint: hint))
            }
            return nil
        }
        guard let picked = scope.resolve(against: periods, into: &diagnostics), let hit else { return nil }
        let when = scope.summary
        switch action {
        case .close(let selector):
            for n in hit.nodes { for p in picked { draft.periods?.nodeFactor[n][p] = 0 } }
            for l in hit.links { for p in picked { draft.periods?.linkFactor[l][p] = 0 } }
            return "close \(selector.summary)\(when): \(hit.summary) closed"
        case .scaleCapacity(let selector, let factor):
            for n in hit.nodes { for p in picked { draft.periods?.nodeFactor[n][p] *= factor } }
            for l in hit.links { for p in picked { draft.periods?.linkFactor[l][p] *= factor } }
            warnIfUnlimited(selector, hit, factor: factor, in: draft, into: &diagnostics)
            return "scale_capacity \(selector.summary) by \(FieldReader.format(factor))\(when): \(hit.summary)"
        case .addDelay(let selector, let days):
            return applyService(selector, .addDelay(days: days), dwell: false, hit, periods: picked, to: &draft,
                into: &diagnostics)
        case .service(let selector, let change, let dwell):
            return applyService(selector, change, dwell: dwell, hit, periods: picked, to: &draft, into: &diagnostics)
        case .scaleDemand(let factor, _):
            guard let demands else { return nil }
            for d in demands.picked { for p in picked { draft.periods?.demandFactor[d][p] *= factor } }
            let count = Selection.count(demands.picked.count, "demand")
            return "scale_demand \(demands.label) by \(FieldReader.format(factor))\(when): \(count)"
        default:
            return nil
        }
    }

    /// Warns when a period-scoped `scale_capacity` by a factor other than 0 hits only unlimited
    /// links and nodes, on which it has no effect (a factor of 0 closes them in those periods).
    private func warnIfUnlimited(
        _ selector: Selector,
        _ hit: Selection,
        factor: Double,
        in draft: NetworkDraft,
        into diagnostics: inout ScenarioDiagnostics
    ) {
        let unlimited =
            hit.nodes.count { draft.nodes[$0].capacityTEU == nil }
            + hit.links.count { draft.links[$0].capacityTEU == nil }
        guard factor != 0, unlimited > 0, unlimited == hit.nodes.count + hit.links.count, draft.isSound else { return }
        let message = "\(selector.summary) has no limited capacity to scale: \(hit.summary), all unlimited"
        let hint = "use 'set_capacity' to give an unlimited link or node a capacity"
        diagnostics.append(
            ScenarioError(.warning, at: selector.value.position, field: selector.field, message: message, hint: hint))
    }

    /// Adds storage to the node `selector` names and, when given, sets its holding cost.
    func addStorage(
        _ selector: Selector,
        teu: Double,
        holdingCost: Double?,
        to draft: inout NetworkDraft,
        into diagnostics: inout ScenarioDiagnostics
    ) -> String? {
        guard let hit = draft.select(selector, countryLinks: false, into: &diagnostics), let n = hit.nodes.first else {
            return nil
        }
        draft.apply([.addStorage(node: n, teu: teu, holdingCostUSDPerTEUDay: holdingCost)])
        draft.periodOnlyFields["node \(n)"] = RecordSource(path: path, position: position)
        let total = FieldReader.format(draft.nodes[n].storageCapacityTEU ?? 0)
        let cost = FieldReader.format(draft.nodes[n].holdingCostUSDPerTEUDay)
        return "add_storage \(selector.summary) +\(FieldReader.format(teu)) TEU: \(total) TEU at \(cost) USD/TEU-day"
    }
}
