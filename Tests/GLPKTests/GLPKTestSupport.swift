import Foundation
import GLPK
import LinearProgramming
import Testing

extension Tag {
    /// Tests that need the GLPK library.
    @Tag static var glpk: Self
}

/// True when `actual` is within `tolerance` (relative, absolute below 1) of `expected`.
func isClose(_ actual: Double?, _ expected: Double, tolerance: Double = 1e-7) -> Bool {
    guard let actual else { return false }
    return abs(actual - expected) <= tolerance * max(1, abs(expected))
}

/// Small programs with known answers, shared by the GLPK suites.
enum Programs {
    /// The textbook LP, optionally with an objective constant.
    ///
    /// max 3x + 2y  s.t.  a: x + y ≤ 4,  b: x + 3y ≤ 6,  0 ≤ x ≤ 3, y ≥ 0  →  x = 3, y = 1, z = 11.
    static func textbook(constant: Double = 0) -> LinearProgram {
        var lp = LinearProgram(name: "textbook", sense: .maximize)
        let x = lp.addVariable("x", bounds: .range(0, 3), cost: 3)
        let y = lp.addVariable("y", cost: 2)
        lp.addConstraint("a", [(x, 1), (y, 1)], bounds: .upper(4))
        lp.addConstraint("b", [(x, 1), (y, 3)], bounds: .upper(6))
        lp.objectiveConstant = constant
        return lp
    }

    /// A balanced transportation problem with `size` sources and sinks (size² columns).
    ///
    /// It needs many simplex iterations. Costs 1…10 per unit, supplies and demands 10 units each.
    static func transportation(size: Int) -> LinearProgram {
        var lp = LinearProgram(name: "transport", sense: .minimize)
        var ship: [[LinearProgram.Variable]] = []
        for i in 0..<size {
            ship.append(
                (0..<size).map { j in lp.addVariable("ship_\(i)_\(j)", cost: Double((i * 7 + j * 13) % 10 + 1)) })
        }
        for i in 0..<size {
            lp.addConstraint("supply_\(i)", ship[i].map { ($0, 1.0) }, bounds: .fixed(10))
        }
        for j in 0..<size {
            lp.addConstraint("demand_\(j)", (0..<size).map { (ship[$0][j], 1.0) }, bounds: .fixed(10))
        }
        return lp
    }

    /// A 0/1 knapsack: item values and weights (kg), capacity in kg.
    static let knapsackValues: [Double] = [15, 10, 9, 5, 18, 7, 12, 3, 11, 8]
    static let knapsackWeights: [Double] = [6, 4, 5, 2, 9, 3, 7, 1, 6, 4]
    static let knapsackCapacity: Double = 20

    /// The knapsack as a MIP.
    ///
    /// max Σ valueᵢ xᵢ  s.t.  Σ weightᵢ xᵢ ≤ capacity,  xᵢ ∈ {0, 1}.
    static func knapsack() -> LinearProgram {
        var lp = LinearProgram(name: "knapsack", sense: .maximize)
        let items = knapsackValues.indices.map { i in
            lp.addVariable("take_\(i)", bounds: .range(0, 1), cost: knapsackValues[i], isInteger: true)
        }
        lp.addConstraint("capacity", zip(items, knapsackWeights).map { ($0, $1) }, bounds: .upper(knapsackCapacity))
        return lp
    }

    /// The knapsack optimum by enumerating all 2ⁿ subsets.
    static func knapsackBruteForce() -> Double {
        var best = 0.0
        for subset in 0..<(1 << knapsackValues.count) {
            var value = 0.0
            var weight = 0.0
            for i in knapsackValues.indices where subset & (1 << i) != 0 {
                value += knapsackValues[i]
                weight += knapsackWeights[i]
            }
            if weight <= knapsackCapacity { best = max(best, value) }
        }
        return best
    }

    /// A min-cost flow LP on s → {a, b} → t, with its flow columns.
    ///
    /// 5 units from s to t; arcs (cost per unit, capacity):
    /// s→a (1, 4), s→b (4, 5), a→b (1, 2), a→t (5, 3), b→t (1, 6).
    /// Optimum 21: 2 units s→a→b→t (3 each), 3 units s→b→t (5 each).
    static func minCostFlow() -> (program: LinearProgram, flows: [LinearProgram.Variable]) {
        let arcs: [(from: String, to: String, cost: Double, capacity: Double)] = [
            ("s", "a", 1, 4), ("s", "b", 4, 5), ("a", "b", 1, 2), ("a", "t", 5, 3), ("b", "t", 1, 6),
        ]
        let supply: [String: Double] = ["s": 5, "a": 0, "b": 0, "t": -5]  // supply > 0, demand < 0
        var lp = LinearProgram(name: "min cost flow", sense: .minimize)
        let flows = arcs.map {
            lp.addVariable("flow \($0.from)->\($0.to)", bounds: .range(0, $0.capacity), cost: $0.cost)
        }
        for node in ["s", "a", "b", "t"] {
            var terms: [(LinearProgram.Variable, Double)] = []
            for (arc, flow) in zip(arcs, flows) {
                if arc.from == node { terms.append((flow, 1)) }
                if arc.to == node { terms.append((flow, -1)) }
            }
            lp.addConstraint("balance[\(node)]", terms, bounds: .fixed(supply[node] ?? 0))
        }
        return (lp, flows)
    }
}

/// Runs `/usr/bin/glpsol` on `text` written to a temporary file and returns the optimum it prints.
///
/// - Parameters:
///   - text: An LP or MPS file's text.
///   - formatFlag: `--lp` or `--freemps`.
///   - extraArguments: Such as `--max` for an MPS maximisation.
func glpsolObjective(of text: String, formatFlag: String, extraArguments: [String] = []) throws -> Double? {
    let directory = FileManager.default.temporaryDirectory
    let input = directory.appendingPathComponent("glpk-test-\(UUID().uuidString).txt")
    let output = directory.appendingPathComponent("glpk-test-\(UUID().uuidString).out")
    defer {
        try? FileManager.default.removeItem(at: input)
        try? FileManager.default.removeItem(at: output)
    }
    try text.write(to: input, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
    process.arguments = [formatFlag, input.path, "-o", output.path] + extraArguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    // A line such as "Objective:  obj = 11 (MAXimum)".
    let report = try String(contentsOf: output, encoding: .utf8)
    guard let line = report.split(separator: "\n").first(where: { $0.hasPrefix("Objective:") }),
        let equals = line.firstIndex(of: "=")
    else { return nil }
    let number = line[line.index(after: equals)...].split(separator: " ").first.map(String.init) ?? ""
    return Double(number)
}
