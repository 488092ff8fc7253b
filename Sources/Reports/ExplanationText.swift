import FreightNetwork
public import Simulation

/// Plain English sentences from `ComparisonFinding` values (deterministic wording and numbers).
public enum ExplanationText {
    typealias F = NumberFormatting

    /// The sentences explaining how `entries[index]` differs from the base.
    public static func sentences(_ c: ScenarioComparison, _ index: Int) -> [String] {
        let base = c.base.label
        let findings = c.findings(index)
        if findings.isEmpty { return ["No optimal solution to compare."] }
        let names = Names(c.base.result, c.entries[index].result)
        return findings.map { sentence($0, base: base, names: names) }
    }

    /// Short, readable names of nodes and links for sentences.
    struct Names {
        var nodes: [String: String] = [:]
        var links: [String: String] = [:]

        init(_ results: FlowResult...) {
            for r in results {
                for n in r.nodes { nodes[n.id.rawValue] = ExplanationText.shortName(n.name) }
                for l in r.links {
                    let from = nodes[l.from.rawValue] ?? l.from.rawValue
                    let to = nodes[l.to.rawValue] ?? l.to.rawValue
                    links[l.id.rawValue] = "the \(from) → \(to) \(l.mode.rawValue)"
                }
            }
        }

        func constraint(_ element: BindingConstraint.Element, _ id: String, _ fallback: String) -> String {
            switch element {
            case .link: links[id] ?? fallback
            case .node: nodes[id] ?? fallback
            }
        }
    }

    /// A node name for sentences: "Krasnoye (RU-BY border)" → "Krasnoye";
    /// "Baku International Sea Trade Port (Alat)" → "Alat" (a long name with a short alias).
    public static func shortName(_ name: String) -> String {
        guard let open = name.firstIndex(of: "("), name.hasSuffix(")") else { return name }
        let head = String(name[..<open]).trimmingCharacters()
        let inner = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
        if head.count > 20 && inner.count <= 14 { return inner }
        return head.isEmpty ? name : head
    }

    static func sentence(_ finding: ComparisonFinding, base: String, names: Names) -> String {
        switch finding {
        case .inputs(let inputs):
            return inputsSentence(inputs, names)
        case .delivered(let before, let after, let unmet):
            let change = after - before
            var text: String
            if abs(change) < 0.5 {
                text = "Delivered freight is unchanged at \(F.grouped(after)) TEU/yr"
            } else {
                text = "Delivered freight \(change < 0 ? "falls" : "rises") by \(F.grouped(abs(change))) TEU/yr"
                    + " (\(F.percent(abs(change) / max(before, 1)))) to \(F.grouped(after))"
            }
            if !unmet.isEmpty {
                let named = unmet.prefix(3).map { "\($0.demand) (\(F.grouped($0.teu)))" }
                text += "; newly left unmet: " + list(named) + (unmet.count > 3 ? " and \(unmet.count - 3) more" : "")
            }
            return text + "."
        case .corridorLoss(let loss):
            return lossSentence(loss, names)
        case .corridorGain(let corridor, let before, let after, let caps, let congested):
            var text = "\(capitalized(name(corridor))) gains \(F.grouped(after - before)) TEU/yr (\(F.grouped(before)) → \(F.grouped(after)))"
            if caps.isEmpty && !congested.isEmpty {
                let named = congested.map { s in
                    "\(names.constraint(s.element, s.id, s.name)) (\(F.fixed(s.otherDays, 2)) extra days per TEU; "
                        + "the next TEU's wait costs USD \(F.grouped(s.delayPriceUSDPerTEU)))"
                }
                text += "; no hard capacity binds on it, but congestion limits it at " + list(named)
            } else if caps.isEmpty {
                text += "; no capacity binds on it, so it takes all the freight for which it is the cheapest option"
            } else {
                let named = caps.map { b in
                    "\(names.constraint(b.element, b.id, b.name)) (full at \(F.grouped(b.capacityTEU)) TEU/yr, worth USD \(F.grouped(b.shadowPriceUSDPerTEU)) per extra TEU)"
                }
                text += " and is capped by " + list(named)
            }
            return text + "."
        case .timeCut(let cut):
            return timeCutSentence(cut, names)
        case .costAndTime(let change):
            return costSentence(change)
        case .nodes(let lost, let gained):
            let parts = (lost + gained).map { change in
                "\(names.nodes[change.id] ?? change.name) \(F.signedGrouped(change.changeTEU))" + (change.closed ? " (closed)" : "")
            }
            return "The largest shifts at borders, ports and waypoints (TEU/yr): " + parts.joined(separator: ", ") + "."
        case .corridorCapacity(let change):
            return capacitySentence(change, names)
        case .congestion(let shifts):
            return congestionSentence(shifts, names)
        case .unchanged:
            return "Nothing changes against \(base): the same routes carry the same freight at the same cost."
        }
    }

