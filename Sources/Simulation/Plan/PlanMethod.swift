import Synchronization

/// How a plan's programs were solved (`corridor plan` reports it): the method that produced the plan, and
/// how the programs behind it (the plan's MIP, its LP relaxation, the program without projects and the
/// re-solves of project values and sensitivity) went.
///
/// A plan with seasonal scenarios (two or more periods) solves each program by branch-and-bound over the
/// build variables with each node's LP by the period decomposition (`PeriodBranchAndBound`), and falls back
/// to the solver's whole MIP on a program where that search proves nothing; `--method arc` and a plan
/// without seasonal scenarios solve every program whole. The scenarios' own min-cost flows with and without
/// the portfolio are `run`'s solves and are not counted here.
public struct PlanMethod: Sendable, Hashable {
    /// The two ways a plan's program is solved.
    public enum Kind: String, Sendable, Hashable {
        /// The whole MIP by the solver's branch-and-cut (GLPK's `glp_intopt`) on the arc form.
        case arc
        /// Branch-and-bound over the build variables, each node's LP by the period decomposition and checked
        /// optimal on the full time-expanded program.
        case periodBranchAndBound = "branch-and-bound with period decomposition"
    }

    /// How the plan's own MIP was solved: ``Kind/arc`` also when the search fell back on it.
    public var kind: Kind
    /// Programs solved: the MIP, its relaxation, the program without projects and every re-solve.
    public var solves = 0
    /// Programs the branch-and-bound with period decomposition solved (proved, or stopped at the time limit).
    public var decompositionSolves = 0
    /// Programs on which that search proved nothing, so that the solver's whole MIP solved them.
    public var fallbacks = 0
    /// Nodes of the searches that solved their program (not of those that fell back).
    public var nodes = 0

    public init(kind: Kind, solves: Int = 0, decompositionSolves: Int = 0, fallbacks: Int = 0, nodes: Int = 0) {
        self.kind = kind
        self.solves = solves
        self.decompositionSolves = decompositionSolves
        self.fallbacks = fallbacks
        self.nodes = nodes
    }

    /// Whether the branch-and-bound with period decomposition was tried on any program.
    public var triedDecomposition: Bool { decompositionSolves + fallbacks > 0 }
}

/// The counts of ``PlanMethod`` gathered over a plan's solves, from any thread.
final class PlanMethodTally: Sendable {
    private let counts = Mutex(PlanMethod(kind: .arc))

    /// One program solved whole (`searched` false), or by the search: `nodes` nil when it fell back.
    func record(searched: Bool, nodes: Int?) {
        counts.withLock { counts in
            counts.solves += 1
            guard searched else { return }
            if let nodes {
                counts.decompositionSolves += 1
                counts.nodes += nodes
            } else {
                counts.fallbacks += 1
            }
        }
    }

    /// The counts so far, with `kind`.
    func method(_ kind: PlanMethod.Kind) -> PlanMethod {
        var method = counts.withLock { $0 }
        method.kind = kind
        return method
    }
}
