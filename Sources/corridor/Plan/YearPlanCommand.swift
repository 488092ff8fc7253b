import ArgumentParser
import FlowFormulation
import FreightNetwork
import GLPK
import LinearProgramming
import Reports
import Scenarios
import Simulation

extension Corridor.Plan {
    /// `corridor plan FILE` for a plan file with `years`: the build year of each project, and the targets.
    /// Prints the report; a missed target goes to stderr with its shortfall and exits 65.
    func planYears(_ plan: PlanFile, _ years: [(year: PlanYear, scenario: PlanScenario)]) throws {
        if !scenarios.scenarios.isEmpty || goal.objective != .expectedCost || goal.corridor != nil || goal.minCapacity != nil {
            Output.error("\(file): error: a plan over years minimises its discounted cost with the targets of the file; "
                + "--scenarios, --objective, --corridor and --min-capacity are for plans of one year")
            throw ExitCodes.dataError
        }
        var planner = YearPlanner(solver: GLPKSolver(), options: SolveOptions(timeLimitSeconds: mip.timeLimit, mipGap: mip.gap))
        planner.reference = years.first?.scenario.network
        planner.computesSensitivity = !mip.noSensitivity
        let targets = plan.targets.map(\.target)
        let result: YearPlanResult
        do {
            let programYears = try planner.years(years, targets: targets)
            if let exportLP = mip.exportLP {
                let program = try planner.program(programYears, plan.catalog, targets: targets)
                let text: String
                do { text = try GLPKSolver().exportCPLEXLP(program.program) } catch { throw PlanError.solver(error) }
                try Output.write(text, to: exportLP)
            }
            result = try planner.plan(programYears, plan.catalog, targets: targets)
        } catch let error as PlanError {
            switch error {
            case .network(let e):
                Output.error("error: the network with the candidate projects is invalid: \(e)")
                throw ExitCodes.dataError
            case .solver(let e):
                Output.error("error: \(e.description)")
                throw ExitCodes.solverFailure
            }
        }
        Output.error("plan: \(NumberFormatting.fixed(result.seconds, 1)) s")
        switch format {
        case .table: try Output.print(YearPlanReport.render(result, file: file, name: plan.name))
        case .json: try Output.print(YearPlanReport.json(result, file: file, name: plan.name))
        }
        if let html { try Output.write(PlanHTMLReport.render(result, file: file, name: plan.name), to: html) }
        guard result.objectiveValue != nil else {
            if result.status == .infeasible {
                Output.error("error: no build schedule satisfies the budgets, prerequisites and exclusions")
                throw ExitCodes.dataError
            }
            Output.error("solver stopped without a schedule: \(result.status.rawValue)")
            throw ExitCodes.limitReached
        }
        for missed in result.missed {
            let by: String
            switch missed.target {
            case .capacity:
                by = "\(NumberFormatting.grouped(missed.shortfallTEU)) TEU/yr (the plan reaches "
                    + "\(missed.capacityTEU.map(NumberFormatting.grouped) ?? "?") TEU/yr)"
            case .transit:
                by = "\(NumberFormatting.fixed(missed.daysOver, 2)) days (the plan reaches "
                    + "\(missed.transitDays.map { NumberFormatting.fixed($0, 2) } ?? "—") days"
                    + (missed.unmetTEU > 1e-6 ? ", \(NumberFormatting.grouped(missed.unmetTEU)) TEU/yr not delivered)" : ")")
            }
            Output.error("\(file): error: target '\(missed.target.label)' missed in \(missed.year) by \(by)")
        }
        if !result.missed.isEmpty { throw ExitCodes.dataError }
    }
}
