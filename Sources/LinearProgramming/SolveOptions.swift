/// How a solver should attack a program.
public struct SolveOptions: Sendable, Hashable {
    /// The LP algorithm.
    public enum Algorithm: String, Sendable, Hashable, CaseIterable {
        case primalSimplex = "primal"
        case dualSimplex = "dual"
        case interiorPoint = "interior"
    }

    /// The basis a cold simplex solve starts from.
    public enum StartBasis: String, Sendable, Hashable, CaseIterable {
        /// Every row's slack basic: cheapest to build, best on small and warm-started programs.
        case standard
        /// A triangular crash basis of structural columns (Bixby's): fewer degenerate iterations on
        /// large time-expanded programs.
        case crash
    }

    /// LP algorithm; the simplex variants also give a basis for warm starts.
    public var algorithm: Algorithm
    /// The basis a cold simplex solve starts from; `nil` for the formulation's choice (the crash basis
    /// for time-expanded programs, the standard one otherwise).
    public var startBasis: StartBasis?
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

    /// These options for a time-expanded program: the primal simplex starts from the crash basis
    /// unless a start was chosen (about half the iterations of the all-slack start on 12 months).
    public var forTimeExpanded: SolveOptions {
        var options = self
        if options.startBasis == nil, options.algorithm == .primalSimplex { options.startBasis = .crash }
        return options
    }

    public init(
        algorithm: Algorithm = .primalSimplex,
        presolve: Bool = false,
        timeLimitSeconds: Double? = nil,
        iterationLimit: Int? = nil,
        mipGap: Double? = nil,
        captureLog: Bool = false,
        startBasis: StartBasis? = nil
    ) {
        self.algorithm = algorithm
        self.startBasis = startBasis
        self.presolve = presolve
        self.timeLimitSeconds = timeLimitSeconds
        self.iterationLimit = iterationLimit
        self.mipGap = mipGap
        self.captureLog = captureLog
    }
}
