extension LinearProgram {
    /// A column to append to a loaded program: name, bounds, cost and its coefficients in existing rows.
    public struct NewColumn: Sendable {
        public var name: String
        public var bounds: Bounds
        public var cost: Double
        /// (row, coefficient) pairs; a row named twice has its coefficients summed.
        public var coefficients: [(Constraint, Double)]

        public init(name: String, bounds: Bounds = .lower(0), cost: Double, coefficients: [(Constraint, Double)]) {
            self.name = name
            self.bounds = bounds
            self.cost = cost
            self.coefficients = coefficients
        }
    }

    /// Appends `column` (see ``addVariable(_:bounds:cost:coefficients:)``) and returns its handle.
    @discardableResult
    public mutating func add(_ column: NewColumn) -> Variable {
        addVariable(column.name, bounds: column.bounds, cost: column.cost, coefficients: column.coefficients)
    }

    /// Why `column` cannot be appended to this program, or `nil` when it can.
    public func problem(adding column: NewColumn, maxNameLength: Int = 255) -> String? {
        if !column.cost.isFinite { return "column '\(column.name)': cost \(column.cost) is not finite" }
        return Self.problem(
            "column '\(column.name)'", column.bounds, name: column.name, maxNameLength: maxNameLength,
            entries: column.coefficients.map { ($0.0.index, $0.1) }, of: "row", count: rowCount)
    }

    /// Why a column or row (`what`) cannot be appended: its bounds, its name's length, or an entry whose index
    /// (`kind`, a row or column) is not in 0..<`count` or whose coefficient is not finite.
    fileprivate static func problem(
        _ what: String, _ bounds: Bounds, name: String, maxNameLength: Int, entries: [(Int, Double)], of kind: String,
        count: Int
    ) -> String? {
        if let p = bounds.problem { return "\(what): \(p)" }
        if name.utf8.count > maxNameLength { return "\(what): name longer than \(maxNameLength) bytes" }
        for (index, value) in entries {
            if !(0..<count).contains(index) { return "\(what): \(kind) \(index) out of range" }
            if !value.isFinite { return "\(what): coefficient \(value) is not finite" }
        }
        return nil
    }
}

extension LinearProgram {
    /// A row to append to a loaded program: name, bounds and its coefficients on existing columns.
    public struct NewRow: Sendable {
        public var name: String
        public var bounds: Bounds
        /// (column, coefficient) pairs; a column named twice has its coefficients summed.
        public var terms: [(Variable, Double)]

        public init(name: String, bounds: Bounds, terms: [(Variable, Double)]) {
            self.name = name
            self.bounds = bounds
            self.terms = terms
        }
    }

    /// Appends `row` and returns its handle.
    @discardableResult
    public mutating func add(_ row: NewRow) -> Constraint {
        addConstraint(row.name, row.terms, bounds: row.bounds)
    }

    /// Why `row` cannot be appended to this program, or `nil` when it can.
    public func problem(adding row: NewRow, maxNameLength: Int = 255) -> String? {
        Self.problem(
            "row '\(row.name)'", row.bounds, name: row.name, maxNameLength: maxNameLength,
            entries: row.terms.map { ($0.0.index, $0.1) }, of: "column", count: columnCount)
    }
}
