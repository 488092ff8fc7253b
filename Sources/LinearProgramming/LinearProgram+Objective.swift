extension LinearProgram {
    /// Replaces the objective (sense, every column's cost and the constant) with `other`'s, keeping
    /// this program's columns, rows and bounds: a lexicographic solve's next stage on the same LP.
    ///
    /// `other` must have the same columns, in the same order (same names and bounds; a precondition),
    /// so that every handle of this program keeps its meaning.
    public mutating func replaceObjective(with other: LinearProgram) {
        precondition(
            other.columns.count == columns.count
                && zip(other.columns, columns).allSatisfy { $0.name == $1.name && $0.bounds == $1.bounds },
            "the objective of another program's columns")
        sense = other.sense
        objectiveConstant = other.objectiveConstant
        for (j, column) in other.columns.enumerated() { setCost(Variable(index: j), column.cost) }
    }
}
