import ArgumentParser
import FlowFormulation
import FreightNetwork
import Scenarios
import Simulation

/// What `corridor plan` optimises: the objective, and the corridor whose capacity it maximises or must reach.
struct PlanObjectiveOptions: ParsableArguments {
    @Option(help: "expected-cost, max-throughput, worst-case or max-capacity (with --corridor).")
    var objective: PlanObjective = .expectedCost

    @Option(help: ArgumentHelp("The corridor of --objective max-capacity: a tag, `overland`, or tags joined by commas.", valueName: "name"))
    var corridor: String?

    @Option(
        name: .customLong("min-capacity"),
        help: ArgumentHelp("A capacity target the portfolio must reach in every scenario, e.g. middle=100000 (TEU/yr).", valueName: "name=teu"))
    var minCapacity: String?

    func validate() throws {
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

    /// Sets the planner's corridor and capacity target, checked against the first scenario's network.
    /// - Throws: exit 65 when max-capacity is asked of a seasonal scenario or of a corridor without a limit.
    func configure(_ planner: inout Planner, _ scenarios: [PlanScenario], _ catalog: InvestmentCatalog, file: String) throws {
        guard let name = corridor ?? minCapacity.flatMap({ try? capacityTarget($0).corridor }), let first = scenarios.first else {
            return
        }
        let selection = try CorridorSelection.parse(name, in: first.network, file: file)
        planner.corridor = selection
        planner.minimumCapacityTEU = try minCapacity.map { try capacityTarget($0).teu }
        // Capacity is what each scenario's background traffic leaves, as `corridor capacity` measures it.
        if scenarios.contains(where: { $0.network.demands.contains(where: \.isBackground) }) {
            do {
                planner.capacityBackground = try Output.solving { try planner.backgroundRoutes(scenarios) }
            } catch {
                Output.error("\(file): error: routing the background traffic: \(error)")
                throw ExitCodes.solverFailure
            }
        }
        guard objective == .maxCapacity else { return }
        if let seasonal = scenarios.first(where: { $0.periods != nil }) {
            Output.error("\(file): error: --objective max-capacity plans over annual scenarios; \(seasonal.name) has periods")
            throw ExitCodes.dataError
        }
        for scenario in scenarios {
            let all = catalog.investments.map(\.maxUnits)
            let built = try? InvestmentProgram.apply(all, of: catalog, to: scenario.network)
            if let built, let capacity = try? CapacityAnalysis(network: built).capacity(of: selection), capacity.isUnlimited {
                Output.error("\(file): error: the \(selection.name) corridor of \(scenario.name) has no capacity limit "
                    + "(a route with none: \((capacity.unlimitedPath ?? []).joined(separator: " → "))); there is no capacity to maximise")
                throw ExitCodes.dataError
            }
        }
    }
}

extension PlanObjective: ExpressibleByArgument {}
