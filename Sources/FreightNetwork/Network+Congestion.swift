extension Network {
    /// The curve of link `l` when it congests: it has one, is open and has a positive capacity.
    public func congestion(link l: Int) -> (curve: CongestionCurve, capacity: Double)? {
        let link = links[l]
        guard let curve = link.congestion, let capacity = link.capacityTEU, capacity > 0, isOpen(link: l) else {
            return nil
        }
        return (curve, capacity)
    }

    /// The curve of node `n` when it congests: it has one, is open and has a positive capacity.
    public func congestion(node n: Int) -> (curve: CongestionCurve, capacity: Double)? {
        let node = nodes[n]
        guard let curve = node.congestion, let capacity = node.capacityTEU, capacity > 0, !node.isClosed else {
            return nil
        }
        return (curve, capacity)
    }

    /// True when some open, limited node or link has a congestion curve.
    public var hasCongestion: Bool {
        links.indices.contains { congestion(link: $0) != nil } || nodes.indices.contains { congestion(node: $0) != nil }
    }

    /// Extra days per TEU on every link (`links`) and at every node (`nodes`) at the given flows
    /// (TEU/year on each link, throughput at each node); 0 where nothing congests.
    public func congestionDays(linkFlow: [Double], throughput: [Double]) -> (links: [Double], nodes: [Double]) {
        let onLinks = links.indices.map { l in
            congestion(link: l).map { $0.curve.extraDays(flow: linkFlow[l], capacity: $0.capacity) } ?? 0
        }
        let atNodes = nodes.indices.map { n in
            congestion(node: n).map { $0.curve.extraDays(flow: throughput[n], capacity: $0.capacity) } ?? 0
        }
        return (onLinks, atNodes)
    }

    /// TEU-days a year the waits at these flows come to beyond what the program charges for them
    /// (``CongestionCurve/waitBeyondIntegral(flow:capacity:)`` summed over the congesting elements).
    public func congestionWaitBeyondIntegral(linkFlow: [Double], throughput: [Double]) -> Double {
        sumOverCongesting(linkFlow: linkFlow, throughput: throughput) { $0.waitBeyondIntegral(flow: $1, capacity: $2) }
    }

    /// TEU-days a year of waiting the program charges at these flows: each congesting element's integral of
    /// its wait (``CongestionCurve/equilibriumTEUDays(flow:capacity:)``), summed.
    public func congestionChargedTEUDays(linkFlow: [Double], throughput: [Double]) -> Double {
        sumOverCongesting(linkFlow: linkFlow, throughput: throughput) { $0.equilibriumTEUDays(flow: $1, capacity: $2) }
    }

    /// `figure(curve, flow, capacity)` summed over the congesting links and nodes.
    private func sumOverCongesting(
        linkFlow: [Double], throughput: [Double], _ figure: (CongestionCurve, Double, Double) -> Double
    ) -> Double {
        func value(_ element: (curve: CongestionCurve, capacity: Double)?, _ flow: Double) -> Double {
            element.map { figure($0.curve, flow, $0.capacity) } ?? 0
        }
        return links.indices.reduce(0) { $0 + value(congestion(link: $1), linkFlow[$1]) }
            + nodes.indices.reduce(0) { $0 + value(congestion(node: $1), throughput[$1]) }
    }

    /// This network with each link's time and each node's dwell lengthened by its congestion days
    /// (``congestionDays(linkFlow:throughput:)``): the times every TEU sees at these flows.
    public func congested(linkFlow: [Double], throughput: [Double]) -> Network {
        let days = congestionDays(linkFlow: linkFlow, throughput: throughput)
        guard days.links.contains(where: { $0 > 0 }) || days.nodes.contains(where: { $0 > 0 }) else { return self }
        var edits: [NetworkEdit] = []
        for (l, extra) in days.links.enumerated() where extra > 0 { edits.append(.addDelay(.link(l), days: extra)) }
        for (n, extra) in days.nodes.enumerated() where extra > 0 { edits.append(.addDelay(.node(n), days: extra)) }
        // Lengthening times keeps every value valid, so this cannot fail.
        return (try? applying(edits)) ?? self
    }
}

extension Network {
    /// This network with every congestion curve removed (what `corridor plan` optimises: see docs/model.md).
    public var withoutCongestion: Network {
        guard hasCongestion else { return self }
        var nodes = self.nodes
        var links = self.links
        for n in nodes.indices { nodes[n].congestion = nil }
        for l in links.indices { links[l].congestion = nil }
        // The same values less the curves: valid, so this cannot fail.
        return (try? rebuilt(nodes: nodes, links: links, demands: demands)) ?? self
    }
}
