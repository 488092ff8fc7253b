import FreightNetwork
import PropertyBased

/// A random network as plain numbers, so that PropertyBased can generate it and shrink a failing
/// one (fewer links, fewer demands, smaller numbers).
///
/// Node, link and demand references are taken modulo the node count, so every spec is a valid
/// network; a link or demand from a node to itself is turned to the next node.
struct NetworkSpec: Sendable, CustomStringConvertible {
    struct NodeSpec: Sendable {
        var capacity: Double?
        var handling: Double
        var dwell: Double
        var closed: Bool
    }

    struct LinkSpec: Sendable {
        var from: Int
        var to: Int
        var cost: Double
        var time: Double
        var capacity: Double?
        var closed: Bool
    }

    struct DemandSpec: Sendable {
        var from: Int
        var to: Int
        var teu: Double
        var valueOfTime: Double
        var penalty: Double
    }

    var nodes: [NodeSpec]
    var links: [LinkSpec]
    var demands: [DemandSpec]

    /// Ends of a link or demand, modulo the node count and never equal.
    func ends(_ from: Int, _ to: Int) -> (Int, Int) {
        let a = from % nodes.count
        var b = to % nodes.count
        if a == b { b = (b + 1) % nodes.count }
        return (a, b)
    }

    /// The network: nodes `N0…`, links `L0…` (parallel links allowed), demands `D0…`; with
    /// `backgroundEvery` k, every k-th demand (D(k−1), D(2k−1), …) is background traffic.
    func network(backgroundEvery: Int? = nil) throws -> Network {
        let nodeValues = nodes.enumerated().map { i, spec in
            Node(
                id: Node.ID("N\(i)"), name: "N\(i)", country: ["AA", "BB", "CC"][i % 3],
                kind: i % 3 == 1 ? .border : .hub,
                latitude: Double(i), longitude: Double(2 * i), capacityTEU: spec.capacity,
                handlingCostUSDPerTEU: spec.handling, dwellDays: spec.dwell, isClosed: spec.closed
            )
        }
        let linkValues = links.enumerated().map { l, spec in
            let (a, b) = ends(spec.from, spec.to)
            return Link(
                id: Link.ID("L\(l)"), from: Node.ID("N\(a)"), to: Node.ID("N\(b)"), mode: .rail,
                corridor: ["northern", "middle", "sea", "shared"][l % 4], distanceKm: Double(100 + 37 * l),
                capacityTEU: spec.capacity, costUSDPerTEU: spec.cost, timeDays: spec.time, isClosed: spec.closed
            )
        }
        let demandValues = demands.enumerated().map { d, spec in
            let (a, b) = ends(spec.from, spec.to)
            return Demand(
                id: Demand.ID("D\(d)"), from: Node.ID("N\(a)"), to: Node.ID("N\(b)"), teu: spec.teu,
                valueOfTimeUSDPerTEUDay: spec.valueOfTime, unmetPenaltyUSDPerTEU: spec.penalty,
                isBackground: backgroundEvery.map { d % $0 == $0 - 1 } ?? false
            )
        }
        return try Network(nodes: nodeValues, links: linkValues, demands: demandValues)
    }

    var description: String {
        func number(_ value: Double?) -> String {
            guard let value else { return "∞" }
            return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        }
        let nodeText = nodes.enumerated().map { i, n in
            "N\(i)(cap \(number(n.capacity)), h \(number(n.handling)), dw \(number(n.dwell))\(n.closed ? ", closed" : ""))"
        }
        let linkText = links.enumerated().map { l, spec in
            let (a, b) = ends(spec.from, spec.to)
            return "L\(l) N\(a)→N\(b)(c \(number(spec.cost)), t \(number(spec.time)), cap \(number(spec.capacity))"
                + "\(spec.closed ? ", closed" : ""))"
        }
        let demandText = demands.enumerated().map { d, spec in
            let (a, b) = ends(spec.from, spec.to)
            return
                "D\(d) N\(a)→N\(b)(\(number(spec.teu)) TEU, vot \(number(spec.valueOfTime)), pen \(number(spec.penalty)))"
        }
        return "nodes: \(nodeText.joined(separator: " ")); links: \(linkText.joined(separator: " ")); "
            + "demands: \(demandText.joined(separator: " "))"
    }
}

