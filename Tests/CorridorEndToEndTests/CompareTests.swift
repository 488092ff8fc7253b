import CorridorTestSupport
import Foundation
import Testing

@Suite("GLPK end to end: corridor compare")
struct CompareTests {
    static let acceptance = ["compare", "Scenarios/baseline-2021.yaml", "Scenarios/russia-closed.yaml", "Scenarios/red-sea-closed.yaml"]

    @Test("The acceptance comparison prints the table, the explanation and the details, deterministically")
    func acceptanceTable() throws {
        let first = try CLI.run(Self.acceptance)
        let second = try CLI.run(Self.acceptance)

        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout, "compare output must be deterministic")
        for heading in ["Scenarios side by side", "What changed and why", "Route shifts by demand", "Largest flow changes",
            "Binding capacities", "middle capacity", "overland λ", "northern share", "Total cost", "russia-closed against baseline-2021"]
        {
            #expect(first.stdout.contains(heading), "missing \(heading)")
        }
    }

    @Test("Capacity acceptance: baseline, Russia closed, Caspian ports upgraded; capacities move and the cut is explained")
    func capacityAcceptance() throws {
        let outcome = try CLI.run(["compare", "Scenarios/baseline-2021.yaml", "Scenarios/russia-closed.yaml",
            "Scenarios/caspian-ports-upgrade.yaml", "--format", "json"])
        try #require(outcome.status == 0, "\(outcome.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let metrics = try #require(json["metrics"] as? [[String: Any]])
        func values(_ key: String) -> [Double?] {
            (metrics.first { $0["key"] as? String == key }?["values"] as? [Any] ?? []).map { ($0 as? NSNumber)?.doubleValue }
        }
        // Figures agree with `corridor capacity` and the oracle (CapacityCommandTests): northern loses all
        // of its 380,600 TEU/yr with Russia closed; the ports upgrade leaves the middle corridor where it was:
        // it is limited at Alat by its container potential (EY [S181]: 27,440 westbound China–Europe TEU/yr,
        // 48,740 less the 21,300 TEU-eq of Caspian bulk background), which vessels, not berths, limit.
        #expect(values("capacity_teu:northern") == [380_600, 0, 178_882])
        #expect(values("capacity_teu:middle") == [27_440, 27_440, 27_440])
        let scenarios = try #require(json["scenarios"] as? [[String: Any]])
        #expect(scenarios.allSatisfy { ($0["capacity"] as? [[String: Any]])?.count == 4 })
        let sentences = try #require(json["explanation"] as? [[String: Any]]).flatMap { $0["sentences"] as? [String] ?? [] }
        #expect(sentences.contains { $0.hasPrefix("The northern corridor's capacity falls from 380,600 to 0 TEU/yr") && $0.contains("Małaszewicze") })
        #expect(sentences.contains { $0.hasPrefix("The northern corridor's capacity falls from 380,600 to 178,882 TEU/yr") && $0.contains("Małaszewicze") })
        #expect(!sentences.contains { $0.hasPrefix("The middle corridor's capacity") })
    }

    @Test("The explanation's numbers match the metrics: corridor losses and gains, delivered, average cost")
    func explanationMatchesNumbers() throws {
        let outcome = try CLI.run(Self.acceptance + ["--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let labels = try #require(json["labels"] as? [String])
        let metrics = try #require(json["metrics"] as? [[String: Any]])
        func change(_ key: String, _ scenario: String) -> Double? {
            guard let i = labels.firstIndex(of: scenario), let m = metrics.first(where: { $0["key"] as? String == key }),
                let changes = m["changes"] as? [Any]
            else { return nil }
            return (changes[i] as? NSNumber)?.doubleValue
        }
        func amount(_ s: Substring) -> Double? { Double(s.filter { $0.isNumber || $0 == "." }) }
        let explanation = try #require(json["explanation"] as? [[String: Any]])
        #expect(explanation.count == 2)
        var checked = 0
        for item in explanation {
            let scenario = try #require(item["scenario"] as? String)
            for sentence in item["sentences"] as? [String] ?? [] {
                let words = sentence.split(separator: " ")
                if let at = words.firstIndex(of: "loses") ?? words.firstIndex(of: "gains"), words[at - 1] == "corridor" || words[at - 1] == "route" {
                    let corridor = words[at - 1] == "route" ? "sea" : String(words[at - 2])
                    let value = try #require(amount(words[words[at + 1] == "net" ? at + 2 : at + 1]))
                    let expected = try #require(change("corridor_teu:\(corridor)", scenario))
                    // The sentence rounds to whole TEU (a half rounds either way).
                    #expect(abs(abs(expected) - value) <= 0.5 + 1e-6, "\(scenario): \(sentence) vs change \(expected)")
                    #expect((words[at] == "loses") == (expected < 0))
                    checked += 1
                }
                if sentence.hasPrefix("Delivered freight falls by ") {
                    #expect(abs(-(change("delivered_teu", scenario) ?? 0) - (amount(words[4]) ?? -1)) < 0.5, "\(sentence)")
                    checked += 1
                }
                if sentence.hasPrefix("Average cost") {
                    let value = try #require(amount(words[5]))
                    #expect(abs(abs(change("avg_cost_usd_per_teu", scenario) ?? 0) - value) < 0.5 + 1e-9, "\(sentence)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 8, "only \(checked) sentences checked")
        let russia = try #require(explanation.first { $0["scenario"] as? String == "russia-closed" }?["sentences"] as? [String])
        // All of the base's Northern freight is lost to closed elements (the loop above checks the number).
        #expect(russia.contains {
            $0.hasPrefix("The northern corridor loses ") && $0.contains("(all of it)") && $0.contains("closes")
        })
        // No hard capacity binds on the Middle Corridor: the Caspian chain's queue at Alat stops it (docs/model.md#congestion).
        #expect(russia.contains {
            $0.hasPrefix("The middle corridor gains") && $0.contains("no hard capacity binds on it, but congestion")
                && $0.contains("limits it at Alat")
        })
        #expect(russia.contains { $0.hasPrefix("Congestion delay changes at") })
    }

    @Test("A corridor that loses freight on balance while taking some says so: its moves out less its moves in are the net loss")
    func netLoss() throws {
        let outcome = try CLI.run(
            ["compare", "Scenarios/caspian-winter.yaml", "Scenarios/caspian-winter-seasonal.yaml", "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let explanation = try #require(json["explanation"] as? [[String: Any]])
        let sentences = explanation.flatMap { $0["sentences"] as? [String] ?? [] }.filter { $0.contains(" loses net ") }
        #expect(!sentences.isEmpty, "\(explanation)")
        func amounts(_ text: Substring, _ word: String) -> Double {
            // "3,086 to the northern corridor and 1,876 to …": the number before each `word`.
            let words = text.split(separator: " ")
            return words.indices.dropFirst().filter { words[$0] == word }.reduce(0) {
                $0 + (Double(words[$1 - 1].filter { $0.isNumber }) ?? 0)
            }
        }
        for sentence in sentences {
            let head = try #require(sentence.split(separator: ":", maxSplits: 1).first)
            let net = try #require(Double(head.split(separator: " ").drop { $0 != "net" }.dropFirst().first?.filter(\.isNumber) ?? ""))
            let rest = sentence.split(separator: ":", maxSplits: 1).last ?? ""
            let parts = rest.components(separatedBy: ", and it takes ")
            #expect(parts.count == 2, "\(sentence)")
            let moved = amounts(Substring(parts[0]), "to") + amounts(Substring(parts[0]), "no")
            let taken = amounts(Substring(parts.last ?? ""), "from")
            // Each figure is rounded to whole TEU.
            #expect(abs(moved - taken - net) <= 2, "\(sentence): \(moved) − \(taken) against \(net)")
        }
    }

    @Test("A comparison with no optimum says its tables are not known and names every file that stopped")
    func stopped() throws {
        let outcome = try CLI.run(
            ["compare", "Scenarios/baseline-2021.yaml", "Scenarios/russia-closed.yaml", "--iteration-limit", "10"])
        #expect(outcome.status == 75)
        #expect(!outcome.stdout.contains("none: every demand keeps its routes"))
        #expect(outcome.stdout.contains("not known: no optimum for baseline-2021, russia-closed"))
        for file in ["baseline-2021.yaml", "russia-closed.yaml"] {
            #expect(outcome.stderr.contains("solver stopped without an optimum on Scenarios/\(file)"), "\(outcome.stderr)")
        }
    }

    @Test("Exports from compare: a CSV per table, GeoJSON, an SVG panel per scenario, self-contained HTML")
    func exports() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-compare-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("csv").path
        let geojson = dir.appendingPathComponent("c.geojson").path
        let svg = dir.appendingPathComponent("c.svg").path
        let html = dir.appendingPathComponent("c.html").path
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)

        let outcome = try CLI.run(["compare", "Scenarios/baseline-2021.yaml", "Scenarios/russia-closed.yaml", "--format", "csv",
            "--csv", csv, "--geojson", geojson, "--svg", svg, "--html", html])

        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(parseCSV(outcome.stdout).first == ["metric", "unit", "baseline-2021", "russia-closed", "russia-closed_change"])
        let files = try FileManager.default.contentsOfDirectory(atPath: csv).sorted()
        #expect(files == ["binding.csv", "explanation.csv", "flow_changes.csv", "metrics.csv", "route_shifts.csv"])
        let features = try validateGeoJSON(try String(contentsOfFile: geojson, encoding: .utf8))
        #expect(features.count == 2 * (78 + 144))
        let parsed = SVGLinkCollector.collect(try String(contentsOfFile: svg, encoding: .utf8))
        #expect(parsed.error == nil && parsed.panels.count == 2)
        #expect(parsed.panels.allSatisfy { $0.count == 144 && Set($0).count == 144 })
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(!page.contains("<script") && !page.contains("https://") && page.contains("What changed and why"))
    }

    @Test("Markdown output has the tables as pipes")
    func markdown() throws {
        let outcome = try CLI.run(["compare", "Scenarios/russia-disrupted-2023.yaml", "Scenarios/caspian-ports-upgrade.yaml", "--format", "markdown"])

        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("# Comparison against russia-disrupted-2023"))
        #expect(outcome.stdout.contains("| metric | unit |"))
    }

    @Test("Usage and input errors: one file is a usage error (64); a bad file is bad input (65); an unwritable export 73")
    func errors() throws {
        #expect(try CLI.run(["compare", "Scenarios/baseline-2021.yaml"]).status == 64)
        #expect(try CLI.run(["compare", "Scenarios/baseline-2021.yaml", "Scenarios/no-such-file.yaml"]).status == 65)
        let unwritable = try CLI.run(["compare", "Scenarios/baseline-2021.yaml", "Scenarios/russia-closed.yaml", "--svg", "/nonexistent-dir/x.svg"])
        #expect(unwritable.status == 73)
        #expect(unwritable.stderr.contains("/nonexistent-dir/x.svg"))
    }
}
