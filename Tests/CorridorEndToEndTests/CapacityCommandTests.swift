import CorridorTestSupport
import Foundation
import Testing

@Suite("corridor capacity end to end")
struct CapacityCommandTests {
    /// Corridor name → (capacity or nil when unlimited, λ or nil) from a JSON list.
    func figures(_ json: String, list key: String?) throws -> [String: (Double?, Double?)] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        let rows: [[String: Any]]
        if let key {
            rows = try #require((object as? [String: Any])?[key] as? [[String: Any]])
        } else {
            rows = try #require(object as? [[String: Any]])
        }
        var result: [String: (Double?, Double?)] = [:]
        for row in rows {
            let name = try #require(row["corridor"] as? String)
            result[name] = ((row["capacity_teu"] as? NSNumber)?.doubleValue, (row["concurrent_factor"] as? NSNumber)?.doubleValue)
        }
        return result
    }

    func compareWithOracle(_ file: URL, method: String = "auto") throws {
        let run = try CLI.run(["capacity", file.path, "--format", "json", "--method", method])
        try #require(run.status == 0, "corridor capacity \(file.lastPathComponent): \(run.stderr)")
        // Background traffic takes its share first: the oracle reserves what `run` routes (the routing of a
        // degenerate optimum is not unique; the maximum flow and λ on what is left are the oracle's own).
        let report = try CLI.run(["run", file.path, "--format", "json"])
        try #require(report.status == 0, "corridor run \(file.lastPathComponent): \(report.stderr)")
        let reserved = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-reserve-\(UUID().uuidString).json")
        try report.stdout.write(to: reserved, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: reserved) }
        let oracle = try CLI.external(
            "/usr/bin/python3",
            [CLI.root.appendingPathComponent("Tests/Oracle/capacity_oracle.py").path, file.path, "--reserve", reserved.path])
        try #require(oracle.status == 0, "\(oracle.stdout)")
        let ours = try figures(run.stdout, list: "capacity")
        let reference = try figures(oracle.stdout, list: nil)
        #expect(ours.keys.sorted() == reference.keys.sorted(), "\(file.lastPathComponent)")
        for (name, (capacity, factor)) in reference {
            let (c, f) = try #require(ours[name])
            #expect((c == nil) == (capacity == nil), "\(file.lastPathComponent) \(name): capacity \(String(describing: c)), oracle \(String(describing: capacity))")
            if let c, let capacity { #expect(isClose(c, capacity, tolerance: 1e-6), "\(file.lastPathComponent) \(name): \(c) vs \(capacity)") }
            #expect((f == nil) == (factor == nil), "\(file.lastPathComponent) \(name): λ \(String(describing: f)), oracle \(String(describing: factor))")
            if let f, let factor { #expect(isClose(f, factor, tolerance: 1e-6), "\(file.lastPathComponent) \(name) λ: \(f) vs \(factor)") }
        }
    }

    @Test("Bundled annual scenarios: capacities and λ equal networkx's maximum flow and SciPy's LP", arguments: CLI.bundledScenarios(seasonal: false))
    func bundled(_ file: String) throws {
        try compareWithOracle(CLI.root.appendingPathComponent(file))
    }

    @Test("Random networks with node and link capacities: equal to the independent oracle", arguments: Array(UInt64(1)...10))
    func randomNetworks(seed: UInt64) throws {
        try RandomScenario.withFiles(seed: seed) { files in
            for file in files { try compareWithOracle(file) }
        }
    }

    @Test("λ by column generation over paths (--method paths) equals the independent oracle's LP", arguments: Array(UInt64(1)...6))
    func randomNetworksByPaths(seed: UInt64) throws {
        try RandomScenario.withFiles(seed: seed) { files in
            for file in files { try compareWithOracle(file, method: "paths") }
        }
        try compareWithOracle(CLI.root.appendingPathComponent("Scenarios/russia-disrupted-2023.yaml"), method: "paths")
    }


    @Test("Bundled baseline and 2023: every corridor has a capacity and a named cut; the JSON has the documented fields")
    func acceptanceFields() throws {
        for file in ["Scenarios/baseline-2021.yaml", "Scenarios/russia-disrupted-2023.yaml"] {
            let run = try CLI.run(["capacity", file, "--format", "json"])
            try #require(run.status == 0, "\(run.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let rows = try #require(object["capacity"] as? [[String: Any]])
            #expect(rows.map { $0["corridor"] as? String } == ["northern", "middle", "southern", "overland"])
            for row in rows {
                let capacity = try #require((row["capacity_teu"] as? NSNumber)?.doubleValue)
                let cut = try #require(row["cut"] as? [[String: Any]])
                #expect(!cut.isEmpty)
                let sum = cut.compactMap { ($0["capacity_teu"] as? NSNumber)?.doubleValue }.reduce(0, +)
                #expect(isClose(sum, capacity, tolerance: 1e-6))
                #expect(cut.allSatisfy { $0["element"] is String && $0["id"] is String })
                for key in ["flow_teu", "headroom_teu", "concurrent_factor"] { #expect(row[key] is NSNumber, "\(key)") }
                #expect(row["unlimited"] as? Bool == false)
            }
            let table = try CLI.run(["capacity", file])
            #expect(table.status == 0 && table.stdout.contains("minimum cut"))
        }
    }

    @Test("--no-flow: the same capacities, cuts and λ without the min-cost flow; flow, headroom and use are null and left out of the table")
    func withoutFlow() throws {
        try withTemporaryFolder("corridor-capacity-no-flow") { try withoutFlow(in: $0) }
    }

    func withoutFlow(in dir: URL) throws {
        let file = dir.appendingPathComponent("s.yaml").path
        let made = try CLI.run(["generate", "--nodes", "100", "--links", "400", "--demands", "20", "--seed", "3", "--output", file])
        try #require(made.status == 0, "\(made.stderr)")
        let full = try CLI.run(["capacity", file, "--format", "json"])
        let bare = try CLI.run(["capacity", file, "--no-flow", "--format", "json"])
        try #require(full.status == 0 && bare.status == 0, "\(full.stderr)\(bare.stderr)")
        func rows(_ json: String) throws -> [[String: Any]] {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            return try #require(object["capacity"] as? [[String: Any]])
        }
        let with = try rows(full.stdout)
        let without = try rows(bare.stdout)
        #expect(with.count == without.count && !with.isEmpty)
        for (a, b) in zip(with, without) {
            #expect(a["corridor"] as? String == b["corridor"] as? String)
            for key in ["capacity_teu", "concurrent_factor"] {
                let x = (a[key] as? NSNumber)?.doubleValue
                let y = (b[key] as? NSNumber)?.doubleValue
                #expect((x == nil) == (y == nil), "\(key)")
                if let x, let y { #expect(isClose(x, y, tolerance: 1e-9), "\(key): \(x) vs \(y)") }
            }
            #expect((a["cut"] as? [[String: Any]])?.count == (b["cut"] as? [[String: Any]])?.count)
            #expect(a["flow_teu"] is NSNumber)
            for key in ["flow_teu", "headroom_teu", "utilisation"] { #expect(b[key] is NSNull, "\(key)") }
        }
        let table = try CLI.run(["capacity", file, "--no-flow", "--no-lambda", "--html", dir.appendingPathComponent("c.html").path])
        #expect(table.status == 0 && table.stdout.contains("minimum cut") && !table.stdout.contains("headroom"))
        // The cut map is drawn on the min-cost flow's network: without it the page says there is no map.
        let page = try String(contentsOf: dir.appendingPathComponent("c.html"), encoding: .utf8)
        #expect(page.contains("No map: it is drawn on the min-cost flow") && !page.contains("<svg"))
        // Background traffic takes capacity only once routed: --no-flow is refused, naming the file.
        let refused = try CLI.run(["capacity", "Scenarios/baseline-2021.yaml", "--no-flow"])
        #expect(refused.status == 64 && refused.stderr.contains("baseline-2021.yaml has background traffic"), "\(refused.stderr)")
    }

    @Test("An unlimited corridor is reported as null with its path; an unknown --from node is an error naming it")
    func unlimitedAndErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-capacity-unlimited-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("open.yaml")
        try """
            schema_version: 1
            name: one unlimited path
            nodes:
              - { id: A, country: AA, kind: hub, lat: 0, lon: 0 }
              - { id: B, country: AA, kind: border, lat: 0, lon: 1, capacity_teu: 40 }
              - { id: C, country: BB, kind: hub, lat: 0, lon: 2 }
            links:
              - { id: AB, from: A, to: B, mode: rail, corridor: middle, distance_km: 100, cost_usd_per_teu: 10, time_days: 1 }
              - { id: BC, from: B, to: C, mode: rail, corridor: middle, distance_km: 100, cost_usd_per_teu: 10, time_days: 1 }
              - { id: AC, from: A, to: C, mode: rail, corridor: northern, distance_km: 100, cost_usd_per_teu: 50, time_days: 1 }
            demands:
              - { id: D, from: A, to: C, teu: 30, value_of_time_usd_per_teu_day: 10, unmet_penalty_usd_per_teu: 5000 }

            """.write(to: file, atomically: true, encoding: .utf8)
        let run = try CLI.run(["capacity", file.path, "--format", "json"])
        try #require(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["capacity"] as? [[String: Any]])
        #expect(rows.map { $0["corridor"] as? String } == ["middle", "northern", "overland"])
        #expect((rows[0]["capacity_teu"] as? NSNumber)?.doubleValue == 40)
        #expect(rows[1]["capacity_teu"] is NSNull && rows[1]["unlimited"] as? Bool == true)
        #expect(rows[1]["unlimited_path"] as? [String] == ["A", "C"])
        #expect(rows[2]["capacity_teu"] is NSNull)
        let table = try CLI.run(["capacity", file.path])
        #expect(table.stdout.contains("unlimited"))

        let bad = try CLI.run(["capacity", file.path, "--from", "NOWHERE"])
        #expect(bad.status != 0 && bad.stderr.contains("NOWHERE"))
    }

    @Test("sweep --metric capacity --corridor middle ranks the elements whose loss removes most Middle Corridor capacity")
    func sweepCapacity() throws {
        let run = try CLI.run(["sweep", "Scenarios/russia-disrupted-2023.yaml", "--single-failures", "--metric", "capacity",
            "--corridor", "middle", "--format", "json"])
        try #require(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let intact = try #require((object["intact_capacity_teu"] as? NSNumber)?.doubleValue)
        // As `corridor capacity`: the cut is Alat, the Middle Corridor's container potential (EY [S181]: 80,000 TEU
        // × 0.343 = 27,440, plus the 21,300 TEU-eq of Caspian bulk: 48,740), less that bulk, which the intact
        // flow's background routes through it.
        #expect(intact == 48_740 - 21_300)
        #expect(run.stderr.contains("capacities are what the intact flow's background traffic leaves"))
        let cases = try #require(object["cases"] as? [[String: Any]])
        let lost = cases.compactMap { ($0["lost_teu"] as? NSNumber)?.doubleValue }
        #expect(lost.count == cases.count && lost == lost.sorted(by: >))
        // Closing Alat port (every Caspian crossing lands there) or the border behind it removes all of it; closing
        // the Beineu–Aktau line removes nothing: the Kuryk crossing alone (the 2023 fleet: 71,250 × 1.135 = 80,869
        // wagon slots, less the 21,300 of bulk on it) still has more room than the container potential at Alat.
        func loss(_ id: String) -> Double? {
            cases.first { (($0["elements"] as? [[String: Any]])?.first?["id"] as? String) == id }.flatMap { ($0["lost_teu"] as? NSNumber)?.doubleValue }
        }
        #expect(loss("ALT") == 27_440 && loss("BKS") == 27_440)
        #expect(71_250 * 1.135 - 21_300 > 27_440)
        #expect(loss("BEY-AKU") == 0)
        let table = try CLI.run(["sweep", "Scenarios/russia-disrupted-2023.yaml", "--single-failures", "--metric", "capacity", "--corridor", "middle"])
        #expect(table.status == 0 && table.stdout.contains("Failures ranked by middle capacity lost"))
        let missing = try CLI.run(["sweep", "Scenarios/russia-disrupted-2023.yaml", "--single-failures", "--metric", "capacity"])
        #expect(missing.status == 64 && missing.stderr.contains("--corridor"))
        let unknown = try CLI.run(["sweep", "Scenarios/russia-disrupted-2023.yaml", "--single-failures", "--metric", "capacity", "--corridor", "arctic"])
        #expect(unknown.status == 64 && unknown.stderr.contains("arctic"))
    }

    @Test("capacity --html maps each corridor's minimum cut: the cut node ringed and the cut link thick, in its corridor's colour")
    func htmlCutMap() throws {
        try withTemporaryFolder("corridor-capacity-html") { dir in
            let html = dir.appendingPathComponent("capacity.html")
            let run = try CLI.run(["capacity", "Scenarios/russia-closed.yaml", "--format", "json", "--html", html.path])
            try #require(run.status == 0, "\(run.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let rows = try #require(object["capacity"] as? [[String: Any]])
            let cuts = rows.flatMap { ($0["cut"] as? [[String: Any]]) ?? [] }
            let nodes = Set(cuts.filter { $0["element"] as? String == "node" }.compactMap { $0["id"] as? String })
            let links = Set(cuts.filter { $0["element"] as? String == "link" }.compactMap { $0["id"] as? String })
            try #require(!nodes.isEmpty && !links.isEmpty, "russia-closed has a node and a link in its cuts")
            let page = try String(contentsOf: html, encoding: .utf8)
            #expect(page.contains("Minimum cuts: ") && page.contains("path class=\"land\""), "the cut map on the basemap")
            for id in nodes { #expect(page.contains("<circle class=\"cut\" data-id=\"\(id)\""), "ring around \(id)") }
            for id in links {
                let drawn = page.components(separatedBy: "data-id=\"\(id)\"").dropFirst().map { $0.prefix(200) }
                #expect(drawn.contains { $0.contains("stroke-width=\"6\"") }, "\(id) drawn thick")
            }
        }
    }

    @Test("run reports the capacities too: a Capacity section, the JSON capacity list and the HTML cut map")
    func runHasCapacity() throws {
        let table = try CLI.run(["run", "Scenarios/baseline-2021.yaml"])
        #expect(table.status == 0 && table.stdout.contains("Capacity (maximum flow per corridor"))
        let json = try CLI.run(["run", "Scenarios/baseline-2021.yaml", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["capacity"] as? [[String: Any]])
        #expect(rows.compactMap { $0["corridor"] as? String } == ["northern", "middle", "southern", "overland"])
        #expect((rows[0]["capacity_teu"] as? NSNumber)?.doubleValue == 380_600)
    }

    @Test("plan --objective max-capacity --corridor middle runs on the bundled plan and reports the capacity before and after")
    func planMaxCapacity() throws {
        let run = try CLI.run(["plan", "Scenarios/plans/invest-3.7bn.yaml", "--objective", "max-capacity", "--corridor", "middle",
            "--no-values", "--format", "json"])
        try #require(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let scenarios = try #require(object["scenarios"] as? [[String: Any]])
        #expect(scenarios.count == 3)
        var weighted = 0.0
        for scenario in scenarios {
            let capacity = try #require(scenario["capacity"] as? [String: Any])
            #expect(capacity["corridor"] as? String == "middle")
            let without = try #require((capacity["without_teu"] as? NSNumber)?.doubleValue)
            let with = try #require((capacity["with_teu"] as? NSNumber)?.doubleValue)
            #expect(with >= without, "the portfolio never lowers the Middle Corridor's capacity")
            weighted += with * ((scenario["weight"] as? NSNumber)?.doubleValue ?? .nan)
        }
        // Without projects the baseline is cut at Alat, 27,440 as `corridor capacity` reports it (the container
        // potential 48,740 less the Caspian bulk background 21,300). Each ferry adds 10,000 container slots there
        // (max 7 units); the next cut, the AZ–GE border at 150,000 − 21,300 = 128,700, is further off. So all seven
        // ferries are built: 27,440 + 70,000 = 97,440 in the baseline; the Caspian winter's storms (Alat × 0.889)
        // cut the added slots as the old ones.
        let baseline = try #require(scenarios.first { $0["name"] as? String == "baseline-2021" }?["capacity"] as? [String: Any])
        #expect(isClose(try #require((baseline["without_teu"] as? NSNumber)?.doubleValue), 48_740 - 21_300, tolerance: 1e-9))
        #expect(isClose(try #require((baseline["with_teu"] as? NSNumber)?.doubleValue), 48_740 - 21_300 + 7 * 10_000, tolerance: 1e-9))
        let winter = try #require(scenarios.first { $0["name"] as? String == "caspian-winter" }?["capacity"] as? [String: Any])
        #expect(try #require((winter["with_teu"] as? NSNumber)?.doubleValue) > (winter["without_teu"] as? NSNumber)?.doubleValue ?? .infinity)
        // The MIP's objective is the weighted capacity of the networks with the portfolio applied.
        let objective = try #require(((object["objective_value"] ?? object["objective"]) as? NSNumber)?.doubleValue)
        #expect(isClose(objective, weighted, tolerance: 1e-6))

        let table = try CLI.run(["plan", "Scenarios/plans/invest-3.7bn.yaml", "--objective", "max-capacity", "--corridor", "middle", "--no-values"])
        #expect(table.status == 0 && table.stdout.contains("Capacity of the middle corridor without → with the portfolio"))
        let missing = try CLI.run(["plan", "Scenarios/plans/invest-3.7bn.yaml", "--objective", "max-capacity"])
        #expect(missing.status == 64 && missing.stderr.contains("--corridor"))
        // A target every scenario can reach: 50,000 takes three ferries in the baseline (27,440 + 30,000) and four in
        // the Caspian winter (22,030 + 4 × 8,890, the storms' × 0.889 on each ferry's slots at Alat).
        let target = try CLI.run(["plan", "Scenarios/plans/invest-3.7bn.yaml", "--min-capacity", "middle=50000", "--no-values"])
        #expect(target.status == 0 && target.stdout.contains("Capacity of the middle corridor"), "\(target.stderr)")
    }

    @Test("A file with periods: capacity per period (TEU and TEU/yr equivalent), the lowest period, the year's TEU")
    func periods() throws {
        let run = try CLI.run(["capacity", "Tests/CorridorEndToEndTests/Fixtures/caspian-quarters-warehouse.yaml", "--corridor", "middle",
            "--format", "json"])
        try #require(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let entry = try #require((object["capacity"] as? [[String: Any]])?.first)
        let periods = try #require(entry["periods"] as? [[String: Any]])
        #expect(periods.map { $0["period"] as? String } == ["q1", "q2", "q3", "q4"])
        var year = 0.0
        var lowest = (name: "", rate: Double.infinity)
        for p in periods {
            let teu = try #require((p["capacity_teu"] as? NSNumber)?.doubleValue)
            let rate = try #require((p["capacity_teu_per_year"] as? NSNumber)?.doubleValue)
            let days = try #require((p["days"] as? NSNumber)?.doubleValue)
            #expect(isClose(teu, rate * days / 365))
            year += teu
            if rate < lowest.rate { lowest = (p["period"] as? String ?? "", rate) }
        }
        #expect(isClose(try #require((entry["capacity_teu"] as? NSNumber)?.doubleValue), year))
        #expect(entry["lowest_period"] as? String == lowest.name)
        let table = try CLI.run(["capacity", "Tests/CorridorEndToEndTests/Fixtures/caspian-quarters-warehouse.yaml"])
        #expect(table.status == 0 && table.stdout.contains("Capacity per period"))
    }

    @Test("sweep --metric capacity --shard I/N: the merged parts are byte for byte the unsharded report (failures with pairs, Monte Carlo)")
    func capacitySweepShards() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-capacity-shards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let sweeps = [
            ["Scenarios/russia-disrupted-2023.yaml", "--single-failures", "--pairs", "--top", "6"],
            ["Scenarios/caspian-winter-risk.yaml", "--monte-carlo", "60", "--seed", "5"],
        ]
        for (n, sweep) in sweeps.enumerated() {
            let base = ["sweep"] + sweep + ["--metric", "capacity", "--corridor", "middle"]
            var parts: [String] = []
            for i in 0..<3 {
                let part = dir.appendingPathComponent("p\(n)-\(i).jsonl").path
                let outcome = try CLI.run(base + ["--shard", "\(i)/3", "-o", part])
                try #require(outcome.status == 0, "\(outcome.stderr)")
                parts.append(part)
            }
            for format in ["table", "json", "csv"] {
                let whole = try CLI.run(base + ["--format", format])
                let merged = try CLI.run(["merge"] + parts + ["--format", format])
                #expect(whole.status == 0 && merged.status == 0, "\(merged.stderr)")
                #expect(merged.stdout == whole.stdout, "\(sweep[0]) \(format)")
            }
            let missing = try CLI.run(["merge", parts[0], parts[2]])
            #expect(missing.status == 65 && missing.stderr.contains("missing shard 1/3"))
        }
    }

    @Test("--no-lambda leaves λ out of capacity and compare (concurrent_computed false, no λ rows); capacities unchanged")
    func noLambda() throws {
        let run = try CLI.run(["capacity", "Scenarios/baseline-2021.yaml", "--no-lambda", "--format", "json"])
        try #require(run.status == 0, "\(run.stderr)")
        let rows = try #require((try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])?["capacity"] as? [[String: Any]])
        #expect(rows.allSatisfy { $0["concurrent_computed"] as? Bool == false && $0["concurrent_factor"] is NSNull })
        #expect((rows.first?["capacity_teu"] as? NSNumber)?.doubleValue == 380_600)
        let compare = try CLI.run(["compare", "Scenarios/baseline-2021.yaml", "Scenarios/russia-closed.yaml", "--no-lambda"])
        #expect(compare.status == 0 && compare.stdout.contains("middle capacity") && !compare.stdout.contains("middle λ"))
    }
}