    /// "The middle corridor's transit falls from 24.3 to 18.1 days on average: the scenario cuts the time of
    /// the Aktau → Alat ferry (3.0 → 1.5 days) and the dwell at Dostyk (2.0 → 1.0 days)" (at most six
    /// elements, then "and 2 more"); when congestion grew on its routes, "; congestion offsets part of it,
    /// as waits grow at Poti port (2.00 → 5.50 extra days)", or "rises … although the scenario cuts …:
    /// congestion outweighs it, as waits grow at …".
    static func timeCutSentence(_ cut: ComparisonFinding.TimeCut, _ names: Names) -> String {
        func days(_ value: Double) -> String {
            F.fixed(value, abs(value * 10 - (value * 10).rounded()) < 1e-9 ? 1 : 2)
        }
        var parts = cut.elements.prefix(6).map { e in
            let span = "(\(days(e.baseDays)) → \(days(e.days)) days)"
            switch e.element {
            case .link: return "the time of \(names.constraint(.link, e.id, e.name)) \(span)"
            case .node: return "the dwell at \(names.constraint(.node, e.id, e.name)) \(span)"
            }
        }
        if cut.elements.count > 6 { parts.append("\(cut.elements.count - 6) more") }
        let falls = cut.otherDays < cut.baseDays
        var text = capitalized(name(cut.corridor)) + "'s transit \(falls ? "falls" : "rises") from "
            + "\(F.fixed(cut.baseDays, 1)) to \(F.fixed(cut.otherDays, 1)) days on average"
            + (falls ? ": the scenario cuts " : " although the scenario cuts ") + list(parts)
        if !cut.congestion.isEmpty {
            let waits = cut.congestion.prefix(3).map { e in
                "\(names.constraint(e.element, e.id, e.name)) (\(F.fixed(e.baseDays, 2)) → \(F.fixed(e.days, 2)) extra days)"
            }
            text += (falls ? "; congestion offsets part of it, as waits grow at " : ": congestion outweighs it, as waits grow at ")
                + list(waits)
        }
        return text + "."
    }

    /// "Congestion delay changes at Dostyk (61.4% full): 0.00 → 0.33 extra days per TEU; congestion, not
    /// hard capacity, limits it: the next TEU's wait there costs USD 380; …"
    static func congestionSentence(_ shifts: [ComparisonFinding.CongestionShift], _ names: Names) -> String {
        let parts = shifts.map { s in
            let full = s.utilization.map { " (\(F.percent($0)) full)" } ?? ""
            var text = "\(names.constraint(s.element, s.id, s.name))\(full): \(F.fixed(s.baseDays, 2)) → "
                + "\(F.fixed(s.otherDays, 2)) extra days per TEU"
            if s.shadowPriceUSDPerTEU > 1e-6 {
                text += ", and its capacity binds (USD \(F.grouped(s.shadowPriceUSDPerTEU)) per extra TEU)"
            } else if s.delayPriceUSDPerTEU > 1e-6 {
                text += "; congestion, not hard capacity, limits it: the next TEU's wait there costs USD "
                    + "\(F.grouped(s.delayPriceUSDPerTEU))"
            }
            return text
        }
        return "Congestion delay changes at " + parts.joined(separator: "; at ") + "."
    }

