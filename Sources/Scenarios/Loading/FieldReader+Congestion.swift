import FreightNetwork

/// What a node's or link's `congestion` field says.
enum CongestionField: Sendable, Hashable {
    /// `congestion: none`: no congestion, not even the default curve.
    case off
    /// Breakpoints of utilisation → extra days.
    case curve(CongestionCurve)

    /// The curve, or nil for `none`.
    var curve: CongestionCurve? {
        if case .curve(let curve) = self { return curve }
        return nil
    }
}

extension FieldReader {
    /// Reads `congestion`: `none`, or a list of `{utilisation, extra_days}` breakpoints forming a convex
    /// curve (``CongestionCurve``). A curve is only allowed on an element with a capacity (`limited`).
    mutating func congestion(limited: Bool) -> CongestionField? {
        if isDescribing {
            var point = FieldReader(describing: fieldPath("congestion"))
            _ = Self.readBreakpoint(&point)
            let curve = SchemaValue.list(of: point.schema).merging(.object([("minItems", 1)]))
            describe("congestion", .object([("anyOf", .array([.object([("const", "none")]), curve]))]))
        }
        guard let node = value("congestion") else { return nil }
        let field = fieldPath("congestion")
        if let scalar = node.scalar {
            guard scalar.string == "none" else {
                report(at: node, field: field, "expected a list of breakpoints or 'none', found \(Self.describe(node))")
                return nil
            }
            return .off
        }
        guard let items = node.sequence else {
            report(at: node, field: field, "expected a list of breakpoints or 'none', found \(Self.describe(node))")
            return nil
        }
        guard limited else {
            report(
                at: node, field: field, "only a capacity-limited node or link congests",
                hint: "give it a 'capacity_teu', or leave 'congestion' out")
            return nil
        }
        var points: [CongestionCurve.Breakpoint] = []
        var complete = true
        for (index, item) in items.enumerated() {
            if let point = breakpoint(item, path: "\(field)[\(index)]") { points.append(point) } else { complete = false }
        }
        guard complete else { return nil }
        if let (index, message) = CongestionCurve.problem(with: points) {
            let at = items.isEmpty ? node : items[index]
            report(
                at: at, field: items.isEmpty ? field : "\(field)[\(index)]", message,
                hint: "write breakpoints such as [{utilisation: 0.7, extra_days: 0}, {utilisation: 1.0, extra_days: 3}]")
            return nil
        }
        return CongestionCurve(points).map { .curve($0) }
    }

    /// One `{utilisation, extra_days}` entry, its problems recorded at their values.
    private mutating func breakpoint(_ item: YAMLNode, path: String) -> CongestionCurve.Breakpoint? {
        var diagnostics = ScenarioDiagnostics()
        guard var entry = FieldReader(item, file: file, path: path, into: &diagnostics) else {
            for problem in diagnostics.all { report(problem) }
            return nil
        }
        let point = Self.readBreakpoint(&entry)
        for problem in entry.problems { report(problem) }
        guard entry.isValid, let point else { return nil }
        return point
    }

    /// The fields of one breakpoint, from its opened mapping; every problem stays in `entry`.
    private static func readBreakpoint(_ entry: inout FieldReader) -> CongestionCurve.Breakpoint? {
        entry.rejectUnknownKeys(allowed: ["utilisation", "extra_days"])
        let utilisation = entry.number("utilisation", required: true, rule: .range(0...1, name: "a utilisation"))
        let days = entry.number("extra_days", required: true)
        guard let utilisation, let days else { return nil }
        return CongestionCurve.Breakpoint(utilisation: utilisation, extraDays: days)
    }
}
