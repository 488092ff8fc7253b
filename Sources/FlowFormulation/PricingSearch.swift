import FreightNetwork

/// The links leaving each node in one flat array (compressed rows), for the pricing searches.
struct OutgoingLinks: Sendable {
    /// Links leaving node n: `link[start[n]..<start[n + 1]]`, in `Network.outgoing` order.
    let start: [Int]
    let link: [Int]
    /// Head node of `link[e]`.
    let head: [Int]

    init(_ network: Network) {
        self.init(outgoing: network.outgoing, ends: network.linkEnds)
    }

    /// - Parameters:
    ///   - outgoing: links leaving each node (indices into `ends`).
    ///   - ends: (tail, head) of each link.
    init(outgoing: [[Int]], ends: [(from: Int, to: Int)]) {
        var start = [0]
        var link: [Int] = []
        var head: [Int] = []
        start.reserveCapacity(outgoing.count + 1)
        link.reserveCapacity(ends.count)
        head.reserveCapacity(ends.count)
        for out in outgoing {
            for l in out {
                link.append(l)
                head.append(ends[l].to)
            }
            start.append(link.count)
        }
        self.start = start
        self.link = link
        self.head = head
    }

    /// Dijkstra's search from `root` with `weight[l]` per link (≥ 0; `.infinity`: not usable), over flat
    /// arrays: nodes settle by distance, then node index, and a predecessor changes only on a strictly
    /// shorter distance, so the same weights always give the same paths (``ShortestPathTree`` runs it).
    ///
    /// With `targets`, the search stops once every target is settled: their distances and paths (whose nodes
    /// all settle before them) are final and the same as without `targets`; other nodes' may not be.
    /// - Returns: each node's distance (`.infinity` when unreachable) and entering link (−1 at the root
    ///   or when unreachable).
    func search(from root: Int, weight: [Double], targets: [Int]? = nil) -> (distance: [Double], predecessor: [Int]) {
        let nodeCount = start.count - 1
        var distance = [Double](repeating: .infinity, count: nodeCount)
        var predecessor = [Int](repeating: -1, count: nodeCount)
        var done = [Bool](repeating: false, count: nodeCount)
        // Targets not yet settled (each counted once); the search runs to the end without targets.
        var isTarget = [Bool](repeating: false, count: targets == nil ? 0 : nodeCount)
        var waiting = Int.max
        if let targets {
            waiting = 0
            for t in targets where !isTarget[t] {
                isTarget[t] = true
                waiting += 1
            }
        }
        var heap = MinHeap()
        distance[root] = 0
        heap.push(0, root)
        start.withUnsafeBufferPointer { start in
            link.withUnsafeBufferPointer { link in
                head.withUnsafeBufferPointer { head in
                    weight.withUnsafeBufferPointer { weight in
                        while let (d, n) = heap.pop() {
                            if done[n] || d > distance[n] { continue }
                            done[n] = true
                            if waiting != .max, isTarget[n] {
                                waiting -= 1
                                if waiting == 0 { break }
                            }
                            for e in start[n]..<start[n + 1] {
                                let w = weight[link[e]]
                                guard w < .infinity else { continue }
                                precondition(w >= 0, "link \(link[e]): negative weight \(w)")
                                let h = head[e]
                                let candidate = d + w
                                if candidate < distance[h] {
                                    distance[h] = candidate
                                    predecessor[h] = link[e]
                                    heap.push(candidate, h)
                                }
                            }
                        }
                    }
                }
            }
        }
        return (distance, predecessor)
    }

    /// The links from the search's root to `sink` along `predecessor` (``search(from:weight:)``), in order;
    /// nil at the root or when unreachable (as ``ShortestPathTree/path(to:)``).
    static func path(to sink: Int, predecessor: [Int], ends: [(from: Int, to: Int)]) -> [Int]? {
        guard predecessor[sink] >= 0 else { return nil }
        var links: [Int] = []
        var at = sink
        while predecessor[at] >= 0 {
            let l = predecessor[at]
            links.append(l)
            at = ends[l].from
        }
        return links.reversed()
    }
}