    /// "The middle corridor's capacity rises from 37,000 to 60,000 TEU/yr (+62.2%): the cut moves
    /// from … to …."
    static func capacitySentence(_ c: ComparisonFinding.CapacityChange, _ names: Names) -> String {
        func cut(_ elements: [CorridorCapacity.CutElement]) -> String {
            list(elements.map { e in
                let name = names.constraint(e.kind == .link ? .link : .node, e.id, e.name)
                return "\(name) (\(F.grouped(e.capacityTEU)))"
            })
        }
        let subject: String
        switch c.corridor {
        case CorridorSelection.overlandName: subject = "The overland corridors' combined capacity"
        case let name where name.contains("+"): subject = "The combined capacity of the \(list(name.split(separator: "+").map(String.init))) corridors"
        default: subject = capitalized(name(c.corridor)) + "'s capacity"
        }
        switch (c.baseTEU, c.otherTEU) {
        case (let before?, let after?):
            var text = subject
            if abs(after - before) < 0.5 {
                text += " stays at \(F.grouped(after)) TEU/yr"
            } else {
                text += " \(after < before ? "falls" : "rises") from \(F.grouped(before)) to \(F.grouped(after)) TEU/yr"
                text += " (\(before > 0 ? F.signedFixed((after - before) / before * 100, 1) + "%" : "from nothing"))"
            }
            if c.baseCut.map(\.id) == c.otherCut.map(\.id) {
                return text + ": the same cut limits it, now \(cut(c.otherCut))."
            }
            if c.otherCut.isEmpty { return text + ": the cut moves from \(cut(c.baseCut)) to nothing (no open route)." }
            if c.baseCut.isEmpty { return text + ": the cut is now \(cut(c.otherCut))." }
            let baseIDs = Set(c.baseCut.map(\.id))
            let otherIDs = Set(c.otherCut.map(\.id))
            let kept = c.otherCut.filter { baseIDs.contains($0.id) }
            if kept.isEmpty { return text + ": the cut moves from \(cut(c.baseCut)) to \(cut(c.otherCut))." }
            let left = c.baseCut.filter { !otherIDs.contains($0.id) }
            let joined = c.otherCut.filter { !baseIDs.contains($0.id) }
            var parts: [String] = []
            if !left.isEmpty { parts.append("\(cut(left)) \(left.count == 1 ? "leaves" : "leave") the cut") }
            if !joined.isEmpty { parts.append("\(cut(joined)) \(joined.count == 1 ? "joins" : "join") it") }
            return text + ": " + parts.joined(separator: " and ") + "; \(cut(kept)) \(kept.count == 1 ? "stays" : "stay") in it."
        case (let before?, nil):
            let path = (c.unlimitedPath ?? []).map { names.nodes[$0] ?? $0 }.joined(separator: " → ")
            return subject + " was \(F.grouped(before)) TEU/yr (cut: \(cut(c.baseCut))) and is now unlimited: a route with no capacity limit, \(path), joins an origin to a destination."
        case (nil, let after?):
            return subject + " was unlimited and is now \(F.grouped(after)) TEU/yr, limited by \(cut(c.otherCut))."
        case (nil, nil):
            return subject + " stays unlimited."
        }
    }

    static func lossSentence(_ loss: ComparisonFinding.CorridorLoss, _ names: Names) -> String {
        let lost = loss.baseTEU - loss.otherTEU
        let net = loss.sources.isEmpty ? "" : " net"
        var text = "\(capitalized(name(loss.corridor))) loses\(net) \(F.grouped(lost)) TEU/yr"
        text += loss.otherTEU < 0.5 ? " (all of it)" : " (\(F.percent(lost / max(loss.baseTEU, 1))), \(F.grouped(loss.baseTEU)) → \(F.grouped(loss.otherTEU)))"
        let moved = loss.destinations.map { d in
            d.corridor.map { "\(F.grouped(d.teu)) to \(name($0))" } ?? "\(F.grouped(d.teu)) no longer carried"
        }
        if !moved.isEmpty { text += ": " + list(moved) }
        // Demand by demand it may also have gained: say so, or the moves add up to more than the loss.
        let taken = loss.sources.compactMap { s in s.corridor.map { "\(F.grouped(s.teu)) from \(name($0))" } }
        if !taken.isEmpty { text += (moved.isEmpty ? ": it takes " : ", and it takes ") + list(taken) }
        text += "."
        if loss.closedTEU > 0.5 {
            let share = loss.closedTEU >= loss.baseTEU - 0.5 ? "All its base freight" : "\(F.grouped(loss.closedTEU)) TEU/yr of its base freight"
            let nodes = loss.closedNodes.isEmpty ? "" : " (" + list(loss.closedNodes.map { names.nodes[$0] ?? $0 }) + ")"
            text += " \(share) ran through nodes or links this scenario closes\(nodes)."
        }
        if !loss.cuts.isEmpty {
            let cuts = loss.cuts.map { cut in
                "\(names.constraint(cut.element, cut.id, cut.name)) from \(F.grouped(cut.baseCapacityTEU)) to \(F.grouped(cut.capacityTEU)) TEU/yr"
                    + " (now full, worth USD \(F.grouped(cut.shadowPriceUSDPerTEU)) per extra TEU)"
            }
            text += " Capacity on its routes is cut: " + list(cuts) + "."
        }
        if loss.closedTEU <= 0.5 && loss.cuts.isEmpty {
            text += " None of its routes is closed or cut: the freight moved because of prices, times or competition for shared capacity."
        }
        return text
    }

