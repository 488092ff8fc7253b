import ArgumentParser
import FreightNetwork
import Reports
import Scenarios
import Simulation

extension Corridor {
    /// `corridor capacity FILE`: how many TEU/yr each corridor can carry, and the cut that limits it.
    struct Capacity: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "capacity",
            abstract: "How many TEU/yr each corridor can carry from the origins to the destinations, and what limits it.",
            discussion: """
                For each corridor (by default every corridor tag but `shared` and sea-only tags, then `overland`, all \
                of them together): the maximum flow from the demands' origins (or --from) to their destinations (or \
                --to) on the corridor's open links and the shared ones, within every link and node capacity after the \
                scenario's changes; the minimum cut nearest the origins (the capacities that limit it, summing to it); \
                the TEU/yr the min-cost solution routes there and the headroom (not with --no-flow); and λ, the factor by which all the \
                corridor's demands could grow together and still be carried on it (maximum concurrent flow).
                """
        )

        @OptionGroup var scenario: ScenarioOptions

        @OptionGroup var corridors: CorridorCapacityOptions

        @OptionGroup var report: CapacityReportOptions

        @Flag(
            inversion: .prefixedNo,
            help: "Compute λ, the demand-pattern factor (one LP per corridor; seconds to minutes on networks of thousands of links).")
        var lambda = true

        @Flag(
            inversion: .prefixedNo,
            help: "Solve the scenario's min-cost flow for each corridor's flow, headroom and use (the slowest part on networks of thousands of links).")
        var flow = true

        @OptionGroup var solverOptions: SolverOptions

        /// Benchmark-only: time the computation in the process instead of reporting (CapacityTiming.swift).
        @Option(help: .hidden)
        var timing: CapacityTiming?

        func validate() throws { try solverOptions.check() }

        func run() throws {
            if let timing { return try runTiming(timing) }
            let scenario = try self.scenario.load()
            let (selections, analysis) = try corridors.prepare(scenario)
            if !flow, scenario.network.demands.contains(where: \.isBackground) {
                throw ValidationError(
                    "\(scenario.file) has background traffic: its capacities are what the routed background leaves, "
                        + "which needs the min-cost flow. Leave out --no-flow.")
            }
            let solve = ScenarioSolve(options: solverOptions)
            let (study, flow) = try Output.solving {
                let flow = self.flow ? try solve.flow(scenario) : nil
                for note in flow?.notes ?? [] { Output.error(note) }
                let study = try solve.capacity(scenario, analysis: analysis, selections: selections, flow: flow, lambda: lambda)
                return (study, flow)
            }
            try report.write(study, file: scenario.file, flow: flow)
        }
    }
}
