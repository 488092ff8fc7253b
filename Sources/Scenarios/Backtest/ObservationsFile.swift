public import FreightNetwork

/// An observations file: published figures by year and the scenario that represents each year
/// (`Scenarios/observations.yaml`, read by `corridor backtest`; format in `docs/commands/backtest.md`).
///
/// ```yaml
/// format_version: 1
/// name: "China–Europe corridors: published observations"
/// scenarios: { 2021: years/2021.yaml, 2023: years/2023.yaml }
/// observations:
///   - { id: erai-2023, year: 2023, metric: corridor_teu, corridor: northern, observed: 211100,
///       unit: "TEU/yr, both directions", scope_factor: 0.544, scope: "westbound share [S45]",
///       tolerance_pct: 40, source: "[S110]" }
/// ```
public struct ObservationsFile: Sendable {
    /// The file as given.
    public var file: String
    /// Its `name`, if any.
    public var name: String?
    /// Year → scenario file (resolved against the observations file's directory), in year order.
    public var scenarios: [(year: Int, file: String)]
    /// Where each year's scenario file is named in this file.
    var scenarioPositions: [Int: SourcePosition] = [:]
    /// The observations, in file order.
    public var observations: [Observation]
    /// What reading the file found.
    public var diagnostics = ScenarioDiagnostics()
    /// Where each observation's subject (corridor, node, link or demand) was written and the entry's field path
    /// (`observations[i]`, counting the entries that failed to read), by observation index.
    var subjectPositions: [(position: SourcePosition, path: String)] = []

    /// The top-level keys of an observations file.
    static let topLevelKeys = ["format_version", "name", "description", "scenarios", "observations"]
    /// The keys of one observation.
    static let observationKeys = [
        "id", "year", "metric", "corridor", "node", "link", "demand", "observed", "observed_range", "unit", "scope_factor",
        "scope", "relative_to_year", "tolerance_pct", "tolerance_abs", "include_background", "source", "notes",
        "calibrates",
    ]

    /// The file at `path` with the scenario of each year loaded, every observation checked against its
    /// year's network.
    ///
    /// - Throws: Every problem of the file and of the scenario files, in one pass, when one is an error.
    public static func loadChecked(path: String) throws(ScenarioDiagnostics) -> LoadedObservations {
        var file = try read(path: path)
        var diagnostics = file.diagnostics
        var networks: [Int: Scenario] = [:]
        for (year, scenarioFile) in file.scenarios {
            do {
                networks[year] = try ScenarioLoader.load(path: scenarioFile)
            } catch {
                let site = file.scenarioPositions[year].map { PlanFile.Site(path: "scenarios.\(year)", position: $0) }
                diagnostics.append(contentsOf: SourceFile.referenced(scenarioFile, at: site, errors: error))
            }
        }
        for (index, observation) in file.observations.enumerated() {
            for year in [observation.year] + (observation.relativeToYear.map { [$0] } ?? []) {
                guard let scenario = networks[year] else { continue }
                if let problem = Self.subjectProblem(observation.metric, in: scenario.network) {
                    diagnostics.append(
                        ScenarioError(
                            at: file.subjectPositions[index].position, field: file.subjectPositions[index].path,
                            message: "\(problem) in \(scenario.file) (year \(year))"))
                }
            }
        }
        if diagnostics.hasErrors { throw diagnostics }
        file.diagnostics = diagnostics
        let scenarios = file.scenarios.compactMap { entry in networks[entry.year].map { (year: entry.year, scenario: $0) } }
        return LoadedObservations(file: file, scenarios: scenarios, warnings: diagnostics.all)
    }

    /// Whether the file at `path` is an observations file: a YAML mapping with an `observations` key.
    ///
    /// False for a file that cannot be read or parsed; loading it as a scenario then reports why.
    public static func isObservationsFile(path: String) -> Bool {
        YAMLDocument.hasTopLevelKey(path: path, topLevelMarkers)
    }

    /// The top-level keys that make a file an observations file.
    static let topLevelMarkers: [StaticString] = ["observations"]

