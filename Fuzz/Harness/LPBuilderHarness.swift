import FlowFormulation
import FreightNetwork
import GLPK
import LinearProgramming
import Scenarios
import Simulation

/// Bytes → a small network (or a raw linear program) → formulation → GLPK → checks.
///
/// The first byte picks what to build:
/// - a **network** (most inputs): 2–8 nodes, up to 15 links and 1–5 demands whose numbers come
///   from the range `corridor` supports (0, and 0.01 to 1e9); with a low probability a value is
///   taken from outside it instead (NaN, ±∞, negative, 1e300…), which `Network` must refuse.
///   Both objectives are formulated and solved under random options. A network that was accepted
///   must give a valid LP, an optimum (or, under an iteration or time limit, that status and no
///   flows), and flows that are conserved and within every capacity;
/// - a **raw program**: columns, rows, bounds, coefficients and names straight from the bytes
///   (NaN, ∞, crossed bounds, out-of-range columns, control characters, 300-byte names, integer
///   columns), solved and exported: GLPK must never abort the process;
/// - a **guarded fatal error**: GLPK's own `abort()` path, caught by the C guard, after which the
///   thread must solve again.
///
/// An input that starts like a scenario file (`#` or `schema_version`) is loaded instead, and a
/// connected piece of its network (up to 10 nodes and 6 demands) is used: so the bundled
/// scenarios are the seed corpus.
enum LPBuilderHarness {
    static func run(_ bytes: [UInt8]) {
        if bytes.first == UInt8(ascii: "#") || bytes.starts(with: Array("schema_version".utf8)) {
            if let network = ScenarioPiece.network(from: bytes) {
                var reader = ByteReader(Array(bytes.suffix(4)))
                solve(network, options: options(&reader), outsideRange: false)
            }
            return
        }
        var reader = ByteReader(bytes)
        switch reader.below(16) {
        case 0, 1, 2: rawProgram(&reader)
        case 3: guardedFatalError()
        default: randomNetwork(&reader)
        }
    }

    // MARK: - Networks

    /// Values `corridor` supports: capacities 1 to 1e9 TEU/year, costs 0.01 to 1e6 USD/TEU, and 0.
    static let supported: [Double] = [0, 0.01, 0.5, 1, 3, 10, 75, 250, 1_000, 20_000, 1e6, 1e9]
    /// Values a network must refuse or survive: not finite, negative, or absurdly large.
    static let outside: [Double] = [
        .nan, .infinity, -.infinity, -1, -0.0, 1e300, .greatestFiniteMagnitude, .leastNonzeroMagnitude,
    ]

    private static func randomNetwork(_ reader: inout ByteReader) {
        var outsideRange = false
        func value(_ reader: inout ByteReader) -> Double {
            if reader.chance(6) {
                outsideRange = true
                return reader.pick(outside)
            }
            return reader.pick(supported)
        }
        let nodeCount = 2 + reader.below(7)
        let nodes = (0..<nodeCount).map { n in
            Node(
                id: Node.ID("N\(n)"), name: "N\(n)", country: "XX", kind: reader.pick(NodeKind.allCases),
                latitude: 0, longitude: 0, capacityTEU: reader.chance(90) ? value(&reader) : nil,
                handlingCostUSDPerTEU: reader.chance(128) ? value(&reader) : 0,
                dwellDays: reader.chance(100) ? min(value(&reader), 30) : 0, isClosed: reader.chance(20)
            )
        }
        let links = (0..<reader.below(16)).map { l in
            Link(
                id: Link.ID(reader.chance(8) ? "L0" : "L\(l)"), from: Node.ID("N\(reader.below(nodeCount))"),
                to: Node.ID("N\(reader.below(nodeCount))"), mode: reader.pick(Mode.allCases),
                corridor: "c\(reader.below(3))",
                distanceKm: reader.pick([0, 1, 500, 5_000]), capacityTEU: reader.chance(120) ? value(&reader) : nil,
                costUSDPerTEU: value(&reader), timeDays: min(value(&reader), 60), isClosed: reader.chance(20)
            )
        }
        let demands = (0..<(1 + reader.below(5))).map { d in
            Demand(
                id: Demand.ID("D\(d)"), from: Node.ID("N\(reader.below(nodeCount))"),
                to: Node.ID("N\(reader.below(nodeCount))"), teu: value(&reader),
                valueOfTimeUSDPerTEUDay: reader.pick([0, 10, 50, 200]),
                unmetPenaltyUSDPerTEU: reader.pick([0, 100, 20_000, 1e6])
            )
        }
        let network: Network
        do {
            network = try Network(nodes: nodes, links: links, demands: demands)
        } catch {
            // Refused at the door: duplicate ids, self-loops, or values outside the range.
            return
        }
        solve(network, options: options(&reader), outsideRange: outsideRange)
    }

    /// Solve options from the bytes: algorithm, presolve, sometimes an iteration or time limit.
    private static func options(_ reader: inout ByteReader) -> SolveOptions {
        SolveOptions(
            algorithm: reader.pick(SolveOptions.Algorithm.allCases),
            presolve: reader.chance(40),
            timeLimitSeconds: reader.chance(10) ? reader.pick([0, 0.001, 5]) : nil,
            iterationLimit: reader.chance(30) ? reader.below(4) : nil
        )
    }

