internal import CGLPK
internal import CGLPKGuard
internal import LinearProgramming

extension NativeProblem {
    /// After `glp_simplex` found the problem unbounded: the structural part of the direction in
    /// which the objective improves without limit, or `[]` when GLPK cannot say.
    ///
    /// GLPK names the non-basic variable x_k that causes unboundedness (`glp_get_unbnd_ray`); the
    /// column of the simplex table for x_k (`glp_eval_tab_col`) tells how every basic variable moves
    /// with it. Moving x_k in its improving direction, by its reduced cost, gives the ray. Only
    /// structural variables (the program's columns) are kept; the largest |component| is scaled to 1.
    /// For a network flow program the support is a cycle of links whose total cost is negative.
    func unboundedDirection() throws(SolverError) -> [LinearProgram.Term] {
        let problem = ready
        let m = Int32(rowCount)
        let k = glp_get_unbnd_ray(problem)
        guard k >= 1, k <= m + Int32(columnCount), glp_bf_exists(problem) != 0 else { return [] }
        let isRow = k <= m
        let status = isRow ? glp_get_row_stat(problem, k) : glp_get_col_stat(problem, k - m)
        guard status != GLP_BS else { return [] }
        let reducedCost = isRow ? glp_get_row_dual(problem, k) : glp_get_col_dual(problem, k - m)
        // Minimising, a negative reduced cost improves as x_k grows; maximising, a positive one.
        var step: Double = (glp_get_obj_dir(problem) == GLP_MIN) == (reducedCost < 0) ? 1 : -1
        if reducedCost == 0 { step = status == GLP_NU ? -1 : 1 }

        var indices = [Int32](repeating: 0, count: rowCount + 1)
        var values = [Double](repeating: 0, count: rowCount + 1)
        let length = indices.withUnsafeMutableBufferPointer { ind in
            values.withUnsafeMutableBufferPointer { val in
                cglpk_eval_tab_col(problem, k, ind.baseAddress, val.baseAddress)
            }
        }
        if length == CGLPK_FATAL { throw GLPKEnvironment.caughtFatalError(in: "glp_eval_tab_col") }
        var direction: [Int: Double] = [:]
        if !isRow { direction[Int(k - m - 1)] = step }
        for position in stride(from: 1, through: Int(length), by: 1) {
            let variable = indices[position]
            if variable > m { direction[Int(variable - m - 1), default: 0] += values[position] * step }
        }
        let largest = direction.values.map(abs).max() ?? 0
        guard largest > 0 else { return [] }
        return direction.keys.sorted().compactMap { column in
            let value = direction[column, default: 0] / largest
            return abs(value) > 1e-9 ? LinearProgram.Term(LinearProgram.Variable(index: column), value) : nil
        }
    }
}