    /// Why `metric` names nothing in `network`, or nil when its subject is there.
    static func subjectProblem(_ metric: Observation.Metric, in network: Network) -> String? {
        switch metric {
        case .corridorTEU(let tag), .corridorShare(let tag), .corridorDays(let tag), .corridorCost(let tag):
            let tags = Set(network.links.map(\.corridor))
            guard !tags.contains(tag) else { return nil }
            let hint = Suggestions.nearest(to: tag, in: tags.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
            return "no link has the corridor tag '\(tag)'\(hint)"
        case .nodeTEU(let node), .nodeCongestionDays(let node):
            return network.index(of: node) == nil ? "unknown node '\(node)'" : nil
        case .linkTEU(let link):
            return network.links.contains { $0.baseID == link } ? nil : "unknown link '\(link)'"
        case .demandDays(let demand, let corridor):
            guard network.freightDemands.contains(where: { $0.id == demand }) else { return "unknown demand '\(demand)'" }
            return corridor.flatMap { subjectProblem(.corridorDays($0), in: network) }
        }
    }

    /// Reads the file at `path`; its problems are in ``diagnostics``.
    ///
    /// - Throws: Only when the file cannot be read or is not a YAML mapping.
    public static func read(path: String) throws(ScenarioDiagnostics) -> ObservationsFile {
        switch SourceFile.read(path) {
        case .success(let text):
            return try read(text: text, file: path)
        case .failure(let failure):
            throw ScenarioDiagnostics(errors: [ScenarioError(at: SourcePosition(file: path), field: "", message: failure.messageForRoot)])
        }
    }

    /// Reads `text`, shown as `file`; its problems are in ``diagnostics``.
    ///
    /// - Throws: Only when `text` is not a YAML mapping.
    public static func read(text: String, file: String) throws(ScenarioDiagnostics) -> ObservationsFile {
        var diagnostics = ScenarioDiagnostics()
        guard let root = YAMLDocument.compose(text, file: file, into: &diagnostics) else { throw diagnostics }
        guard var top = FieldReader(root, file: file, path: "", into: &diagnostics) else { throw diagnostics }
        var result = ObservationsFile(file: file, name: readHeader(&top), scenarios: [], observations: [])
        result.readScenarios(&top, into: &diagnostics)
        let years = Set(result.scenarios.map(\.year))
        if !top.contains("observations") { top.reportMissing("observations") }
        var ids: Set<String> = []
        for (index, entry) in (top.list("observations") ?? []).enumerated() {
            let path = "observations[\(index)]"
            guard let (observation, position) = ObservationRecord.read(entry, file: file, path: path, years: years, into: &diagnostics)
            else { continue }
            guard ids.insert(observation.id).inserted else {
                diagnostics.append(
                    ScenarioError(at: position, field: "\(path).id", message: "duplicate observation id '\(observation.id)'"))
                continue
            }
            result.observations.append(observation)
            result.subjectPositions.append((position, path))
        }
        if top.list("observations")?.isEmpty == true {
            top.report(ScenarioError(at: top.position, field: "observations", message: "lists no observation"))
        }
        diagnostics.append(contentsOf: top.problems)
        result.diagnostics = diagnostics
        return result
    }

    /// Reads the top-level keys' check, `format_version` (1), `name` (returned) and `description`.
    static func readHeader(_ top: inout FieldReader) -> String? {
        top.rejectUnknownKeys(allowed: topLevelKeys)
        top.describe("format_version", .object([("const", 1)]))
        if let version = top.integer("format_version", required: true), version.value != 1 {
            top.report(
                ScenarioError(
                    at: version.position, field: "format_version",
                    message: "unsupported format version \(version.value); this loader reads version 1"))
        }
        let name = top.word("name")?.value
        _ = top.string("description")
        return name
    }

    /// Reads `scenarios:`, a mapping of year to scenario file.
    private mutating func readScenarios(_ top: inout FieldReader, into diagnostics: inout ScenarioDiagnostics) {
        guard let node = top.value("scenarios") else {
            top.reportMissing("scenarios", hint: "a mapping of year to scenario file, such as '2021: years/2021.yaml'")
            return
        }
        guard let mapping = node.mapping else {
            top.report(at: node, field: "scenarios", "expected a mapping of year to scenario file, found \(FieldReader.describe(node))")
            return
        }
        for (key, value) in mapping {
            let keyText = key.scalar?.string ?? FieldReader.describe(key)
            guard let year = Int(keyText), (1900...2200).contains(year) else {
                top.report(at: key, field: "scenarios", "expected a year (1900–2200) as key, found '\(keyText)'")
                continue
            }
            guard let path = value.scalar?.string, !path.isEmpty else {
                top.report(at: value, field: "scenarios.\(year)", "expected a scenario file path, found \(FieldReader.describe(value))")
                continue
            }
            guard !scenarios.contains(where: { $0.year == year }) else {
                top.report(at: key, field: "scenarios.\(year)", "year \(year) is listed twice")
                continue
            }
            scenarios.append((year, SourceFile.resolve(path, relativeTo: file)))
            scenarioPositions[year] = top.position(of: value)
        }
        scenarios.sort { $0.year < $1.year }
        if mapping.pairs.isEmpty { top.report(at: node, field: "scenarios", "lists no year") }
    }
}

/// An observations file with the scenario of each year, loaded and checked together.
public struct LoadedObservations: Sendable {
    public var file: ObservationsFile
    /// Each year's scenario, in year order.
    public var scenarios: [(year: Int, scenario: Scenario)]
    /// The warnings of the observations file and its scenarios.
    public var warnings: [ScenarioError]
}
