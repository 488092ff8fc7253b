import ArgumentParser

/// Exit codes, after BSD sysexits (documented in README "Exit codes").
enum ExitCodes {
    /// Bad scenario input (EX_DATAERR).
    static let dataError = ExitCode(65)
    /// The solver failed (EX_SOFTWARE).
    static let solverFailure = ExitCode(70)
    /// An output file could not be written (EX_CANTCREAT).
    static let cannotCreate = ExitCode(73)
    /// The solver stopped at a time or iteration limit without an optimum (EX_TEMPFAIL).
    static let limitReached = ExitCode(75)
}
