public import FreightNetwork

/// A plan file: investment candidates, a budget and (optionally) the weighted scenarios to plan over, or the
/// years to plan over with their capacity targets (`years:`, `targets:`; see ``YearEntry``).
///
/// ```yaml
/// budget_usd: 3.7e9
/// discount_rate: 0.06               # optional; with it every investment needs lifetime_years
/// scenarios:                       # optional; without it the file itself is the one scenario
///   - { file: baseline-2021.yaml, weight: 0.5 }
/// investments:
///   - id: AKTAU-HUB
///     capex_usd: 38e6
///     lifetime_years: 35
///     opex_usd_per_year: 0.8e6
///     effects:
///       - add_capacity: { node: AKU, teu: 100000 }
/// ```
public struct PlanFile: Sendable {
    /// One weighted scenario of the plan.
    public struct ScenarioReference: Sendable, Hashable {
        /// The scenario file's path, resolved against the plan file's directory.
        public var file: String
        public var weight: Double
        /// Where the plan file names it (its `file` field), for an error about the file itself; nil when
        /// it was given on the command line.
        var site: Site?
        public init(file: String, weight: Double) {
            self.file = file
            self.weight = weight
        }

        /// The same file and weight, wherever they were written.
        public static func == (a: Self, b: Self) -> Bool { a.file == b.file && a.weight == b.weight }
        public func hash(into hasher: inout Hasher) {
            hasher.combine(file)
            hasher.combine(weight)
        }
    }

    /// The plan file as given.
    public var file: String
    /// Its `name`, if it has one.
    public var name: String?
    public var catalog: InvestmentCatalog
    /// The `scenarios` list; empty when the plan file is itself the scenario.
    public var scenarios: [ScenarioReference]
    /// The `years` list, in increasing order; empty for a plan of one (steady) year.
    public var years: [YearEntry] = []
    /// The `targets` list (capacity targets of a plan over years).
    public var targets: [TargetEntry] = []
    /// What reading the file found. With errors the plan is partial and must not be solved: an investment
    /// with a wrong field is kept with 0 in place of a wrong amount, and an effect with a wrong amount is kept
    /// with 0 in place of it, so that the ids they name are still checked in the same pass.
    public var diagnostics = ScenarioDiagnostics()
    /// Every effect read, of every investment (also of one without a usable id), for ``check(against:scenarioFile:hasPeriods:)``.
    var effectSites: [EffectSite] = []
    /// Where each investment of ``catalog`` was written, and its field path.
    var investmentSites: [Site] = []
    /// Per investment, where its `requires`, `excludes` and `min_units` are written (when they are).
    var investmentFieldPositions: [[String: SourcePosition]] = []
    /// Whether the file has a `scenarios` list (perhaps with no usable entry).
    public private(set) var listsScenarios = false
    /// Where `budget_usd` was written.
    var budgetPosition: SourcePosition
    /// Whether the file writes `discount_rate` (perhaps with a wrong value): then every investment needs a lifetime.
    var declaresDiscountRate = false

    /// The top-level keys a plan file adds to a scenario file.
    public static let topLevelKeys = ["investments", "budget_usd", "scenarios", "discount_rate", "years", "targets"]
    static let investmentKeys = [
        "id", "description", "capex_usd", "units", "min_units", "max_units", "effects", "requires", "excludes",
        "source", "notes",
    ] + economicsKeys

    /// A field path and where it was written.
    struct Site: Sendable {
        var path: String
        var position: SourcePosition
    }

    /// An effect with its field path and position.
    struct EffectSite {
        var effect: InvestmentEffect
        var site: Site
    }

    /// Reads the plan part of the file at `path`. The network part, if any, is read by ``ScenarioLoader``.
    ///
    /// - Throws: Every problem of the plan part, in one pass.
    public static func load(path: String) throws(ScenarioDiagnostics) -> PlanFile {
        try read(path: path).throwingErrors()
    }

    /// Reads the plan part of `text`, shown as `file` in diagnostics.
    ///
    /// - Throws: Every problem of the plan part, in one pass.
    public static func load(text: String, file: String) throws(ScenarioDiagnostics) -> PlanFile {
        try read(text: text, file: file).throwingErrors()
    }

