import Foundation
import FreightNetwork
import Scenarios
import Testing

/// The observations file of `corridor backtest`: the bundled one, and every problem of a broken one at once.
@Suite("Observations file")
struct ObservationsFileTests {
    /// The bundled `Scenarios/` folder.
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios").path

    @Test("The bundled file: at least 30 sourced observations over at least 5 years, each year's scenario loaded")
    func bundled() throws {
        let loaded = try ObservationsFile.loadChecked(path: "\(Self.scenarios)/observations.yaml")
        let observations = loaded.file.observations
        #expect(observations.count >= 30)
        #expect(Set(observations.map(\.year)).count >= 5)
        #expect(loaded.scenarios.map(\.year) == [2019, 2020, 2021, 2022, 2023, 2024, 2025])
        #expect(loaded.warnings.isEmpty)
        for observation in observations {
            #expect(observation.source.contains("[S"), "\(observation.id): sourced as in SOURCES.md")
            #expect(!observation.acceptedRange.isEmpty)
            #expect(observation.scopeFactor == 1 || observation.scope != nil, "\(observation.id): a scope factor says why")
        }
        // Every source code cited is in SOURCES.md.
        let sources = try String(contentsOfFile: "\(Self.scenarios)/SOURCES.md", encoding: .utf8)
        let cited = Set(observations.flatMap { $0.source.matches(of: /S\d+/).map { String($0.output) } })
        for code in cited.sorted() { #expect(sources.contains("\n- \(code) "), "\(code) is not listed in SOURCES.md") }
    }

    @Test("A year's scenario file that cannot be read is an error at the line that names it")
    func unreadableScenario() throws {
        let folder = try TemporaryFolder("observations-missing")
        try FileManager.default.createDirectory(atPath: folder.file("adir"), withIntermediateDirectories: true)
        let text = """
            format_version: 1
            scenarios:
              2021: \(Self.scenarios)/years/2021.yaml
              2022: nope.yaml
              2023: adir
            observations:
              - { id: a, year: 2021, metric: corridor_teu, corridor: northern, observed: 10, unit: TEU, tolerance_pct: 10, source: "[S1]" }
            """
        let path = try folder.write(text, to: "obs.yaml")
        do {
            _ = try ObservationsFile.loadChecked(path: path)
            Issue.record("a missing scenario file must not load")
        } catch {
            let messages = error.errors.map { $0.description.replacingOccurrences(of: "\(folder.path)/", with: "") }
            #expect(messages == [
                "obs.yaml:4:9: error: scenarios.2022: no such file 'nope.yaml'",
                "obs.yaml:5:9: error: scenarios.2023: 'adir' is a directory, not a file",
            ])
        }
    }

    @Test("A broken file: every problem at once, each at its line and column with its field")
    func everyProblem() throws {
        let folder = try TemporaryFolder("observations")
        let text = """
            format_version: 1
            name: Bad
            scenarios:
              2021: \(Self.scenarios)/years/2021.yaml
              2023: \(Self.scenarios)/years/2023.yaml
            observations:
              - { id: a, year: 2022, metric: corridor_teu, corridor: northern, observed: 10, unit: TEU, tolerance_pct: 10, source: "[S1]" }
              - { id: b, year: 2021, metric: corridor_tue, corridor: northern, observed: 10, unit: TEU, tolerance_pct: 10, source: "[S1]" }
              - { id: c, year: 2021, metric: node_teu, node: NOPE, observed: 10, unit: TEU, tolerance_pct: 10, source: "[S1]" }
              - { id: d, year: 2023, metric: corridor_teu, corridor: nothern, observed: 10, unit: TEU, tolerance_pct: 10, source: "[S1]" }
              - { id: e, year: 2021, metric: corridor_days, corridor: middle, observed: 10, unit: days, source: "[S1]" }
              - { id: f, year: 2021, metric: corridor_teu, corridor: middle, observed: lots, unit: TEU, tolerance_pct: 10 }
              - { id: g, year: 2021, metric: corridor_teu, corridor: middle, observed: 1, unit: TEU, scope_factor: 0.5, tolerance_pct: 10, source: x }
              - { id: h, year: 2021, metric: corridor_teu, corridor: middle, observed: 1, unit: TEU, tolerance_pct: 10, source: x, colour: red }
              - { id: c, year: 2021, metric: corridor_teu, corridor: middle, observed: 1, unit: TEU, tolerance_pct: 10, source: x }
              - { id: i, year: 2021, metric: corridor_teu, corridor: middle, observed: 1, unit: TEU, tolerance_pct: 10, relative_to_year: 2021, source: x }
            """
        let path = try folder.write(text, to: "bad.yaml")
        let messages: [String]
        do {
            _ = try ObservationsFile.loadChecked(path: path)
            Issue.record("a broken file must not load")
            return
        } catch {
            messages = error.errors.map { $0.description.replacingOccurrences(of: "\(folder.path)/", with: "") }
        }
        let expected = [
            "bad.yaml:7:20: error: observations[0].year: year 2022 has no scenario in 'scenarios' (the years listed are 2021, 2023)",
            "bad.yaml:8:34: error: observations[1].metric: expected one of corridor_teu, corridor_share, corridor_days, corridor_cost_usd_per_teu, node_teu, link_teu, node_congestion_days, demand_days, found 'corridor_tue' (did you mean 'corridor_teu'?)",
            "bad.yaml:11:5: error: observations[4].tolerance_pct: required field is missing (or 'tolerance_abs' in the model's unit)",
            "bad.yaml:12:5: error: observations[5].source: required field is missing",
            "bad.yaml:12:76: error: observations[5].observed: expected a number, found 'lots'",
            "bad.yaml:13:5: error: observations[6].scope: required field is missing (say why the published value is multiplied by scope_factor)",
            "bad.yaml:14:120: error: observations[7].colour: unknown key",
        ]
        for line in expected { #expect(messages.contains(line), "\(line)\nnot in\n\(messages.joined(separator: "\n"))") }
        let all = messages.joined(separator: "\n")
        #expect(all.contains("observations[8].id: duplicate observation id 'c'"))
        #expect(all.contains("observations[9].relative_to_year: must differ from 'year'"))
        #expect(all.contains("bad.yaml:9:50: error: observations[2]: unknown node 'NOPE' in"))
        #expect(all.contains("observations[3]: no link has the corridor tag 'nothern'"))
        #expect(all.contains("(did you mean 'northern'?)"))
        #expect(messages.count == expected.count + 4)
    }

    @Test("demand_days may name a corridor (its freight there only); an unknown corridor or demand is an error")
    func demandDaysOnCorridor() throws {
        let folder = try TemporaryFolder("observations")
        func file(_ rows: String) throws -> String {
            try folder.write(
                "format_version: 1\nname: T\nscenarios:\n  2021: \(Self.scenarios)/years/2021.yaml\nobservations:\n" + rows,
                to: "t.yaml")
        }
        let good = try ObservationsFile.loadChecked(
            path: try file(
                "  - { id: a, year: 2021, metric: demand_days, demand: E-XIA-DUI, corridor: northern, observed: 20, unit: d, tolerance_pct: 10, source: x }\n"
                    + "  - { id: b, year: 2021, metric: demand_days, demand: E-XIA-DUI, observed: 20, unit: d, tolerance_pct: 10, source: x }\n"))
        #expect(good.file.observations.map(\.metric) == [.demandDays("E-XIA-DUI", corridor: "northern"), .demandDays("E-XIA-DUI")])
        #expect(good.file.observations.map(\.metric.subject) == ["E-XIA-DUI on northern", "E-XIA-DUI"])
        let bad = try file(
            "  - { id: a, year: 2021, metric: demand_days, demand: E-XIA-DUI, corridor: nothern, observed: 20, unit: d, tolerance_pct: 10, source: x }\n"
                + "  - { id: b, year: 2021, metric: node_teu, node: ALT, corridor: middle, observed: 20, unit: d, tolerance_pct: 10, source: x }\n")
        do {
            _ = try ObservationsFile.loadChecked(path: bad)
            Issue.record("an unknown corridor must not load")
        } catch {
            let all = error.errors.map(\.description).joined(separator: "\n")
            #expect(all.contains("observations[0]: no link has the corridor tag 'nothern'") && all.contains("(did you mean 'northern'?)"), "\(all)")
            #expect(all.contains("observations[1].corridor: not used by metric node_teu, which measures a node"), "\(all)")
        }
    }

    @Test("Top level: the format version, scenarios as a year mapping, at least one observation")
    func topLevel() throws {
        func problems(_ text: String) -> String {
            do {
                let file = try ObservationsFile.read(text: text, file: "t.yaml")
                return file.diagnostics.errors.map(\.description).joined(separator: "\n")
            } catch {
                return error.description
            }
        }
        #expect(problems("name: x\nscenarios: { 2021: a.yaml }\nobservations: []").contains("format_version: required field is missing"))
        #expect(problems("format_version: 2\nscenarios: { 2021: a.yaml }\nobservations: []").contains("unsupported format version 2"))
        #expect(problems("format_version: 1\nscenarios: { twenty: a.yaml }\nobservations: []").contains("expected a year (1900–2200) as key, found 'twenty'"))
        #expect(problems("format_version: 1\nscenarios: [a.yaml]\nobservations: []").contains("expected a mapping of year to scenario file"))
        #expect(problems("format_version: 1\nscenarios: { 2021: a.yaml }\nobservations: []").contains("observations: lists no observation"))
        #expect(problems("format_version: 1\nscenarios: { 2021: a.yaml }").contains("observations: required field is missing"))
        #expect(problems("- a\n- b").contains("t.yaml:1:1"))
    }
}
