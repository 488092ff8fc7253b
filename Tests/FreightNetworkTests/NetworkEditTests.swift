import FreightNetwork
import Testing

/// Each ``NetworkEdit`` on a hand-made network: A (cap 100) → B (unlimited), links AB (cap 50, 10 USD,
/// 2 days) and BA (unlimited), one demand A→B of 40 TEU/year.
@Suite("NetworkEdit")
struct NetworkEditTests {
    let network: Network

    init() throws {
        network = try Network(
            nodes: [
                Node(
                    id: "A", name: "A", country: "CN", kind: .hub, latitude: 0, longitude: 0, capacityTEU: 100,
                    handlingCostUSDPerTEU: 5, dwellDays: 1),
                Node(id: "B", name: "B", country: "KZ", kind: .border, latitude: 0, longitude: 1),
            ],
            links: [
                Link(
                    id: "AB", from: "A", to: "B", mode: .rail, corridor: "middle", distanceKm: 1, capacityTEU: 50,
                    costUSDPerTEU: 10, timeDays: 2),
                Link(id: "BA", from: "B", to: "A", mode: .rail, corridor: "middle", distanceKm: 1, costUSDPerTEU: 10,
                    timeDays: 2),
            ],
            demands: [Demand(from: "A", to: "B", teu: 40)]
        )
    }

    @Test func closeKeepsCapacityAndClosesLinksAtANode() throws {
        let link = try network.applying([.close(.link(0))])
        #expect(link.links[0].isClosed && link.links[0].capacityTEU == 50)
        #expect(!link.isOpen(link: 0) && link.isOpen(link: 1))

        let node = try network.applying([.close(.node(1))])
        #expect(node.nodes[1].isClosed && !node.links[0].isClosed)
        #expect(!node.isOpen(link: 0) && !node.isOpen(link: 1), "a closed node closes every link at it")
        #expect(network.isOpen(link: 0) && network.isOpen(link: 1))
    }

    @Test func scaleCapacityMultipliesAndLeavesUnlimitedAlone() throws {
        let edited = try network.applying([.scaleCapacity(.link(0), by: 0.5), .scaleCapacity(.node(0), by: 2),
            .scaleCapacity(.link(1), by: 0.5), .scaleCapacity(.node(1), by: 3)])
        #expect(edited.links[0].capacityTEU == 25)
        #expect(edited.nodes[0].capacityTEU == 200)
        #expect(edited.links[1].capacityTEU == nil)
        #expect(edited.nodes[1].capacityTEU == nil)
    }

    @Test func scaleCapacityByZeroGivesCapacityZeroAndStaysOpen() throws {
        let edited = try network.applying([.scaleCapacity(.link(0), by: 0), .scaleCapacity(.link(1), by: 0)])
        #expect(edited.links[0].capacityTEU == 0 && !edited.links[0].isClosed)
        #expect(edited.links[1].capacityTEU == nil && !edited.links[1].isClosed, "unlimited × 0 stays unlimited")
        #expect(edited.isOpen(link: 0))
    }

    @Test func capacityFactorZeroClosesOthersScale() throws {
        #expect(NetworkEdit.capacityFactor(0, on: .link(1)) == .close(.link(1)))
        #expect(NetworkEdit.capacityFactor(0.5, on: .node(0)) == .scaleCapacity(.node(0), by: 0.5))
        let edited = try network.applying([.capacityFactor(0, on: .link(1)), .capacityFactor(0.5, on: .node(0))])
        #expect(edited.links[1].isClosed && edited.links[1].capacityTEU == nil, "factor 0 closes an unlimited link")
        #expect(edited.nodes[0].capacityTEU == 50 && !edited.nodes[0].isClosed)
    }

    @Test func setAndAddCapacity() throws {
        let set = try network.applying([.setCapacity(.link(1), teu: 30), .setCapacity(.node(0), teu: 0)])
        #expect(set.links[1].capacityTEU == 30, "set gives an unlimited link a capacity")
        #expect(set.nodes[0].capacityTEU == 0 && !set.nodes[0].isClosed)

        let added = try network.applying([.addCapacity(.link(0), teu: 25), .addCapacity(.link(1), teu: 25)])
        #expect(added.links[0].capacityTEU == 75)
        #expect(added.links[1].capacityTEU == nil, "unlimited stays unlimited")
    }

