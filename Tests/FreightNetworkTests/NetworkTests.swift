import FreightNetwork
import Testing

@Suite("Network")
struct NetworkTests {
    func node(_ id: String, lat: Double = 0) -> Node {
        Node(id: Node.ID(id), name: id, country: "KZ", kind: .hub, latitude: lat, longitude: 0)
    }

    func link(_ id: String, _ from: String, _ to: String, cost: Double = 1) -> Link {
        Link(id: Link.ID(id), from: Node.ID(from), to: Node.ID(to), mode: .rail, corridor: "middle", distanceKm: 1,
            costUSDPerTEU: cost, timeDays: 1)
    }

    @Test func indicesFollowFileOrder() throws {
        let network = try Network(
            nodes: [node("A"), node("B"), node("C")],
            links: [link("AB", "A", "B"), link("BC", "B", "C"), link("AC", "A", "C")],
            demands: [Demand(from: "A", to: "C", teu: 5)]
        )

        #expect(network.index(of: Node.ID("C")) == 2)
        #expect(network.outgoing[0] == [0, 2])
        #expect(network.incoming[2] == [1, 2])
        #expect(network.demands[0].id == "A-C")
        #expect(network.demands[0].valueOfTimeUSDPerTEUDay == 50)
        #expect(network.demands[0].unmetPenaltyUSDPerTEU == 20_000)
    }

    @Test("Structural errors are thrown, not trapped", arguments: [
        ([("A", 0.0), ("A", 0.0)], [("L", "A", "A", 1.0)], NetworkError.duplicateNode("A")),
        ([("A", 0.0), ("B", 0.0)], [("L", "A", "Z", 1.0)], .unknownNode("Z", referencedBy: "link L")),
        ([("A", 0.0), ("B", 0.0)], [("L", "A", "A", 1.0)], .selfLoop("L")),
        ([("A", 0.0), ("B", 0.0)], [("L", "A", "B", 1.0), ("L", "B", "A", 1.0)], .duplicateLink("L")),
        ([("A", 0.0), ("B", 0.0)], [("L", "A", "B", -1.0)],
            .invalidValue(entity: "link L", field: "cost_usd_per_teu", value: -1, expected: "a finite number ≥ 0")),
        ([("A", 95.0), ("B", 0.0)], [("L", "A", "B", 1.0)],
            .invalidValue(entity: "node A", field: "lat", value: 95, expected: "degrees in -90...90")),
    ] as [([(String, Double)], [(String, String, String, Double)], NetworkError)])
    func structuralErrors(nodes: [(String, Double)], links: [(String, String, String, Double)], expected: NetworkError) {
        #expect(throws: expected) {
            try Network(
                nodes: nodes.map { node($0.0, lat: $0.1) },
                links: links.map { link($0.0, $0.1, $0.2, cost: $0.3) },
                demands: []
            )
        }
    }

    @Test func nanIsRejected() {
        var bad = link("L", "A", "B")
        bad.timeDays = .nan
        #expect(throws: NetworkError.self) { try Network(nodes: [node("A"), node("B")], links: [bad], demands: []) }
    }

    @Test func borderNodeCountries() {
        let border = Node(id: "BOL", name: "Bolashak", country: "KZ/TM", kind: .border, latitude: 42, longitude: 55)
        #expect(border.countries == ["KZ", "TM"])
        #expect(Link.reverseID(of: "AKU-ALT") == "AKU-ALT:rev")
    }
}
