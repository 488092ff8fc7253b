extension Network {
    /// The network with `edits` applied in order (see ``NetworkEdit`` for what each means), checked
    /// again as a new network.
    /// - Throws: ``NetworkError`` when the result is not a valid network (an added link to an unknown
    ///   node, a duplicate id, a capacity that is no longer finite).
    public func applying(_ edits: [NetworkEdit]) throws(NetworkError) -> Network {
        var nodes = self.nodes
        var links = self.links
        var demands = self.demands
        for edit in edits { edit.apply(to: &nodes, &links, &demands) }
        return try rebuilt(nodes: nodes, links: links, demands: demands)
    }

    /// A network of these records that keeps this one's network-level settings
    /// (``congestionValueOfTime``): what every network derived from this one is built with.
    /// - Throws: ``NetworkError`` when the records are not a valid network.
    public func rebuilt(nodes: [Node], links: [Link], demands: [Demand]) throws(NetworkError) -> Network {
        var network = try Network(nodes: nodes, links: links, demands: demands)
        network.congestionValueOfTime = congestionValueOfTime
        return network
    }

    /// True when link `l` and both its end nodes are open (not closed).
    public func isOpen(link l: Int) -> Bool {
        let (from, to) = linkEnds[l]
        return !links[l].isClosed && !nodes[from].isClosed && !nodes[to].isClosed
    }
}

extension NetworkEdit {
    /// Applies the edit to nodes, links and demands that are not (yet) checked as a ``Network``,
    /// such as a scenario under construction; indices are into these arrays, which must hold them.
    public func apply(to nodes: inout [Node], _ links: inout [Link], _ demands: inout [Demand]) {
        switch self {
        case .close(.link(let l)): links[l].isClosed = true
        case .close(.node(let n)): nodes[n].isClosed = true
        case .scaleCapacity(.link(let l), let factor): links[l].capacityTEU = links[l].capacityTEU.map { $0 * factor }
        case .scaleCapacity(.node(let n), let factor): nodes[n].capacityTEU = nodes[n].capacityTEU.map { $0 * factor }
        case .setCapacity(.link(let l), let teu): links[l].capacityTEU = teu
        case .setCapacity(.node(let n), let teu): nodes[n].capacityTEU = teu
        case .addCapacity(.link(let l), let teu): links[l].capacityTEU = links[l].capacityTEU.map { $0 + teu }
        case .addCapacity(.node(let n), let teu): nodes[n].capacityTEU = nodes[n].capacityTEU.map { $0 + teu }
        case .addDelay(.link(let l), let days): links[l].timeDays = max(0, links[l].timeDays + days)
        case .addDelay(.node(let n), let days): nodes[n].dwellDays = max(0, nodes[n].dwellDays + days)
        case .scaleTime(.link(let l), let factor): links[l].timeDays = max(0, links[l].timeDays * factor)
        case .scaleTime(.node(let n), let factor): nodes[n].dwellDays = max(0, nodes[n].dwellDays * factor)
        case .setTime(.link(let l), let days): links[l].timeDays = max(0, days)
        case .setTime(.node(let n), let days): nodes[n].dwellDays = max(0, days)
        case .scaleCost(.link(let l), let factor): links[l].costUSDPerTEU = max(0, links[l].costUSDPerTEU * factor)
        case .scaleCost(.node(let n), let factor):
            nodes[n].handlingCostUSDPerTEU = max(0, nodes[n].handlingCostUSDPerTEU * factor)
        case .addSurcharge(.link(let l), let usd): links[l].costUSDPerTEU = max(0, links[l].costUSDPerTEU + usd)
        case .addSurcharge(.node(let n), let usd):
            nodes[n].handlingCostUSDPerTEU = max(0, nodes[n].handlingCostUSDPerTEU + usd)
        case .addStorage(let n, let teu, let holding):
            nodes[n].storageCapacityTEU = (nodes[n].storageCapacityTEU ?? 0) + teu
            if let holding { nodes[n].holdingCostUSDPerTEUDay = holding }
        case .scaleDemand(let d, let factor): demands[d].teu *= factor
        case .scaleUnmetPenalty(let d, let factor): demands[d].unmetPenaltyUSDPerTEU *= factor
        case .addNode(let node): nodes.append(node)
        case .addLink(let link): links.append(link)
        }
    }
}
