/// A store of optimal simplex bases kept between runs, so that a solver can start a program it has
/// solved before from that program's optimum (no iterations) instead of from scratch.
///
/// A cache is a speed-up only: a lookup that fails, or a basis that does not fit, is a miss, and a
/// store that fails is forgotten. A solver that takes a cache must report the same answer on a hit as
/// on a miss (see `GLPKSolver.basisCache`).
public protocol LPBasisCache: Sendable {
    /// The basis stored for `program` solved by `method` (the solver's name and settings), or nil.
    func basis(for program: LinearProgram, method: String) -> CachedBasis?

    /// Keeps `basis` for `program` solved by `method`; failures are ignored.
    func store(_ basis: CachedBasis, for program: LinearProgram, method: String)
}

/// An optimal basis in an ``LPBasisCache``, with the iterations of the cold solve that found it.
public struct CachedBasis: Sendable, Hashable {
    /// The statuses, one per row and column of the program as the solver loaded it.
    public var basis: LPBasis
    /// The simplex iterations of the cold solve that found `basis`: the count a hit reports, so that
    /// a hit's answer is the miss's.
    public var iterations: Int
    /// The cold solve's ``LPSolution/dualSimplexAfterIterations``: when the stall guard handed it to the
    /// dual simplex, after how many primal iterations (what a hit reports too); nil when it did not.
    public var dualSimplexAfterIterations: Int?

    public init(basis: LPBasis, iterations: Int, dualSimplexAfterIterations: Int? = nil) {
        self.basis = basis
        self.iterations = iterations
        self.dualSimplexAfterIterations = dualSimplexAfterIterations
    }
}
