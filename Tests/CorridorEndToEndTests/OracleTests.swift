import CorridorTestSupport
import Foundation
import Testing

/// Random scenario files in the documented schema, for checking `corridor` against an independent solver.
enum RandomScenario {
    /// A network file with capacity-limited nodes, bidirectional links, several origins and values of time, and
    /// congestion: curves of their own, `none`, and the default curves of borders and ferries; with
    /// `background`, also one to three background flows between any two nodes.
    static func network(seed: UInt64, background: Bool = false) -> String {
        var rng = SeededGenerator(seed: seed)
        func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
        func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
        // Congestion draws come from their own generator: the networks are otherwise those of before.
        var congestionRNG = SeededGenerator(seed: seed &+ 0x9E37_79B9)
        func congests(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &congestionRNG) < p }
        func pick() -> Int { Int.random(in: 0...2, using: &congestionRNG) }
        /// Three convex curves: a free zone then a steep rise, a delay from the start, and one ending below 1.
        func curve(_ k: Int) -> String {
            [
                "[{utilisation: 0.4, extra_days: 0}, {utilisation: 0.8, extra_days: 2}, {utilisation: 1, extra_days: 6}]",
                "[{utilisation: 0.2, extra_days: 0.5}, {utilisation: 0.6, extra_days: 1}, {utilisation: 0.9, extra_days: 3}]",
                "[{utilisation: 0.5, extra_days: 0}, {utilisation: 0.75, extra_days: 1.5}]",
            ][k]
        }
        let count = int(7...12)
        var text = "schema_version: 1\nname: random \(seed)\nnodes:\n"
        for n in 0..<count {
            var fields = "id: N\(n), country: \(["AA", "BB", "CC"][n % 3]), kind: \(n % 4 == 1 ? "border" : "hub"), lat: \(n), lon: \(n * 2)"
            if chance(0.35) {
                fields += ", capacity_teu: \(int(20...200))"
                // Congestion: a curve of its own, none, or (borders) the default curve.
                if congests(0.4) { fields += ", congestion: " + curve(pick()) } else if congests(0.2) { fields += ", congestion: none" }
            }
            if chance(0.5) { fields += ", handling_cost_usd_per_teu: \(int(0...150))" }
            if chance(0.4) { fields += ", dwell_days: \(Double(int(0...30)) / 10)" }
            text += "  - { \(fields) }\n"
        }
        text += "links:\n"
        var index = 0
        for a in 0..<count {
            for b in 0..<count where a != b && chance(0.22) {
                index += 1
                var fields = "id: L\(index), from: N\(a), to: N\(b), mode: \(congests(0.2) ? "ferry" : "rail"), corridor: \(["northern", "middle", "sea", "shared"][int(0...3)])"
                fields += ", distance_km: \(int(50...5000)), cost_usd_per_teu: \(int(10...2000)), time_days: \(Double(int(1...200)) / 10)"
                if chance(0.5) {
                    fields += ", capacity_teu: \(int(10...150))"
                    if congests(0.3) { fields += ", congestion: " + curve(pick()) }
                }
                if chance(0.2) { fields += ", bidirectional: true" }
                text += "  - { \(fields) }\n"
            }
        }
        text += "demands:\n"
        // Directions (issue 14): some demands run back, from the east (higher longitude) to the west, drawn
        // from their own generator so that the networks are otherwise those of before.
        var directionRNG = SeededGenerator(seed: seed &+ 0x2545_F491)
        for d in 0..<int(3...7) {
            var from = [0, 1, 2][int(0...2)]
            var to = int(3...(count - 1))
            if to == from { to = count - 1 }
            if Double.random(in: 0..<1, using: &directionRNG) < 0.35 { swap(&from, &to) }
            let vot = [10, 50, 200][int(0...2)]
            text += "  - { id: D\(d), from: N\(from), to: N\(to), teu: \(int(5...120)), value_of_time_usd_per_teu_day: \(vot), unmet_penalty_usd_per_teu: \(int(3000...40000)) }\n"
        }
        guard background else { return text }
        text += "background:\n"
        for b in 0..<int(1...3) {
            let from = int(0...(count - 1))
            let to = (from + int(1...(count - 1))) % count
            let penalty = chance(0.3) ? ", unmet_penalty_usd_per_teu: \(int(50000...200000))" : ""
            text += "  - { id: B\(b), from: N\(from), to: N\(to), teu: \(int(5...80)), source: random\(penalty) }\n"
        }
        return text
    }

    /// Runs `body` on the network file of `seed` and a scenario extending it, written to a fresh
    /// temporary folder (removed afterwards).
    static func withFiles(seed: UInt64, background: Bool = false, _ body: (_ files: [URL]) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-random-\(seed)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = dir.appendingPathComponent("net.yaml")
        let changed = dir.appendingPathComponent("changed.yaml")
        let cut = dir.appendingPathComponent("cut.yaml")
        try network(seed: seed, background: background).write(to: base, atomically: true, encoding: .utf8)
        try scenario(base: "net.yaml", seed: seed).write(to: changed, atomically: true, encoding: .utf8)
        try timeCuts(base: "net.yaml", seed: seed).write(to: cut, atomically: true, encoding: .utf8)
        try body([base, changed, cut])
    }

    /// A scenario extending `base` with every change of time and cost (issue 14).
    static func timeCuts(base: String, seed: UInt64) -> String {
        """
        schema_version: 1
        name: random time cuts \(seed)
        extends: \(base)
        changes:
          - scale_time: { corridor: middle, factor: 0.3 }
          - scale_dwell: { corridor: northern, factor: 0.5 }
          - set_dwell_days: { country: AA, days: 0.2 }
          - set_time_days: { corridor: sea, days: 1.5 }
          - scale_cost: { corridor: shared, factor: 0.6 }
          - scale_cost: { country: BB, factor: 0.5 }
          - add_delay: { node: N2, days: 3 }
          - add_delay: { node: N2, days: -2.5 }
          - scale_time: { country: CC, factor: 2 }

        """
    }

    /// A scenario extending `base` with a few changes of different kinds.
    static func scenario(base: String, seed: UInt64) -> String {
        """
        schema_version: 1
        name: random changes \(seed)
        extends: \(base)
        changes:
          - scale_capacity: { corridor: northern, factor: 0.5 }
          - add_delay: { node: N1, days: 2 }
          - add_surcharge: { corridor: middle, usd_per_teu: 300 }
          - close: { country: CC }
          - scale_demand: { factor: 1.3 }

        """
    }
}

