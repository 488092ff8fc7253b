internal import CGLPK
internal import LinearProgramming

extension Bounds {
    /// The arguments of `glp_set_col_bnds` / `glp_set_row_bnds` for these bounds.
    ///
    /// A range whose ends are equal becomes `GLP_FX`: `GLP_DB` with lower ≥ upper would make
    /// `glp_simplex` return `GLP_EBOUND`. Unused bound values are 0, as GLPK ignores them.
    var glpk: (type: Int32, lower: Double, upper: Double) {
        switch self {
        case .free: (GLP_FR, 0, 0)
        case .lower(let lower): (GLP_LO, lower, 0)
        case .upper(let upper): (GLP_UP, 0, upper)
        case .range(let lower, let upper) where lower == upper: (GLP_FX, lower, upper)
        case .range(let lower, let upper): (GLP_DB, lower, upper)
        case .fixed(let value): (GLP_FX, value, value)
        }
    }
}
