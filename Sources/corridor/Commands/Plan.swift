import ArgumentParser
import FlowFormulation
import Foundation
import FreightNetwork
import GLPK
import LinearProgramming
import Reports
import Scenarios
import Simulation

extension Corridor {
    /// `corridor plan FILE`: choose investments under a budget over weighted scenarios (a MIP).
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Choose which investment projects to build with a budget, over weighted scenarios (MIP, GLPK branch-and-cut).",
            discussion: """
                FILE holds `investments` and `budget_usd` (Scenarios/SCHEMA.md, "Investment plans"), and either \
                a `scenarios` list of weighted scenario files or a network of its own. Build decisions are shared \
                by all scenarios, flows are per scenario; a scenario with `periods` is solved in its time-expanded form \
                (stock, lateness), where `add_storage` candidates (warehouses) matter. The report gives the portfolio, each scenario with and \
                without it, the value of each project (re-solved without it), the marginal value of budget \
                (re-solved with 10% more), and the MIP gap. --time-limit applies to each of these solves.

                --objective max-capacity --corridor NAME chooses the portfolio that raises that corridor's capacity \
                (its maximum flow, as `corridor capacity`) most within the budget; --min-capacity NAME=TEU makes a \
                capacity target a constraint of the other objectives, in every scenario. Both report the corridor's \
                capacity without and with the portfolio.
                """
        )

        @Argument(help: "Plan file, e.g. Scenarios/plans/invest-3.7bn.yaml.")
        var file: String

        @Option(parsing: .upToNextOption, help: "Scenario files to plan over (instead of the file's `scenarios`).")
        var scenarios: [String] = []

        @Option(parsing: .upToNextOption, help: "Weights of --scenarios, in order (default: equal).")
        var weights: [Double] = []

        @Option(help: "expected-cost, max-throughput, worst-case or max-capacity (with --corridor).")
        var objective: PlanObjective = .expectedCost

        @Option(help: ArgumentHelp("The corridor of --objective max-capacity: a tag, `overland`, or tags joined by commas.", valueName: "name"))
        var corridor: String?

        @Option(
            name: .customLong("min-capacity"),
            help: ArgumentHelp("A capacity target the portfolio must reach in every scenario, e.g. middle=100000 (TEU/yr).", valueName: "name=teu"))
        var minCapacity: String?

        @Option(name: .customLong("time-limit"), help: "Time limit of each MIP solve, in seconds.")
        var timeLimit: Double?

        @Option(help: "Relative MIP gap at which branch-and-cut stops (default 0.0001: project values of a few USD m/yr are below 0.1% of the objective).")
        var gap: Double = 0.0001

        @Flag(name: .customLong("no-values"), help: "Skip the re-solves that value each project (faster).")
        var noValues = false

        @Option(name: .customLong("export-lp"), help: "Also write the MIP in CPLEX LP format to this file.")
        var exportLP: String?

        @Option(help: "Report format: table or json.")
        var format: RunFormat = .table

        func validate() throws {
            if let timeLimit, !(timeLimit > 0) || !timeLimit.isFinite { throw ValidationError("--time-limit must be a positive number of seconds.") }
            if !(gap >= 0) || !gap.isFinite { throw ValidationError("--gap must be a number ≥ 0, e.g. 0.01 for 1%.") }
            if !weights.isEmpty, weights.count != scenarios.count {
                throw ValidationError("--weights needs one weight per --scenarios file (\(scenarios.count)), got \(weights.count).")
            }
            if weights.contains(where: { !($0 >= 0) || !$0.isFinite }) { throw ValidationError("--weights must be numbers ≥ 0.") }
            if !weights.isEmpty, weights.reduce(0, +) <= 0 { throw ValidationError("--weights add up to 0.") }
            if objective == .maxCapacity && corridor == nil {
                throw ValidationError("--objective max-capacity needs --corridor NAME (e.g. --corridor middle).")
            }
            if objective != .maxCapacity && corridor != nil && minCapacity == nil {
                throw ValidationError("--corridor goes with --objective max-capacity (or use --min-capacity NAME=TEU).")
            }
            if let minCapacity {
                if objective == .maxCapacity { throw ValidationError("--min-capacity is a constraint of the other objectives, not of max-capacity.") }
                _ = try capacityTarget(minCapacity)
            }
        }

        /// `middle=100000` → ("middle", 100000).
        func capacityTarget(_ text: String) throws -> (corridor: String, teu: Double) {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, let teu = Double(parts[1]), teu >= 0, teu.isFinite else {
                throw ValidationError("--min-capacity: expected NAME=TEU, e.g. middle=100000; got '\(text)'.")
            }
            return (parts[0], teu)
        }

        func run() throws {
            let loaded: LoadedPlan
            do {
                // Every problem at once: the plan's fields, the ids its effects name and the scenario files.
                let references = scenarios.isEmpty
                    ? nil : scenarios.enumerated().map { PlanFile.ScenarioReference(file: $1, weight: weights.isEmpty ? 1 : weights[$0]) }
                loaded = try PlanFile.loadChecked(path: file, scenarios: references)
            } catch {
                Output.error(error.description)
                throw ExitCodes.dataError
            }
            for warning in loaded.warnings { Output.error(warning.description) }
            let plan = loaded.plan
            let planScenarios = loaded.scenarios.map { scenario, weight in
                let label = URL(fileURLWithPath: scenario.file).deletingPathExtension().lastPathComponent
                return PlanScenario(name: label, network: scenario.network, weight: weight, periods: scenario.periods)
            }

            let solver = GLPKSolver()
            var planner = Planner(solver: solver, options: SolveOptions(timeLimitSeconds: timeLimit, mipGap: gap), valueProjects: !noValues)
            planner.reference = planScenarios.first?.network
            if let name = corridor ?? minCapacity.flatMap({ try? capacityTarget($0).corridor }), let first = planScenarios.first {
                let selection = try CorridorSelection.parse(
                    name, defaults: CorridorSelection.defaults(in: first.network), network: first.network, file: file)
                planner.corridor = selection
                planner.minimumCapacityTEU = try minCapacity.map { try capacityTarget($0).teu }
                if objective == .maxCapacity {
                    if let seasonal = planScenarios.first(where: { $0.periods != nil }) {
                        Output.error("\(file): error: --objective max-capacity plans over annual scenarios; \(seasonal.name) has periods")
                        throw ExitCodes.dataError
                    }
                    for scenario in planScenarios {
                        let all = plan.catalog.investments.map(\.maxUnits)
                        let built = try? InvestmentProgram.apply(all, of: plan.catalog, to: scenario.network)
                        if let built, let capacity = try? CapacityAnalysis(network: built).capacity(of: selection), capacity.isUnlimited {
                            Output.error("\(file): error: the \(selection.name) corridor of \(scenario.name) has no capacity limit "
                                + "(a route with none: \((capacity.unlimitedPath ?? []).joined(separator: " → "))); there is no capacity to maximise")
                            throw ExitCodes.dataError
                        }
                    }
                }
            }
            let result: PlanResult
            do {
                if let exportLP {
                    let program = try InvestmentProgram(
                        scenarios: planScenarios, catalog: plan.catalog, objective: objective, reference: planScenarios.first?.network,
                        corridor: Set(planner.corridor?.tags ?? []), minimumCapacityTEU: planner.minimumCapacityTEU)
                    let text: String
                    do { text = try solver.exportCPLEXLP(program.program) } catch { throw PlanError.solver(error) }
                    try Output.write(text, to: exportLP)
                }
                result = try planner.plan(planScenarios, plan.catalog, objective: objective)
            } catch let error as PlanError {
                switch error {
                case .network(let e): Output.error("error: the network with the candidate projects is invalid: \(e)")
                    throw ExitCodes.dataError
                case .solver(let e): Output.error("error: \(e.description)")
                    throw ExitCodes.solverFailure
                }
            } catch let error as NetworkError {
                Output.error("error: the network with the candidate projects is invalid: \(error)")
                throw ExitCodes.dataError
            }
            // Timing varies from run to run: stderr, so that the report is the same for the same input.
            Output.error("plan: \(NumberFormatting.fixed(result.seconds, 1)) s with all re-solves")
            switch format {
            case .table: try Output.print(PlanReport.render(result, file: file, name: plan.name))
            case .json: try Output.print(PlanReport.json(result, file: file, name: plan.name))
            }
            if result.objectiveValue == nil {
                if result.status == .infeasible {
                    Output.error("error: no portfolio satisfies the budget, prerequisites and exclusions")
                    throw ExitCodes.dataError
                }
                Output.error("solver stopped without a portfolio: \(result.status.rawValue)")
                throw ExitCodes.limitReached
            }
        }
    }
}

extension PlanObjective: ExpressibleByArgument {}
