import FileOutput
import FreightNetwork
import Scenarios

/// What `corridor validate` says of one scenario or plan file: `ok` with a summary on stdout, or
/// every problem on stderr.
struct FileCheck {
    /// Warnings count as errors.
    let strict: Bool

    /// Checks `file` (a plan file with its scenarios, as `corridor plan` does) and reports it; false
    /// when it has errors (or warnings, when ``strict``).
    func check(_ file: String) throws -> Bool {
        switch ScenarioFileKind.of(path: file) {
        case .plan: return try checkPlan(file)
        case .observations: return try checkObservations(file)
        case .scenario: break
        }
        guard let scenario = Self.loaded(file, { () throws(ScenarioDiagnostics) in try ScenarioLoader.load(path: file) }) else {
            return false
        }
        for warning in scenario.warnings { Output.error(warning.description) }
        let n = scenario.network
        let header = TerminalText.escaped("\(file): ok — \"\(scenario.name)\"")
        try Output.print(
            "\(header): \(n.nodes.count) nodes, \(n.links.count) directed links, "
                + "\(n.freightDemands.count) demands, \(Self.background(n))\(scenario.changes.count) changes, "
                + "\(scenario.warnings.count) warning(s)\n"
        )
        if let schedule = scenario.periods { try Output.print("  \(Self.summary(schedule, n))\n") }
        return passesStrict(file, warnings: scenario.warnings.count)
    }

    /// "N background flows, " when the network has background traffic, else nothing.
    private static func background(_ network: Network) -> String {
        let count = network.demands.count - network.freightDemands.count
        return count == 0 ? "" : "\(count) background flow\(count == 1 ? "" : "s"), "
    }

    /// Checks a plan file as `corridor plan` does (the plan, its scenarios and its effects against each, in
    /// one pass) and reports it.
    private func checkPlan(_ file: String) throws -> Bool {
        guard let loaded = Self.loaded(file, { () throws(ScenarioDiagnostics) in try PlanFile.loadChecked(path: file) }) else {
            return false
        }
        for warning in loaded.warnings { Output.error(warning.description) }
        let header = TerminalText.escaped("\(file): ok — plan\(loaded.plan.name.map { " \"\($0)\"" } ?? "")")
        let count = loaded.plan.catalog.investments.count
        let over = loaded.years.isEmpty
            ? "\(loaded.scenarios.count) scenario(s)"
            : "\(loaded.years.count) year(s), \(loaded.plan.targets.count) target(s)"
        try Output.print(
            "\(header): \(count) investment\(count == 1 ? "" : "s") over \(over), "
                + "\(loaded.warnings.count) warning(s)\n"
        )
        return passesStrict(file, warnings: loaded.warnings.count)
    }

    /// Checks an observations file as `corridor backtest` does (the file, each year's scenario and every
    /// observation's subject in it) and reports it.
    private func checkObservations(_ file: String) throws -> Bool {
        guard let loaded = Self.loaded(file, { () throws(ScenarioDiagnostics) in try ObservationsFile.loadChecked(path: file) }) else {
            return false
        }
        for warning in loaded.warnings { Output.error(warning.description) }
        let header = TerminalText.escaped("\(file): ok — observations\(loaded.file.name.map { " \"\($0)\"" } ?? "")")
        let count = loaded.file.observations.count
        try Output.print(
            "\(header): \(count) observation\(count == 1 ? "" : "s") over \(loaded.scenarios.count) year scenario(s), "
                + "\(loaded.warnings.count) warning(s)\n"
        )
        return passesStrict(file, warnings: loaded.warnings.count)
    }

    /// What `load` reads from `file`; nil, after printing every problem and how many errors and warnings
    /// `file` has, when it has errors.
    static func loaded<Value>(_ file: String, _ load: () throws(ScenarioDiagnostics) -> Value) -> Value? {
        do {
            return try load()
        } catch {
            Output.error(error.description)
            let count = error.errors.count
            Output.error("\(file): \(count) error\(count == 1 ? "" : "s"), \(error.warnings.count) warning(s)")
            return nil
        }
    }

    /// False, with a message, when `file` has warnings and ``strict`` makes them errors.
    private func passesStrict(_ file: String, warnings count: Int) -> Bool {
        guard strict && count > 0 else { return true }
        Output.error("\(file): \(count) warning\(count == 1 ? "" : "s") treated as error\(count == 1 ? "" : "s") (--strict)")
        return false
    }

    /// `periods: 12 (jan … dec), 365 days; storage at 1 node: AKU 20000 TEU`.
    static func summary(_ schedule: PeriodSchedule, _ network: Network) -> String {
        let names = schedule.periods.map(\.name)
        let span = names.count > 1 ? "\(names[0]) … \(names[names.count - 1])" : names.joined()
        var text = "periods: \(names.count) (\(span)), \(format(schedule.totalDays)) days"
        let stores = network.nodes.filter { ($0.storageCapacityTEU ?? 0) > 0 }
        if !stores.isEmpty {
            let list = stores.map { "\($0.id) \(format($0.storageCapacityTEU ?? 0)) TEU" }.joined(separator: ", ")
            text += "; storage at \(stores.count) node\(stores.count == 1 ? "" : "s"): \(list)"
        }
        return text
    }

    /// A number without a trailing `.0` when it is whole.
    private static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
