/// How a running sweep reports progress and learns it should stop.
public struct SweepControl: Sendable {
    /// Checked before each case is taken; once true, no new case starts.
    public var shouldStop: @Sendable () -> Bool
    /// Called when a batch of cases is about to be solved, with its size.
    public var casesPlanned: @Sendable (Int) -> Void
    /// Called after each case (from any worker thread).
    public var caseFinished: @Sendable () -> Void

    public init(
        shouldStop: @escaping @Sendable () -> Bool = { false },
        casesPlanned: @escaping @Sendable (Int) -> Void = { _ in },
        caseFinished: @escaping @Sendable () -> Void = {}
    ) {
        self.shouldStop = shouldStop
        self.casesPlanned = casesPlanned
        self.caseFinished = caseFinished
    }
}
