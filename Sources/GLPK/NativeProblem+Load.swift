internal import LinearProgramming

extension NativeProblem {
    /// Loads `program` under `names`: rows, columns, bounds, costs, integrality, the objective
    /// constant and the sparse matrix.
    ///
    /// The program must be valid (``LinearProgram/validationProblems(maxNameLength:)`` empty) and
    /// the problem empty. When `names` has a ``ProblemNames/constantColumn``, the objective
    /// constant goes into that extra column, fixed at 1, instead of GLPK's c₀.
    mutating func load(_ program: LinearProgram, names: ProblemNames) throws(SolverError) {
        precondition(rowCount == 0 && columnCount == 0, "problem is not empty")
        precondition(
            names.columns.count == program.columnCount && names.rows.count == program.rowCount,
            "names do not match the program"
        )
        try setName(names.problem)
        try setObjectiveName(names.objective)
        try addRows(program.rowCount)
        try addColumns(program.columnCount + (names.constantColumn == nil ? 0 : 1))

        for (index, row) in program.rows.enumerated() {
            try setRow(index, name: names.rows[index], bounds: row.bounds)
        }
        for (index, column) in program.columns.enumerated() {
            try setColumn(
                index,
                name: names.columns[index],
                bounds: column.bounds,
                cost: column.cost,
                isInteger: column.isInteger
            )
        }
        if let constantName = names.constantColumn {
            try setColumn(
                program.columnCount,
                name: constantName,
                bounds: .fixed(1),
                cost: program.objectiveConstant,
                isInteger: false
            )
        } else {
            setObjectiveConstant(program.objectiveConstant)
        }

        var rows: [Int] = []
        var columns: [Int] = []
        var values: [Double] = []
        let count = program.nonZeroCount
        rows.reserveCapacity(count)
        columns.reserveCapacity(count)
        values.reserveCapacity(count)
        for (index, row) in program.rows.enumerated() {
            for term in row.terms {  // LinearProgram merges repeated variables, so no duplicates
                rows.append(index)
                columns.append(term.variable.index)
                values.append(term.coefficient)
            }
        }
        if !values.isEmpty {
            try loadMatrix(rows: rows, columns: columns, values: values)
        }
    }
}