    /// Reads what can be read of the plan part of the file at `path`; its problems are in ``diagnostics``.
    ///
    /// - Throws: Only when the file cannot be read or is not a YAML mapping (nothing in it can be checked).
    public static func read(path: String) throws(ScenarioDiagnostics) -> PlanFile {
        switch SourceFile.read(path) {
        case .success(let text):
            return try read(text: text, file: path)
        case .failure(let failure):
            throw ScenarioDiagnostics(errors: [ScenarioError(at: SourcePosition(file: path), field: "", message: failure.messageForRoot)])
        }
    }

    /// Reads what can be read of the plan part of `text`, shown as `file`; its problems are in ``diagnostics``.
    ///
    /// - Throws: Only when `text` is not a YAML mapping (nothing in it can be checked).
    public static func read(text: String, file: String) throws(ScenarioDiagnostics) -> PlanFile {
        var diagnostics = ScenarioDiagnostics()
        guard let root = YAMLDocument.compose(text, file: file, into: &diagnostics) else { throw diagnostics }
        guard var top = FieldReader(root, file: file, path: "", into: &diagnostics) else { throw diagnostics }
        let (name, budget, rate) = readHeader(&top)
        let budgetPosition = top.value("budget_usd").map { top.position(of: $0) } ?? top.position
        var plan = PlanFile(file: file, name: name,
                            catalog: InvestmentCatalog(investments: [], budgetUSD: budget ?? 0, discountRate: rate),
                            scenarios: [], budgetPosition: budgetPosition)
        plan.declaresDiscountRate = top.contains("discount_rate")
        if !top.contains("investments") { top.reportMissing("investments", hint: "a plan file lists its candidate projects") }
        for (i, entry) in (top.list("investments") ?? []).enumerated() {
            plan.readInvestment(entry, path: "investments[\(i)]", into: &diagnostics)
        }
        if top.contains("scenarios") {
            plan.listsScenarios = true
            for (i, entry) in (top.list("scenarios") ?? []).enumerated() {
                guard var reader = FieldReader(entry, file: file, path: "scenarios[\(i)]", into: &diagnostics) else { continue }
                let (path, weight) = readScenarioReference(&reader)
                diagnostics.append(contentsOf: reader.problems)
                if let path {
                    var reference = ScenarioReference(file: resolve(path.value, against: file), weight: weight)
                    reference.site = Site(path: "scenarios[\(i)].file", position: path.position)
                    plan.scenarios.append(reference)
                }
            }
            if top.list("scenarios")?.isEmpty == true {
                top.report(ScenarioError(at: top.position, field: "scenarios", message: "lists no scenario"))
            }
            if !plan.scenarios.isEmpty, plan.scenarios.reduce(0, { $0 + $1.weight }) <= 0 {
                top.report(ScenarioError(at: top.position, field: "scenarios", message: "the weights add up to 0"))
            }
        }
        plan.readYears(&top, into: &diagnostics)
        diagnostics.append(contentsOf: top.problems)
        plan.checkReferencesBetweenProjects(into: &diagnostics)
        plan.diagnostics = diagnostics
        return plan
    }

    /// Reads `name`, `budget_usd` and `discount_rate`.
    static func readHeader(_ top: inout FieldReader) -> (name: String?, budget: Double?, rate: Double?) {
        (top.word("name")?.value, top.number("budget_usd", required: true), readDiscountRate(&top))
    }

    /// Reads one entry of `scenarios`, `{ file, weight }` (weight 1 when not given), from its opened mapping.
    static func readScenarioReference(_ reader: inout FieldReader) -> (file: Located<String>?, weight: Double) {
        reader.rejectUnknownKeys(allowed: ["file", "weight"])
        return (reader.word("file", required: true), reader.number("weight") ?? 1)
    }

    /// The plan, or its diagnostics thrown when they hold an error.
    private func throwingErrors() throws(ScenarioDiagnostics) -> PlanFile {
        if diagnostics.hasErrors { throw diagnostics }
        return self
    }

    /// `path` relative to the directory of `file` (unless absolute).
    static func resolve(_ path: String, against file: String) -> String {
        guard !path.hasPrefix("/"), let slash = file.lastIndex(of: "/") else { return path }
        return String(file[...slash]) + path
    }

