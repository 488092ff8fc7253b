public import FreightNetwork

extension InvestmentProgram {
    /// `network` with `units[i]` units of each project built: capacities raised, new links and nodes added,
    /// upgraded links given their lower tariff and time, storage added (and its holding cost, when given). The plain network a portfolio leads to, for
    /// solving and reporting it with the ordinary ``FlowProgram``.
    public static func apply(_ units: [Int], of catalog: InvestmentCatalog, to network: Network) throws(NetworkError) -> Network {
        var nodes = network.nodes
        var links = network.links
        for (i, investment) in catalog.investments.enumerated() where units.indices.contains(i) && units[i] > 0 {
            let count = Double(units[i])
            for effect in investment.effects {
                switch effect {
                case .newNode(var node):
                    node.capacityTEU = node.capacityTEU.map { $0 * count }
                    nodes.append(node)
                case .newLink(var link):
                    link.capacityTEU = link.capacityTEU.map { $0 * count }
                    links.append(link)
                default:
                    break
                }
            }
        }
        for (i, investment) in catalog.investments.enumerated() where units.indices.contains(i) && units[i] > 0 {
            let count = Double(units[i])
            for effect in investment.effects {
                switch effect {
                case .linkCapacity(let id, let teu):
                    for l in links.indices where links[l].baseID == id || links[l].id == id {
                        links[l].capacityTEU = links[l].capacityTEU.map { $0 + teu * count }
                    }
                case .nodeCapacity(let id, let teu):
                    for n in nodes.indices where nodes[n].id == id {
                        nodes[n].capacityTEU = nodes[n].capacityTEU.map { $0 + teu * count }
                    }
                case .storage(let id, let teu, let holding):
                    for n in nodes.indices where nodes[n].id == id {
                        nodes[n].storageCapacityTEU = (nodes[n].storageCapacityTEU ?? 0) + teu * count
                        if let holding { nodes[n].holdingCostUSDPerTEUDay = holding }
                    }
                case .upgradeLink(let id, let cost, let time):
                    for l in links.indices where links[l].baseID == id || links[l].id == id {
                        links[l].costUSDPerTEU = max(0, links[l].costUSDPerTEU - cost)
                        links[l].timeDays = max(0, links[l].timeDays - time)
                    }
                default:
                    break
                }
            }
        }
        return try Network(nodes: nodes, links: links, demands: network.demands)
    }
}
