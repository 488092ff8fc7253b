internal import FreightNetwork

extension PlanFile {
    /// Reads one effect. An effect whose link or node could be read comes back even when an amount is
    /// wrong (already reported), with 0 in its place, so that the id is checked against the network in the
    /// same pass; an `add_link` or `add_node` with an error does not come back (its record is not built).
    func readEffect(_ yaml: YAMLNode, path: String, into diagnostics: inout ScenarioDiagnostics) -> InvestmentEffect? {
        guard let mapping = yaml.mapping, mapping.count == 1, let key = mapping.keys.first?.scalar?.string,
              let body = mapping.values.first
        else {
            let message = "expected a mapping with one key: \(Self.effectKinds.joined(separator: ", "))"
            diagnostics.append(ScenarioError(at: FieldReader.position(of: yaml, in: file), field: path, message: message))
            return nil
        }
        let field = "\(path).\(key)"
        switch key {
        case "add_link":
            guard let record = LinkRecord.read(body, file: file, path: field, into: &diagnostics), let links = record.links
            else { return nil }
            if links.count > 1 {
                diagnostics.append(ScenarioError(at: record.position, field: field,
                                                 message: "a new link of an investment must be one-way; add a second effect for the other direction"))
                return nil
            }
            return .newLink(links[0])
        case "add_node":
            guard let record = NodeRecord.read(body, file: file, path: field, into: &diagnostics), let node = record.node
            else { return nil }
            return .newNode(node)
        case _ where Self.effectKinds.contains(key):
            guard var reader = FieldReader(body, file: file, path: field, into: &diagnostics) else { return nil }
            defer { diagnostics.append(contentsOf: reader.problems) }
            return Self.readEffectBody(key, &reader)
        default:
            diagnostics.append(ScenarioError(at: FieldReader.position(of: yaml, in: file), field: field, message: "unknown effect",
                                             hint: Suggestions.hint(for: key, in: Self.effectKinds)))
            return nil
        }
    }

    /// Reads the opened body of an effect that is not a record (all but `add_link` and `add_node`); every problem
    /// stays in `reader`. An effect whose link or node could be read comes back even when an amount is wrong.
    static func readEffectBody(_ key: String, _ reader: inout FieldReader) -> InvestmentEffect? {
        let field = reader.path
        switch key {
        case "add_capacity":
            reader.rejectUnknownKeys(allowed: ["link", "node", "teu"])
            reader.describeMapping(.requiring(anyOf: ["link", "node"], exactlyOne: true))
            let link = reader.word("link")
            let node = reader.word("node")
            let teu = reader.number("teu", required: true)
            if (link == nil) == (node == nil) {
                reader.report(ScenarioError(at: reader.position, field: field, message: "give exactly one of 'link' or 'node'"))
            }
            guard (link == nil) != (node == nil) else { return nil }
            if let link { return .linkCapacity(Link.ID(link.value), teu: teu ?? 0) }
            if let node { return .nodeCapacity(FreightNetwork.Node.ID(node.value), teu: teu ?? 0) }
            return nil
        case "upgrade_link":
            reader.rejectUnknownKeys(allowed: ["link", "cost_reduction_usd_per_teu", "time_reduction_days"])
            let link = reader.word("link", required: true)
            let cost = reader.number("cost_reduction_usd_per_teu") ?? 0
            let time = reader.number("time_reduction_days") ?? 0
            guard let link else { return nil }
            return .upgradeLink(Link.ID(link.value), costReductionUSDPerTEU: cost, timeReductionDays: time)
        case "add_storage":
            reader.rejectUnknownKeys(allowed: ["node", "teu", "holding_cost_usd_per_teu_day"])
            let node = reader.word("node", required: true)
            let teu = reader.number("teu", required: true)
            let holding = reader.number("holding_cost_usd_per_teu_day")
            guard let node else { return nil }
            return .storage(FreightNetwork.Node.ID(node.value), teu: teu ?? 0, holdingCostUSDPerTEUDay: holding)
        default:
            return readServiceEffect(key, &reader)
        }
    }

    /// The effect types, as written in plan files.
    static let effectKinds = [
        "add_capacity", "add_link", "add_node", "add_storage", "upgrade_link", "add_delay", "scale_time",
        "set_time_days", "scale_dwell", "set_dwell_days", "scale_cost",
    ]

    /// Reads an effect on time or cost: `link` or `node` (`scale_dwell` and `set_dwell_days`: `node`) and
    /// `days` (`add_delay` may be negative) or `factor`.
    private static func readServiceEffect(_ key: String, _ reader: inout FieldReader) -> InvestmentEffect? {
        let path = reader.path
        let dwell = key == "scale_dwell" || key == "set_dwell_days"
        let amountKey = key.hasPrefix("scale") ? "factor" : "days"
        reader.rejectUnknownKeys(allowed: (dwell ? ["node"] : ["link", "node"]) + [amountKey])
        let link = dwell ? nil : reader.word("link")
        let node = reader.word("node", required: dwell)
        let amount = amountKey == "factor"
            ? reader.number("factor", required: true)
            : reader.days("days", required: true, rule: key == "add_delay" ? .finite : .nonNegative)
        if !dwell { reader.describeMapping(.requiring(anyOf: ["link", "node"], exactlyOne: true)) }
        if !dwell, (link == nil) == (node == nil) {
            let message = "give exactly one of 'link' or 'node'"
            reader.report(ScenarioError(at: reader.position, field: path, message: message))
        }
        let value = amount ?? 0
        let change: ServiceChange =
            switch key {
            case "add_delay": .addDelay(days: value)
            case "scale_time", "scale_dwell": .scaleTime(by: value)
            case "scale_cost": .scaleCost(by: value)
            default: .setTime(days: value)
            }
        if let link, node == nil { return .service(.link(Link.ID(link.value)), change) }
        if let node, link == nil { return .service(.node(FreightNetwork.Node.ID(node.value)), change) }
        return nil
    }
}
