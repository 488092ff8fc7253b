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

    /// The simplex ratio test: which basic variable leaves.
    public enum RatioTest: String, Sendable, Hashable, CaseIterable {
        /// Harris's two-pass test: GLPK's default, best on small and warm-started programs.
        case harris
        /// The long-step ("bound flipping") test: steadier on time-expanded programs, whose rows hold
        /// linear dependencies with fractional coefficients that lead Harris's test onto near-zero pivots.
        case longStep
    }

    /// LP algorithm; the simplex variants also give a basis for warm starts.
    public var algorithm: Algorithm
    /// The basis a cold simplex solve starts from; `nil` for the formulation's choice (the crash basis
    /// for time-expanded programs, the standard one otherwise).
    public var startBasis: StartBasis?
    /// The simplex ratio test; `nil` for the formulation's choice (long-step for time-expanded programs,
    /// Harris's otherwise).
    public var ratioTest: RatioTest?
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
    /// The primal simplex's stall guard, or `nil` for none: see ``StallGuard``. Only a cold
    /// ``Algorithm/primalSimplex`` solve uses it; a caller that chose the algorithm on purpose (the
    /// command line's `--algorithm`) sets `nil`, so that its choice runs to the end.
    public var stallGuard: StallGuard?

    /// An iteration budget for the primal simplex, after which the solve starts again by the dual simplex
    /// from the standard basis (all rows basic: dual feasible with costs that are not negative).
    ///
    /// GLPK's primal simplex can stall on a time-expanded program: with its waits priced at 304 USD per
    /// TEU-day, `caspian-winter-seasonal-upgraded.yaml` solved as one LP ran over 15 minutes without an
    /// answer, while the dual simplex solved it in 102 s. The budget is deterministic (iterations, never
    /// seconds): ``iterationsPerRow`` times the program's rows, at least ``minimumIterations``. The primal
    /// solves measured that end normally took at most 1.66 iterations per row (generated M, arc form; the
    /// bundled files 0.7–1.03, see docs/solution-methods.md), so the standard budget of 5 per row stops
    /// only stalls.
    public struct StallGuard: Sendable, Hashable {
        /// Primal simplex iterations allowed per row of the program.
        public var iterationsPerRow: Int
        /// The budget's floor, whatever the program's size.
        public var minimumIterations: Int

        public init(iterationsPerRow: Int, minimumIterations: Int) {
            self.iterationsPerRow = iterationsPerRow
            self.minimumIterations = minimumIterations
        }

        /// 5 primal iterations per row, at least 10,000.
        public static let standard = StallGuard(iterationsPerRow: 5, minimumIterations: 10_000)

        /// The primal simplex iterations allowed on a program of `rows` rows.
        public func budget(rows: Int) -> Int {
            let (product, overflow) = iterationsPerRow.multipliedReportingOverflow(by: rows)
            return max(minimumIterations, overflow ? Int.max : product)
        }
    }

    /// These options for a time-expanded program: the primal simplex starts from the crash basis
    /// unless a start was chosen (about half the iterations of the all-slack start on 12 months), with
    /// the long-step ratio test unless one was chosen (on the bundled 12-month file Harris's test stopped
    /// on a singular basis after 9,090 iterations and the solve began again; the long-step test solves
    /// it in one go).
    public var forTimeExpanded: SolveOptions {
        var options = self
        if options.startBasis == nil, options.algorithm == .primalSimplex { options.startBasis = .crash }
        if options.ratioTest == nil, options.algorithm != .interiorPoint { options.ratioTest = .longStep }
        return options
    }

    public init(
        algorithm: Algorithm = .primalSimplex,
        presolve: Bool = false,
        timeLimitSeconds: Double? = nil,
        iterationLimit: Int? = nil,
        mipGap: Double? = nil,
        captureLog: Bool = false,
        startBasis: StartBasis? = nil,
        ratioTest: RatioTest? = nil,
        stallGuard: StallGuard? = .standard
    ) {
        self.algorithm = algorithm
        self.startBasis = startBasis
        self.ratioTest = ratioTest
        self.presolve = presolve
        self.timeLimitSeconds = timeLimitSeconds
        self.iterationLimit = iterationLimit
        self.mipGap = mipGap
        self.captureLog = captureLog
        self.stallGuard = stallGuard
    }
}
