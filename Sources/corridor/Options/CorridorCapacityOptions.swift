import ArgumentParser
import Scenarios
import Simulation

/// The corridors `corridor capacity` reports, and the sources and sinks of their flows.
struct CorridorCapacityOptions: ParsableArguments {
    @Option(
        name: .customLong("corridor"),
        help: ArgumentHelp(
            "A corridor tag to report (repeat for several); tags joined by commas count as one corridor; `overland` is every non-sea tag.",
            valueName: "name"))
    var corridors: [String] = []

    @Option(name: .customLong("from"), help: ArgumentHelp("A source node id (repeat for several); default: the demands' origins.", valueName: "node"))
    var sources: [String] = []

    @Option(name: .customLong("to"), help: ArgumentHelp("A sink node id (repeat for several); default: the demands' destinations.", valueName: "node"))
    var sinks: [String] = []

    /// The corridors asked for (or the defaults) in `scenario`, and the analysis of the sources and sinks.
    /// - Throws: a usage error for an unknown corridor or node; exit 65 when there is no source or sink.
    func prepare(_ scenario: Scenario) throws -> (selections: [CorridorSelection], analysis: CapacityAnalysis) {
        let network = scenario.network, file = scenario.file
        let defaults = CorridorSelection.defaults(in: network)
        let selections = try corridors.isEmpty
            ? defaults : corridors.map { try CorridorSelection.parse($0, defaults: defaults, network: network, file: file) }
        do {
            return (selections, try CapacityAnalysis(network: network, from: sources, to: sinks))
        } catch .unknownNode(let id) {
            throw ValidationError("--from/--to: no node '\(id)' in \(file).")
        } catch {
            Output.error("\(file): error: \(error.description)")
            throw ExitCodes.dataError
        }
    }
}
