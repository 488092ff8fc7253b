import CorridorTestSupport
import FreightNetwork
import GLPK
import Simulation
import Testing

/// Freight both ways on one network: links carry a capacity each way, a node's capacity is shared.
@Suite("Both directions")
struct DirectionTests {
    typealias F = Fixtures

    /// E (lon 100) and W (lon 0) joined through M (lon 50, 80 TEU/yr shared by both directions) at 10 USD/TEU
    /// a link, or directly by sea: E→W 150 USD/TEU, W→E 100 USD/TEU. Westbound E→W 60 TEU, eastbound W→E
    /// 50 TEU. The route through M saves a westbound TEU 130 USD and an eastbound one 80, so westbound takes
    /// 60 of M's 80 TEU and eastbound the other 20; 30 eastbound TEU go by sea. M's shadow price is the
    /// eastbound saving, 80 USD/TEU. The links through M each way carry their direction's flow only (M-W
    /// 60, W-M 20), each within its own 70 TEU.
    static func network() throws -> Network {
        try F.network(
            nodes: [F.node("E", lon: 100), F.node("M", capacity: 80, lon: 50), F.node("W", lon: 0)],
            links: [
                F.link("E", "M", cost: 10, capacity: 70), F.link("M", "W", cost: 10, capacity: 70),
                F.link("W", "M", cost: 10, capacity: 70), F.link("M", "E", cost: 10, capacity: 70),
                F.link("E", "W", cost: 150, corridor: "sea"), F.link("W", "E", cost: 100, corridor: "sea"),
            ],
            demands: [F.demand("E", "W", teu: 60, id: "west"), F.demand("W", "E", teu: 50, id: "east")])
    }

    @Test("A shared node goes to the direction that saves most; links carry one direction each")
    func sharedNode() throws {
        let network = try Self.network()
        let r = try Simulator(solver: GLPKSolver()).run(network, scenario: "t")
        #expect(r.status == .optimal)
        let flow = Dictionary(uniqueKeysWithValues: r.links.map { ($0.id.rawValue, $0.flowTEU) })
        #expect(isClose(flow["M-W"]!, 60) && isClose(flow["W-M"]!, 20) && isClose(flow["W-E"]!, 30))
        #expect(isClose(flow["E-W"]!, 0))
        let m = try #require(r.nodes.first { $0.id == "M" })
        #expect(isClose(m.throughputTEU, 80))
        #expect(isClose(try #require(m.shadowPriceUSDPerTEU), 80))
        #expect(r.demands.map(\.direction) == [.westbound, .eastbound])
        expectInvariants(r, network)
    }

    @Test("Direction summaries: demand, delivered, cost and corridor shares per direction")
    func summaries() throws {
        let r = try Simulator(solver: GLPKSolver()).run(try Self.network(), scenario: "t")
        #expect(r.hasBothDirections)
        let summaries = r.directionSummaries
        #expect(summaries.map(\.direction) == [.westbound, .eastbound])
        let west = summaries[0]
        let east = summaries[1]
        #expect(isClose(west.demandTEU, 60) && isClose(west.deliveredTEU, 60) && isClose(west.unmetTEU, 0))
        #expect(isClose(try #require(west.avgCostUSDPerTEU), 20))
        #expect(west.corridors.map(\.corridor) == ["main"])
        #expect(isClose(east.deliveredTEU, 50))
        // (20 TEU × 20 USD + 30 TEU × 100 USD) / 50 TEU = 68 USD/TEU; sea carries 60 % of it.
        #expect(isClose(try #require(east.avgCostUSDPerTEU), 68))
        #expect(east.corridors.map(\.corridor) == ["sea", "main"])
        #expect(isClose(east.corridors[0].share, 0.6) && isClose(east.corridors[1].share, 0.4))
        // The directions add up to the whole.
        #expect(isClose(summaries.reduce(0) { $0 + $1.deliveredTEU }, r.deliveredTEU))
    }

    @Test("One direction only: no split is reported")
    func oneDirection() throws {
        let network = try F.network(
            nodes: [F.node("E", lon: 100), F.node("W", lon: 0)], links: [F.link("E", "W", cost: 1)],
            demands: [F.demand("E", "W", teu: 5)])
        let r = try Simulator(solver: GLPKSolver()).run(network, scenario: "t")
        #expect(!r.hasBothDirections)
        #expect(r.directionSummaries.map(\.direction) == [.westbound])
    }
}
