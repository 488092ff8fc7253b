public import FreightNetwork
internal import Yams

/// A plan file: investment candidates, a budget and (optionally) the weighted scenarios to plan over.
///
/// ```yaml
/// budget_usd: 3.7e9
/// scenarios:                       # optional; without it the file itself is the one scenario
///   - { file: baseline-2021.yaml, weight: 0.5 }
/// investments:
///   - id: AKTAU-HUB
///     capex_usd: 38e6
///     effects:
///       - add_capacity: { node: AKU, teu: 100000 }
/// ```
public struct PlanFile: Sendable {
    /// One weighted scenario of the plan.
    public struct ScenarioReference: Sendable, Hashable {
        /// The scenario file's path, resolved against the plan file's directory.
        public var file: String
        public var weight: Double
        public init(file: String, weight: Double) {
            self.file = file
            self.weight = weight
        }
    }

    /// The plan file as given.
    public var file: String
    /// Its `name`, if it has one.
    public var name: String?
    public var catalog: InvestmentCatalog
    /// The `scenarios` list; empty when the plan file is itself the scenario.
    public var scenarios: [ScenarioReference]
    /// Where each investment's effects were written, for errors found against a network.
    var effectPositions: [[SourcePosition]] = []
    /// Where each investment was written.
    var investmentPositions: [SourcePosition] = []
    /// Where `budget_usd` was written.
    var budgetPosition: SourcePosition

    /// The top-level keys a plan file adds to a scenario file.
    public static let topLevelKeys = ["investments", "budget_usd", "scenarios"]
    static let investmentKeys = [
        "id", "description", "capex_usd", "units", "min_units", "max_units", "effects", "requires", "excludes",
        "source", "notes",
    ]

    /// Reads the plan part of the file at `path`. The network part, if any, is read by ``ScenarioLoader``.
    public static func load(path: String) throws(ScenarioDiagnostics) -> PlanFile {
        switch SourceFile.read(path) {
        case .success(let text):
            return try load(text: text, file: path)
        case .failure(let failure):
            throw ScenarioDiagnostics(errors: [ScenarioError(at: SourcePosition(file: path), field: "", message: failure.messageForRoot)])
        }
    }

    /// Reads the plan part of `text`, shown as `file` in diagnostics.
    public static func load(text: String, file: String) throws(ScenarioDiagnostics) -> PlanFile {
        var diagnostics = ScenarioDiagnostics()
        guard let root = YAMLDocument.compose(text, file: file, into: &diagnostics) else { throw diagnostics }
        guard var top = FieldReader(root, file: file, path: "", into: &diagnostics) else { throw diagnostics }
        let name = top.word("name")?.value
        let budget = top.number("budget_usd", required: true)
        let budgetPosition = top.value("budget_usd").map { top.position(of: $0) } ?? top.position
        var plan = PlanFile(file: file, name: name, catalog: InvestmentCatalog(investments: [], budgetUSD: budget ?? 0),
                            scenarios: [], budgetPosition: budgetPosition)
        if !top.contains("investments") { top.reportMissing("investments", hint: "a plan file lists its candidate projects") }
        for (i, entry) in (top.list("investments") ?? []).enumerated() {
            plan.readInvestment(entry, path: "investments[\(i)]", into: &diagnostics)
        }
        if top.contains("scenarios") {
            for (i, entry) in (top.list("scenarios") ?? []).enumerated() {
                guard var reader = FieldReader(entry, file: file, path: "scenarios[\(i)]", into: &diagnostics) else { continue }
                reader.rejectUnknownKeys(allowed: ["file", "weight"])
                let path = reader.word("file", required: true)
                let weight = reader.number("weight") ?? 1
                diagnostics.append(contentsOf: reader.problems)
                if let path { plan.scenarios.append(ScenarioReference(file: resolve(path.value, against: file), weight: weight)) }
            }
            if top.list("scenarios")?.isEmpty == true {
                top.report(ScenarioError(at: top.position, field: "scenarios", message: "lists no scenario"))
            }
            if !plan.scenarios.isEmpty, plan.scenarios.reduce(0, { $0 + $1.weight }) <= 0 {
                top.report(ScenarioError(at: top.position, field: "scenarios", message: "the weights add up to 0"))
            }
        }
        diagnostics.append(contentsOf: top.problems)
        plan.checkReferencesBetweenProjects(into: &diagnostics)
        if diagnostics.hasErrors { throw diagnostics }
        return plan
    }

    /// `path` relative to the directory of `file` (unless absolute).
    static func resolve(_ path: String, against file: String) -> String {
        guard !path.hasPrefix("/"), let slash = file.lastIndex(of: "/") else { return path }
        return String(file[...slash]) + path
    }

