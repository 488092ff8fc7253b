/// What the optimizer is asked to do.
public enum Objective: String, Sendable, Hashable, CaseIterable {
    /// Carry every demand at the lowest generalised cost (tariffs, handling, time value, unmet penalties).
    case minCost = "min-cost"
    /// Deliver as many TEU as the capacities allow; among those flows, the cheapest.
    case maxThroughput = "max-throughput"
}
