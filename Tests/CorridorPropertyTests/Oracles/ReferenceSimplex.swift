/// A small exact-enough LP solver written for the tests: dense two-phase tableau simplex with
/// Bland's rule (no cycling), independent of GLPK.
///
/// Solves: minimise c·x subject to rows `a·x = b` or `a·x ≤ b`, x ≥ 0. Meant for the few hundred
/// columns of the random networks here, whose data are small integers and tenths, so plain
/// `Double` arithmetic with a 1e-9 tolerance is exact to far below the comparison tolerance.
struct ReferenceSimplex {
    /// The outcome of a solve.
    enum Outcome: Equatable {
        case optimal(Double)
        case infeasible
        case unbounded
    }

    /// One constraint row, dense over the columns.
    struct Row {
        var coefficients: [Double]
        var isEquality: Bool
        var rhs: Double
    }

    var columnCount: Int
    var cost: [Double]
    var rows: [Row] = []

    init(columns: Int) {
        columnCount = columns
        cost = [Double](repeating: 0, count: columns)
    }

    /// Adds `Σ terms ≤ rhs` (or `= rhs`), terms as (column, coefficient); repeated columns add up.
    mutating func add(_ terms: [(Int, Double)], equal: Bool, _ rhs: Double) {
        var coefficients = [Double](repeating: 0, count: columnCount)
        for (column, value) in terms { coefficients[column] += value }
        rows.append(Row(coefficients: coefficients, isEquality: equal, rhs: rhs))
    }

    static let epsilon = 1e-9

    /// Minimises `cost · x`.
    func minimize() -> Outcome {
        // Columns: structural, one slack per ≤ row, one artificial per row.
        let m = rows.count
        let slackColumns = rows.indices.filter { !rows[$0].isEquality }
        let slackStart = columnCount
        let artificialStart = slackStart + slackColumns.count
        let width = artificialStart + m
        var tableau = [[Double]](repeating: [Double](repeating: 0, count: width + 1), count: m)
        var slackOf = [Int: Int]()
        for (k, r) in slackColumns.enumerated() { slackOf[r] = slackStart + k }
        for (r, row) in rows.enumerated() {
            for j in 0..<columnCount { tableau[r][j] = row.coefficients[j] }
            if let s = slackOf[r] { tableau[r][s] = 1 }
            tableau[r][width] = row.rhs
            if row.rhs < 0 { for j in 0...width { tableau[r][j] = -tableau[r][j] } }
            tableau[r][artificialStart + r] = 1
        }
        var basis = (0..<m).map { artificialStart + $0 }

        // Phase 1: minimise the sum of artificials.
        var phase1 = [Double](repeating: 0, count: width)
        for r in 0..<m { phase1[artificialStart + r] = 1 }
        guard case .optimal(let infeasibility) = Self.run(&tableau, &basis, phase1, allowed: width) else {
            return .infeasible
        }
        let scale = max(1, rows.map { abs($0.rhs) }.max() ?? 1)
        if infeasibility > 1e-7 * scale { return .infeasible }
        // Drive artificials out of the basis; drop rows that turn out redundant.
        var r = 0
        while r < basis.count {
            if basis[r] >= artificialStart {
                if let j = (0..<artificialStart).first(where: { abs(tableau[r][$0]) > Self.epsilon }) {
                    Self.pivot(&tableau, &basis, row: r, column: j)
                } else {
                    tableau.remove(at: r)
                    basis.remove(at: r)
                    continue
                }
            }
            r += 1
        }
        // Phase 2: the real costs over structural and slack columns.
        var phase2 = [Double](repeating: 0, count: width)
        for j in 0..<columnCount { phase2[j] = cost[j] }
        return Self.run(&tableau, &basis, phase2, allowed: artificialStart)
    }

    /// Runs the simplex from a feasible basis over the columns below `allowed`, with Bland's rule.
    private static func run(
        _ tableau: inout [[Double]], _ basis: inout [Int], _ cost: [Double], allowed: Int
    ) -> Outcome {
        let width = cost.count
        while true {
            // Reduced costs d_j = c_j − c_B · column j.
            var entering: Int?
            for j in 0..<allowed where !basis.contains(j) {
                var reduced = cost[j]
                for (r, b) in basis.enumerated() where cost[b] != 0 { reduced -= cost[b] * tableau[r][j] }
                if reduced < -epsilon * max(1, abs(cost[j])) {
                    entering = j
                    break
                }
            }
            guard let j = entering else {
                var value = 0.0
                for (r, b) in basis.enumerated() { value += cost[b] * tableau[r][width] }
                return .optimal(value)
            }
            var leaving: Int?
            var best = Double.infinity
            for r in tableau.indices where tableau[r][j] > epsilon {
                let ratio = tableau[r][width] / tableau[r][j]
                if ratio < best - epsilon || (abs(ratio - best) <= epsilon && basis[r] < basis[leaving!]) {
                    best = ratio
                    leaving = r
                }
            }
            guard let r = leaving else { return .unbounded }
            pivot(&tableau, &basis, row: r, column: j)
        }
    }

    private static func pivot(_ tableau: inout [[Double]], _ basis: inout [Int], row r: Int, column j: Int) {
        let pivot = tableau[r][j]
        let width = tableau[r].count
        for k in 0..<width { tableau[r][k] /= pivot }
        for i in tableau.indices where i != r {
            let factor = tableau[i][j]
            guard factor != 0 else { continue }
            for k in 0..<width where tableau[r][k] != 0 { tableau[i][k] -= factor * tableau[r][k] }
            tableau[i][j] = 0
        }
        basis[r] = j
    }
}
