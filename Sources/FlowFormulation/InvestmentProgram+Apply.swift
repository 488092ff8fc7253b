public import FreightNetwork

extension InvestmentProgram {
    /// `network` with `units[i]` units of each project built: capacities raised, new links and nodes added,
    /// upgraded links given their lower tariff and time, storage added (and its holding cost, when given). The plain network a portfolio leads to, for
    /// solving and reporting it with the ordinary ``FlowProgram``.
    public static func apply(_ units: [Int], of catalog: InvestmentCatalog, to network: Network) throws(NetworkError) -> Network {
        try network.applying(edits(units, of: catalog, to: network))
    }

    /// The built projects' effects as network edits: first every new node and link (capacity per unit ×
    /// units), then the changes to existing elements, which may name the new ones. A link id names every
    /// link with that id or base id (both directions); an upgrade cuts the tariff and time, to 0 at the least; a
    /// change of time or cost is made once, however many units are built.
    static func edits(_ units: [Int], of catalog: InvestmentCatalog, to network: Network) -> [NetworkEdit] {
        let built = catalog.investments.enumerated().filter { units.indices.contains($0.offset) && units[$0.offset] > 0 }
        var edits: [NetworkEdit] = []
        var nodes = network.nodes.map(\.id)
        var links = network.links.map { (id: $0.id, baseID: $0.baseID) }
        for (i, investment) in built {
            let count = Double(units[i])
            for effect in investment.effects {
                switch effect {
                case .newNode(var node):
                    node.capacityTEU = node.capacityTEU.map { $0 * count }
                    edits.append(.addNode(node))
                    nodes.append(node.id)
                case .newLink(var link):
                    link.capacityTEU = link.capacityTEU.map { $0 * count }
                    edits.append(.addLink(link))
                    links.append((link.id, link.baseID))
                default:
                    break
                }
            }
        }
        func linksNamed(_ id: Link.ID) -> [Int] { links.indices.filter { links[$0].baseID == id || links[$0].id == id } }
        func nodesNamed(_ id: Node.ID) -> [Int] { nodes.indices.filter { nodes[$0] == id } }
        for (i, investment) in built {
            let count = Double(units[i])
            for effect in investment.effects {
                switch effect {
                case .linkCapacity(let id, let teu):
                    edits += linksNamed(id).map { .addCapacity(.link($0), teu: teu * count) }
                case .nodeCapacity(let id, let teu):
                    edits += nodesNamed(id).map { .addCapacity(.node($0), teu: teu * count) }
                case .storage(let id, let teu, let holding):
                    edits += nodesNamed(id).map { .addStorage(node: $0, teu: teu * count, holdingCostUSDPerTEUDay: holding) }
                case .upgradeLink(let id, let cost, let time):
                    edits += linksNamed(id).flatMap { l -> [NetworkEdit] in
                        [.addSurcharge(.link(l), usdPerTEU: -cost), .addDelay(.link(l), days: -time)]
                    }
                case .service(.link(let id), let change):
                    edits += linksNamed(id).map { change.edit(.link($0)) }
                case .service(.node(let id), let change):
                    edits += nodesNamed(id).map { change.edit(.node($0)) }
                default:
                    break
                }
            }
        }
        return edits
    }
}
