import LinearProgramming

/// How a solve ended, in the words every result and report prints (`optimal`, `infeasible`, `time_limit`, …).
///
/// Not an error: "no feasible plan" is an answer a report must show. It carries the solver's
/// `LinearProgramming.TerminationStatus`, whose words it prints, so that a report reads it without
/// knowing the solver layer.
public struct SolveStatus: RawRepresentable, CaseIterable, Sendable, Hashable {
    /// The solver's verdict.
    let termination: TerminationStatus

    /// The status of a solver that stopped with `termination`.
    init(_ termination: TerminationStatus) { self.termination = termination }

    /// The status a report printed as `rawValue`, or nil for a word no solve ends with.
    public init?(rawValue: String) {
        guard let termination = TerminationStatus(rawValue: rawValue) else { return nil }
        self.termination = termination
    }

    /// The word the outputs print.
    public var rawValue: String { termination.rawValue }

    /// True when the result has flows to report (optimal, or a feasible MIP incumbent).
    public var hasSolution: Bool { termination.hasSolution }

    public static var allCases: [SolveStatus] { TerminationStatus.allCases.map(SolveStatus.init) }

    /// A proven optimum.
    public static let optimal = SolveStatus(.optimal)
    /// A feasible integer solution that is not proven optimal (the MIP stopped early).
    public static let feasible = SolveStatus(.feasible)
    /// No point satisfies the constraints.
    public static let infeasible = SolveStatus(.infeasible)
    /// The objective improves without limit.
    public static let unbounded = SolveStatus(.unbounded)
    /// The presolver proved infeasible or unbounded without saying which.
    public static let infeasibleOrUnbounded = SolveStatus(.infeasibleOrUnbounded)
    /// The iteration limit was reached before optimality.
    public static let iterationLimit = SolveStatus(.iterationLimit)
    /// The time limit was reached before optimality.
    public static let timeLimit = SolveStatus(.timeLimit)
}
