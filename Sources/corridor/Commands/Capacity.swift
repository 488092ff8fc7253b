import ArgumentParser
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

        @OptionGroup var scenario: ScenarioOptions

        @OptionGroup var corridors: CorridorCapacityOptions

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

        /// Benchmark-only: time the computation in the process instead of reporting (CapacityTiming.swift).
        @Option(help: .hidden)
        var timing: CapacityTiming?

        func validate() throws { try solverOptions.check() }

        func run() throws {
            if let timing { return try runTiming(timing) }
            let scenario = try self.scenario.load()
            let (selections, analysis) = try corridors.prepare(scenario)
            let solve = ScenarioSolve(options: solverOptions)
            let study = try Output.solving {
                let flow = try solve.flow(scenario)
                for note in flow.notes { Output.error(note) }
                return try solve.capacity(scenario, analysis: analysis, selections: selections, flow: flow, lambda: lambda)
            }
            let file = scenario.file
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
    }
}
