/// A directed graph with capacities, solved for a maximum flow by Dinic's algorithm, and the
/// minimum cut nearest the source.
///
/// Capacities are TEU/yr and may be `.infinity`. When a path of infinite edges joins the source
/// to the sink the flow is unbounded (``unboundedPath(from:to:)``); otherwise the infinite edges are
/// given a capacity larger than the sum of all finite ones, which no minimum cut can use.
///
/// Edges are added first; the first query lays the adjacency out flat (compressed rows:
/// `adjacency[start[n]..<start[n + 1]]` are the edges leaving `n`, reverse edges included), and
/// the searches run on those arrays without allocating per path.
struct MaxFlowGraph {
    /// `target[e]`: the head of edge `e`; edge `e ^ 1` is its reverse.
    private(set) var target: [Int] = []
    /// `capacity[e]`: the capacity given (0 for a reverse edge).
    private(set) var capacity: [Double] = []
    /// `residual[e]`: what edge `e` can still take.
    private var residual: [Double] = []
    /// `start[n]..<start[n + 1]`: where node `n`'s edges sit in ``adjacency``; empty until laid out.
    private var start: [Int] = []
    /// The edges leaving each node in turn, reverse edges included.
    private var adjacency: [Int] = []

    let nodeCount: Int

    init(nodes: Int, edgeCapacity: Int = 0) {
        nodeCount = nodes
        target.reserveCapacity(2 * edgeCapacity)
        capacity.reserveCapacity(2 * edgeCapacity)
    }

    /// Adds an edge and its reverse; returns the edge's index. Only before the first query.
    @discardableResult
    mutating func addEdge(from: Int, to: Int, capacity: Double) -> Int {
        precondition(start.isEmpty, "MaxFlowGraph: edge added after a query")
        let index = target.count
        target.append(to)
        target.append(from)
        self.capacity.append(capacity)
        self.capacity.append(0)
        return index
    }

    /// The tail of edge `e`.
    func source(of edge: Int) -> Int { target[edge ^ 1] }

    /// The flow on edge `e` after ``maximize(from:to:)``: what its reverse edge (capacity 0) can
    /// take back, exact for infinite edges too.
    func flow(on edge: Int) -> Double { residual[edge ^ 1] }

    /// Lays the edges out by tail (a counting sort, edges of a node in the order added).
    private mutating func layOut() {
        guard start.isEmpty else { return }
        var start = [Int](repeating: 0, count: nodeCount + 1)
        for e in target.indices { start[target[e ^ 1] + 1] += 1 }
        for n in 0..<nodeCount { start[n + 1] += start[n] }
        var fill = start
        var adjacency = [Int](repeating: 0, count: target.count)
        for e in target.indices {
            let tail = target[e ^ 1]
            adjacency[fill[tail]] = e
            fill[tail] += 1
        }
        self.start = start
        self.adjacency = adjacency
        residual = capacity
    }

    /// A path of infinite edges from `source` to `sink`, as edge indices, or nil when there is none.
    mutating func unboundedPath(from source: Int, to sink: Int) -> [Int]? {
        layOut()
        var via = [Int](repeating: -1, count: nodeCount)
        var seen = [Bool](repeating: false, count: nodeCount)
        var queue = [Int]()
        queue.reserveCapacity(nodeCount)
        queue.append(source)
        seen[source] = true
        var head = 0
        search: while head < queue.count {
            let node = queue[head]
            head += 1
            for i in start[node]..<start[node + 1] {
                let edge = adjacency[i]
                let to = target[edge]
                guard edge & 1 == 0, capacity[edge] == .infinity, !seen[to] else { continue }
                seen[to] = true
                via[to] = edge
                if to == sink { break search }
                queue.append(to)
            }
        }
        guard seen[sink] else { return nil }
        var path: [Int] = []
        var node = sink
        while node != source, via[node] >= 0 {
            path.append(via[node])
            node = self.source(of: via[node])
        }
        return path.reversed()
    }

