import CorridorTestSupport
import FreightNetwork

/// Small seeded random networks for comparing formulations: binding link and node capacities,
/// closed links and nodes, several values of time, penalties low enough to leave demand unmet.
enum RandomCorridor {
    static func network(seed: UInt64, nodes count: Int = 14) throws -> Network {
        var rng = SeededGenerator(seed: seed)
        func uniform(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &rng) }
        func chance(_ p: Double) -> Bool { uniform(0...1) < p }

        var nodes: [Node] = []
        for i in 0..<count {
            var node = Fixtures.node(
                "N\(i)", capacity: chance(0.25) ? uniform(40...250).rounded() : nil,
                handling: chance(0.5) ? uniform(0...30).rounded() : 0, dwell: chance(0.5) ? uniform(0...1) : 0)
            node.isClosed = i >= 3 && chance(0.08)
            nodes.append(node)
        }
        var links: [Link] = []
        var pairs: Set<[Int]> = []
        func add(_ a: Int, _ b: Int) {
            guard a != b, pairs.insert([a, b]).inserted else { return }
            var link = Fixtures.link(
                "N\(a)", "N\(b)", cost: uniform(1...100).rounded(), time: uniform(0...3),
                capacity: chance(0.4) ? uniform(20...200).rounded() : nil, corridor: chance(0.5) ? "north" : "south")
            link.isClosed = chance(0.07)
            links.append(link)
        }
        // A chain both ways (so most demands have a route), then random chords.
        for i in 0..<(count - 1) {
            add(i, i + 1)
            add(i + 1, i)
        }
        for _ in 0..<(2 * count) { add(Int.random(in: 0..<count, using: &rng), Int.random(in: 0..<count, using: &rng)) }

        let origins = [0, 1, 2]
        var demands: [Demand] = []
        for k in 0..<7 {
            let from = origins[Int.random(in: 0..<origins.count, using: &rng)]
            var to = Int.random(in: 3..<count, using: &rng)
            if to == from { to = count - 1 }
            demands.append(
                Fixtures.demand(
                    "N\(from)", "N\(to)", teu: uniform(30...300).rounded(), vot: [0, 20, 50][k % 3],
                    penalty: uniform(300...3_000).rounded(), id: "D\(k)"))
        }
        return try Fixtures.network(nodes: nodes, links: links, demands: demands)
    }
}