    /// Formulates and solves `network` for both objectives and checks what comes back.
    static func solve(_ network: Network, options: SolveOptions, outsideRange: Bool) {
        let limited = options.iterationLimit != nil || options.timeLimitSeconds != nil
        for objective in Objective.allCases {
            let program = FlowProgram(network: network, objective: objective).program
            let problems = program.validationProblems()
            invariant(
                outsideRange || problems.isEmpty, "a valid network formulated to an invalid LP: \(problems.prefix(3))")
            let result: FlowResult
            do {
                result = try Simulator(solver: GLPKSolver(), options: options).run(
                    network, scenario: "fuzz", objective: objective)
            } catch {
                // GLPK may give up on awkward numbers (a singular basis), or refuse an invalid LP;
                // but the guard must never have had to catch a fatal error on a valid program.
                invariant(outsideRange || error.code != -1, "GLPK hit a fatal error on a valid program: \(error)")
                continue
            }
            switch result.status {
            case .optimal:
                if !outsideRange {
                    let violations = FlowInvariants.violations(
                        result, network, approximate: options.algorithm == .interiorPoint)
                    invariant(violations.isEmpty, "\(objective) flows break invariants: \(violations.prefix(3))")
                }
            case .iterationLimit, .timeLimit:
                invariant(limited, "status \(result.status) without a limit")
                invariant(
                    result.objectiveValue == nil && result.links.allSatisfy { $0.flowTEU == 0 },
                    "a limit reached must not report flows")
            default:
                // A network's program is always feasible (all unmet) and bounded (costs ≥ 0). Known
                // exception (docs/reliability.md): max throughput by the approximate interior point
                // method, whose first stage may promise a few TEU more than the second can carry.
                let knownLimitation = objective == .maxThroughput && options.algorithm == .interiorPoint
                invariant(
                    outsideRange || knownLimitation,
                    "status \(result.status) for a network's program (\(objective), \(options))")
            }
        }
    }

    // MARK: - Raw programs and the guard

    /// Numbers for raw programs, valid or not.
    static let raw: [Double] = [
        0, 1, -1, 2.5, -3, 7, 1e-9, 1e9, -1e9, 1e300, -1e300, .nan, .infinity, -.infinity, .leastNonzeroMagnitude,
    ]

    private static func rawProgram(_ reader: inout ByteReader) {
        var program = LinearProgram(
            name: reader.chance(8) ? reader.text() : "fuzz", sense: reader.chance(128) ? .minimize : .maximize)
        let columns = reader.below(6)
        for _ in 0..<columns {
            program.addVariable(
                reader.text(), bounds: bounds(&reader), cost: reader.pick(raw), isInteger: reader.chance(40))
        }
        for _ in 0..<reader.below(6) {
            let terms = (0..<reader.below(5)).map { _ in
                LinearProgram.Term(
                    LinearProgram.Variable(index: reader.below(columns + 2) - (reader.chance(8) ? 5 : 0)),
                    reader.pick(raw))
            }
            program.addConstraint(reader.text(), terms, bounds: bounds(&reader))
        }
        if reader.chance(40) { program.objectiveConstant = reader.pick(raw) }
        let options = SolveOptions(
            algorithm: reader.pick(SolveOptions.Algorithm.allCases),
            presolve: reader.chance(60),
            timeLimitSeconds: reader.chance(20) ? reader.pick([-1, 0, 0.001, .nan, 10]) : nil,
            iterationLimit: reader.chance(20) ? reader.below(5) - 1 : nil,
            mipGap: reader.chance(20) ? reader.pick([0, 0.01, -1, .infinity]) : nil,
            captureLog: reader.chance(30)
        )
        let solver = GLPKSolver()
        if let solution = try? solver.solve(program, options: options) {
            if solution.termination.hasSolution && !program.isMixedInteger {
                invariant(solution.primal.count == program.columnCount, "primal values do not match the columns")
                invariant(solution.duals.count == program.rowCount, "duals do not match the rows")
            }
            for term in solution.unboundedDirection {
                invariant(
                    (0..<program.columnCount).contains(term.variable.index),
                    "unbounded direction names column \(term.variable.index)")
            }
        }
        if reader.chance(24) { _ = try? solver.exportCPLEXLP(program) }
        if reader.chance(24) { _ = try? solver.exportMPS(program) }
    }

    private static func bounds(_ reader: inout ByteReader) -> Bounds {
        switch reader.below(5) {
        case 0: .free
        case 1: .lower(reader.pick(raw))
        case 2: .upper(reader.pick(raw))
        case 3: .range(reader.pick(raw), reader.pick(raw))
        default: .fixed(reader.pick(raw))
        }
    }

    private static func guardedFatalError() {
        let error = GLPKSolver.triggerGuardedFatalErrorForTesting()
        invariant(error?.code == -1, "the guard did not catch GLPK's fatal error: \(String(describing: error))")
        var program = LinearProgram(sense: .minimize)
        let x = program.addVariable("x", bounds: .lower(1), cost: 2)
        program.addConstraint("r", [(x, 1)], bounds: .upper(5))
        let solution = try? GLPKSolver().solve(program)
        invariant(solution?.termination == .optimal && solution?.objective == 2, "no solve after a caught fatal error")
    }
}
