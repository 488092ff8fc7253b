/// How ``Simulator`` solves a network: which formulation, or a choice by size.
public enum SolutionMethod: String, Sendable, Hashable, CaseIterable {
    /// The arc form for small programs, column generation for large ones (``Simulator/chooseMethod(_:threshold:)``).
    case auto
    /// The origin-aggregated arc form (`FlowFormulation/FlowProgram`), solved once.
    case arc
    /// The path form (`FlowFormulation/PathProgram`) solved by column generation.
    case paths
}
