public import FreightNetwork

/// Writes a `Network` as a scenario file (`schema_version: 1`) that ``ScenarioLoader`` reads back to
/// an equal network.
///
/// One record per line, in flow style. A link and its `ID:rev` twin (same figures, ends swapped) become
/// one record with `bidirectional: true`; numbers are written in their shortest exact form, so they
/// read back bit for bit. The output depends on the network alone.
public enum NetworkYAMLWriter {
    /// Why a network cannot be written as a network file.
    public struct Unrepresentable: Error, Sendable, Hashable, CustomStringConvertible {
        /// The element at fault, such as `link 'A:rev'`.
        public var element: String
        /// What cannot be written.
        public var reason: String
        public var description: String { "\(element): \(reason)" }
    }

    /// The scenario file text of `network`.
    /// - Parameters:
    ///   - network: The network to write.
    ///   - name: The scenario's `name`.
    ///   - description: Its `description`, if any.
    ///   - comments: Lines written as `#` comments at the top of the file.
    /// - Throws: ``Unrepresentable`` for what a network file cannot hold: closed elements, node storage,
    ///   late penalties, ids the loader rejects, and `ID:rev` links that are not the twin of `ID`.
    public static func yaml(
        _ network: Network, name: String, description: String? = nil, comments: [String] = []
    ) throws(Unrepresentable) -> String {
        var out = comments.map { "# \($0)\n" }.joined()
        out += "schema_version: 1\nname: \(quoted(name))\n"
        if let description { out += "description: \(quoted(description))\n" }
        // Elements without a curve of their own must not get the loader's defaults.
        let limited = network.nodes.contains { $0.capacityTEU != nil && $0.congestion == nil }
            || network.links.contains { $0.capacityTEU != nil && $0.congestion == nil }
        if limited { out += "default_congestion: false\n" }
        if let value = network.congestionValueOfTime {
            out += "congestion_value_of_time_usd_per_teu_day: \(number(value))\n"
        }
        out += "nodes:\n"
        for node in network.nodes { out += "  - \(try record(node))\n" }
        out += "links:\n"
        var twins = Set<Link.ID>()
        for link in network.links where !twins.contains(link.id) {
            let twin = network.link(Link.reverseID(of: link.id)).flatMap { isTwin($0, of: link) ? $0 : nil }
            if let twin { twins.insert(twin.id) }
            out += "  - \(try record(link, bidirectional: twin != nil))\n"
        }
        out += network.demands.isEmpty ? "demands: []\n" : "demands:\n"
        for demand in network.demands { out += "  - \(try record(demand))\n" }
        return out
    }

    static func record(_ node: Node) throws(Unrepresentable) -> String {
        let element = "node '\(node.id.rawValue)'"
        try check(id: node.id.rawValue, element)
        guard !node.isClosed else { throw Unrepresentable(element: element, reason: "closed (a change, not a record)") }
        guard node.storageCapacityTEU == nil, node.holdingCostUSDPerTEUDay == 0 else {
            throw Unrepresentable(element: element, reason: "node storage has no field in schema version 1")
        }
        var fields = [("id", node.id.rawValue)]
        if node.name != node.id.rawValue { fields.append(("name", quoted(node.name))) }
        fields += [
            ("country", quoted(node.country)), ("kind", node.kind.rawValue), ("lat", number(node.latitude)),
            ("lon", number(node.longitude)),
        ]
        if let capacity = node.capacityTEU { fields.append(("capacity_teu", number(capacity))) }
        if node.handlingCostUSDPerTEU != 0 {
            fields.append(("handling_cost_usd_per_teu", number(node.handlingCostUSDPerTEU)))
        }
        if node.dwellDays != 0 { fields.append(("dwell_days", number(node.dwellDays))) }
        if let curve = node.congestion, node.capacityTEU != nil { fields.append(("congestion", congestion(curve))) }
        return flow(fields)
    }

    static func record(_ link: Link, bidirectional: Bool) throws(Unrepresentable) -> String {
        let element = "link '\(link.id.rawValue)'"
        try check(id: link.id.rawValue, element)
        guard link.baseID == link.id else {
            throw Unrepresentable(element: element, reason: "a reverse link without its forward twin")
        }
        guard !link.isClosed else { throw Unrepresentable(element: element, reason: "closed (a change, not a record)") }
        var fields = [
            ("id", link.id.rawValue), ("from", link.from.rawValue), ("to", link.to.rawValue),
            ("mode", link.mode.rawValue),
            ("corridor", quoted(link.corridor)),
        ]
        if let gauge = link.gaugeMM { fields.append(("gauge_mm", String(gauge))) }
        fields.append(("distance_km", number(link.distanceKm)))
        if let capacity = link.capacityTEU { fields.append(("capacity_teu", number(capacity))) }
        fields += [("cost_usd_per_teu", number(link.costUSDPerTEU)), ("time_days", number(link.timeDays))]
        if bidirectional { fields.append(("bidirectional", "true")) }
        if let curve = link.congestion, link.capacityTEU != nil { fields.append(("congestion", congestion(curve))) }
        return flow(fields)
    }

    /// `[{ utilisation: …, extra_days: … }, …]`.
    static func congestion(_ curve: CongestionCurve) -> String {
        let points = curve.breakpoints.map {
            flow([("utilisation", number($0.utilisation)), ("extra_days", number($0.extraDays))])
        }
        return "[" + points.joined(separator: ", ") + "]"
    }

    static func record(_ demand: Demand) throws(Unrepresentable) -> String {
        let element = "demand '\(demand.id.rawValue)'"
        try check(id: demand.id.rawValue, element)
        guard demand.latePenaltyUSDPerTEUDay == nil else {
            throw Unrepresentable(element: element, reason: "late penalties have no field in schema version 1")
        }
        var fields = [
            ("id", demand.id.rawValue), ("from", demand.from.rawValue), ("to", demand.to.rawValue),
            ("teu", number(demand.teu)),
        ]
        if demand.valueOfTimeUSDPerTEUDay != Demand.defaultValueOfTimeUSDPerTEUDay {
            fields.append(("value_of_time_usd_per_teu_day", number(demand.valueOfTimeUSDPerTEUDay)))
        }
        if demand.unmetPenaltyUSDPerTEU != Demand.defaultUnmetPenaltyUSDPerTEU {
            fields.append(("unmet_penalty_usd_per_teu", number(demand.unmetPenaltyUSDPerTEU)))
        }
        return flow(fields)
    }

    /// True when `reverse` is `link`'s `ID:rev` twin, as `bidirectional: true` would make it.
    static func isTwin(_ reverse: Link, of link: Link) -> Bool {
        var mirrored = link
        mirrored.id = Link.reverseID(of: link.id)
        mirrored.from = link.to
        mirrored.to = link.from
        return link.baseID == link.id && reverse == mirrored
    }

    /// Ids the loader accepts: letters, digits, `_`, `-`, `.`, at most 64 characters.
    static func check(id: String, _ element: String) throws(Unrepresentable) {
        let allowed = id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "_-.".unicodeScalars.contains($0)
        }
        guard allowed, !id.isEmpty, id.count <= 64 else {
            throw Unrepresentable(element: element, reason: "the id is not 1–64 letters, digits, '_', '-' or '.'")
        }
    }

    /// `{ key: value, … }`.
    static func flow(_ fields: [(String, String)]) -> String {
        "{ " + fields.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + " }"
    }

    /// The shortest text that reads back to exactly `value`: an integer when it is one.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A double-quoted YAML string.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
