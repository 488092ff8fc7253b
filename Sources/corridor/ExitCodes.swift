import ArgumentParser

/// Exit codes, after BSD sysexits (documented in docs/exit-codes.md).
enum ExitCodes {
    /// Bad scenario input (EX_DATAERR).
    static let dataError = ExitCode(65)
    /// The solver failed (EX_SOFTWARE).
    static let solverFailure = ExitCode(70)
    /// An output file could not be written (EX_CANTCREAT).
    static let cannotCreate = ExitCode(73)
    /// An output could not be written part-way: a full disk, an I/O error (EX_IOERR).
    static let ioError = ExitCode(74)
    /// Standard output was a pipe whose reader went away: the process ends quietly with the status
    /// a shell gives a tool ended by SIGPIPE (128 + 13), without being ended by the signal.
    static let brokenPipe = ExitCode(141)
    /// The solver stopped at a time or iteration limit without an optimum (EX_TEMPFAIL).
    static let limitReached = ExitCode(75)
}
