import FlowFormulation
import LinearProgramming

/// Max throughput as a lexicographic (two-stage) solve, shared by the arc, path and period forms.
///
/// Stage 1 maximises delivered TEU/year. Stage 2 keeps that throughput, as the row Σ unmet ≤
/// ``maximumUnmet(demandTEU:deliveredTEU:)``, and minimises generalised cost on the same LP (the arc and
/// period forms swap the objective, see `FlowProgram.cheapestAtThroughput(maximumUnmet:)`; the path form
/// generates columns again from stage 1's paths). Min cost is stage 1 alone.
enum LexicographicSolve {
    /// Slack on the throughput kept in stage 2 (dimensionless): a share of stage 1's shortfall, plus the
    /// same share of the demand as a floor.
    ///
    /// Stage 1's delivered total is the objective constant (the demand) less Σ unmet, so it carries a
    /// rounding error of the demand's size (≈ 1e-16 × demand × terms), not of the shortfall's; and stage
    /// 2's vertex differs from stage 1's, so its Σ unmet is rounded differently again. A row Σ unmet ≤
    /// shortfall exactly can then cut off every optimal flow of stage 1 by a few ulps, and stage 2 would
    /// rest on GLPK's primal feasibility tolerance (`tol_bnd`, 1e-7 relative) to stay feasible, or report
    /// it infeasible. 1e-9 is far above that rounding and far below any throughput a report shows (a
    /// billionth of the demand), so stage 2 is feasible on its own terms and gives no visible TEU away;
    /// `max(1, demand)` keeps the slack positive when the demand is 0.
    static let throughputSlack = 1e-9

    /// The note of a run whose stage 2 the solver called infeasible, so that stage 1's flows are shown.
    static let fallbackNote =
        "the solver called stage 2 (the cheapest flows at the maximum throughput) infeasible; the flows shown are "
        + "stage 1's: the same throughput, not the cheapest way to carry it"

    /// Σ unmet TEU/year that stage 2 may leave: stage 1's shortfall plus ``throughputSlack``.
    static func maximumUnmet(demandTEU: Double, deliveredTEU: Double) -> Double {
        max(0, demandTEU - deliveredTEU) * (1 + throughputSlack) + throughputSlack * max(1, demandTEU)
    }

    /// The solves one run made: stage 1, and stage 2 when there was one.
    struct Stages<Stage> {
        var first: Stage
        /// Nil for min cost, and when stage 1 did not reach an optimum.
        var second: Stage?
        /// Stage 1's objective (TEU/year delivered) when there was a stage 2.
        var delivered: Double
    }

    /// Stage 1; for max throughput with an optimal stage 1, stage 2 too.
    ///
    /// - Parameters:
    ///   - demandTEU: the total the throughput is measured against (TEU/year).
    ///   - solution: a stage's LP solution (its termination and objective).
    ///   - first: solves stage 1, nil when it gave no answer.
    ///   - second: solves stage 2 from stage 1 for a Σ unmet allowed (TEU/year), nil when it gave no answer.
    /// - Returns: nil when a stage gave no answer (column generation stalled).
    static func solve<Stage>(
        _ objective: Objective, demandTEU: Double, solution: (Stage) -> LPSolution,
        first: () throws(SolverError) -> Stage?,
        second: (_ first: Stage, _ maximumUnmet: Double) throws(SolverError) -> Stage?
    ) throws(SolverError) -> Stages<Stage>? {
        guard let stage1 = try first() else { return nil }
        let answer = solution(stage1)
        guard objective == .maxThroughput, answer.termination == .optimal else {
            return Stages(first: stage1, second: nil, delivered: 0)
        }
        let delivered = answer.objective ?? 0
        let maximumUnmet = maximumUnmet(demandTEU: demandTEU, deliveredTEU: delivered)
        guard let stage2 = try second(stage1, maximumUnmet) else { return nil }
        return Stages(first: stage1, second: stage2, delivered: delivered)
    }
}

/// A decoder the two-stage solve drives: the annual (``FlowDecoder``) or the period (``PeriodDecoder``) one.
protocol StageDecoder {
    associatedtype Formulation
    init(formulation: Formulation, solution: LPSolution, scenario: String)
    /// Max throughput: the stage-1 solution, whose duals are TEU gained per TEU of capacity.
    var throughputDuals: LPSolution? { get set }
    func result(objectiveValue: Double?, solver: String, iterations: Int?) -> FlowResult
    /// A result with a status and no flows, for a solve that did not reach an optimum.
    static func empty(_ formulation: Formulation, scenario: String, status: TerminationStatus, solver: String)
        -> FlowResult
}

extension Simulator {
    /// One LP, or two on the same LP for max throughput, decoded by `Decoder`.
    ///
    /// - Parameters:
    ///   - program: stage 1's LP, whose handles `formulation` holds.
    ///   - costing: stage 2's LP for a Σ unmet allowed (TEU/year): `program` with its objective swapped and
    ///     the throughput row appended, so that `formulation`'s handles read it too.
    func solveLexicographic<Decoder: StageDecoder>(
        _: Decoder.Type, _ formulation: Decoder.Formulation, program: LinearProgram, objective: Objective,
        demandTEU: Double, scenario: String, costing: (Double) -> LinearProgram
    ) throws(SolverError) -> FlowResult {
        let solver = solver
        let options = options
        // Never nil: these stages always answer.
        let stages = try LexicographicSolve.solve(
            objective, demandTEU: demandTEU, solution: { $0 },
            first: { () throws(SolverError) -> LPSolution? in try solver.solve(program, options: options) },
            second: { (_, maximumUnmet) throws(SolverError) -> LPSolution? in
                try solver.solve(costing(maximumUnmet), options: options)
            })!
        let first = stages.first
        var last = stages.second ?? first
        // Stage 2 is feasible by construction (stage 1's flows satisfy its throughput row with room to
        // spare); a verdict of infeasibility is the solver's tolerance on a badly scaled program. Stage
        // 1's flows are then the answer: the same throughput, without the cost tie-break.
        let fellBack = stages.second.map { [.infeasible, .infeasibleOrUnbounded].contains($0.termination) } ?? false
        if fellBack { last = first }
        var result: FlowResult
        if last.termination != .optimal {
            result = Decoder.empty(formulation, scenario: scenario, status: last.termination, solver: solver.name)
        } else {
            var decoder = Decoder(formulation: formulation, solution: last, scenario: scenario)
            if stages.second == nil {
                result = decoder.result(
                    objectiveValue: first.objective, solver: solver.name, iterations: first.iterations)
            } else {
                decoder.throughputDuals = first
                let iterations = (first.iterations ?? 0) + (last.iterations ?? 0)
                result = decoder.result(objectiveValue: stages.delivered, solver: solver.name, iterations: iterations)
            }
        }
        // A decomposing solver (the period decomposition) proved every stage: say so, with its master solves.
        let solved = [first] + (stages.second.map { [$0] } ?? [])
        if last.termination == .optimal, !fellBack, solved.allSatisfy({ $0.masterSolves != nil }) {
            result.programSize.periodDecomposition = true
            result.programSize.rounds = solved.reduce(0) { $0 + ($1.masterSolves ?? 0) }
        }
        let switched = solved.compactMap(\.dualSimplexAfterIterations)
        if !switched.isEmpty { result.programSize.dualSimplexAfterIterations = switched.reduce(0, +) }
        result.solverLog = first.log + (stages.second?.log ?? "")
        if fellBack {
            result.notes.append(LexicographicSolve.fallbackNote)
        }
        return result
    }
}
