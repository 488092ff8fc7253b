import FlowFormulation
import FreightNetwork
import GLPK
import LinearProgramming
import Simulation

/// A small corridor network with real-looking coordinates whose optimum is checked by hand.
///
/// Two demands Xi'an → Duisburg: R (60 TEU/yr, value of time 300 USD/TEU/day) and S (80 TEU/yr,
/// 20 USD/TEU/day). Generalised cost per TEU of R: northern 2,725 + 300 × 11 = 6,025, middle
/// 3,400 + 300 × 16.5 = 8,350, sea 1,200 + 300 × 33 = 11,100; of S: sea 1,860 is cheapest.
/// Małaszewicze (MLW) holds 40 TEU/yr and the Alat ferry (ALT-DUI) 10, so R runs 40 northern,
/// 10 middle and 10 by sea; MLW's shadow price is 11,100 − 6,025 = 5,075 and ALT-DUI's
/// 11,100 − 8,350 = 2,750 USD/TEU.
enum ReportFixtures {
    static func node(_ id: String, _ name: String, _ kind: NodeKind, lon: Double, lat: Double, capacity: Double? = nil,
        handling: Double = 0, dwell: Double = 0) -> Node
    {
        Node(id: Node.ID(id), name: name, country: "XX", kind: kind, latitude: lat, longitude: lon, capacityTEU: capacity,
            handlingCostUSDPerTEU: handling, dwellDays: dwell)
    }

    static func link(_ from: String, _ to: String, _ mode: Mode, _ corridor: String, cost: Double, days: Double,
        capacity: Double? = nil, id: String? = nil, baseID: String? = nil) -> Link
    {
        Link(id: Link.ID(id ?? "\(from)-\(to)"), baseID: baseID.map { Link.ID($0) }, from: Node.ID(from), to: Node.ID(to), mode: mode,
            corridor: corridor, distanceKm: 1000, capacityTEU: capacity, costUSDPerTEU: cost, timeDays: days)
    }

    /// The base network; `closeMLW` closes the Małaszewicze border (the Northern corridor).
    static func network(closeMLW: Bool = false) throws -> Network {
        var mlw = node("MLW", "Małaszewicze / Terespol", .border, lon: 23.1, lat: 52.1, capacity: 40, handling: 75, dwell: 0.5)
        mlw.isClosed = closeMLW
        let nodes = [
            node("XIA", "Xi'an (International Port)", .hub, lon: 108.94, lat: 34.34),
            node("KHG", "Khorgos", .border, lon: 80.41, lat: 44.21, capacity: 500, handling: 100, dwell: 0.5),
            mlw,
            node("ALT", "Baku International Sea Trade Port (Alat)", .port, lon: 49.3, lat: 40.1),
            node("SHA", "Shanghai", .port, lon: 121.47, lat: 31.23),
            node("SUE", "Suez Canal", .waypoint, lon: 32.3, lat: 31.26),
            node("RTM", "Rotterdam", .port, lon: 4.48, lat: 51.92),
            node("DUI", "Duisburg", .hub, lon: 6.76, lat: 51.43),
        ]
        let links = [
            link("XIA", "KHG", .rail, "shared", cost: 600, days: 2),
            link("KHG", "MLW", .rail, "northern", cost: 1500, days: 6),
            link("MLW", "DUI", .rail, "northern", cost: 450, days: 2),
            link("KHG", "ALT", .rail, "middle", cost: 900, days: 4),
            link("ALT", "DUI", .ferry, "middle", cost: 1800, days: 10, capacity: 10),
            link("XIA", "SHA", .rail, "shared", cost: 300, days: 2),
            link("SHA", "SUE", .sea, "sea", cost: 500, days: 20),
            link("SUE", "RTM", .sea, "sea", cost: 300, days: 10),
            link("RTM", "DUI", .rail, "shared", cost: 100, days: 1),
            link("DUI", "RTM", .rail, "shared", cost: 100, days: 1, id: "RTM-DUI:rev", baseID: "RTM-DUI"),
        ]
        let demands = [
            Demand(id: "R-XIA-DUI", from: "XIA", to: "DUI", teu: 60, valueOfTimeUSDPerTEUDay: 300, unmetPenaltyUSDPerTEU: 50_000),
            Demand(id: "S-XIA-DUI", from: "XIA", to: "DUI", teu: 80, valueOfTimeUSDPerTEUDay: 20, unmetPenaltyUSDPerTEU: 50_000),
        ]
        return try Network(nodes: nodes, links: links, demands: demands)
    }

    static let simulator = Simulator(solver: GLPKSolver())

    /// The base result (min-cost).
    static func base() throws -> FlowResult { try simulator.run(try network(), scenario: "Fixture base") }

    /// Base and MLW-closed, each with min-cost and the corridor capacities, as a comparison.
    static func comparison() throws -> ScenarioComparison {
        var entries: [ScenarioComparison.Entry] = []
        for (label, closed) in [("base", false), ("mlw-closed", true)] {
            let net = try network(closeMLW: closed)
            let name = closed ? "Fixture, Małaszewicze closed" : "Fixture base"
            let result = try simulator.run(net, scenario: name)
            let capacity = try CapacityStudy(
                scenario: name, analysis: CapacityAnalysis(network: net), selections: CorridorSelection.defaults(in: try network()),
                flow: result, solver: GLPKSolver())
            entries.append(.init(label: label, name: name, file: "\(label).yaml", changes: closed ? ["close node MLW: 1 node closed"] : [],
                result: result, capacity: capacity))
        }
        return ScenarioComparison(entries: entries)
    }
}
