import CorridorTestSupport
import FreightNetwork
import GLPK
import LinearProgramming
import Reports
import Simulation
import Testing

/// The run report says when column generation started from the volume algorithm, and only then.
@Suite("Column generation's volume start in reports")
struct VolumeStartReportTests {
    static func run(volume: Int?) throws -> FlowResult {
        var simulator = Simulator(solver: GLPKSolver(), method: .paths)
        simulator.volumeIterations = volume
        return try simulator.run(try ReportFixtures.network(), scenario: "Fixture base")
    }

    @Test("Its iterations are in the lp section (JSON) and on the LP line (text); the optimum is unchanged")
    func startIsReported() throws {
        let started = try Self.run(volume: 25)
        let plain = try Self.run(volume: nil)  // by size: the fixture is far below 100,000 commodities × links
        let context = ReportContext(file: "fixture.yaml")

        #expect(started.status == .optimal && plain.status == .optimal)
        #expect(isClose(try #require(started.objectiveValue), try #require(plain.objectiveValue), tolerance: 1e-9))
        #expect(started.programSize.volumeIterations == 25)
        #expect(plain.programSize.volumeIterations == nil)
        let rounds = try #require(started.programSize.rounds)
        // The last key of `lp`, after `rounds`.
        #expect(JSONReport.render(started, context: context).contains("\"rounds\": \(rounds),\n    \"volume_iterations\": 25\n  }"))
        #expect(!JSONReport.render(plain, context: context).contains("volume_iterations"))
        #expect(
            TableReport.render(started, context: context).contains(
                "(column generation, \(rounds) rounds, started from 25 volume-algorithm iterations)"))
        #expect(!TableReport.render(plain, context: context).contains("volume-algorithm"))
    }
}
