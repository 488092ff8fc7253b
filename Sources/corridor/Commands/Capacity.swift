import ArgumentParser
import FlowFormulation
import Foundation
import FreightNetwork
import GLPK
import Reports
import Scenarios
import Simulation

extension Corridor {
    /// `corridor capacity FILE`: how many TEU/yr each corridor can carry, and the cut that limits it.
    struct Capacity: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "How many TEU/yr each corridor can carry from the origins to the destinations, and what limits it.",
            discussion: """
                For each corridor (by default every corridor tag but `shared` and sea-only tags, then `overland`, all \
                of them together): the maximum flow from the demands' origins (or --from) to their destinations (or \
                --to) on the corridor's open links and the shared ones, within every link and node capacity after the \
                scenario's changes; the minimum cut nearest the origins (the capacities that limit it, summing to it); \
                the TEU/yr the min-cost solution routes there and the headroom; and λ, the factor by which all the \
                corridor's demands could grow together and still be carried on it (maximum concurrent flow).
                """
        )

        @Argument(help: "Scenario file (YAML or JSON), e.g. Scenarios/russia-disrupted-2023.yaml.")
        var file: String

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

        @Option(help: "Report format: table, json, csv or markdown.")
        var format: CompareFormat = .table

        @Option(name: .customLong("csv"), help: ArgumentHelp("Also write the tables as CSV into this directory.", valueName: "dir"))
        var csvDirectory: String?

        @Option(name: .customLong("html"), help: ArgumentHelp("Also write a self-contained HTML report.", valueName: "file"))
        var html: String?

        @Flag(
            inversion: .prefixedNo,
            help: "Compute λ, the demand-pattern factor (one LP per corridor; seconds to minutes on networks of thousands of links).")
        var lambda = true

        @OptionGroup var solverOptions: SolverOptions

        /// Benchmark-only: time the computation in the process instead of reporting (Capacity+Timing.swift).
        @Option(help: .hidden)
        var timing: CapacityTiming?

        func validate() throws { try solverOptions.check() }

        func run() throws {
            if let timing { return try runTiming(timing) }
            let (scenario, selections, analysis) = try prepare()
            let network = scenario.network
            let solver = GLPKSolver()
            let study: CapacityStudy
            do {
                let simulator = Simulator(solver: solver, options: solverOptions.solveOptions, method: solverOptions.method)
                let flow = try scenario.periods.map { try simulator.run(network, periods: $0, scenario: scenario.name, objective: .minCost) }
                    ?? simulator.run(network, scenario: scenario.name, objective: .minCost)
                for note in flow.notes { Output.error(note) }
                study = try CapacityStudy(
                    scenario: scenario.name, analysis: analysis, selections: selections, flow: flow, solver: solver,
                    options: solverOptions.solveOptions, schedule: scenario.periods, concurrent: lambda)
            } catch {
                Output.error("error: \(error)")
                throw ExitCodes.solverFailure
            }
            switch format {
            case .table: try Output.print(CapacityReport.text(study, file: file))
            case .json: try Output.print(CapacityReport.json(study, file: file))
            case .csv: try Output.print(CapacityReport.csv(study))
            case .markdown: try Output.print(CapacityReport.markdown(study, file: file))
            }
            if let dir = csvDirectory {
                try Output.writeDirectory(dir, files: CapacityReport.tables(study).map { (name: "\($0.name).csv", text: $0.csv()) })
            }
            if let html { try Output.write(CapacityReport.html(study, file: file), to: html) }
        }

        /// The scenario (its warnings printed), the corridors asked for (or the defaults) and the
        /// analysis of the sources and sinks.
        func prepare() throws -> (scenario: Scenario, selections: [CorridorSelection], analysis: CapacityAnalysis) {
            let scenario = try Output.loadScenario(file)
            let network = scenario.network
            let defaults = CorridorSelection.defaults(in: network)
            let selections = try corridors.isEmpty
                ? defaults : corridors.map { try CorridorSelection.parse($0, defaults: defaults, network: network, file: file) }
            do {
                return (scenario, selections, try CapacityAnalysis(network: network, from: sources, to: sinks))
            } catch .unknownNode(let id) {
                throw ValidationError("--from/--to: no node '\(id)' in \(file).")
            } catch {
                Output.error("\(file): error: \(error.description)")
                throw ExitCodes.dataError
            }
        }
    }
}

extension CorridorSelection {
    /// `middle`, `overland` or `middle,southern`, checked against the network's tags.
    static func parse(_ text: String, defaults: [CorridorSelection], network: Network, file: String) throws -> CorridorSelection {
        if let known = defaults.first(where: { $0.name == text }) { return known }
        let tags = network.links.map(\.corridor)
        let parts = text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        let known = Array(Set(tags)).filter { $0 != sharedTag }.sorted() + [overlandName]
        guard !parts.isEmpty else {
            throw ValidationError("--corridor: give a corridor; expected one of \(known.joined(separator: ", ")).")
        }
        for part in parts where !tags.contains(part) || part == sharedTag {
            throw ValidationError("--corridor: no corridor '\(part)' in \(file); expected one of \(known.joined(separator: ", ")).")
        }
        return CorridorSelection(name: parts.joined(separator: "+"), tags: parts)
    }
}
