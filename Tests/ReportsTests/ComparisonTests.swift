import CorridorTestSupport
import FlowFormulation
import Foundation
import FreightNetwork
import LinearProgramming
import Reports
import Simulation
import Testing

@Suite("Reports: scenario comparison and its explanation")
struct ComparisonTests {
    @Test("Closing Małaszewicze: the Northern corridor's 40 TEU/yr go to sea; the Middle Corridor stays capped")
    func findings() throws {
        let c = try ReportFixtures.comparison()

        let findings = c.findings(1)

        let loss = try #require(findings.compactMap { f -> ComparisonFinding.CorridorLoss? in
            if case .corridorLoss(let l) = f { return l } else { return nil }
        }.first)
        #expect(loss.corridor == "northern")
        #expect(isClose(loss.baseTEU, 40) && loss.otherTEU == 0)
        #expect(loss.destinations.count == 1 && loss.destinations[0].corridor == "sea" && isClose(loss.destinations[0].teu, 40))
        #expect(isClose(loss.closedTEU, 40) && loss.closedNodes == ["MLW"])
        let gains = findings.compactMap { f -> String? in
            if case .corridorGain(let corridor, _, _, _, _) = f { return corridor } else { return nil }
        }
        #expect(gains == ["sea"])
        #expect(!findings.contains { if case .delivered = $0 { true } else { false } }, "all 140 TEU/yr still delivered")
    }

    @Test("The explanation's sentences carry the same numbers as the table")
    func sentences() throws {
        let c = try ReportFixtures.comparison()

        let text = ExplanationText.sentences(c, 1)

        #expect(text.contains { $0.hasPrefix("The northern corridor loses 40 TEU/yr (all of it): 40 to the sea route.") })
        #expect(text.contains { $0.contains("All its base freight ran through nodes or links this scenario closes (Małaszewicze / Terespol)") })
        #expect(text.contains { $0.hasPrefix("The sea route gains 40 TEU/yr (90 → 130)") })
        // Average cost: (40·2,725 + 10·3,400 + 90·1,200)/140 = 1,792.9 → (10·3,400 + 130·1,200)/140 = 1,357.1.
        #expect(text.contains { $0.hasPrefix("Average cost falls by USD 436 per TEU (-24.3%) to USD 1,357") })
        #expect(text.contains("The northern corridor's capacity falls from 40 to 0 TEU/yr (-100.0%): the cut moves from Małaszewicze / Terespol (40) to nothing (no open route)."))
        #expect(text.contains("The overland corridors' combined capacity falls from 50 to 10 TEU/yr (-80.0%): Małaszewicze / Terespol (40) leaves the cut; the Alat → Duisburg ferry (10) stays in it."))
        #expect(!text.contains { $0.contains("middle corridor's capacity") }, "unchanged capacity, same cut: no sentence")
        let metrics = c.metrics
        let sea = try #require(metrics.first { $0.key == "corridor_teu:sea" })
        #expect(sea.changes[1].map { isClose($0, 40) } == true)
    }

    @Test("Input differences: demand scaled by groups, prices, capacities, times and closures, element by element")
    func inputDifferences() throws {
        let base = try ReportFixtures.network()
        let closed = try ReportFixtures.network(closeMLW: true)
        var (nodes, links, demands) = (closed.nodes, closed.links, closed.demands)
        demands[0].teu = 72  // R ×1.2
        demands[1].teu = 40  // S ×0.5
        links[6].costUSDPerTEU = 200  // SHA-SUE 500 → 200
        links[4].capacityTEU = 25  // ALT-DUI 10 → 25
        links[3].timeDays = 3  // KHG-ALT 4 → 3
        nodes[1].dwellDays = 1.5  // KHG 0.5 → 1.5
        let other = try Network(nodes: nodes, links: links, demands: demands)
        let d = ScenarioComparison.inputDifferences(base, other)
        #expect(d.baseDemandTEU == 140 && d.demandTEU == 112)
        #expect(d.scaled.map(\.factor) == [0.5, 1.2], "largest change first: S −40, then R +12")
        #expect(d.scaled.map(\.demands) == [["S-XIA-DUI"], ["R-XIA-DUI"]])
        #expect(d.prices.map(\.id) == ["SHA-SUE"] && d.prices[0].base == 500 && d.prices[0].value == 200)
        #expect(d.capacities.map(\.id) == ["ALT-DUI"], "MLW's capacity is not compared once it is closed")
        #expect(d.times.map(\.id) == ["KHG", "KHG-ALT"] && d.times[0].element == .node)
        #expect(d.closed.map(\.id) == ["MLW"] && d.reopened.isEmpty)
        #expect(ScenarioComparison.inputDifferences(base, base).isEmpty)
        #expect(ScenarioComparison.inputDifferences(other, base).reopened.map(\.id) == ["MLW"])

        let simulator = ReportFixtures.simulator
        let c = ScenarioComparison(entries: [
            .init(label: "base", name: "b", file: "b.yaml", changes: [], result: try simulator.run(base, scenario: "b"), network: base),
            .init(label: "other", name: "o", file: "o.yaml", changes: [], result: try simulator.run(other, scenario: "o"), network: other),
        ])
        let first = try #require(ExplanationText.sentences(c, 1).first)
        #expect(
            first == "The networks differ in freight demand 140 → 112 TEU/yr (-20.0%); scaled demands: ×0.5 on S-XIA-DUI and "
                + "×1.2 on R-XIA-DUI; prices: the Shanghai → Suez Canal sea USD 500 → 200 per TEU; capacities: the Alat → "
                + "Duisburg ferry 10 → 25 TEU/yr; times: the dwell at Khorgos 0.50 → 1.50 days and the time of the Khorgos → "
                + "Alat rail 4.00 → 3.00 days; closed: Małaszewicze / Terespol.")
    }

    @Test("Metrics: a row per headline figure and corridor, with the change against the base")
    func metrics() throws {
        let c = try ReportFixtures.comparison()

        let keys = c.metrics.map(\.key)

        #expect(keys == ["delivered_teu", "unmet_teu", "avg_cost_usd_per_teu", "avg_time_days",
            "corridor_teu:sea", "corridor_share:sea", "corridor_teu:northern", "corridor_share:northern",
            "corridor_teu:middle", "corridor_share:middle", "total_cost_usd",
            "capacity_teu:northern", "concurrent_factor:northern", "capacity_teu:middle", "concurrent_factor:middle",
            "capacity_teu:overland", "concurrent_factor:overland"])
        func values(_ key: String) throws -> [Double?] { try #require(c.metrics.first { $0.key == key }).values }
        // Northern: MLW's 40 TEU/yr, then nothing with MLW closed; middle: the Alat ferry's 10.
        #expect(try values("capacity_teu:northern") == [40, 0])
        #expect(try values("capacity_teu:middle") == [10, 10])
        #expect(try values("capacity_teu:overland") == [50, 10])
        // λ: 140 TEU/yr of demand; 40/140 then no demand can reach Duisburg on the northern corridor.
        let northern = try values("concurrent_factor:northern")
        #expect(isClose(try #require(northern[0]), 40.0 / 140) && northern[1] == nil)
        #expect(try #require(c.metrics.first { $0.key == "capacity_teu:northern" }).changes[1] == -40)
    }

    @Test("Route shifts list the demand that moved; flow changes and binding rows name the elements")
    func tables() throws {
        let c = try ReportFixtures.comparison()

        let shifted = c.demandShifts.filter(\.changed).map(\.id.rawValue)
        let flows = c.flowChanges(1)
        let binding = c.binding

        #expect(shifted == ["R-XIA-DUI"])
        #expect(flows.nodes.contains { $0.id == "MLW" && $0.closed && isClose($0.changeTEU, -40) })
        #expect(binding.map(\.id) == ["MLW", "ALT-DUI"])
        #expect(binding[0].shadowPrices[1] == nil, "MLW is closed, so it no longer binds")
        #expect(binding[1].shadowPrices.allSatisfy { $0.map { isClose($0, 2_750, tolerance: 1e-6) } == true })
    }

    @Test("Comparison JSON parses and carries labels, metrics, explanation and each scenario's full report")
    func json() throws {
        let c = try ReportFixtures.comparison()

        let object = try #require(try JSONSerialization.jsonObject(with: Data(ComparisonReport.json(c).utf8)) as? [String: Any])

        #expect(object["base"] as? String == "base")
        #expect(object["labels"] as? [String] == ["base", "mlw-closed"])
        let scenarios = try #require(object["scenarios"] as? [[String: Any]])
        #expect(scenarios.count == 2)
        #expect(((scenarios[0]["result"] as? [String: Any])?["links"] as? [Any])?.count == c.base.result.links.count)
        let explanation = try #require(object["explanation"] as? [[String: Any]])
        #expect(explanation.first?["scenario"] as? String == "mlw-closed")
    }

    @Test("Unique labels: repeated file names get a suffix")
    func labels() {
        #expect(ScenarioComparison.uniqueLabels(["a", "b", "a", "a"]) == ["a", "b", "a-2", "a-3"])
    }

    @Test("Short names for sentences")
    func shortNames() {
        #expect(ExplanationText.shortName("Baku International Sea Trade Port (Alat)") == "Alat")
        #expect(ExplanationText.shortName("Krasnoye (RU-BY border)") == "Krasnoye")
        #expect(ExplanationText.shortName("Bruzgi / Kuźnica") == "Bruzgi / Kuźnica")
    }
}
