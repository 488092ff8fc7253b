/// A linear (or mixed-integer) program as a plain value: named columns, named rows, a sparse matrix.
///
///     minimise or maximise  c·x + c₀
///     subject to            lᵣ ≤ A x ≤ uᵣ   (one row per constraint)
///                           lₓ ≤ x ≤ uₓ
///
/// Columns and rows are addressed by typed handles (``Variable``, ``Constraint``) handed out
/// when they are added; nobody outside sees a bare index. Solver-neutral: see ``LPSolver``.
public struct LinearProgram: Sendable {
    /// Whether the objective is minimised or maximised.
    public enum Sense: Sendable, Hashable {
        case minimize
        case maximize
    }

    /// A handle to a column.
    public struct Variable: Sendable, Hashable, Comparable {
        /// 0-based column position.
        public let index: Int
        public init(index: Int) { self.index = index }
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.index < rhs.index }
    }

    /// A handle to a row.
    public struct Constraint: Sendable, Hashable, Comparable {
        /// 0-based row position.
        public let index: Int
        public init(index: Int) { self.index = index }
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.index < rhs.index }
    }

    /// One column: its name, bounds, objective coefficient and integrality.
    public struct Column: Sendable, Hashable {
        public var name: String
        public var bounds: Bounds
        public var cost: Double
        public var isInteger: Bool
    }

    /// One row: its name, bounds and sparse coefficients (column, value), in insertion order.
    public struct Row: Sendable, Hashable {
        public var name: String
        public var bounds: Bounds
        public var terms: [Term]
    }

    /// A coefficient of a row.
    public struct Term: Sendable, Hashable {
        public var variable: Variable
        public var coefficient: Double
        public init(_ variable: Variable, _ coefficient: Double) {
            self.variable = variable
            self.coefficient = coefficient
        }
    }

    /// A name for the whole problem (written into LP/MPS files).
    public var name: String
    /// Whether to minimise or maximise.
    public var sense: Sense
    /// A constant added to the objective (c₀).
    public var objectiveConstant: Double = 0
    public private(set) var columns: [Column] = []
    public private(set) var rows: [Row] = []

    public init(name: String = "corridor", sense: Sense) {
        self.name = name
        self.sense = sense
    }

    /// Number of columns.
    public var columnCount: Int { columns.count }
    /// Number of rows.
    public var rowCount: Int { rows.count }
    /// Number of non-zero matrix entries.
    public var nonZeroCount: Int { rows.reduce(0) { $0 + $1.terms.count } }
    /// True when some column is integer (a MIP).
    public var isMixedInteger: Bool { columns.contains { $0.isInteger } }

    /// Adds a column and returns its handle.
    @discardableResult
    public mutating func addVariable(
        _ name: String,
        bounds: Bounds = .lower(0),
        cost: Double = 0,
        isInteger: Bool = false
    ) -> Variable {
        columns.append(Column(name: name, bounds: bounds, cost: cost, isInteger: isInteger))
        return Variable(index: columns.count - 1)
    }

    /// Adds a row `bounds.lower ≤ Σ coefficient·variable ≤ bounds.upper` and returns its handle.
    ///
    /// Terms naming the same variable twice are summed, so the matrix never holds duplicates.
    @discardableResult
    public mutating func addConstraint(_ name: String, _ terms: [Term], bounds: Bounds) -> Constraint {
        var merged: [Term] = []
        var position: [Variable: Int] = [:]
        for term in terms {
            if let at = position[term.variable] {
                merged[at].coefficient += term.coefficient
            } else {
                position[term.variable] = merged.count
                merged.append(term)
            }
        }
        rows.append(Row(name: name, bounds: bounds, terms: merged))
        return Constraint(index: rows.count - 1)
    }

    /// Adds a row from (variable, coefficient) pairs.
    @discardableResult
    public mutating func addConstraint(
        _ name: String,
        _ terms: [(Variable, Double)],
        bounds: Bounds
    ) -> Constraint {
        addConstraint(name, terms.map { Term($0.0, $0.1) }, bounds: bounds)
    }

    /// Adds a column with its coefficients in existing rows, and returns its handle.
    ///
    /// Used to grow a program column by column (column generation); coefficients naming the same
    /// row twice are summed, so the matrix never holds duplicates.
    /// - Precondition: every row handle is in range.
    @discardableResult
    public mutating func addVariable(
        _ name: String,
        bounds: Bounds = .lower(0),
        cost: Double = 0,
        coefficients: [(Constraint, Double)]
    ) -> Variable {
        let variable = addVariable(name, bounds: bounds, cost: cost)
        for (row, value) in Self.merged(coefficients) {
            precondition((0..<rows.count).contains(row.index), "row \(row.index) out of range 0..<\(rows.count)")
            rows[row.index].terms.append(Term(variable, value))
        }
        return variable
    }

    /// `coefficients` with repeated rows (or columns) summed, in order of first appearance.
    public static func merged<Key: Hashable>(_ coefficients: [(Key, Double)]) -> [(Key, Double)] {
        var result: [(Key, Double)] = []
        var position: [Key: Int] = [:]
        for (row, value) in coefficients {
            if let at = position[row] {
                result[at].1 += value
            } else {
                position[row] = result.count
                result.append((row, value))
            }
        }
        return result
    }

    /// Replaces a column's bounds.
    public mutating func setBounds(_ variable: Variable, _ bounds: Bounds) {
        columns[variable.index].bounds = bounds
    }

    /// Replaces a row's bounds.
    public mutating func setBounds(_ constraint: Constraint, _ bounds: Bounds) {
        rows[constraint.index].bounds = bounds
    }

    /// Replaces a column's objective coefficient.
    public mutating func setCost(_ variable: Variable, _ cost: Double) {
        columns[variable.index].cost = cost
    }

    /// The column behind a handle.
    public subscript(variable: Variable) -> Column { columns[variable.index] }
    /// The row behind a handle.
    public subscript(constraint: Constraint) -> Row { rows[constraint.index] }

    /// Every problem that would make a solver reject or misread this program: non-finite
    /// coefficients or bounds, crossed bounds, handles out of range, empty or over-long names.
    ///
    /// Solvers call this before touching native code; an empty list means the program is well formed.
    public func validationProblems(maxNameLength: Int = 255) -> [String] {
        var problems: [String] = []
        if !objectiveConstant.isFinite { problems.append("objective constant \(objectiveConstant) is not finite") }
        for (j, column) in columns.enumerated() {
            if !column.cost.isFinite { problems.append("column \(j) '\(column.name)': cost \(column.cost) is not finite") }
            if let p = column.bounds.problem { problems.append("column \(j) '\(column.name)': \(p)") }
            if column.name.utf8.count > maxNameLength {
                problems.append("column \(j): name longer than \(maxNameLength) bytes")
            }
        }
        for (i, row) in rows.enumerated() {
            if let p = row.bounds.problem { problems.append("row \(i) '\(row.name)': \(p)") }
            if row.name.utf8.count > maxNameLength { problems.append("row \(i): name longer than \(maxNameLength) bytes") }
            for term in row.terms {
                if !(0..<columns.count).contains(term.variable.index) {
                    problems.append("row \(i) '\(row.name)': column \(term.variable.index) out of range")
                } else if !term.coefficient.isFinite {
                    problems.append("row \(i) '\(row.name)': coefficient \(term.coefficient) is not finite")
                }
            }
        }
        return problems
    }
}
