/// Where something is in a scenario file; lines and columns start at 1.
///
/// A line or column of 0 means "unknown": the description then leaves it out, so a problem with
/// the whole file renders as `file`, and one with a line but no column as `file:line`.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file's path, as given to the loader (or resolved from an `extends`).
    public var file: String
    /// The line, counted from 1; 0 when unknown.
    public var line: Int
    /// The column in Unicode scalars, counted from 1; 0 when unknown.
    public var column: Int

    /// Creates a position; `line` and `column` default to 0 (the whole file).
    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, leaving out a line or column that is 0.
    public var description: String {
        guard line > 0 else { return file }
        guard column > 0 else { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }

    /// Orders by file, then line, then column.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
