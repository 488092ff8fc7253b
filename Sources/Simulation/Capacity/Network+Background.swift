public import FreightNetwork

extension Network {
    /// The network left to China–Europe freight once `background` (the background traffic of a solved flow on
    /// this network) has taken its share: each limited capacity less the TEU/year its routes put through it
    /// (``reserving(linkTEU:nodeTEU:)``); `self` when the network has no background traffic.
    public func reserving(background: [DemandResult]) -> Network {
        guard demands.contains(where: \.isBackground) else { return self }
        var linkTEU = [Double](repeating: 0, count: links.count)
        var nodeTEU = [Double](repeating: 0, count: nodes.count)
        for flow in background {
            for route in flow.routes {
                for link in route.links { if let l = index(of: link) { linkTEU[l] += route.teu } }
                for node in route.nodes { if let n = index(of: node) { nodeTEU[n] += route.teu } }
            }
        }
        return reserving(linkTEU: linkTEU, nodeTEU: nodeTEU)
    }
}
