import ArgumentParser
import Foundation
import FreightNetwork
import GLPK
import Reports
import Scenarios
import Simulation

/// One `corridor sweep` once its options are read: the scenario, the cases, the part and the output.
struct SweepJob {
    let scenario: Scenario
    let cases: SweepCases
    let shard: Shard
    let options: SweepRunOptions

    /// The min-cost flow of every case, warm and in parallel, with a progress bar and a timing line on
    /// stderr; exits 130 (or 128 + the signal) when interrupted, 70 when a case failed.
    func runFlow() throws {
        let engine = SweepEngine(network: scenario.network, factory: GLPKSolver())
        let progress = ProgressBar(enabled: !options.quiet && ProgressBar.stderrIsTerminal, label: "sweep")
        Interrupt.install()
        let control = SweepControl(
            shouldStop: { Interrupt.requested }, casesPlanned: { progress.plan($0) }, caseFinished: { progress.advance() })
        let clock = ContinuousClock()
        let started = clock.now
        let run = try Output.solving {
            defer { progress.finish() }
            return try engine.run(
                cases, scenario: scenario.name, file: scenario.file, uncertainty: scenario.uncertainty, shard: shard,
                threads: options.threads, control: control)
        }
        let elapsed = clock.now - started
        try Output.emit(options.resolvedFormat.render(run, shard: shard, limit: options.limit), to: options.output)
        try finish(run, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }

    /// The timing line, then the exit status of an interrupted run or of failed cases.
    private func finish(_ run: SweepRun, seconds: Double) throws {
        let solved = run.results.compactMap { $0 }
        let threads = options.threads
        if !options.quiet {
            let iterations = solved.reduce(0) { $0 + $1.iterations }
            let perCase = solved.isEmpty ? 0 : seconds * 1000 / Double(solved.count)
            Output.error(
                "sweep: \(solved.count) case\(solved.count == 1 ? "" : "s")\(shard.count > 1 ? " (shard \(shard))" : "") "
                    + "in \(String(format: "%.2f", seconds)) s on \(threads) thread\(threads == 1 ? "" : "s"), "
                    + "\(String(format: "%.1f", perCase)) ms per case, \(iterations) warm simplex iterations")
        }
        if Interrupt.requested || run.interrupted {
            Output.error("sweep: interrupted; wrote the \(solved.count) finished case\(solved.count == 1 ? "" : "s")")
            throw ExitCode(Interrupt.requested ? Interrupt.exitStatus : 130)
        }
        let failures = solved.filter { $0.status == nil }
        if let first = failures.first {
            Output.error("error: the solver failed on \(failures.count) case(s); first: \(first.failure ?? "")")
            throw ExitCodes.solverFailure
        }
    }

    /// `--metric capacity`: one maximum flow of `corridor` per failure or sample, on the capacity the intact
    /// network's background traffic leaves (as `corridor capacity` measures it; the background is routed
    /// once, by the intact min-cost flow, not again in each case).
    func runCapacity(corridor: String) throws {
        let file = scenario.file
        var network = scenario.network
        let selection = try CorridorSelection.parse(corridor, in: network, file: file)
        if network.demands.contains(where: \.isBackground) {
            let intact = try Output.solving { try Simulator(solver: GLPKSolver()).run(network, scenario: scenario.name) }
            guard intact.status.hasSolution else { throw Output.stopped(intact.status.rawValue, on: file) }
            network = network.reserving(background: intact.background)
            if !options.quiet {
                Output.error(
                    "sweep: capacities are what the intact flow's background traffic leaves "
                        + "(\(NumberFormatting.grouped(intact.background.reduce(0) { $0 + $1.deliveredTEU })) TEU/yr, "
                        + "routed once, not again in each case), as `corridor capacity` measures them")
            }
        }
        let sweep: CapacitySweep
        do throws(CapacityError) {
            sweep = try CapacitySweep.run(
                cases, scenario: scenario.name, network: network, uncertainty: scenario.uncertainty,
                corridor: selection, shard: shard)
        } catch {
            Output.error("\(file): error: \(error.description)")
            throw ExitCodes.dataError
        }
        let text = options.resolvedFormat.render(sweep, file: file, shard: shard, limit: options.limit)
        try Output.emit(text, to: options.output)
    }
}
