import CorridorTestSupport
import FreightNetwork
import GLPK
import LinearProgramming
import Reports
import Simulation
import Testing

/// The run report says when the primal simplex's stall guard handed a solve to the dual simplex, and
/// only then.
@Suite("GLPK stall guard in reports")
struct StallGuardReportTests {
    /// The report fixture's run with `stallGuard`, the arc form solved as one LP; with `seasons`, in four
    /// quarters (the time-expanded LP, whole).
    static func run(_ stallGuard: SolveOptions.StallGuard?, seasons: Bool) throws -> FlowResult {
        let options = SolveOptions(stallGuard: stallGuard)
        let simulator = Simulator(solver: GLPKSolver(), options: options, method: .arc)
        let network = try ReportFixtures.network()
        guard seasons else { return try simulator.run(network, scenario: "Fixture base") }
        let schedule = PeriodSchedule(periods: ["q1", "q2", "q3", "q4"].map { .init(name: $0, days: 91.25) }, for: network)
        return try simulator.run(network, periods: schedule, scenario: "Fixture seasons")
    }

    @Test("A switched solve is in the lp section (JSON) and on the LP line (text); the optimum is unchanged",
        arguments: [false, true])
    func switchIsReported(seasons: Bool) throws {
        let zero = SolveOptions.StallGuard(iterationsPerRow: 0, minimumIterations: 0)
        let switched = try Self.run(zero, seasons: seasons)
        let plain = try Self.run(.standard, seasons: seasons)
        let context = ReportContext(file: "fixture.yaml")

        #expect(switched.status == .optimal && plain.status == .optimal)
        #expect(isClose(try #require(switched.objectiveValue), try #require(plain.objectiveValue), tolerance: 1e-9))
        #expect(switched.programSize.dualSimplexAfterIterations == 0)
        #expect(plain.programSize.dualSimplexAfterIterations == nil)
        // The last key of `lp`, after `rounds`.
        let json = JSONReport.render(switched, context: context)
        #expect(json.contains("\"rounds\": null,\n    \"switched_to_dual_after_iterations\": 0\n  }"))
        #expect(!JSONReport.render(plain, context: context).contains("switched_to_dual"))
        #expect(TableReport.render(switched, context: context).contains("(primal simplex, then dual after 0 iterations)"))
        #expect(!TableReport.render(plain, context: context).contains("then dual after"))
    }
}
