import Foundation
import Testing

/// `corridor backtest` on the bundled year series, and the 2030 scenario against 2025.
@Suite("End to end: backtest and the year series")
struct BacktestCommandTests {
    /// The observations inside tolerance in the bundled backtest when this floor was last raised. The test
    /// fails if a change loses one; raise it when calibration (of parameters, never outputs) gains some.
    static let insideFloor = 23
    /// The same for the observations whose source sets no parameter (no `calibrates`): the model's own test.
    static let validationInsideFloor = 20

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("The bundled backtest: at least 30 sourced observations over at least 5 years, no fewer inside than the floor")
    func bundled() throws {
        let out = try CLI.run(["backtest", "Scenarios/observations.yaml", "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        let report = try Self.json(out.stdout)
        let summary = try #require(report["summary"] as? [String: Any])
        let rows = try #require(report["observations"] as? [[String: Any]])
        #expect(rows.count >= 30 && summary["observations"] as? Int == rows.count)
        #expect(try #require(summary["years"] as? [Int]).count >= 5)
        let inside = try #require(summary["inside"] as? Int)
        #expect(inside == rows.count { $0["inside"] as? Bool == true })
        #expect(inside >= Self.insideFloor, "inside tolerance: \(inside), the floor is \(Self.insideFloor)")
        let validation = rows.filter { $0["calibrates"] is NSNull }
        #expect(summary["validation_observations"] as? Int == validation.count && validation.count < rows.count)
        let validationInside = try #require(summary["validation_inside"] as? Int)
        #expect(validationInside == validation.count { $0["inside"] as? Bool == true })
        #expect(validationInside >= Self.validationInsideFloor, "without calibrating observations: \(validationInside) inside")
        for row in rows {
            #expect((row["source"] as? String)?.isEmpty == false)
            if let model = row["model"] as? Double, let low = row["accepted_low"] as? Double,
                let high = row["accepted_high"] as? Double
            {
                #expect((low...high).contains(model) == (row["inside"] as? Bool), "\(row["id"] ?? "")")
            }
        }
        let years = try #require(report["years"] as? [[String: Any]])
        #expect(years.map { $0["status"] as? String } == Array(repeating: "optimal", count: years.count))

        let table = try CLI.run(["backtest", "Scenarios/observations.yaml"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("\(inside) of \(rows.count) observations inside tolerance"))
        #expect(table.stdout.contains("\(validationInside) of \(validation.count) ("))
        #expect(table.stdout.contains("inside (c)") && table.stdout.contains("(c) erai-northern-2024: its source also sets"))
        #expect(table.stdout.contains("Corridors by year (model)"))
    }

    @Test("--min-inside: exit 1 below the count, 0 at it")
    func minInside() throws {
        let at = try CLI.run(["backtest", "Scenarios/observations.yaml", "--format", "csv", "--min-inside", "\(Self.insideFloor)"])
        #expect(at.status == 0)
        #expect(at.stdout.hasPrefix("year,"))
        let above = try CLI.run(["backtest", "Scenarios/observations.yaml", "--min-inside", "1000"])
        #expect(above.status == 1)
        #expect(above.stderr.contains("fewer than --min-inside 1000"))
    }

    @Test("A broken observations file: every error positioned, exit 65, nothing on stdout")
    func broken() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-backtest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.yaml")
        try """
        format_version: 1
        scenarios: { 2021: \(CLI.root.path)/Scenarios/years/2021.yaml }
        observations:
          - { id: a, year: 2021, metric: node_teu, node: XXX, observed: 1, unit: TEU, tolerance_pct: 5, source: s }
          - { id: b, year: 2020, metric: corridor_teu, corridor: middle, observed: 1, unit: TEU, tolerance_pct: 5 }
        """.write(to: file, atomically: true, encoding: .utf8)
        let out = try CLI.run(["backtest", file.path])
        #expect(out.status == 65)
        #expect(out.stdout.isEmpty)
        #expect(out.stderr.contains("bad.yaml:4:50: error: observations[0]: unknown node 'XXX'"))
        #expect(out.stderr.contains("bad.yaml:5:20: error: observations[1].year: year 2020 has no scenario"))
        #expect(out.stderr.contains("bad.yaml:5:5: error: observations[1].source: required field is missing"))
        let validated = try CLI.run(["validate", file.path])
        #expect(validated.status == 65 && validated.stderr == out.stderr)
    }

    @Test("compare of consecutive years names what the networks set differently: demand, prices, capacities")
    func consecutiveYears() throws {
        let out = try CLI.run(["compare", "Scenarios/years/2022.yaml", "Scenarios/years/2023.yaml"])
        #expect(out.status == 0, "\(out.stderr)")
        let text = out.stdout.replacingOccurrences(of: "\n      ", with: " ")
        // 2023's CRE index 1.301 against 2022's 1.102 = ×1.181 on the 22 rail-affine demands; the sea surcharge
        // on the Suez waypoint +3,670 → +130 USD/TEU; Małaszewicze 314,000 × 0.70 → × 0.47.
        #expect(text.contains("scaled demands: ×1.181 on 22 demands such as X-CGO-HAM"))
        #expect(text.contains("Suez Canal / Port Said USD 3,670 → 130 per TEU"))
        #expect(text.contains("Małaszewicze / Terespol 219,800 → 147,580 TEU/yr"))
    }

    @Test("Every year scenario validates, and validate checks the observations file as backtest does")
    func yearsValidate() throws {
        for year in [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2030] {
            let out = try CLI.run(["validate", "Scenarios/years/\(year).yaml"])
            #expect(out.status == 0, "\(year): \(out.stderr)")
        }
        let observations = try CLI.run(["validate", "Scenarios/observations.yaml"])
        #expect(observations.status == 0, "\(observations.stderr)")
        #expect(observations.stdout.contains("Scenarios/observations.yaml: ok — observations \""))
        #expect(observations.stdout.contains("over 7 year scenario(s), 0 warning(s)"))
    }

    @Test("2030: the announced investments raise the Middle Corridor's capacity and cut its transit time against 2025")
    func investments2030() throws {
        func capacity(_ year: Int) throws -> Double {
            let out = try CLI.run(["capacity", "Scenarios/years/\(year).yaml", "--corridor", "middle", "--format", "json"])
            #expect(out.status == 0, "\(out.stderr)")
            let entry = try #require((try Self.json(out.stdout)["capacity"] as? [[String: Any]])?.first)
            return try #require(entry["capacity_teu"] as? Double)
        }
        func days(_ year: Int) throws -> Double {
            let out = try CLI.run(["run", "Scenarios/years/\(year).yaml", "--format", "json"])
            #expect(out.status == 0, "\(out.stderr)")
            let corridors = try #require(try Self.json(out.stdout)["corridors"] as? [[String: Any]])
            return try #require(corridors.first { $0["corridor"] as? String == "middle" }?["avg_time_days"] as? Double)
        }
        #expect(try capacity(2030) > capacity(2025) * 1.1)
        #expect(try days(2030) < days(2025) - 2)
    }
}
