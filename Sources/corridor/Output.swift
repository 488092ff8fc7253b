import ArgumentParser
import FileOutput

/// Writing to the terminal and to files: stderr for diagnostics, stdout for reports, and output
/// files through ``OutputWriter``, which never replaces anything but a regular file it wrote.
///
/// Failures end the command with a message naming the path: exit 73 when the output cannot be
/// created, 74 when writing fails, and 141, quietly, when standard output is a pipe whose reader
/// has gone (what a shell reports for a tool ended by SIGPIPE).
enum Output {
    /// The writer of every output file.
    static let writer = OutputWriter()

    /// Writes text to standard error (a line end is added); a failure there is ignored.
    ///
    /// Every message goes through ``TerminalText/escaped(_:keepingLineBreaks:)``: control and
    /// bidirectional characters from input files (a NUL, an escape sequence, U+202E) are shown
    /// as `\u{…}`, never sent to the terminal.
    static func error(_ text: String) {
        var line = TerminalText.escaped(text, keepingLineBreaks: true)
        if !line.hasSuffix("\n") { line += "\n" }
        StandardOutput.writeError(line)
    }

    /// Writes text to standard output.
    /// - Throws: an exit code (74, or 141 for a closed pipe) after saying what failed.
    static func print(_ text: String) throws {
        do {
            try StandardOutput.write(text)
        } catch {
            throw exit(for: error)
        }
    }

    /// Writes `text` to the file at `path` (atomically), or to standard output when `path` is nil.
    static func emit(_ text: String, to path: String?) throws {
        if let path { try write(text, to: path) } else { try print(text) }
    }

    /// Writes `text` to the file at `path` (see ``OutputWriter``).
    /// - Throws: an exit code (73 or 74) after saying which file could not be written and why.
    static func write(_ text: String, to path: String) throws {
        do {
            try writer.write(text, to: path)
        } catch {
            throw exit(for: error)
        }
    }

    /// Writes several files as one: all appear, or none of the regular ones changes.
    static func write(_ files: [(path: String, text: String)]) throws {
        do {
            try writer.write(files)
        } catch {
            throw exit(for: error)
        }
    }

    /// Writes a set of files into a folder: the set appears whole or not at all.
    static func writeDirectory(_ path: String, files: [(name: String, text: String)]) throws {
        do {
            try writer.writeDirectory(path, files: files)
        } catch {
            throw exit(for: error)
        }
    }

    /// Says what failed (except for a closed pipe) and gives the exit code.
    static func exit(for error: OutputError) -> ExitCode {
        switch error.kind {
        case .brokenPipe where error.path == "standard output":
            return ExitCodes.brokenPipe
        case .cannotCreate:
            Output.error("error: \(error.description)")
            return ExitCodes.cannotCreate
        case .ioError, .brokenPipe:
            Output.error("error: \(error.description)")
            return ExitCodes.ioError
        }
    }
}