    private mutating func readInvestment(_ yaml: YAMLNode, path: String, into diagnostics: inout ScenarioDiagnostics) {
        guard var reader = FieldReader(yaml, file: file, path: path, into: &diagnostics) else { return }
        let fields = Self.readInvestmentFields(&reader, declaresDiscountRate: declaresDiscountRate)
        let (id, capex, minUnits, maxUnits, economics) = (fields.id, fields.capex, fields.minUnits, fields.maxUnits, fields.economics)
        var effects: [InvestmentEffect] = []
        for (e, entry) in fields.effects.enumerated() {
            let effectPath = "\(path).effects[\(e)]"
            // An effect with a wrong amount comes back with a stand-in, so that its ids are still checked.
            if let effect = readEffect(entry, path: effectPath, into: &diagnostics) {
                effects.append(effect)
                effectSites.append(EffectSite(effect: effect, site: Site(path: effectPath, position: FieldReader.position(of: entry, in: file))))
            }
        }
        diagnostics.append(contentsOf: reader.problems)
        guard let id else { return }
        if catalog.index(of: id.value) != nil {
            diagnostics.append(ScenarioError(at: id.position, field: "\(path).id", message: "duplicate investment id '\(id.value)'"))
            return
        }
        // Kept even with a wrong capex (then 0): other projects may name it, and its own references are checked.
        catalog.investments.append(
            Investment(id: id.value, description: fields.description, capexUSD: capex ?? 0, minUnits: minUnits, maxUnits: maxUnits,
                       effects: effects, requires: fields.requires, excludes: fields.excludes, source: fields.source,
                       lifetimeYears: economics.lifetimeYears, opexUSDPerYear: economics.opexUSDPerYear,
                       leadTimeYears: economics.leadTimeYears))
        investmentSites.append(Site(path: path, position: reader.position))
        var written: [String: SourcePosition] = [:]
        for key in ["requires", "excludes", "min_units"] {
            if let node = reader.value(key) { written[key] = reader.position(of: node) }
        }
        investmentFieldPositions.append(written)
    }

    /// An investment's fields as read, its effects not yet read.
    struct InvestmentFields {
        var id: Located<String>?
        var description: String?
        var capex: Double?
        var minUnits: Int
        var maxUnits: Int
        var requires: [String]
        var excludes: [String]
        var source: String?
        var economics: Economics
        /// The entries of its `effects` list.
        var effects: [YAMLNode]
    }

    /// Reads an investment's fields from its opened mapping, all but the entries of `effects`; every problem stays
    /// in `reader`.
    static func readInvestmentFields(_ reader: inout FieldReader, declaresDiscountRate: Bool) -> InvestmentFields {
        reader.rejectUnknownKeys(allowed: Self.investmentKeys)
        let id = reader.identifier("id")
        let description = reader.string("description")?.value
        let capex = reader.number("capex_usd", required: true)
        reader.describe("min_units", .object([("minimum", 0), ("maximum", 1000)]))
        reader.describe("max_units", .object([("minimum", 1), ("maximum", 1000)]))
        reader.describe("units", .object([("minimum", 1), ("maximum", 1000)]))
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
        let requires = words(&reader, field: "requires")
        let excludes = words(&reader, field: "excludes")
        let source = reader.string("source")?.value
        _ = reader.string("notes")
        let economics = readEconomics(&reader, id: id?.value, declaresDiscountRate: declaresDiscountRate)
        if !reader.contains("effects") { reader.reportMissing("effects") }
        return InvestmentFields(id: id, description: description, capex: capex, minUnits: minUnits, maxUnits: maxUnits,
                                requires: requires, excludes: excludes, source: source, economics: economics,
                                effects: reader.list("effects") ?? [])
    }

    /// Reads `requires` or `excludes`: one investment id or a list of them.
    private static func words(_ reader: inout FieldReader, field: String) -> [String] {
        reader.describe(field, .object([("anyOf", .array([.type("string"), .list(of: .type("string"))]))]))
        guard let node = reader.value(field) else { return [] }
        if let scalar = node.scalar { return [scalar.string] }
        guard let sequence = node.sequence else {
            reader.report(at: node, field: reader.fieldPath(field), "expected a list of investment ids, found \(FieldReader.describe(node))")
            return []
        }
        return sequence.compactMap { $0.scalar?.string }
    }
}
