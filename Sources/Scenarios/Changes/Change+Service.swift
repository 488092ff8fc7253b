import FreightNetwork

extension Change {
    /// The change type as written (`scale_time`), the last part of ``path``.
    var kindName: String { path.split(separator: ".").last.map(String.init) ?? path }

    /// `add_delay node DOS +2 days`, `scale_time corridor middle by 0.5`, `set_dwell_days node DOS to 1 days`.
    func serviceSummary(_ selector: Selector, _ change: ServiceChange) -> String {
        let amount =
            switch change {
            case .addDelay(let days):
                days < 0 ? "-\(FieldReader.format(-days)) days" : "+\(FieldReader.format(days)) days"
            case .scaleTime(let factor), .scaleCost(let factor): "by \(FieldReader.format(factor))"
            case .setTime(let days): "to \(FieldReader.format(days)) days"
            }
        return "\(kindName) \(selector.summary) \(amount)"
    }

    /// What a change of time or cost picks: with `dwell`, the selected nodes and the nodes at the ends of
    /// the selected links (no links); otherwise the selection itself.
    static func serviceSelection(_ hit: Selection, dwell: Bool, in draft: NetworkDraft) -> Selection {
        guard dwell else { return hit }
        var index: [FreightNetwork.Node.ID: Int] = [:]
        for (n, node) in draft.nodes.enumerated() where index[node.id] == nil { index[node.id] = n }
        var nodes = Set(hit.nodes)
        for l in hit.links {
            for end in [draft.links[l].from, draft.links[l].to] { if let n = index[end] { nodes.insert(n) } }
        }
        return Selection(nodes: nodes.sorted(), links: [], picksLinks: false)
    }

    /// Applies a change of time or cost to the whole year, or reports the elements it would take below 0
    /// days (a cut with `add_delay` larger than the time there is) and applies nothing.
    func applyService(
        _ selector: Selector,
        _ change: ServiceChange,
        dwell: Bool,
        to draft: inout NetworkDraft,
        into diagnostics: inout ScenarioDiagnostics
    ) -> String? {
        guard let picked = draft.select(selector, countryLinks: false, into: &diagnostics) else { return nil }
        let hit = Self.serviceSelection(picked, dwell: dwell, in: draft)
        let times =
            hit.nodes.map { ("node \(draft.nodes[$0].id)", "dwell_days", draft.nodes[$0].dwellDays) }
            + hit.links.map { ("link \(draft.links[$0].id)", "time_days", draft.links[$0].timeDays) }
        guard checkCut(change, times, into: &diagnostics) else { return nil }
        draft.apply(hit.edits(change.edit))
        return "\(serviceSummary(selector, change)): \(hit.summary)"
    }

    /// Applies a change of time in the periods `picked` through the schedule's extra days: on a link its
    /// transit time in the period, on a node the links into it (the schedule has no per-period dwell),
    /// computed from the node's year-round dwell.
    func applyService(
        _ selector: Selector,
        _ change: ServiceChange,
        dwell: Bool,
        _ picked: Selection,
        periods: [Int],
        to draft: inout NetworkDraft,
        into diagnostics: inout ScenarioDiagnostics
    ) -> String? {
        guard let schedule = draft.periods else { return nil }
        let hit = Self.serviceSelection(picked, dwell: dwell, in: draft)
        var times = hit.nodes.map { ("node \(draft.nodes[$0].id)", "dwell_days", draft.nodes[$0].dwellDays) }
        for l in hit.links {
            let least = periods.map { schedule.linkExtraDays[l][$0] }.min() ?? 0
            times.append(("link \(draft.links[l].id)", "time_days", draft.links[l].timeDays + least))
        }
        guard checkCut(change, times, into: &diagnostics) else { return nil }
        let into = Set(hit.nodes.map { draft.nodes[$0].id })
        let intoLinks = draft.links.indices.filter { into.contains(draft.links[$0].to) }
        for l in hit.links {
            let time = draft.links[l].timeDays
            for p in periods {
                let extra = schedule.linkExtraDays[l][p]
                draft.periods?.linkExtraDays[l][p] =
                    if case .addDelay(let days) = change { extra + days } else {
                        change.applied(to: time + extra) - time
                    }
            }
        }
        for n in hit.nodes {
            let dwellDays = draft.nodes[n].dwellDays
            let extra = if case .addDelay(let days) = change { days } else { change.applied(to: dwellDays) - dwellDays }
            for l in intoLinks where draft.links[l].to == draft.nodes[n].id {
                for p in periods { draft.periods?.linkExtraDays[l][p] += extra }
            }
        }
        let links = Set(hit.links).union(intoLinks).count
        let note = hit.nodes.isEmpty ? "" : " (\(Selection.count(links, "link")) into it)"
        return "\(serviceSummary(selector, change))\(scope?.summary ?? ""): \(hit.summary)\(note)"
    }

    /// Checks that `change` leaves every time in `times` (what, field, days) at 0 or more, recording an
    /// error for each that it would not (only a cut with `add_delay` can).
    private func checkCut(
        _ change: ServiceChange,
        _ times: [(element: String, field: String, days: Double)],
        into diagnostics: inout ScenarioDiagnostics
    ) -> Bool {
        guard case .addDelay(let days) = change, days < 0 else { return true }
        let short = times.filter { $0.days + days < -1e-12 }
        for time in short {
            let message =
                "cuts \(FieldReader.format(-days)) days from \(time.element), whose \(time.field) is "
                + "\(FieldReader.format(time.days)): expected a result ≥ 0 days"
            let hint = "cut at most \(FieldReader.format(time.days)) days there, or use 'set_time_days' / 'scale_time'"
            diagnostics.append(
                ScenarioError(at: amountPosition ?? position, field: "\(path).days", message: message, hint: hint))
        }
        return short.isEmpty
    }
}
