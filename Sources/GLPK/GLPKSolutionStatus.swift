internal import CGLPK

/// The status of a solution stored in a GLPK problem (`glp_get_status`, `glp_ipt_status`,
/// `glp_mip_status`).
struct GLPKSolutionStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    let rawValue: Int32
    init(rawValue: Int32) { self.rawValue = rawValue }

    /// The solution is undefined (`GLP_UNDEF`).
    static let undefined = Self(rawValue: GLP_UNDEF)
    /// The solution is feasible, not proven optimal (`GLP_FEAS`).
    static let feasible = Self(rawValue: GLP_FEAS)
    /// The solution is infeasible (`GLP_INFEAS`).
    static let infeasible = Self(rawValue: GLP_INFEAS)
    /// No feasible solution exists (`GLP_NOFEAS`).
    static let noFeasibleSolution = Self(rawValue: GLP_NOFEAS)
    /// The solution is optimal (`GLP_OPT`).
    static let optimal = Self(rawValue: GLP_OPT)
    /// The problem has an unbounded solution (`GLP_UNBND`).
    static let unbounded = Self(rawValue: GLP_UNBND)

    var description: String {
        switch self {
        case .undefined: "undefined (GLP_UNDEF)"
        case .feasible: "feasible (GLP_FEAS)"
        case .infeasible: "infeasible (GLP_INFEAS)"
        case .noFeasibleSolution: "no feasible solution (GLP_NOFEAS)"
        case .optimal: "optimal (GLP_OPT)"
        case .unbounded: "unbounded (GLP_UNBND)"
        default: "status \(rawValue)"
        }
    }
}
