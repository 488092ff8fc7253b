import FreightNetwork
public import Simulation

/// `corridor compare` as text, Markdown, CSV or JSON (deterministic).
public enum ComparisonReport {
    /// The scenarios, the side-by-side table, the explanation, route shifts, flow changes and
    /// binding capacities as plain text.
    public static func text(_ c: ScenarioComparison) -> String {
        var out = "Comparison against \(c.base.label)  (min-cost flows; capacities: maximum flow per corridor, λ: demand-pattern factor)\n"
        var legend = TextTable(["label", "scenario", "file"])
        for e in c.entries { legend.add([e.label, e.result.status == .optimal ? e.name : "\(e.name) [\(e.result.status.rawValue)]", e.file]) }
        out += legend.rendered()
        for e in c.entries.dropFirst() where !e.changes.isEmpty {
            out += "  \(e.label) changes: " + e.changes.joined(separator: "; ") + "\n"
        }
        out += "\n" + ComparisonTables.metrics(c).title + "\n" + ComparisonTables.metrics(c).text()
        out += "\nWhat changed and why\n"
        for i in c.entries.indices.dropFirst() {
            out += "  \(c.entries[i].label) against \(c.base.label):\n"
            for s in ExplanationText.sentences(c, i) { out += wrap("• " + s, indent: "    ", hanging: "      ") }
        }
        // Empty tables mean "nothing changed" only when every scenario was solved to an optimum.
        let unsolved = c.entries.filter { $0.result.status != .optimal }.map(\.label)
        let notSolved = unsolved.isEmpty ? nil : "  not known: no optimum for \(unsolved.joined(separator: ", "))\n"
        let shifts = ComparisonTables.routeShifts(c, changedOnly: true)
        out += "\n\(shifts.title) (only demands whose routes changed; corridors = share of delivered TEU)\n"
        out += shifts.rows.isEmpty ? notSolved ?? "  none: every demand keeps its routes\n" : shifts.text()
        let flows = ComparisonTables.flowChanges(c)
        out += "\n\(flows.title)\n" + (flows.rows.isEmpty ? notSolved ?? "  none\n" : flows.text())
        let binding = ComparisonTables.binding(c)
        out += "\n\(binding.title)\n" + (binding.rows.isEmpty ? notSolved ?? "  none: no capacity limits any scenario\n" : binding.text())
        out += PeriodReport.comparison(c)
        return out
    }

    /// The same content as GitHub-flavoured Markdown.
    public static func markdown(_ c: ScenarioComparison) -> String {
        var out = "# Comparison against \(c.base.label)\n\n"
        for e in c.entries {
            out += "- **\(e.label)**: \(e.name) (`\(e.file)`)" + (e.changes.isEmpty ? "" : " — " + e.changes.joined(separator: "; ")) + "\n"
        }
        let metrics = ComparisonTables.metrics(c)
        out += "\n## \(metrics.title)\n\n" + metrics.markdown()
        out += "\n## What changed and why\n"
        for i in c.entries.indices.dropFirst() {
            out += "\n**\(c.entries[i].label)** against \(c.base.label):\n\n"
            for s in ExplanationText.sentences(c, i) { out += "- \(s)\n" }
        }
        for table in [ComparisonTables.routeShifts(c, changedOnly: true), ComparisonTables.flowChanges(c), ComparisonTables.binding(c)] {
            out += "\n## \(table.title)\n\n" + (table.rows.isEmpty ? "None.\n" : table.markdown())
        }
        return out
    }

    /// The side-by-side table as CSV (the other tables: `--csv DIR`).
    public static func csv(_ c: ScenarioComparison) -> String { ComparisonTables.metrics(c).csv() }

    /// Everything as one JSON object (`format_version` 1), each scenario's full run report included.
    public static func json(_ c: ScenarioComparison) -> String {
        let labels = c.entries.map { JSONValue.string($0.label) }
        var explanation: [JSONValue] = []
        for i in c.entries.indices.dropFirst() {
            explanation.append(.object([("scenario", .string(c.entries[i].label)),
                ("sentences", .array(ExplanationText.sentences(c, i).map { .string($0) }))]))
        }
        let value = JSONValue.object([
            ("format_version", .number(Double(JSONReport.formatVersion))),
            ("base", .string(c.base.label)),
            ("labels", .array(labels)),
            ("metrics", .array(c.metrics.map { m in
                .object([("key", .string(m.key)), ("label", .string(m.label)), ("unit", .string(m.unit)),
                    ("values", .array(m.values.map { .number($0) })), ("changes", .array(m.changes.map { .number($0) }))])
            })),
            ("explanation", .array(explanation)),
            ("demands", .array(c.demandShifts.map { shift in
                .object([("id", .string(shift.id.rawValue)), ("from", .string(shift.from.rawValue)), ("to", .string(shift.to.rawValue)),
                    ("changed", .bool(shift.changed)),
                    ("outcomes", .array(shift.outcomes.map { $0.map(JSONReport.demand) ?? .null }))])
            })),
            ("flow_changes", .array(c.entries.indices.dropFirst().flatMap { i in
                let changes = c.flowChanges(i)
                return (changes.nodes + changes.links).map { f in
                    JSONValue.object([("scenario", .string(c.entries[i].label)), ("element", .string(f.element.rawValue)),
                        ("id", .string(f.id)), ("name", .string(f.name)), ("corridor", .string(f.corridor)),
                        ("base_teu", .number(f.baseTEU)), ("teu", .number(f.teu)), ("change_teu", .number(f.changeTEU)),
                        ("closed", .bool(f.closed))])
                }
            })),
            ("binding", .array(c.binding.map { b in
                .object([("element", .string(b.element.rawValue)), ("id", .string(b.id)), ("name", .string(b.name)),
                    ("shadow_price_usd_per_teu", .array(b.shadowPrices.map { .number($0) })),
                    ("capacity_teu", .array(b.capacities.map { .number($0) }))])
            })),
            ("scenarios", .array(c.entries.map { e in
                .object([("label", .string(e.label)),
                    ("capacity", e.capacity.map { CapacityReport.entries($0) } ?? .null),
                    ("result", JSONReport.value(e.result, context: ReportContext(file: e.file, changes: e.changes)))])
            })),
        ])
        return value.rendered()
    }

    /// Wraps a paragraph at 110 columns: first line after `indent`, the rest after `hanging`.
    static func wrap(_ text: String, indent: String, hanging: String, width: Int = 110) -> String {
        var out = ""
        var line = indent
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if lineHasWord && line.count + 1 + word.count > width {
                out += line + "\n"
                line = hanging
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        return out + line + "\n"
    }
}
