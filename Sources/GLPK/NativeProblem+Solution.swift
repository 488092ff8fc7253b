internal import CGLPK
internal import LinearProgramming

extension NativeProblem {
    /// Which of the three solutions GLPK stores in a problem.
    enum SolutionKind {
        /// The basic solution of `glp_simplex` (`glp_get_*`).
        case basic
        /// The interior-point solution of `glp_interior` (`glp_ipt_*`).
        case interiorPoint
        /// The integer solution of `glp_intopt` (`glp_mip_*`).
        case integer
    }

    /// The status of the stored solution of `kind`.
    func status(_ kind: SolutionKind) -> GLPKSolutionStatus {
        let problem = ready
        return switch kind {
        case .basic: GLPKSolutionStatus(rawValue: glp_get_status(problem))
        case .interiorPoint: GLPKSolutionStatus(rawValue: glp_ipt_status(problem))
        case .integer: GLPKSolutionStatus(rawValue: glp_mip_status(problem))
        }
    }

    /// The objective value of the stored solution of `kind`, including the constant c₀.
    func objectiveValue(_ kind: SolutionKind) -> Double {
        let problem = ready
        return switch kind {
        case .basic: glp_get_obj_val(problem)
        case .interiorPoint: glp_ipt_obj_val(problem)
        case .integer: glp_mip_obj_val(problem)
        }
    }

    /// Simplex iterations counted so far on this problem (`glp_get_it_cnt`).
    var iterationCount: Int { Int(glp_get_it_cnt(ready)) }

    /// An ``LPSolution`` with the values of the stored solution of `kind`.
    ///
    /// Values are read only when `withValues` is true; otherwise the arrays stay empty and the
    /// objective is `nil`. Duals and reduced costs are left empty for an integer solution.
    func solution(
        _ kind: SolutionKind,
        termination: TerminationStatus,
        withValues: Bool,
        iterations: Int?
    ) -> LPSolution {
        guard withValues else {
            return LPSolution(termination: termination, objective: nil, primal: [], iterations: iterations)
        }
        let problem = ready
        let columns = (0..<columnCount).map { Int32($0 + 1) }
        let rows = (0..<rowCount).map { Int32($0 + 1) }
        let primal: [Double]
        let activity: [Double]
        var duals: [Double] = []
        var reducedCosts: [Double] = []
        switch kind {
        case .basic:
            primal = columns.map { glp_get_col_prim(problem, $0) }
            activity = rows.map { glp_get_row_prim(problem, $0) }
            duals = rows.map { glp_get_row_dual(problem, $0) }
            reducedCosts = columns.map { glp_get_col_dual(problem, $0) }
        case .interiorPoint:
            primal = columns.map { glp_ipt_col_prim(problem, $0) }
            activity = rows.map { glp_ipt_row_prim(problem, $0) }
            duals = rows.map { glp_ipt_row_dual(problem, $0) }
            reducedCosts = columns.map { glp_ipt_col_dual(problem, $0) }
        case .integer:
            primal = columns.map { glp_mip_col_val(problem, $0) }
            activity = rows.map { glp_mip_row_val(problem, $0) }
        }
        return LPSolution(
            termination: termination,
            objective: objectiveValue(kind),
            primal: primal,
            rowActivity: activity,
            duals: duals,
            reducedCosts: reducedCosts,
            iterations: iterations
        )
    }
}
