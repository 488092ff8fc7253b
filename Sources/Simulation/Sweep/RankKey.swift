/// Which figure orders a single-failure ranking (and picks the K most critical for pairs).
public enum RankKey: String, Sendable, Hashable, CaseIterable {
    /// Lost TEU/year first, then added generalised cost.
    case lostTEU = "lost-teu"
    /// Added generalised cost (tariffs, handling, time value and unmet penalties), USD/year.
    case objective
    /// Added total cost (tariffs and handling of delivered freight), USD/year.
    case cost
    /// Added average transit days.
    case days
}
