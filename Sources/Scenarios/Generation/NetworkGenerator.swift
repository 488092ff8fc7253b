public import FreightNetwork

/// A deterministic, corridor-like synthetic network of an exact size, for scale tests and benchmarks.
///
/// Nodes sit on a grid laid over Eurasia, wider than high: column 0 is the west (Europe, the
/// destinations), the last column the east (China, the origin hubs). A spanning tree of east–west
/// lines plus one north–south link between neighbouring rows keeps every node reachable; further
/// links are drawn, in this order, from the remaining north–south grid links, the diagonals, and
/// the other pairs at most two rows and two columns apart, so the network stays sparse and roughly
/// planar. Every link is bidirectional except one westbound link when the link count is odd.
///
/// The same ``Parameters`` always give the same network, on every platform: the generator uses
/// ``SplitMix64`` and only IEEE `+ − × ÷ √` (no libm), and rounds every figure to a few decimals.
public struct NetworkGenerator: Sendable {
    /// What to generate.
    public struct Parameters: Sendable, Hashable {
        /// Node count, ≥ 2.
        public var nodes: Int
        /// Directed link count (a bidirectional link counts 2), within ``NetworkGenerator/linkRange(nodes:)``.
        public var links: Int
        /// Demand count, ≥ 1.
        public var demands: Int
        /// Origin hubs the demands start from; `nil` means 10, or fewer when the network has fewer
        /// eastern hubs or there are fewer demands.
        public var origins: Int?
        /// The seed; the network depends on it and the other parameters alone.
        public var seed: UInt64
        /// Value-of-time classes demands are drawn from (1 … 5); with 1, every demand has the same
        /// value of time, so demands from one origin aggregate into one commodity.
        public var valueOfTimeClasses: Int

        /// Parameters; `origins: nil` picks the default.
        public init(
            nodes: Int, links: Int, demands: Int, origins: Int? = nil, seed: UInt64, valueOfTimeClasses: Int = 1
        ) {
            self.nodes = nodes
            self.links = links
            self.demands = demands
            self.origins = origins
            self.seed = seed
            self.valueOfTimeClasses = valueOfTimeClasses
        }
    }

    /// Values of time, USD/TEU/day, of the classes in order: time-aware consumer goods first, then
    /// general cargo, auto parts, electronics, launch-critical electronics (the baseline's segments).
    public static let valuesOfTimeUSDPerTEUDay: [Double] = [100, 40, 280, 350, 400]
    /// Origin hubs when `--origins` is not given.
    public static let defaultOrigins = 10
    /// Most demands one file may hold (a guard against typing an extra zero).
    public static let maximumDemands = 1_000_000
    /// Most nodes one file may hold.
    public static let maximumNodes = 1_000_000

    /// The validated parameters.
    public let parameters: Parameters
    /// Origin hubs actually used (the default resolved).
    public let origins: Int
    let layout: GridLayout

    /// Checks `parameters` against what a network of that size can hold.
    /// - Throws: ``GeneratorError`` naming the first parameter at fault and the accepted values.
    public init(_ parameters: Parameters) throws(GeneratorError) {
        let n = parameters.nodes
        guard n >= 2, n <= Self.maximumNodes else {
            throw GeneratorError(
                parameter: "nodes", message: "expected 2 … \(Self.maximumNodes) nodes, found \(n)")
        }
        let layout = GridLayout(nodes: n)
        let range = layout.linkRange
        guard range.contains(parameters.links) else {
            throw GeneratorError(
                parameter: "links",
                message: "a \(n)-node network takes \(range.lowerBound) … \(range.upperBound) directed links "
                    + "(a connected, sparse network: at least a bidirectional spanning tree, at most every pair of "
                    + "nodes within two grid steps), found \(parameters.links)"
            )
        }
        guard parameters.demands >= 1, parameters.demands <= Self.maximumDemands else {
            throw GeneratorError(
                parameter: "demands",
                message: "expected 1 … \(Self.maximumDemands) demands, found \(parameters.demands)")
        }
        let hubs = layout.eastern.count
        let origins: Int
        if let requested = parameters.origins {
            guard requested >= 1 else {
                throw GeneratorError(parameter: "origins", message: "expected at least 1 origin, found \(requested)")
            }
            guard requested <= hubs else {
                throw GeneratorError(
                    parameter: "origins",
                    message: "a \(n)-node network has \(hubs) eastern hub node\(hubs == 1 ? "" : "s") to start from, "
                        + "found \(requested) origins"
                )
            }
            guard requested <= parameters.demands else {
                throw GeneratorError(
                    parameter: "origins",
                    message: "every origin needs a demand: expected at most \(parameters.demands) (--demands), "
                        + "found \(requested)"
                )
            }
            origins = requested
        } else {
            origins = min(Self.defaultOrigins, hubs, parameters.demands)
        }
        let classes = Self.valuesOfTimeUSDPerTEUDay.count
        guard (1...classes).contains(parameters.valueOfTimeClasses) else {
            throw GeneratorError(
                parameter: "value-of-time-classes",
                message: "expected 1 … \(classes), found \(parameters.valueOfTimeClasses)"
            )
        }
        self.parameters = parameters
        self.origins = origins
        self.layout = layout
    }

    /// The directed link counts a network of `nodes` nodes accepts.
    public static func linkRange(nodes: Int) -> ClosedRange<Int> { GridLayout(nodes: nodes).linkRange }

    /// The network; the same parameters always give the same network.
    public func network() -> Network {
        var rng = SplitMix64(seed: parameters.seed)
        let nodes = makeNodes(&rng)
        let links = makeLinks(nodes, &rng)
        let demands = makeDemands(nodes, &rng)
        do {
            return try Network(nodes: nodes, links: links, demands: demands)
        } catch {
            // Every figure is built in range above: a throw here is a bug in this file.
            preconditionFailure("NetworkGenerator built an invalid network: \(error)")
        }
    }

    /// The scenario file of ``network()``, exactly as `corridor generate` writes it: a comment with the
    /// command that writes it, the name, a description, then the network.
    public func scenarioFile(of network: Network) -> String {
        let p = parameters
        do {
            return try NetworkYAMLWriter.yaml(
                network,
                name: scenarioName,
                description: "Synthetic corridor-like network written by corridor generate; not real data.",
                comments: [
                    "Written by: corridor generate --nodes \(p.nodes) --links \(p.links) --demands \(p.demands) "
                        + "--origins \(origins) --seed \(p.seed) --value-of-time-classes \(p.valueOfTimeClasses)",
                    "Synthetic: west (lon -5) is Europe, east (lon 120) China. The same arguments write the same file.",
                ]
            )
        } catch {
            // Generated ids are short and plain, nothing is closed: a throw here is a bug in this folder.
            preconditionFailure("NetworkGenerator wrote an unrepresentable network: \(error)")
        }
    }

    /// A one-line name for the generated scenario, such as `synthetic n100 l400 d20 o10 seed 1`.
    public var scenarioName: String {
        let p = parameters
        let classes = p.valueOfTimeClasses == 1 ? "" : " v\(p.valueOfTimeClasses)"
        return "synthetic n\(p.nodes) l\(p.links) d\(p.demands) o\(origins)\(classes) seed \(p.seed)"
    }
}