    private mutating func readInvestment(_ yaml: YAMLNode, path: String, into diagnostics: inout ScenarioDiagnostics) {
        guard var reader = FieldReader(yaml, file: file, path: path, into: &diagnostics) else { return }
        reader.rejectUnknownKeys(allowed: Self.investmentKeys)
        let id = reader.identifier("id")
        let description = reader.string("description")?.value
        let capex = reader.number("capex_usd", required: true)
        var minUnits = reader.integer("min_units")?.value ?? 0
        var maxUnits = reader.integer("max_units")?.value ?? 1
        if let units = reader.integer("units") {
            minUnits = units.value
            maxUnits = units.value
        }
        if maxUnits < 1 || maxUnits > 1000 {
            reader.report(ScenarioError(at: reader.position, field: reader.fieldPath("max_units"),
                                        message: "expected between 1 and 1000 units, found \(maxUnits)"))
        }
        if minUnits < 0 || minUnits > maxUnits {
            reader.report(ScenarioError(at: reader.position, field: reader.fieldPath("min_units"),
                                        message: "expected between 0 and max_units (\(maxUnits)), found \(minUnits)"))
        }
        let requires = Self.words(reader.value("requires"), &reader, field: "requires")
        let excludes = Self.words(reader.value("excludes"), &reader, field: "excludes")
        let source = reader.string("source")?.value
        _ = reader.string("notes")
        var effects: [InvestmentEffect] = []
        var positions: [SourcePosition] = []
        if !reader.contains("effects") { reader.reportMissing("effects") }
        for (e, entry) in (reader.list("effects") ?? []).enumerated() {
            let effectPath = "\(path).effects[\(e)]"
            if let effect = readEffect(entry, path: effectPath, into: &diagnostics) {
                effects.append(effect)
                positions.append(FieldReader.position(of: entry, in: file))
            }
        }
        diagnostics.append(contentsOf: reader.problems)
        guard reader.isValid, let id, let capex else { return }
        if catalog.index(of: id.value) != nil {
            diagnostics.append(ScenarioError(at: id.position, field: "\(path).id", message: "duplicate investment id '\(id.value)'"))
            return
        }
        catalog.investments.append(
            Investment(id: id.value, description: description, capexUSD: capex, minUnits: minUnits, maxUnits: maxUnits,
                       effects: effects, requires: requires, excludes: excludes, source: source))
        effectPositions.append(positions)
        investmentPositions.append(reader.position)
    }

    private static func words(_ node: YAMLNode?, _ reader: inout FieldReader, field: String) -> [String] {
        guard let node else { return [] }
        if let scalar = node.scalar { return [scalar.string] }
        guard let sequence = node.sequence else {
            reader.report(at: node, field: reader.fieldPath(field), "expected a list of investment ids, found \(FieldReader.describe(node))")
            return []
        }
        return sequence.compactMap { $0.scalar?.string }
    }

    private func readEffect(_ yaml: YAMLNode, path: String, into diagnostics: inout ScenarioDiagnostics) -> InvestmentEffect? {
        guard let mapping = yaml.mapping, mapping.count == 1, let key = mapping.keys.first?.scalar?.string,
              let body = mapping.values.first
        else {
            let message = "expected a mapping with one key: add_capacity, add_link, add_node, add_storage or upgrade_link"
            diagnostics.append(ScenarioError(at: FieldReader.position(of: yaml, in: file), field: path, message: message))
            return nil
        }
        let field = "\(path).\(key)"
        switch key {
        case "add_capacity":
            guard var reader = FieldReader(body, file: file, path: field, into: &diagnostics) else { return nil }
            reader.rejectUnknownKeys(allowed: ["link", "node", "teu"])
            let link = reader.word("link")
            let node = reader.word("node")
            let teu = reader.number("teu", required: true)
            if (link == nil) == (node == nil) {
                reader.report(ScenarioError(at: reader.position, field: field, message: "give exactly one of 'link' or 'node'"))
            }
            diagnostics.append(contentsOf: reader.problems)
            guard reader.isValid, let teu else { return nil }
            if let link { return .linkCapacity(Link.ID(link.value), teu: teu) }
            if let node { return .nodeCapacity(FreightNetwork.Node.ID(node.value), teu: teu) }
            return nil
        case "upgrade_link":
            guard var reader = FieldReader(body, file: file, path: field, into: &diagnostics) else { return nil }
            reader.rejectUnknownKeys(allowed: ["link", "cost_reduction_usd_per_teu", "time_reduction_days"])
            let link = reader.word("link", required: true)
            let cost = reader.number("cost_reduction_usd_per_teu") ?? 0
            let time = reader.number("time_reduction_days") ?? 0
            diagnostics.append(contentsOf: reader.problems)
            guard reader.isValid, let link else { return nil }
            return .upgradeLink(Link.ID(link.value), costReductionUSDPerTEU: cost, timeReductionDays: time)
        case "add_storage":
            guard var reader = FieldReader(body, file: file, path: field, into: &diagnostics) else { return nil }
            reader.rejectUnknownKeys(allowed: ["node", "teu", "holding_cost_usd_per_teu_day"])
            let node = reader.word("node", required: true)
            let teu = reader.number("teu", required: true)
            let holding = reader.number("holding_cost_usd_per_teu_day")
            diagnostics.append(contentsOf: reader.problems)
            guard reader.isValid, let node, let teu else { return nil }
            return .storage(FreightNetwork.Node.ID(node.value), teu: teu, holdingCostUSDPerTEUDay: holding)
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
        default:
            diagnostics.append(ScenarioError(at: FieldReader.position(of: yaml, in: file), field: field, message: "unknown effect",
                                             hint: Suggestions.hint(for: key, in: ["add_capacity", "add_link", "add_node", "add_storage", "upgrade_link"])))
            return nil
        }
    }
}
