/// Why the solver stopped.
///
/// Not an error: "no feasible plan" is an answer a report must show.
public enum TerminationStatus: String, Sendable, Hashable, CaseIterable {
    /// A proven optimum.
    case optimal
    /// A feasible integer solution that is not proven optimal (MIP stopped early).
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

    /// True when primal values may be read (optimal, or feasible MIP incumbent).
    public var hasSolution: Bool { self == .optimal || self == .feasible }
}
