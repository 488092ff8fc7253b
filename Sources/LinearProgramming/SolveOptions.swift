/// How a solver should attack a program.
public struct SolveOptions: Sendable, Hashable {
    /// The LP algorithm.
    public enum Algorithm: String, Sendable, Hashable, CaseIterable {
        case primalSimplex = "primal"
        case dualSimplex = "dual"
        case interiorPoint = "interior"
    }

    /// LP algorithm; the simplex variants also give a basis for warm starts.
    public var algorithm: Algorithm
    /// Whether to run the solver's presolver first.
    public var presolve: Bool
    /// Wall-clock limit in seconds, or `nil` for none.
    public var timeLimitSeconds: Double?
    /// Simplex iteration limit, or `nil` for none.
    public var iterationLimit: Int?
    /// Relative MIP gap at which branch-and-cut may stop (0.01 = 1 %).
    public var mipGap: Double?
    /// Whether the solver may write its log; when true the log is returned in ``LPSolution/log``.
    public var captureLog: Bool

    public init(
        algorithm: Algorithm = .primalSimplex,
        presolve: Bool = false,
        timeLimitSeconds: Double? = nil,
        iterationLimit: Int? = nil,
        mipGap: Double? = nil,
        captureLog: Bool = false
    ) {
        self.algorithm = algorithm
        self.presolve = presolve
        self.timeLimitSeconds = timeLimitSeconds
        self.iterationLimit = iterationLimit
        self.mipGap = mipGap
        self.captureLog = captureLog
    }
}
