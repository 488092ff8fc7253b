import LinearProgramming

/// How a solve ended, in the words every result and report uses.
///
/// Not an error: "no feasible plan" is an answer a report must show. The raw values are the words
/// the outputs print (`optimal`, `infeasible`, `time_limit`, …); ``init(_:)`` maps the solver's
/// `LinearProgramming.TerminationStatus` onto them, so reports need not know the solver layer.
public enum SolveStatus: String, Sendable, Hashable, CaseIterable {
    /// A proven optimum.
    case optimal
    /// A feasible integer solution that is not proven optimal (the MIP stopped early).
    case feasible
    /// No point satisfies the constraints.
    case infeasible
    /// The objective improves without limit.
    case unbounded
    /// The presolver proved one of the two without saying which.
    case infeasibleOrUnbounded = "infeasible_or_unbounded"
    /// The iteration limit was reached before optimality.
    case iterationLimit = "iteration_limit"
    /// The time limit was reached before optimality.
    case timeLimit = "time_limit"

    /// True when the result has flows to report (optimal, or a feasible MIP incumbent).
    public var hasSolution: Bool { self == .optimal || self == .feasible }

    /// The status of a solver that stopped with `termination`.
    init(_ termination: TerminationStatus) {
        switch termination {
        case .optimal: self = .optimal
        case .feasible: self = .feasible
        case .infeasible: self = .infeasible
        case .unbounded: self = .unbounded
        case .infeasibleOrUnbounded: self = .infeasibleOrUnbounded
        case .iterationLimit: self = .iterationLimit
        case .timeLimit: self = .timeLimit
        }
    }
}
