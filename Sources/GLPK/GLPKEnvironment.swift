internal import CGLPK
internal import CGLPKGuard
internal import LinearProgramming

/// The calling thread's GLPK environment: hooks, captured output and the fatal-error bookkeeping.
///
/// GLPK keeps its environment in thread-local storage, and a caught fatal error frees it, hooks
/// included; so ``begin(captureLog:)`` runs before every batch of GLPK calls, and ``end()`` after.
enum GLPKEnvironment {
    /// The backend name written into every ``SolverError``.
    static let backend = "GLPK"

    /// Installs the output and error hooks on this thread and sets terminal output.
    ///
    /// GLPK's text always goes to a buffer, never to the terminal. With `captureLog` false, the
    /// buffer only ever receives the text of a fatal error.
    static func begin(captureLog: Bool) {
        cglpk_begin(captureLog ? 1 : 0)
    }

    /// Frees the capture buffer and the whole GLPK environment of this thread.
    ///
    /// Nothing of GLPK stays allocated between batches of calls (a leak check sees no GLPK memory
    /// at all). Any problem object still alive is dead afterwards, and is not deleted again.
    static func end() {
        cglpk_end()
    }

    /// Runs `body` between ``begin(captureLog:)`` and ``end()``.
    ///
    /// Every ``NativeProblem`` must be created inside `body` and not escape it, so that it is
    /// deleted, when `body` returns, before the environment is freed.
    static func run<Result, Failure: Error>(
        captureLog: Bool,
        _ body: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        begin(captureLog: captureLog)
        defer { end() }
        return try body()
    }

    /// Everything GLPK printed on this thread since ``begin(captureLog:)``.
    static var capturedText: String {
        String(cString: cglpk_captured_text())
    }

    /// How many fatal errors were caught on this thread; a problem created under another value is dead.
    static var generation: UInt {
        cglpk_environment_generation()
    }

    /// The error for a guarded call that returned `CGLPK_FATAL`.
    ///
    /// The message ends with GLPK's own last two lines (its message and the source location).
    static func caughtFatalError(in call: String) -> SolverError {
        let lines = capturedText.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }
        let detail = lines.suffix(2).joined(separator: "; ")
        return SolverError(
            backend: backend,
            code: Int(CGLPK_FATAL),
            message: "fatal error in \(call), caught by the guard; the thread's GLPK environment was freed"
                + (detail.isEmpty ? "" : ": \(detail)")
        )
    }
}
