/// A directed graph with capacities, solved for a maximum flow by Dinic's algorithm, and the
/// minimum cut nearest the source.
///
/// Capacities are TEU/yr and may be `.infinity`. When a path of infinite edges joins the source
/// to the sink the flow is unbounded (``unboundedPath()``); otherwise the infinite edges are given
/// a capacity larger than the sum of all finite ones, which no minimum cut can use.
struct MaxFlowGraph {
    /// `target[e]`: the head of edge `e`; edge `e ^ 1` is its reverse.
    private(set) var target: [Int] = []
    /// `capacity[e]`: the capacity given (0 for a reverse edge).
    private(set) var capacity: [Double] = []
    /// `residual[e]`: what edge `e` can still take.
    private var residual: [Double] = []
    /// `edges[n]`: the edges leaving node `n`, reverse edges included.
    private var edges: [[Int]]

    init(nodes: Int) { edges = Array(repeating: [], count: nodes) }

    var nodeCount: Int { edges.count }

    /// Adds an edge and its reverse; returns the edge's index.
    @discardableResult
    mutating func addEdge(from: Int, to: Int, capacity: Double) -> Int {
        let index = target.count
        target += [to, from]
        self.capacity += [capacity, 0]
        residual += [capacity, 0]
        edges[from].append(index)
        edges[to].append(index + 1)
        return index
    }

    /// The tail of edge `e`.
    func source(of edge: Int) -> Int { target[edge ^ 1] }

    /// The flow on edge `e` after ``maximize(from:to:)``: what its reverse edge (capacity 0) can
    /// take back, exact for infinite edges too.
    func flow(on edge: Int) -> Double { residual[edge ^ 1] }

    /// A path of infinite edges from `source` to `sink`, as edge indices, or nil when there is none.
    func unboundedPath(from source: Int, to sink: Int) -> [Int]? {
        var via = [Int?](repeating: nil, count: nodeCount)
        var seen = [Bool](repeating: false, count: nodeCount)
        var queue = [source]
        seen[source] = true
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            if node == sink { break }
            for edge in edges[node] where edge & 1 == 0 && capacity[edge] == .infinity && !seen[target[edge]] {
                seen[target[edge]] = true
                via[target[edge]] = edge
                queue.append(target[edge])
            }
        }
        guard seen[sink] else { return nil }
        var path: [Int] = []
        var node = sink
        while node != source, let edge = via[node] {
            path.append(edge)
            node = self.source(of: edge)
        }
        return path.reversed()
    }

    /// Pushes a maximum flow from `source` to `sink` and returns its value, TEU/yr.
    ///
    /// Call only when ``unboundedPath(from:to:)`` is nil. Residual capacities below a tolerance of
    /// 1e-12 of the largest finite capacity count as zero.
    mutating func maximize(from source: Int, to sink: Int) -> Double {
        let finite = capacity.filter { $0.isFinite }
        let total = finite.reduce(0, +)
        let large = total * 2 + 1
        for e in residual.indices where !residual[e].isFinite { residual[e] = large }
        let tolerance = (finite.max() ?? 0) * 1e-12
        var value = 0.0
        var level = [Int](repeating: -1, count: nodeCount)
        var next = [Int](repeating: 0, count: nodeCount)
        while levels(from: source, to: sink, tolerance, &level) {
            for n in next.indices { next[n] = 0 }
            while true {
                let pushed = augment(from: source, to: sink, tolerance, level, &next)
                if pushed <= tolerance { break }
                value += pushed
            }
        }
        return value
    }

    /// Nodes reachable from `source` in the residual graph: the source side of the minimum cut
    /// nearest the source.
    func sourceSide(from source: Int) -> [Bool] {
        let tolerance = (capacity.filter { $0.isFinite }.max() ?? 0) * 1e-12
        var seen = [Bool](repeating: false, count: nodeCount)
        var stack = [source]
        seen[source] = true
        while let node = stack.popLast() {
            for edge in edges[node] where residual[edge] > tolerance && !seen[target[edge]] {
                seen[target[edge]] = true
                stack.append(target[edge])
            }
        }
        return seen
    }

    /// Breadth-first levels over edges with residual capacity; true when the sink is reached.
    private func levels(from source: Int, to sink: Int, _ tolerance: Double, _ level: inout [Int]) -> Bool {
        for n in level.indices { level[n] = -1 }
        level[source] = 0
        var queue = [source]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for edge in edges[node] where residual[edge] > tolerance && level[target[edge]] < 0 {
                level[target[edge]] = level[node] + 1
                queue.append(target[edge])
            }
        }
        return level[sink] >= 0
    }

    /// One augmenting path in the level graph (iterative depth-first search); returns what it
    /// carried, 0 when the level graph is blocked.
    private mutating func augment(
        from source: Int, to sink: Int, _ tolerance: Double, _ level: [Int], _ next: inout [Int]
    ) -> Double {
        var path: [Int] = []
        var node = source
        while node != sink {
            var advanced = false
            while next[node] < edges[node].count {
                let edge = edges[node][next[node]]
                let to = target[edge]
                if residual[edge] > tolerance && level[to] == level[node] + 1 {
                    path.append(edge)
                    node = to
                    advanced = true
                    break
                }
                next[node] += 1
            }
            if advanced { continue }
            // Dead end: retreat one edge and skip it from now on.
            guard let last = path.popLast() else { return 0 }
            node = self.source(of: last)
            next[node] += 1
        }
        let pushed = path.map { residual[$0] }.min() ?? 0
        for edge in path {
            residual[edge] -= pushed
            residual[edge ^ 1] += pushed
        }
        return pushed
    }
}
