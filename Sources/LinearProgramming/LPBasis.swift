/// A simplex basis: the status of every row and column of a ``LinearProgram``.
///
/// A plain value, so one solved basis can start re-solves on any thread or in any process: a basis
/// taken from the intact problem and restored before every case makes each case's answer
/// independent of which worker ran it and of what that worker solved before.
public struct LPBasis: Sendable, Hashable {
    /// Where a row or column sits in a basis.
    public enum Status: UInt8, Sendable, Hashable {
        /// In the basis.
        case basic
        /// Non-basic at its lower bound.
        case atLower
        /// Non-basic at its upper bound.
        case atUpper
        /// Non-basic free variable (value 0).
        case free
        /// Non-basic fixed variable.
        case fixed
    }

    /// One status per row, in row order.
    public var rows: [Status]
    /// One status per column, in column order.
    public var columns: [Status]

    public init(rows: [Status], columns: [Status]) {
        self.rows = rows
        self.columns = columns
    }
}
