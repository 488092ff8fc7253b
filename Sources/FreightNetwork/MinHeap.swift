/// A binary min-heap of (distance, node), ordered by distance then node (so ties pop in node order:
/// deterministic), for Dijkstra and A* searches.
public struct MinHeap: Sendable {
    public init() {}

    private var items: [(Double, Int)] = []

    private static func less(_ a: (Double, Int), _ b: (Double, Int)) -> Bool {
        a.0 < b.0 || (a.0 == b.0 && a.1 < b.1)
    }

    public mutating func push(_ distance: Double, _ node: Int) {
        items.append((distance, node))
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard Self.less(items[i], items[parent]) else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    public mutating func pop() -> (Double, Int)? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        guard !items.isEmpty else { return top }
        items[0] = last
        var i = 0
        while true {
            let (left, right) = (2 * i + 1, 2 * i + 2)
            var smallest = i
            if left < items.count, Self.less(items[left], items[smallest]) { smallest = left }
            if right < items.count, Self.less(items[right], items[smallest]) { smallest = right }
            guard smallest != i else { break }
            items.swapAt(i, smallest)
            i = smallest
        }
        return top
    }
}
