internal import CGLPK
internal import CGLPKGuard

/// A return code of `glp_simplex`, `glp_interior` or `glp_intopt`, or the guard's fatal-error code.
///
/// Swift names for GLPK's `GLP_E*` constants, in the swift-system style. Equatable, so a `switch`
/// over the static members works without a custom operator.
struct GLPKReturnCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    let rawValue: Int32
    init(rawValue: Int32) { self.rawValue = rawValue }

    /// The call finished; read the solution status for the answer.
    static let success = Self(rawValue: 0)
    /// GLPK hit a fatal error inside the guard and freed the thread's environment (`CGLPK_FATAL`).
    static let fatal = Self(rawValue: CGLPK_FATAL)
    /// The initial basis is invalid (`GLP_EBADB`).
    static let invalidBasis = Self(rawValue: GLP_EBADB)
    /// The basis matrix is singular (`GLP_ESING`).
    static let singularMatrix = Self(rawValue: GLP_ESING)
    /// The basis matrix is ill-conditioned (`GLP_ECOND`).
    static let illConditionedMatrix = Self(rawValue: GLP_ECOND)
    /// Some double-bounded variable has crossed bounds (`GLP_EBOUND`).
    static let invalidBounds = Self(rawValue: GLP_EBOUND)
    /// The solver failed, as on an empty problem (`GLP_EFAIL`).
    static let failure = Self(rawValue: GLP_EFAIL)
    /// The objective lower limit was reached (`GLP_EOBJLL`).
    static let objectiveLowerLimit = Self(rawValue: GLP_EOBJLL)
    /// The objective upper limit was reached (`GLP_EOBJUL`).
    static let objectiveUpperLimit = Self(rawValue: GLP_EOBJUL)
    /// The iteration limit was exceeded (`GLP_EITLIM`).
    static let iterationLimit = Self(rawValue: GLP_EITLIM)
    /// The time limit was exceeded (`GLP_ETMLIM`).
    static let timeLimit = Self(rawValue: GLP_ETMLIM)
    /// The presolver proved there is no primal feasible solution (`GLP_ENOPFS`).
    static let noPrimalFeasibleSolution = Self(rawValue: GLP_ENOPFS)
    /// The presolver proved there is no dual feasible solution (`GLP_ENODFS`).
    static let noDualFeasibleSolution = Self(rawValue: GLP_ENODFS)
    /// `glp_intopt` was called without an optimal LP relaxation basis (`GLP_EROOT`).
    static let rootNotOptimal = Self(rawValue: GLP_EROOT)
    /// The application stopped the search (`GLP_ESTOP`).
    static let stopped = Self(rawValue: GLP_ESTOP)
    /// The relative MIP gap tolerance was reached (`GLP_EMIPGAP`).
    static let mipGapReached = Self(rawValue: GLP_EMIPGAP)
    /// The interior-point method did not converge (`GLP_ENOCVG`).
    static let noConvergence = Self(rawValue: GLP_ENOCVG)
    /// The interior-point method met numerical instability (`GLP_EINSTAB`).
    static let numericalInstability = Self(rawValue: GLP_EINSTAB)

    var description: String {
        switch self {
        case .success: "success"
        case .fatal: "fatal error (environment freed)"
        case .invalidBasis: "invalid initial basis (GLP_EBADB)"
        case .singularMatrix: "singular basis matrix (GLP_ESING)"
        case .illConditionedMatrix: "ill-conditioned basis matrix (GLP_ECOND)"
        case .invalidBounds: "invalid bounds (GLP_EBOUND)"
        case .failure: "solver failure (GLP_EFAIL)"
        case .objectiveLowerLimit: "objective lower limit reached (GLP_EOBJLL)"
        case .objectiveUpperLimit: "objective upper limit reached (GLP_EOBJUL)"
        case .iterationLimit: "iteration limit exceeded (GLP_EITLIM)"
        case .timeLimit: "time limit exceeded (GLP_ETMLIM)"
        case .noPrimalFeasibleSolution: "no primal feasible solution (GLP_ENOPFS)"
        case .noDualFeasibleSolution: "no dual feasible solution (GLP_ENODFS)"
        case .rootNotOptimal: "LP relaxation optimum not provided (GLP_EROOT)"
        case .stopped: "search stopped by the application (GLP_ESTOP)"
        case .mipGapReached: "relative MIP gap tolerance reached (GLP_EMIPGAP)"
        case .noConvergence: "interior point did not converge (GLP_ENOCVG)"
        case .numericalInstability: "numerical instability (GLP_EINSTAB)"
        default: "return code \(rawValue)"
        }
    }
}