/// Generators of ``NetworkSpec`` for the different properties.
enum NetworkGen {
    /// What the networks look like.
    enum Shape: Sendable {
        /// Demands from any node, several values of time: a true multi-commodity flow.
        case multiCommodity
        /// Every demand from `N0`; with `sameValueOfTime` one commodity (a plain min-cost flow).
        case singleOrigin(sameValueOfTime: Bool)
        /// Single origin, one value of time, capacities from 1 to 1e9 TEU/year and costs from
        /// 0.01 to 1e6 USD/TEU in the same network.
        case wideRange
    }

    /// Random networks of 3 to 8 nodes, 4 to 24 links and 1 to 5 demands.
    static func networks(_ shape: Shape) -> Generator<NetworkSpec, some SendableSequenceType> {
        let wide: Bool = if case .wideRange = shape { true } else { false }
        let node = zip(
            capacity(wide: wide).optional(valueRate: 0.3), Gen.int(in: 0...150), Gen.int(in: 0...30),
            Gen.bool(0.04)
        ).map { capacity, handling, dwell, closed in
            NetworkSpec.NodeSpec(
                capacity: capacity, handling: Double(handling), dwell: Double(dwell) / 10, closed: closed)
        }
        let link = zip(
            zip(Gen.int(in: 0...7), Gen.int(in: 0...7)), cost(wide: wide), Gen.int(in: 0...200),
            zip(capacity(wide: wide).optional(valueRate: 0.5), Gen.bool(0.05))
        ).map { ends, cost, time, rest in
            NetworkSpec.LinkSpec(
                from: ends.0, to: ends.1, cost: cost, time: Double(time) / 10, capacity: rest.0, closed: rest.1)
        }
        let demand = zip(
            zip(Gen.int(in: 0...7), Gen.int(in: 0...7)), Gen.int(in: 1...150), Gen.int(in: 0...3),
            Gen.int(in: 30...400)
        ).map { ends, teu, vot, penalty in
            NetworkSpec.DemandSpec(
                from: ends.0, to: ends.1, teu: Double(teu), valueOfTime: [0, 10, 50, 200][vot],
                penalty: Double(penalty) * 100)
        }
        return zip(node.array(of: 3...8), link.array(of: 4...24), demand.array(of: 1...5)).map {
            nodes, links, demands in
            var spec = NetworkSpec(nodes: nodes, links: links, demands: demands)
            switch shape {
            case .multiCommodity:
                break
            case .singleOrigin(let sameValueOfTime):
                spec.nodes[0].closed = false
                for d in spec.demands.indices {
                    spec.demands[d].from = 0
                    spec.demands[d].to = 1 + spec.demands[d].to % (spec.nodes.count - 1)
                    if sameValueOfTime { spec.demands[d].valueOfTime = 50 }
                }
            case .wideRange:
                spec.nodes[0].closed = false
                for d in spec.demands.indices {
                    spec.demands[d].from = 0
                    spec.demands[d].to = 1 + spec.demands[d].to % (spec.nodes.count - 1)
                    spec.demands[d].valueOfTime = 50
                    spec.demands[d].teu *= 1e6  // up to 1.5e8 TEU/year, so that 1e9 capacities matter
                    spec.demands[d].penalty = 2e6
                }
            }
            return spec
        }
    }

    /// A capacity in TEU/year: 5 to 150, or for `wide` 1 to 1e9 (log-uniform).
    private static func capacity(wide: Bool) -> Generator<Double, some SendableSequenceType> {
        zip(Gen.int(in: 0...9), Gen.int(in: 5...150)).map { exponent, mantissa in
            wide ? (Double(mantissa) / 150 * pow10(exponent)).rounded(.up) : Double(mantissa)
        }
    }

    /// A tariff in USD/TEU: 10 to 2,000, or for `wide` 0.01 to 1e6 (log-uniform).
    private static func cost(wide: Bool) -> Generator<Double, some SendableSequenceType> {
        zip(Gen.int(in: -2...5), Gen.int(in: 10...2000)).map { exponent, mantissa in
            wide ? max(0.01, (Double(mantissa) / 2000 * pow10(exponent + 1) * 100).rounded() / 100) : Double(mantissa)
        }
    }

    private static func pow10(_ exponent: Int) -> Double {
        exponent >= 0 ? (0..<exponent).reduce(1.0) { r, _ in r * 10 } : 1 / pow10(-exponent)
    }
}
