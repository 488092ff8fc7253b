import FreightNetwork

/// Dijkstra's shortest paths from one node over links with non-negative weights, deterministic.
///
/// Ties are broken by node index (the heap orders by distance, then node), and a node's
/// predecessor changes only on a strictly shorter distance, so the same weights always give the
/// same tree.
public struct ShortestPathTree: Sendable {
    /// `distance[n]`: length of the shortest path to n (weight units), `.infinity` when unreachable.
    public let distance: [Double]
    /// `predecessor[n]`: the link entering n on its shortest path, nil at the root or when unreachable.
    public let predecessor: [Int?]
    private let ends: [(from: Int, to: Int)]

    /// - Parameters:
    ///   - root: the start node index.
    ///   - outgoing: links leaving each node (indices into `ends` and `weight`).
    ///   - ends: (tail, head) of each link.
    ///   - weight: each link's weight (≥ 0), or `nil` for a link that may not be used.
    public init(root: Int, outgoing: [[Int]], ends: [(from: Int, to: Int)], weight: [Double?]) {
        let search = OutgoingLinks(outgoing: outgoing, ends: ends).search(
            from: root, weight: weight.map { $0 ?? .infinity })
        distance = search.distance
        predecessor = search.predecessor.map { $0 >= 0 ? $0 : nil }
        self.ends = ends
    }

    /// Links of the shortest path from the root to `node`, in order; nil when unreachable or the root.
    public func path(to node: Int) -> [Int]? {
        guard distance[node].isFinite, predecessor[node] != nil else { return nil }
        var links: [Int] = []
        var at = node
        while let l = predecessor[at] {
            links.append(l)
            at = ends[l].from
        }
        return links.reversed()
    }
}
