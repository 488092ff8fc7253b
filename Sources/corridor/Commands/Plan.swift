import ArgumentParser
import LinearProgramming
import Reports
import Scenarios
import Simulation

extension Corridor {
    /// `corridor plan FILE`: choose investments under a budget over weighted scenarios (a MIP).
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Choose which investment projects to build with a budget, over weighted scenarios (MIP, GLPK branch-and-cut).",
            discussion: """
                FILE holds `investments` and `budget_usd` (Scenarios/SCHEMA.md, "Investment plans"), and either \
                a `scenarios` list of weighted scenario files or a network of its own. Build decisions are shared \
                by all scenarios, flows are per scenario; a scenario with `periods` is solved in its time-expanded form \
                (stock, lateness), where `add_storage` candidates (warehouses) matter. The report gives the portfolio, each scenario with and \
                without it, the value of each project (re-solved without it), the marginal value of budget \
                (re-solved with 10% more), and the MIP gap. A Sensitivity section re-solves with the budget and the \
                capacity target ±10% and the discount rate ±2 percentage points (skip it with --no-sensitivity). \
                --time-limit applies to each of these solves.

                --objective max-capacity --corridor NAME chooses the portfolio that raises that corridor's capacity \
                (its maximum flow, as `corridor capacity`) most within the budget; --min-capacity NAME=TEU makes a \
                capacity target a constraint of the other objectives, in every scenario. Both report the corridor's \
                capacity without and with the portfolio.

                A plan file with `years` (each a scenario file, a demand growth factor, a weight and an optional \
                budget) decides which project to build in which year: one MIP over every year, built projects stay \
                built, lead_time_years delays their effect, and `targets` (a corridor's capacity by a year) are \
                constraints whose shortfall is reported (exit 65) when the budget cannot meet them.
                """
        )

        @Argument(help: "Plan file, e.g. Scenarios/plans/invest-3.7bn.yaml.")
        var file: String

        @OptionGroup var scenarios: PlanScenarioOptions

        @OptionGroup var goal: PlanObjectiveOptions

        @OptionGroup var mip: MIPOptions

        @Option(help: "Report format: table or json.")
        var format: RunFormat = .table

        @Option(
            name: .customLong("html"),
            help: ArgumentHelp(
                "Also write a self-contained HTML report (projects, economics, sensitivity, schedule, map; no network needed).",
                valueName: "file"))
        var html: String?

        func run() throws {
            let (plan, planScenarios, years) = try scenarios.load(file)
            if !years.isEmpty { return try planYears(plan, years) }
            var planner = mip.planner(planScenarios)
            try goal.configure(&planner, planScenarios, plan.catalog, file: file)
            let result = try mip.plan(planner, planScenarios, plan.catalog, objective: goal.objective)
            switch format {
            case .table: try Output.print(PlanReport.render(result, file: file, name: plan.name))
            case .json: try Output.print(PlanReport.json(result, file: file, name: plan.name))
            }
            if let html { try Output.write(PlanHTMLReport.render(result, file: file, name: plan.name), to: html) }
            guard result.objectiveValue == nil else { return }
            if result.status == .infeasible {
                Output.error("error: no portfolio satisfies the budget, prerequisites and exclusions")
                throw ExitCodes.dataError
            }
            Output.error("solver stopped without a portfolio: \(result.status.rawValue)")
            throw ExitCodes.limitReached
        }
    }
}
