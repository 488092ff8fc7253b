import ArgumentParser
import LinearProgramming
import Reports
import Scenarios
import Simulation

extension Corridor {
    /// `corridor frontier FILE --demand FROM:TO`: the Pareto curve of cost per TEU against days.
    struct Frontier: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "frontier",
            abstract: "Sweep a demand's value of time and print the Pareto curve of cost per TEU against days.",
            discussion: """
                Every demand from FROM to TO (or the one demand with that id) gets the same value of time, swept \
                over --vot-min…--vot-max USD/TEU/day; the whole network is solved each time, so capacities stay \
                shared with every other demand. The breakpoints where the routes change are found exactly. Each row \
                is a distinct (USD per TEU, days) optimum with the value-of-time range where it holds.
                """
        )

        @OptionGroup var scenario: ScenarioOptions

        @Option(help: ArgumentHelp("The demand: FROM:TO node ids (all demands between them) or a demand id.", valueName: "from:to"))
        var demand: String

        @Option(name: .customLong("vot-min"), parsing: .unconditional, help: "Lowest value of time, USD/TEU/day.")
        var votMin: Double = 0

        @Option(name: .customLong("vot-max"), parsing: .unconditional, help: "Highest value of time, USD/TEU/day.")
        var votMax: Double = 1000

        @OptionGroup var report: FrontierReportOptions

        @OptionGroup var solverOptions: SolverOptions

        func validate() throws {
            guard votMin.isFinite, votMax.isFinite, votMin >= 0, votMax >= votMin else {
                throw ValidationError("--vot-min and --vot-max must be finite with 0 ≤ vot-min ≤ vot-max.")
            }
            try solverOptions.check()
        }

        func run() throws {
            let scenario = try self.scenario.loadAnnual(for: "frontier")
            let chosen = try DemandChoice.select(demand, in: scenario.network)
            let simulator = ScenarioSolve(options: solverOptions).simulator
            let frontier = try Output.solving {
                try CostTimeFrontier.sweep(scenario.network, demands: chosen, votRange: votMin...votMax, simulator: simulator)
            }
            let heading = FrontierReport.Heading(scenario: scenario.name, file: scenario.file, subject: DemandChoice.subject(demand))
            try report.write(frontier, heading)
            guard frontier.status == .optimal else { throw Output.stopped(frontier.status.rawValue) }
        }
    }
}