    @Test func delayAndSurchargeAddAndStopAtZero() throws {
        let up = try network.applying([.addDelay(.link(0), days: 1.5), .addDelay(.node(0), days: 2),
            .addSurcharge(.link(0), usdPerTEU: 300), .addSurcharge(.node(0), usdPerTEU: 7)])
        #expect(up.links[0].timeDays == 3.5 && up.nodes[0].dwellDays == 3)
        #expect(up.links[0].costUSDPerTEU == 310 && up.nodes[0].handlingCostUSDPerTEU == 12)

        let down = try network.applying([.addDelay(.link(0), days: -0.5), .addSurcharge(.link(0), usdPerTEU: -4),
            .addDelay(.link(1), days: -5), .addSurcharge(.link(1), usdPerTEU: -15)])
        #expect(down.links[0].timeDays == 1.5 && down.links[0].costUSDPerTEU == 6)
        #expect(down.links[1].timeDays == 0 && down.links[1].costUSDPerTEU == 0, "cut to 0 at the least")
    }

    @Test func storageAddsToNoneAndSetsHoldingCostWhenGiven() throws {
        let once = try network.applying([.addStorage(node: 1, teu: 500, holdingCostUSDPerTEUDay: 2)])
        #expect(once.nodes[1].storageCapacityTEU == 500 && once.nodes[1].holdingCostUSDPerTEUDay == 2)
        let twice = try once.applying([.addStorage(node: 1, teu: 100, holdingCostUSDPerTEUDay: nil)])
        #expect(twice.nodes[1].storageCapacityTEU == 600 && twice.nodes[1].holdingCostUSDPerTEUDay == 2)
    }

    @Test func scaleDemand() throws {
        #expect(try network.applying([.scaleDemand(0, by: 1.5)]).demands[0].teu == 60)
        #expect(try network.applying([.scaleDemand(0, by: 0)]).demands[0].teu == 0)
    }

    @Test func addedElementsTakeTheNextIndexAndLaterEditsReachThem() throws {
        let c = Node(id: "C", name: "C", country: "KZ", kind: .port, latitude: 0, longitude: 2, capacityTEU: 10)
        let bc = Link(
            id: "BC", from: "B", to: "C", mode: .road, corridor: "middle", distanceKm: 1, capacityTEU: 10,
            costUSDPerTEU: 1, timeDays: 1)
        let edited = try network.applying([.addNode(c), .addLink(bc), .addCapacity(.link(2), teu: 5)])
        #expect(edited.nodes.map(\.id) == ["A", "B", "C"])
        #expect(edited.index(of: Link.ID("BC")) == 2 && edited.links[2].capacityTEU == 15)
        #expect(edited.outgoing[1] == [1, 2])
    }

    @Test func anInvalidResultThrows() {
        let dangling = Link(
            id: "BZ", from: "B", to: "Z", mode: .road, corridor: "middle", distanceKm: 1, costUSDPerTEU: 1, timeDays: 1)
        #expect(throws: NetworkError.unknownNode("Z", referencedBy: "link BZ")) {
            try network.applying([.addLink(dangling)])
        }
    }

    @Test func editsApplyInOrder() throws {
        let edited = try network.applying([.setCapacity(.link(0), teu: 10), .scaleCapacity(.link(0), by: 3)])
        #expect(edited.links[0].capacityTEU == 30)
        let other = try network.applying([.scaleCapacity(.link(0), by: 3), .setCapacity(.link(0), teu: 10)])
        #expect(other.links[0].capacityTEU == 10)
    }

    @Test func aPeriodsFactorsBecomeEdits() throws {
        var schedule = PeriodSchedule(periods: [.init(name: "jan", days: 31), .init(name: "feb", days: 28)], for: network)
        schedule.nodeCapacityFactor[0] = [0.5, 1]
        schedule.linkCapacityFactor[1] = [1, 0]
        #expect(
            schedule.edits(inPeriod: 1) == [
                .scaleCapacity(.node(0), by: 1), .scaleCapacity(.node(1), by: 1), .scaleCapacity(.link(0), by: 1),
                .close(.link(1)),
            ])
        let jan = try network.applying(schedule.edits(inPeriod: 0))
        #expect(jan.nodes[0].capacityTEU == 50 && !jan.links[1].isClosed)
        let feb = try network.applying(schedule.edits(inPeriod: 1))
        #expect(feb.nodes[0].capacityTEU == 100 && feb.links[1].isClosed, "factor 0 closes the unlimited link")
    }
}