    static func costSentence(_ c: ComparisonFinding.CostTimeChange) -> String {
        let dc = c.otherCostUSDPerTEU - c.baseCostUSDPerTEU
        let dd = c.otherDays - c.baseDays
        var text = "Average cost \(dc < 0 ? "falls" : "rises") by USD \(F.grouped(abs(dc))) per TEU"
            + " (\(F.signedFixed(dc / max(c.baseCostUSDPerTEU, 1) * 100, 1))%) to USD \(F.grouped(c.otherCostUSDPerTEU)),"
            + " and average transit \(dd < 0 ? "falls" : "rises") by \(F.fixed(abs(dd), 1)) days to \(F.fixed(c.otherDays, 1))."
        if abs(c.costRateUSDPerTEU) < 0.5 && abs(c.daysRate) < 0.05 {
            return text + " All of it comes from the change in corridor mix: each corridor's own cost and days stay the same."
        }
        text += " The corridor mix accounts for USD \(F.signedGrouped(c.costMixUSDPerTEU)) and \(F.signedFixed(c.daysMix, 1)) days,"
            + " changes within corridors for USD \(F.signedGrouped(c.costRateUSDPerTEU)) and \(F.signedFixed(c.daysRate, 1)) days"
        if let m = c.mostChanged {
            text += " (\(name(m.base.corridor)): USD \(F.grouped(m.base.avgCostUSDPerTEU)) → \(F.grouped(m.other.avgCostUSDPerTEU)) per TEU,"
                + " \(F.fixed(m.base.avgTimeDays, 1)) → \(F.fixed(m.other.avgTimeDays, 1)) days)"
        }
        return text + "."
    }

    /// "The files set differently: freight demand 1,011,738 → 1,095,119 TEU/yr (+8.2%; ×1.181 on 19 demands such as
    /// X-CGO-HAM); prices: the Singapore → Suez sea USD 4,020 → 480 per TEU, …; capacities: Małaszewicze 219,800
    /// → 147,580 TEU/yr, …; times: …; closed: Kyzyl-Bel." At most three elements a list, then "and N more".
    static func inputsSentence(_ d: ComparisonFinding.InputDifferences, _ names: Names) -> String {
        func name(_ element: BindingConstraint.Element, _ id: String, _ fallback: String) -> String {
            names.constraint(element, id, fallback)
        }
        func some(_ items: [String], of count: Int) -> String {
            list(count > items.count ? items + ["\(count - items.count) more"] : items)
        }
        /// 1.181 → "1.181", 0.500 → "0.5", 0 → "0".
        func factor(_ value: Double) -> String {
            var text = F.fixed(value, 3)
            while text.contains("."), text.hasSuffix("0") || text.hasSuffix(".") { text.removeLast() }
            return text
        }
        var parts: [String] = []
        func volume(_ label: String, _ before: Double, _ after: Double) {
            guard abs(after - before) >= 1 else { return }
            let change = before > 0 ? " (\(after >= before ? "+" : "")\(F.fixed((after - before) / before * 100, 1))%)" : ""
            parts.append("\(label) \(F.grouped(before)) → \(F.grouped(after)) TEU/yr\(change)")
        }
        volume("freight demand", d.baseDemandTEU, d.demandTEU)
        volume("background traffic", d.baseBackgroundTEU, d.backgroundTEU)
        if !d.scaled.isEmpty {
            let groups = d.scaled.prefix(3).map { g in
                "×\(factor(g.factor)) on " + (g.demands.count == 1 ? g.demands[0] : "\(g.demands.count) demands such as \(g.demands[0])")
            }
            parts.append("scaled demands: " + some(groups, of: d.scaled.count))
        }
        if !d.prices.isEmpty {
            let items = d.prices.prefix(3).map { v in
                "\(name(v.element, v.id, v.name)) USD \(F.grouped(v.base ?? 0)) → \(F.grouped(v.value ?? 0)) per TEU"
            }
            parts.append("prices: " + some(items, of: d.prices.count))
        }
        if !d.capacities.isEmpty {
            let items = d.capacities.prefix(3).map { v in
                "\(name(v.element, v.id, v.name)) \(v.base.map(F.grouped) ?? "unlimited") → \(v.value.map(F.grouped) ?? "unlimited") TEU/yr"
            }
            parts.append("capacities: " + some(items, of: d.capacities.count))
        }
        if !d.times.isEmpty {
            let items = d.times.prefix(3).map { v in
                "\(v.element == .node ? "the dwell at " : "the time of ")\(name(v.element, v.id, v.name)) "
                    + "\(F.fixed(v.base ?? 0, 2)) → \(F.fixed(v.value ?? 0, 2)) days"
            }
            parts.append("times: " + some(items, of: d.times.count))
        }
        if !d.closed.isEmpty {
            parts.append("closed: " + some(d.closed.prefix(4).map { name($0.element, $0.id, $0.name) }, of: d.closed.count))
        }
        if !d.reopened.isEmpty {
            parts.append("open again: " + some(d.reopened.prefix(4).map { name($0.element, $0.id, $0.name) }, of: d.reopened.count))
        }
        return "The networks differ in " + parts.joined(separator: "; ") + "."
    }

    /// "the sea route" for `sea`, "the northern corridor" for other tags.
    static func name(_ corridor: String) -> String { corridor == "sea" ? "the sea route" : "the \(corridor) corridor" }

    static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }
}

extension String {
    /// The string without leading and trailing spaces.
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
