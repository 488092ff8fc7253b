import ArgumentParser
import FileOutput
import FreightNetwork
import Scenarios

extension Corridor {
    /// `corridor validate FILE…`: check scenario files without solving.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check scenario files and report every problem at once, without solving.",
            discussion: "Exits 0 when every file is valid (warnings allowed unless --strict), 65 otherwise."
        )

        @Argument(help: "Scenario files (YAML or JSON).")
        var files: [String]

        @Flag(help: "Treat warnings as errors.")
        var strict = false

        func run() throws {
            var failed = false
            for file in files {
                let scenario: Scenario
                do {
                    scenario = try ScenarioLoader.load(path: file)
                } catch {
                    Output.error(error.description)
                    let count = error.errors.count
                    Output.error("\(file): \(count) error\(count == 1 ? "" : "s"), \(error.warnings.count) warning(s)")
                    failed = true
                    continue
                }
                do {
                    for warning in scenario.warnings { Output.error(warning.description) }
                    let n = scenario.network
                    let header = TerminalText.escaped("\(file): ok — \"\(scenario.name)\"")
                    try Output.print(
                        "\(header): \(n.nodes.count) nodes, \(n.links.count) directed links, "
                            + "\(n.demands.count) demands, \(scenario.changes.count) changes, "
                            + "\(scenario.warnings.count) warning(s)\n"
                    )
                    if let schedule = scenario.periods { try Output.print("  \(Self.summary(schedule, n))\n") }
                    if strict && !scenario.warnings.isEmpty {
                        let count = scenario.warnings.count
                        Output.error("\(file): \(count) warning\(count == 1 ? "" : "s") treated as error\(count == 1 ? "" : "s") (--strict)")
                        failed = true
                    }
                }
            }
            if failed { throw ExitCodes.dataError }
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
}
