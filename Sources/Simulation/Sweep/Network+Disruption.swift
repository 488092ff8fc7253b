public import FreightNetwork

extension Network {
    /// The network with `disruption` applied as a scenario change would: factor 0 closes the link
    /// or node, other factors multiply its capacity (unlimited stays unlimited).
    public func applying(_ disruption: Disruption) -> Network {
        var nodes = self.nodes
        var links = self.links
        for (n, factor) in disruption.nodeFactors {
            if factor == 0 {
                nodes[n].isClosed = true
            } else {
                nodes[n].capacityTEU = nodes[n].capacityTEU.map { $0 * factor }
            }
        }
        for (l, factor) in disruption.linkFactors {
            if factor == 0 {
                links[l].isClosed = true
            } else {
                links[l].capacityTEU = links[l].capacityTEU.map { $0 * factor }
            }
        }
        do {
            return try Network(nodes: nodes, links: links, demands: demands)
        } catch {
            preconditionFailure("a disrupted copy of a valid network is valid: \(error)")
        }
    }
}