@Suite("GLPK end to end: independent oracle")
struct OracleTests {
    static let seeds: [UInt64] = Array(1...12)

    func compare(_ file: URL, _ objective: String) throws {
        let run = try CLI.run(["run", file.path, "--objective", objective, "--format", "json"])
        try #require(run.status == 0, "corridor run \(file.lastPathComponent): \(run.stderr)")
        let ours = try Report(run.stdout)
        let oracle = try CLI.external(
            "/usr/bin/python3",
            [CLI.root.appendingPathComponent("Tests/Oracle/oracle.py").path, file.path, "--objective", objective, "--json"]
        )
        #expect(oracle.status == 0, "\(oracle.stdout)")
        let reference = try Report(oracle.stdout)
        let key = objective == "min-cost" ? "objective_value" : "delivered_teu"
        let a = try #require(ours.number(key))
        let b = try #require(reference.number(key))
        #expect(isClose(a, b, tolerance: 1e-6), "\(file.lastPathComponent) \(objective): corridor \(a), oracle \(b)")
        expectReportInvariants(ours)
        // Background traffic is reported apart: the freight's delivered TEU and the background's carried and
        // lost TEU agree with the oracle's own split (background penalties are far from freight's: no ties).
        guard objective == "min-cost" else { return }
        let ourBackground = ours.json["background"] as? [String: Any]
        let theirBackground = reference.json["background"] as? [String: Any]
        #expect((ourBackground == nil) == (theirBackground == nil), "\(file.lastPathComponent): background section")
        let pairs: [(Double?, Double?, String)] = [
            (ours.number("delivered_teu"), reference.number("delivered_teu"), "delivered_teu"),
            (ourBackground.flatMap { num($0, "carried_teu") }, theirBackground.flatMap { num($0, "carried_teu") }, "background carried"),
            (ourBackground.flatMap { num($0, "lost_teu") }, theirBackground.flatMap { num($0, "lost_teu") }, "background lost"),
        ]
        // Each direction's delivered TEU (issue 14: both directions).
        let ourDirections = (ours.json["directions"] as? [[String: Any]]) ?? []
        let theirDirections = (reference.json["directions"] as? [String: Any]) ?? [:]
        #expect(
            ourDirections.compactMap { $0["direction"] as? String } == ["westbound", "eastbound"].filter { theirDirections[$0] != nil },
            "\(file.lastPathComponent): directions")
        var directionPairs = pairs
        for entry in ourDirections {
            guard let name = entry["direction"] as? String, let theirs = theirDirections[name] as? [String: Any] else { continue }
            // Delivered only: with periods, corridor's demand is what the periods release (seasonal shares).
            directionPairs.append((num(entry, "delivered_teu"), num(theirs, "delivered_teu"), "\(name) delivered_teu"))
        }
        for (x, y, name) in directionPairs where x != nil || y != nil {
            #expect(isClose(x ?? .nan, y ?? .nan, tolerance: 1e-6), "\(file.lastPathComponent) \(name): corridor \(x ?? .nan), oracle \(y ?? .nan)")
        }
    }

    @Test("Random networks: corridor's optimum equals SciPy/HiGHS on an independently written LP", arguments: seeds)
    func randomNetworks(seed: UInt64) throws {
        try RandomScenario.withFiles(seed: seed) { files in
            for file in files {
                for objective in ["min-cost", "max-throughput"] { try compare(file, objective) }
            }
        }
    }


    @Test(
        "Random networks with background traffic: the optimum and the freight/background split equal SciPy/HiGHS",
        arguments: seeds)
    func randomBackground(seed: UInt64) throws {
        try RandomScenario.withFiles(seed: seed, background: true) { files in
            for file in files {
                for objective in ["min-cost", "max-throughput"] { try compare(file, objective) }
            }
        }
    }

    @Test("Bundled scenarios: corridor's optimum equals the independent oracle", arguments: CLI.bundledScenarios())
    func bundled(_ file: String) throws {
        try compare(CLI.root.appendingPathComponent(file), "min-cost")
    }
}