    /// Pushes a maximum flow from `source` to `sink` and returns its value, TEU/yr.
    ///
    /// Call only when ``unboundedPath(from:to:)`` is nil. Residual capacities below a tolerance of
    /// 1e-12 of the largest finite capacity count as zero.
    mutating func maximize(from source: Int, to sink: Int) -> Double {
        layOut()
        var total = 0.0
        var largest = 0.0
        for c in capacity where c.isFinite {
            total += c
            largest = max(largest, c)
        }
        let large = total * 2 + 1
        for e in residual.indices where !residual[e].isFinite { residual[e] = large }
        let tolerance = largest * 1e-12
        guard source != sink else { return 0 }
        var value = 0.0
        var level = [Int](repeating: -1, count: nodeCount)
        var next = [Int](repeating: 0, count: nodeCount)
        var queue = [Int](repeating: 0, count: nodeCount)
        var path = [Int](repeating: 0, count: nodeCount)
        start.withUnsafeBufferPointer { start in
            adjacency.withUnsafeBufferPointer { adjacency in
                target.withUnsafeBufferPointer { target in
                    residual.withUnsafeMutableBufferPointer { residual in
                        level.withUnsafeMutableBufferPointer { level in
                            next.withUnsafeMutableBufferPointer { next in
                                queue.withUnsafeMutableBufferPointer { queue in
                                    path.withUnsafeMutableBufferPointer { path in
                                        let graph = Buffers(
                                            start: start, adjacency: adjacency, target: target, residual: residual,
                                            tolerance: tolerance)
                                        while graph.levels(from: source, to: sink, level, queue) {
                                            for n in 0..<graph.nodeCount { next[n] = start[n] }
                                            value += graph.blockingFlow(from: source, to: sink, level, next, path)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return value
    }

    /// Nodes reachable from `source` in the residual graph: the source side of the minimum cut
    /// nearest the source. Call after ``maximize(from:to:)``.
    func sourceSide(from source: Int) -> [Bool] {
        precondition(!start.isEmpty, "MaxFlowGraph: sourceSide before maximize")
        var largest = 0.0
        for c in capacity where c.isFinite { largest = max(largest, c) }
        let tolerance = largest * 1e-12
        var seen = [Bool](repeating: false, count: nodeCount)
        var stack = [source]
        seen[source] = true
        while let node = stack.popLast() {
            for i in start[node]..<start[node + 1] {
                let edge = adjacency[i]
                if residual[edge] > tolerance && !seen[target[edge]] {
                    seen[target[edge]] = true
                    stack.append(target[edge])
                }
            }
        }
        return seen
    }
}

/// The flat arrays of a ``MaxFlowGraph`` during ``MaxFlowGraph/maximize(from:to:)``.
private struct Buffers {
    let start: UnsafeBufferPointer<Int>
    let adjacency: UnsafeBufferPointer<Int>
    let target: UnsafeBufferPointer<Int>
    let residual: UnsafeMutableBufferPointer<Double>
    let tolerance: Double

    var nodeCount: Int { start.count - 1 }

    /// Breadth-first levels over edges with residual capacity, up to the sink's level; true when
    /// the sink is reached.
    func levels(
        from source: Int, to sink: Int, _ level: UnsafeMutableBufferPointer<Int>,
        _ queue: UnsafeMutableBufferPointer<Int>
    ) -> Bool {
        for n in 0..<nodeCount { level[n] = -1 }
        level[source] = 0
        queue[0] = source
        var (head, tail) = (0, 1)
        while head < tail {
            let node = queue[head]
            head += 1
            let depth = level[node] + 1
            for i in start[node]..<start[node + 1] {
                let edge = adjacency[i]
                let to = target[edge]
                guard residual[edge] > tolerance, level[to] < 0 else { continue }
                level[to] = depth
                if to == sink { return true }
                queue[tail] = to
                tail += 1
            }
        }
        return false
    }

    /// Augments along level-graph paths until none is left (a blocking flow) and returns what they
    /// carried. Depth-first with a current arc per node (`next`): an arc that leads nowhere is never
    /// looked at again in the phase; after an augmentation the search resumes from the tail of the
    /// first edge it saturated.
    func blockingFlow(
        from source: Int, to sink: Int, _ level: UnsafeMutableBufferPointer<Int>,
        _ next: UnsafeMutableBufferPointer<Int>, _ path: UnsafeMutableBufferPointer<Int>
    ) -> Double {
        let sinkLevel = level[sink]
        var carried = 0.0
        var depth = 0
        var node = source
        while true {
            if node == sink {
                var pushed = Double.infinity
                var bottleneck = 0
                for i in 0..<depth where residual[path[i]] < pushed {
                    pushed = residual[path[i]]
                    bottleneck = i
                }
                for i in 0..<depth {
                    residual[path[i]] -= pushed
                    residual[path[i] ^ 1] += pushed
                }
                carried += pushed
                depth = bottleneck
                node = target[path[bottleneck] ^ 1]
                continue
            }
            var advanced = false
            let want = level[node] + 1
            if want <= sinkLevel {
                while next[node] < start[node + 1] {
                    let edge = adjacency[next[node]]
                    let to = target[edge]
                    if residual[edge] > tolerance && level[to] == want && (to == sink || want < sinkLevel) {
                        path[depth] = edge
                        depth += 1
                        node = to
                        advanced = true
                        break
                    }
                    next[node] += 1
                }
            }
            if advanced { continue }
            // Dead end: retreat one edge and skip it from now on.
            guard depth > 0 else { return carried }
            depth -= 1
            node = target[path[depth] ^ 1]
            next[node] += 1
        }
    }
}
