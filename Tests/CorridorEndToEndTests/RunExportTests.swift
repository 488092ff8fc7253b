import CorridorTestSupport
import Foundation
import Testing

@Suite("GLPK end to end: corridor run exports")
struct RunExportTests {
    func exportAll(into dir: URL) throws -> CLI.Outcome {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return try CLI.run(["run", "Scenarios/red-sea-closed.yaml", "--format", "json", "--csv", dir.appendingPathComponent("csv").path,
            "--geojson", dir.appendingPathComponent("r.geojson").path, "--svg", dir.appendingPathComponent("r.svg").path,
            "--html", dir.appendingPathComponent("r.html").path])
    }

    @Test("--csv, --geojson, --svg and --html: valid, complete and byte-identical when run twice")
    func exports() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-run-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let a = root.appendingPathComponent("a"), b = root.appendingPathComponent("b")

        let outcome = try exportAll(into: a)
        _ = try exportAll(into: b)

        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try Report(outcome.stdout)
        let linkIDs = report.list("links").compactMap { $0["id"] as? String }
        let geojson = try String(contentsOf: a.appendingPathComponent("r.geojson"), encoding: .utf8)
        let features = try validateGeoJSON(geojson)
        #expect(features.count == report.list("nodes").count + linkIDs.count)
        let cape = features.compactMap { $0["properties"] as? [String: Any] }.first { $0["id"] as? String == "SIN-CGH" }
        #expect(((cape?["flow_teu"] as? NSNumber)?.doubleValue ?? 0) > 0, "ships round the Cape")

        let svg = SVGLinkCollector.collect(try String(contentsOf: a.appendingPathComponent("r.svg"), encoding: .utf8))
        #expect(svg.error == nil)
        #expect(svg.panels.count == 1 && svg.panels[0].sorted() == linkIDs.sorted(), "one path per link")

        let csvFiles = try FileManager.default.contentsOfDirectory(atPath: a.appendingPathComponent("csv").path).sorted()
        #expect(csvFiles == ["background.csv", "background_load.csv", "binding.csv", "capacity.csv", "corridors.csv", "cuts.csv", "demands.csv", "links.csv", "nodes.csv", "routes.csv", "summary.csv"])
        let links = parseCSV(try String(contentsOf: a.appendingPathComponent("csv/links.csv"), encoding: .utf8))
        #expect(links.count == linkIDs.count + 1 && links.dropFirst().allSatisfy { $0.count == links[0].count })

        let html = try String(contentsOf: a.appendingPathComponent("r.html"), encoding: .utf8)
        #expect(html.contains("class=\"panel\"") && html.contains("<table>") && !html.contains("<script"))

        for name in ["r.geojson", "r.svg", "r.html", "csv/routes.csv", "csv/nodes.csv"] {
            let first = try Data(contentsOf: a.appendingPathComponent(name))
            let second = try Data(contentsOf: b.appendingPathComponent(name))
            #expect(first == second, "\(name) differs between two runs")
        }
    }
}

@Suite("GLPK end to end: corridor frontier")
struct FrontierEndToEndTests {
    @Test("XIA → DUI: contiguous VOT ranges from 0 to 1,000; the Pareto points trade cost for days")
    func frontier() throws {
        let outcome = try CLI.run(["frontier", "Scenarios/baseline-2021.yaml", "--demand", "XIA:DUI", "--format", "json"])

        #expect(outcome.status == 0, "\(outcome.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let points = try #require(json["points"] as? [[String: Any]])
        #expect(num(points[0], "vot_from_usd_per_teu_day") == 0)
        #expect(num(points[points.count - 1], "vot_to_usd_per_teu_day") == 1_000)
        for (a, b) in zip(points, points.dropFirst()) {
            #expect(num(a, "vot_to_usd_per_teu_day") == num(b, "vot_from_usd_per_teu_day"))
        }
        // Sea, then the Northern corridor (with congestion the full borders wait their curves' 4 days, so the
        // split optima in between are dominated). The waits are priced at the scenario's congestion value of
        // time, not the swept one, so the Pareto points need not fall in VOT order: by cost, days fall.
        let pareto = points.filter { $0["pareto"] as? Bool == true }
            .sorted { (num($0, "cost_usd_per_teu") ?? 0) < (num($1, "cost_usd_per_teu") ?? 0) }
        #expect(pareto.count >= 2)
        for (a, b) in zip(pareto, pareto.dropFirst()) {
            #expect((num(a, "cost_usd_per_teu") ?? 0) < (num(b, "cost_usd_per_teu") ?? 0))
            #expect((num(a, "time_days") ?? 0) > (num(b, "time_days") ?? 0))
        }
        let corridors = Set(pareto.compactMap { ($0["corridors"] as? [[String: Any]])?.first?["corridor"] as? String })
        #expect(corridors.isSuperset(of: ["sea", "northern"]))
    }

    @Test("An unknown demand is a usage error listing the pairs")
    func unknownDemand() throws {
        let outcome = try CLI.run(["frontier", "Scenarios/baseline-2021.yaml", "--demand", "XIA:NOWHERE"])

        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("XIA:DUI"))
    }
}
