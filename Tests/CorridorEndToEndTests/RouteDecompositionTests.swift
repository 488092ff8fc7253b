import CorridorTestSupport
import Foundation
import Testing

/// Issue 3, item 2: every solution decomposes into routes per demand that sum back exactly.
@Suite("GLPK end to end: routes per demand")
struct RouteDecompositionTests {
    static let cases =
        CLI.bundledScenarios().map { ($0, "min-cost") } + CLI.maxThroughputScenarios().map { ($0, "max-throughput") }

    @Test("Routes sum to each demand's delivered TEU and, per link, to the link flow (1e-6 relative)", arguments: cases)
    func routesSumBack(_ file: String, _ objective: String) throws {
        let outcome = try CLI.run(["run", file, "--objective", objective, "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try Report(outcome.stdout)

        var fromRoutes: [String: Double] = [:]
        let links = Dictionary(uniqueKeysWithValues: report.list("links").compactMap { l in (l["id"] as? String).map { ($0, l) } })
        // Background traffic is routed like the demands and in the link flows: its routes count too.
        let background = (report.json["background"] as? [String: Any])?["flows"] as? [[String: Any]] ?? []
        for demand in report.list("demands") + background {
            let id = demand["id"] as? String ?? "?"
            let routes = demand["routes"] as? [[String: Any]] ?? []
            let routed = routes.reduce(0) { $0 + (num($1, "teu") ?? .nan) }
            let delivered = try #require(num(demand, "delivered_teu"))
            #expect(abs(routed - delivered) <= 1e-6 * max(1, delivered), "\(id): routes \(routed) vs delivered \(delivered)")
            for route in routes {
                let teu = num(route, "teu") ?? .nan
                #expect(teu > 0, "\(id): a route without freight")
                let nodes = route["nodes"] as? [String] ?? []
                let path = route["links"] as? [String] ?? []
                let via = route["via"] as? [String] ?? []
                #expect(nodes.first == demand["from"] as? String && nodes.last == demand["to"] as? String, "\(id): route ends")
                #expect(via.first == nodes.first && via.last == nodes.last && !via.isEmpty, "\(id): named by its key nodes")
                #expect(path.count == nodes.count - 1)
                for (i, linkID) in path.enumerated() {
                    let link = try #require(links[linkID], "\(id): unknown link \(linkID)")
                    #expect(link["from"] as? String == nodes[i] && link["to"] as? String == nodes[i + 1], "\(id): \(linkID) out of order")
                    fromRoutes[linkID, default: 0] += teu
                }
                #expect((num(route, "cost_usd_per_teu") ?? -1) >= 0 && (num(route, "time_days") ?? -1) >= 0)
            }
        }
        for (id, link) in links {
            let flow = num(link, "flow_teu") ?? .nan
            let routed = fromRoutes[id] ?? 0
            #expect(abs(routed - flow) <= 1e-6 * max(1, flow), "link \(id): routes \(routed) vs flow \(flow)")
        }
    }

    @Test("The table shows each demand's main route by its key nodes")
    func tableShowsRoutes() throws {
        let outcome = try CLI.run(["run", "Scenarios/russia-closed.yaml"])

        #expect(outcome.stdout.contains("main route"))
        #expect(outcome.stdout.contains("sea: SHA→SIN→SUE→RTM"))
        #expect(outcome.stdout.contains("not carried (unmet)"))
    }
}
