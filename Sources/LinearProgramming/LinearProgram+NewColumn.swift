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
        if let p = column.bounds.problem { return "column '\(column.name)': \(p)" }
        if column.name.utf8.count > maxNameLength { return "column '\(column.name)': name longer than \(maxNameLength) bytes" }
        for (row, value) in column.coefficients {
            if !(0..<rowCount).contains(row.index) { return "column '\(column.name)': row \(row.index) out of range" }
            if !value.isFinite { return "column '\(column.name)': coefficient \(value) is not finite" }
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
        if let p = row.bounds.problem { return "row '\(row.name)': \(p)" }
        if row.name.utf8.count > maxNameLength { return "row '\(row.name)': name longer than \(maxNameLength) bytes" }
        for (column, value) in row.terms {
            if !(0..<columnCount).contains(column.index) { return "row '\(row.name)': column \(column.index) out of range" }
            if !value.isFinite { return "row '\(row.name)': coefficient \(value) is not finite" }
        }
        return nil
    }
}
