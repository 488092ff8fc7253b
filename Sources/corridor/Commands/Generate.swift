import ArgumentParser
import Foundation
import Scenarios

extension Corridor {
    /// `corridor generate`: write a synthetic corridor-like network of an exact size, for scale tests.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract:
                "Write a synthetic corridor-like scenario file of an exact size (nodes, directed links, demands).",
            discussion: """
                The network is a sparse, roughly planar grid laid over Eurasia: west is Europe (the \
                destinations), east is China (the origin hubs). Rail, road, ferry and sea links (all \
                bidirectional, but one westbound link when --links is odd), border and port nodes with \
                handling cost, dwell and some capacities. Every demand is reachable. The same arguments \
                always write the same bytes. Exits 64 when the arguments cannot be met.
                """
        )

        @Option(parsing: .unconditional, help: "Number of nodes (≥ 2).")
        var nodes: Int

        @Option(parsing: .unconditional, help: "Number of directed links; a bidirectional link counts 2 (from 2 × (nodes − 1)).")
        var links: Int

        @Option(parsing: .unconditional, help: "Number of demands (≥ 1).")
        var demands: Int

        @Option(
            help:
                "Origin hubs in the east the demands start from (default: 10, or fewer if the network or --demands is smaller)."
        )
        var origins: Int?

        @Option(parsing: .unconditional, help: "Seed of the random choices.")
        var seed: UInt64

        @Option(
            name: .customLong("value-of-time-classes"),
            help: "Value-of-time classes demands are drawn from (1–5). 1: all demands of an origin form one commodity."
        )
        var valueOfTimeClasses: Int = 1

        @Option(name: [.short, .customLong("output")], help: "The scenario file to write (replaced atomically).")
        var output: String

        func run() throws {
            let parameters = NetworkGenerator.Parameters(
                nodes: nodes, links: links, demands: demands, origins: origins, seed: seed,
                valueOfTimeClasses: valueOfTimeClasses
            )
            let generator: NetworkGenerator
            do {
                generator = try NetworkGenerator(parameters)
            } catch {
                throw ValidationError(error.description)
            }
            let network = generator.network()
            try Output.write(generator.scenarioFile(of: network), to: output)
            try Output.print(generator.summary(of: network, writtenTo: output))
        }
    }
}
