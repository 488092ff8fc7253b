import Foundation
import FreightNetwork
import LinearProgramming
import Scenarios
import Synchronization

/// A benchmark size: a network written by the library generator (`corridor generate`).
struct BenchmarkSize: Sendable {
    var label: String
    var nodes: Int
    var links: Int
    var demands: Int
    var origins = 10
    var seed: UInt64 = 2_021

    static let small = BenchmarkSize(label: "S", nodes: 100, links: 400, demands: 20)
    static let medium = BenchmarkSize(label: "M", nodes: 1_000, links: 4_000, demands: 100)
    static let large = BenchmarkSize(label: "L", nodes: 5_000, links: 20_000, demands: 200)
    static let all = [small, medium, large]

    var parameters: NetworkGenerator.Parameters {
        .init(nodes: nodes, links: links, demands: demands, origins: origins, seed: seed)
    }

    /// The network, straight from the generator.
    func network() -> Network {
        do {
            return try NetworkGenerator(parameters).network()
        } catch {
            fatalError("benchmark size \(label): \(error)")
        }
    }

    /// The scenario file of this size in the temporary directory, written once per process (same bytes as
    /// `corridor generate --nodes … --links … --demands … --origins 10 --seed 2021`).
    func file() -> String { files.value(label) { writeFile() } }

    private func writeFile() -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("corridor-benchmark-n\(nodes)-l\(links)-d\(demands)-o\(origins)-s\(seed).yaml").path
        do {
            let generator = try NetworkGenerator(parameters)
            let text = generator.scenarioFile(of: generator.network())
            let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path) == 0 else { fatalError("cannot rename \(temporary) to \(path)") }
        } catch {
            fatalError("cannot write the \(label) scenario to \(path): \(error)")
        }
        return path
    }
}

/// An `LPSolver` that hands back one prebuilt solution: `Simulator.run` with it times formulation and
/// decoding only (`FlowDecoder` itself is internal to `Simulation`).
struct ReplaySolver: LPSolver {
    let solution: LPSolution
    var name: String { "replay" }
    func solve(_ program: LinearProgram, options: SolveOptions) throws(SolverError) -> LPSolution { solution }
}

/// Fixtures built once per benchmark process: the benchmark closure runs once per sample, and a
/// solve at M (the decode fixture) takes about 25 s.
final class FixtureCache<Value: Sendable>: Sendable {
    private let storage = Mutex<[String: Value]>([:])

    func value(_ key: String, _ make: () -> Value) -> Value {
        if let value = storage.withLock({ $0[key] }) { return value }
        let value = make()
        storage.withLock { $0[key] = value }
        return value
    }
}

let networks = FixtureCache<Network>()
let solutions = FixtureCache<LPSolution>()
let files = FixtureCache<String>()

extension BenchmarkSize {
    /// The network of this size, generated once per process.
    var cachedNetwork: Network { networks.value(label) { network() } }
}
