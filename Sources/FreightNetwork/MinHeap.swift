/// A binary min-heap of (distance, node), ordered by distance then node (so ties pop in node order:
/// deterministic), for Dijkstra and A* searches.
public struct MinHeap: Sendable {
    public init() {}

    private var items: [(Double, Int)] = []

    private static func less(_ a: (Double, Int), _ b: (Double, Int)) -> Bool {
        a.0 < b.0 || (a.0 == b.0 && a.1 < b.1)
    }

    public mutating func push(_ distance: Double, _ node: Int) {
        let item = (distance, node)
        items.append(item)
        items.withUnsafeMutableBufferPointer { items in
            // Moves parents down into the hole instead of swapping (the same order: keys are distinct pairs).
            var i = items.count - 1
            while i > 0 {
                let parent = (i - 1) / 2
                guard Self.less(item, items[parent]) else { break }
                items[i] = items[parent]
                i = parent
            }
            items[i] = item
        }
    }

    public mutating func pop() -> (Double, Int)? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        guard !items.isEmpty else { return top }
        items.withUnsafeMutableBufferPointer { items in
            let count = items.count
            var i = 0
            while true {
                let left = 2 * i + 1
                guard left < count else { break }
                var child = left
                if left + 1 < count, Self.less(items[left + 1], items[left]) { child = left + 1 }
                guard Self.less(items[child], last) else { break }
                items[i] = items[child]
                i = child
            }
            items[i] = last
        }
        return top
    }
}
