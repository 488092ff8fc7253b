public import FreightNetwork

/// A plan file with the scenarios it plans over, loaded and checked together.
public struct LoadedPlan: Sendable {
    /// The plan part of the file.
    public var plan: PlanFile
    /// The scenarios planned over, in order, with their weights.
    public var scenarios: [(scenario: Scenario, weight: Double)]
    /// The warnings of the plan file, of its scenarios and of the plan checked against each, in file order.
    public var warnings: [ScenarioError]
    /// For a plan over years: each year with the scenario it is solved on (demand growth not yet applied);
    /// then ``scenarios`` is empty.
    public var years: [(year: PlanYear, scenario: Scenario)] = []
}

extension PlanFile {
    /// Loads the plan file at `path` and the scenarios it plans over, and checks its effects against each
    /// scenario's network, reporting every problem in one pass.
    ///
    /// A wrong amount in the plan does not hide the ids it names, the `requires` and `excludes` of the
    /// projects, or the errors of the scenario files: all come in one ``ScenarioDiagnostics``.
    ///
    /// - Parameters:
    ///   - path: The plan file.
    ///   - references: Scenarios to plan over instead of the file's `scenarios`; nil for the file's own
    ///     (or, without a `scenarios` list, the plan file itself as the one scenario, weight 1).
    /// - Throws: Every error and warning found, in file order, when at least one is an error.
    public static func loadChecked(path: String, scenarios references: [ScenarioReference]? = nil)
        throws(ScenarioDiagnostics) -> LoadedPlan
    {
        let plan = try read(path: path)
        var found = plan.diagnostics.all
        var loaded: [(scenario: Scenario, weight: Double)] = []
        var list = references ?? plan.scenarios
        if list.isEmpty && (references == nil && !plan.listsScenarios) { list = [ScenarioReference(file: path, weight: 1)] }
        if !plan.years.isEmpty {
            list = plan.years.map { entry in
                var reference = ScenarioReference(file: entry.file, weight: entry.year.weight)
                reference.site = Site(path: "\(entry.site.path).file", position: entry.site.position)
                return reference
            }
        }
        var byFile: [String: Scenario] = [:]
        for reference in list {
            if let scenario = byFile[reference.file] {
                loaded.append((scenario, reference.weight))
                continue
            }
            do {
                let scenario = try ScenarioLoader.load(path: reference.file)
                found += scenario.warnings
                found += plan.check(against: scenario.network, scenarioFile: scenario.file, hasPeriods: scenario.periods != nil)
                found += plan.checkTargets(against: scenario.network, scenarioFile: scenario.file)
                if !plan.years.isEmpty, scenario.periods != nil, let entry = plan.years.first(where: { $0.file == reference.file }) {
                    found.append(ScenarioError(at: entry.site.position, field: "\(entry.site.path).file",
                                               message: "\(scenario.file) has periods; a plan over years solves annual scenarios"))
                }
                byFile[reference.file] = scenario
                loaded.append((scenario, reference.weight))
            } catch {
                found += SourceFile.referenced(reference.file, at: reference.site, errors: error)
            }
        }
        // The plan file as its own scenario is read twice (`name`, say): each problem is reported once.
        var seen: Set<ScenarioError> = []
        var diagnostics = ScenarioDiagnostics()
        diagnostics.append(contentsOf: found.filter { seen.insert($0).inserted })
        if diagnostics.hasErrors { throw diagnostics }
        if !plan.years.isEmpty {
            var result = LoadedPlan(plan: plan, scenarios: [], warnings: diagnostics.all)
            result.years = zip(plan.years, loaded).map { ($0.year, $1.scenario) }
            return result
        }
        return LoadedPlan(plan: plan, scenarios: loaded, warnings: diagnostics.all)
    }

    /// Whether the file at `path` is a plan file: a YAML mapping with `investments` or `budget_usd`.
    ///
    /// False for a file that cannot be read or parsed; loading it as a scenario then reports why.
    public static func isPlanFile(path: String) -> Bool {
        YAMLDocument.hasTopLevelKey(path: path, topLevelMarkers)
    }

    /// The top-level keys that make a file a plan file.
    static let topLevelMarkers: [StaticString] = ["investments", "budget_usd"]
}
