import ArgumentParser
import FlowFormulation

/// Formats of `corridor run` and `corridor plan`.
enum RunFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
}

/// Formats of `corridor compare`, `corridor capacity` and `corridor frontier`.
enum CompareFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
    case csv
    case markdown
}

extension Objective: ExpressibleByArgument {}
