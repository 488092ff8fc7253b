import ArgumentParser
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
                do {
                    let scenario = try ScenarioLoader.load(path: file)
                    for warning in scenario.warnings { Output.error(warning.description) }
                    let n = scenario.network
                    Output.print(
                        "\(file): ok — \"\(scenario.name)\": \(n.nodes.count) nodes, \(n.links.count) directed links, "
                            + "\(n.demands.count) demands, \(scenario.changes.count) changes, "
                            + "\(scenario.warnings.count) warning(s)\n"
                    )
                    if strict && !scenario.warnings.isEmpty {
                        let count = scenario.warnings.count
                        Output.error("\(file): \(count) warning\(count == 1 ? "" : "s") treated as error\(count == 1 ? "" : "s") (--strict)")
                        failed = true
                    }
                } catch {
                    Output.error(error.description)
                    let count = error.errors.count
                    Output.error("\(file): \(count) error\(count == 1 ? "" : "s"), \(error.warnings.count) warning(s)")
                    failed = true
                }
            }
            if failed { throw ExitCodes.dataError }
        }
    }
}
