import FlowFormulation
import FreightNetwork
import LinearProgramming

extension Simulator {
    /// Column generation (``SolutionMethod/paths``): the path master, solved warm in one session per stage.
    ///
    /// Min-cost: one column generation. Max throughput: stage 1 maximises delivered TEU; stage 2
    /// minimises cost with Σ unmet at most stage 1's (``LexicographicSolve``), generating columns again from
    /// stage 1's paths. The result has the arc form's meaning throughout; routes come straight from
    /// the path columns, and ``ProgramSize`` is the final master's.
    ///
    /// - Returns: nil when a stage stalled at ``columnGenerationRounds`` without a proven optimum.
    func runPaths(_ network: Network, scenario: String, objective: Objective, factory: any LPSessionFactory)
        throws(SolverError) -> FlowResult?
    {
        var generation = ColumnGeneration(factory: factory, options: options)
        generation.roundLimit = columnGenerationRounds
        generation.volume = volumeIterations
        let master = PathProgram(network: network, objective: objective)
        var costing: PathProgram?
        let stages = try LexicographicSolve.solve(
            objective, demandTEU: network.demands.reduce(0) { $0 + $1.teu }, solution: \.solution,
            first: { () throws(SolverError) -> ColumnGeneration.Outcome? in
                let outcome = try generation.solve(master)
                return outcome.stalled ? nil : outcome
            },
            second: { (first, maximumUnmet) throws(SolverError) -> ColumnGeneration.Outcome? in
                let program = PathProgram(network: network, objective: .minCost, maximumUnmet: maximumUnmet)
                costing = program
                let outcome = try generation.solve(program, seed: first.paths.map(\.column), seedRows: first.rowOrder)
                return outcome.stalled ? nil : outcome
            })
        guard let stages else { return nil }
        let first = stages.first
        guard let second = stages.second, let costing else {
            guard first.solution.termination == .optimal else {
                return ResultAssembler.empty(
                    network, objective, demandTEU: network.demands.map(\.teu),
                    size: Self.size(master, first, first.rounds), scenario: scenario, status: first.solution.termination,
                    solver: solver.name)
            }
            return Self.decode(
                master, first, scenario: scenario, objectiveValue: first.solution.objective,
                solver: solver.name, rounds: first.rounds, iterations: first.iterations)
        }
        let rounds = first.rounds + second.rounds
        if [.infeasible, .infeasibleOrUnbounded].contains(second.solution.termination) {
            // As in the arc form (``LexicographicSolve``): stage 1's flows, the same throughput.
            var result = Self.decode(
                master, first, scenario: scenario, objectiveValue: stages.delivered, solver: solver.name,
                rounds: rounds, iterations: first.iterations + second.iterations, throughputDuals: first.solution,
                objective: .maxThroughput)
            result.notes.append(LexicographicSolve.fallbackNote)
            return result
        }
        guard second.solution.termination == .optimal else {
            return ResultAssembler.empty(
                network, objective, demandTEU: network.demands.map(\.teu),
                size: Self.size(costing, second, rounds), scenario: scenario, status: second.solution.termination,
                solver: solver.name)
        }
        return Self.decode(
            costing, second, scenario: scenario, objectiveValue: stages.delivered,
            solver: solver.name, rounds: rounds, iterations: first.iterations + second.iterations,
            throughputDuals: Self.gains(first, in: second), objective: .maxThroughput)
    }

    /// Stage 1's duals (TEU gained per TEU of capacity) placed at stage 2's rows for the same capacities.
    ///
    /// A capacity without a row in stage 1's final master was slack there: its gain is 0.
    private static func gains(_ stage1: ColumnGeneration.Outcome, in stage2: ColumnGeneration.Outcome) -> LPSolution {
        var duals = [Double](repeating: 0, count: stage2.program.rowCount)
        for (l, row) in stage2.rows.link.enumerated() {
            if let row, let before = stage1.rows.link[l] { duals[row.index] = stage1.solution.dual(before) }
        }
        for (n, row) in stage2.rows.node.enumerated() {
            if let row, let before = stage1.rows.node[n] { duals[row.index] = stage1.solution.dual(before) }
        }
        var solution = LPSolution(termination: stage1.solution.termination, objective: stage1.solution.objective, primal: [])
        solution.duals = duals
        return solution
    }

    private static func size(_ master: PathProgram, _ outcome: ColumnGeneration.Outcome, _ rounds: Int) -> ProgramSize {
        var size = ResultAssembler.size(
            of: outcome.program, commodities: master.commodities.count, method: .paths, rounds: rounds)
        if outcome.volumeIterations > 0 { size.volumeIterations = outcome.volumeIterations }
        return size
    }

    private static func decode(
        _ master: PathProgram, _ outcome: ColumnGeneration.Outcome, scenario: String, objectiveValue: Double?,
        solver: String, rounds: Int, iterations: Int, throughputDuals: LPSolution? = nil,
        objective: Objective = .minCost
    ) -> FlowResult {
        let network = master.network
        let solution = outcome.solution
        var commodityOf = [Int](repeating: 0, count: network.demands.count)
        for (k, commodity) in master.commodities.enumerated() { for d in commodity.demands { commodityOf[d] = k } }
        var commodityFlow = [[Double]](
            repeating: [Double](repeating: 0, count: network.links.count), count: master.commodities.count)
        var paths: [PathDecomposition.Path] = []
        for (column, variable) in outcome.paths {
            let teu = max(0, solution[variable])
            guard teu > 0 else { continue }
            for l in column.links { commodityFlow[commodityOf[column.demand]][l] += teu }
            paths.append(PathDecomposition.Path(demand: column.demand, links: column.links, teu: teu))
        }
        var decoder = FlowDecoder(
            network: network, objective: objective, commodities: master.commodities,
            linkCapacity: outcome.rows.link, nodeCapacity: outcome.rows.node,
            size: size(master, outcome, rounds), solution: solution, scenario: scenario,
            commodityFlow: commodityFlow,
            unmet: master.unmet.enumerated().map { d, u in min(max(0, solution[u]), network.demands[d].teu) },
            paths: paths
        )
        decoder.throughputDuals = throughputDuals
        return decoder.result(objectiveValue: objectiveValue, solver: solver, iterations: iterations)
    }
}
