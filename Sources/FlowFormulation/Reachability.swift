public import FreightNetwork

/// Which links and nodes are usable at all, and which a commodity can use.
///
/// A link is open when it and both its end nodes are open. A commodity gets a column on a
/// link only when the link is reachable from its origin and some sink is reachable from the
/// link's head: columns exist only where the commodity can flow.
public struct Reachability: Sendable {
    /// `openLink[l]`: the link and both its ends are open.
    public let openLink: [Bool]

    public init(network: Network) {
        openLink = network.links.indices.map(network.isOpen(link:))
    }

    /// Links a commodity can use, in link order: open, off the `avoiding` nodes (a commodity's
    /// ``Commodity/avoidedNodes``), reachable from `origin` and leading to one of `sinks`.
    public func usableLinks(from origin: Int, to sinks: [Int], in network: Network, avoiding: [Int] = []) -> [Int] {
        guard !network.nodes[origin].isClosed else { return [] }
        var blocked = [Bool](repeating: false, count: avoiding.isEmpty ? 0 : network.nodes.count)
        for n in avoiding { blocked[n] = true }
        func passable(_ n: Int) -> Bool { blocked.isEmpty || !blocked[n] }
        let forward = reach(from: [origin], network: network, forward: true, passable: passable)
        let backward = reach(
            from: sinks.filter { !network.nodes[$0].isClosed }, network: network, forward: false, passable: passable)
        return network.links.indices.filter { l in
            openLink[l] && forward[network.linkEnds[l].from] && backward[network.linkEnds[l].to]
                && passable(network.linkEnds[l].from) && passable(network.linkEnds[l].to)
        }
    }

    private func reach(from starts: [Int], network: Network, forward: Bool, passable: (Int) -> Bool) -> [Bool] {
        var seen = Array(repeating: false, count: network.nodes.count)
        var stack = starts
        for s in starts { seen[s] = true }
        while let n = stack.popLast() {
            for l in forward ? network.outgoing[n] : network.incoming[n] where openLink[l] {
                let next = forward ? network.linkEnds[l].to : network.linkEnds[l].from
                if !seen[next] && passable(next) {
                    seen[next] = true
                    stack.append(next)
                }
            }
        }
        return seen
    }
}
