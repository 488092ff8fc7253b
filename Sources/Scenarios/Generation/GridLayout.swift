/// Where the generator's nodes sit and which node pairs may be linked: a grid wider than high.
///
/// Node `i` is at row `i % rows`, column `i / rows`; column 0 is the west. Rows ≈ √(nodes / 4), so a
/// 1,000-node network is 16 rows by 63 columns (the last column is partly filled).
struct GridLayout: Sendable {
    let nodes: Int
    let rows: Int
    let columns: Int
    /// Hub nodes at each end: the westernmost and easternmost tenth of the nodes, at least one.
    let hubCount: Int

    init(nodes: Int) {
        self.nodes = nodes
        let rows = max(1, Int((Double(max(nodes, 1)) / 4).squareRoot().rounded()))
        self.rows = rows
        columns = max(1, (nodes + rows - 1) / rows)
        hubCount = max(1, nodes / 10)
    }

    func row(_ i: Int) -> Int { i % rows }
    func column(_ i: Int) -> Int { i / rows }

    /// The node at `row`, `column`, or `nil` off the grid.
    func index(row: Int, column: Int) -> Int? {
        guard row >= 0, row < rows, column >= 0, column < columns else { return nil }
        let i = column * rows + row
        return i < nodes ? i : nil
    }

    /// The eastern hubs (origin candidates), in index order.
    var eastern: [Int] { Array(nodes - hubCount..<nodes) }
    /// The western hubs (destinations), in index order.
    var western: [Int] { Array(0..<hubCount) }

    /// Row offsets and column offsets (≥ 0 column step, so each pair is listed once) of the tiers after
    /// the spanning tree: north–south neighbours, diagonals, then everything within two steps.
    static let neighbourTiers: [[(dr: Int, dc: Int)]] = [
        [(1, 0)],
        [(1, 1), (-1, 1)],
        [(0, 2), (2, 0), (1, 2), (-1, 2), (2, 1), (-2, 1), (2, 2), (-2, 2)],
    ]

    /// The pairs of `tier` (a < b), in index order.
    func pairs(tier: Int) -> [(a: Int, b: Int)] {
        var result: [(a: Int, b: Int)] = []
        for i in 0..<nodes {
            for (dr, dc) in Self.neighbourTiers[tier] {
                if let j = index(row: row(i) + dr, column: column(i) + dc) { result.append((min(i, j), max(i, j))) }
            }
        }
        return result
    }

    /// East–west neighbours: the spanning tree's lines, one per row.
    var lines: [(a: Int, b: Int)] {
        (0..<nodes).compactMap { i in index(row: row(i), column: column(i) + 1).map { (i, $0) } }
    }

    /// Every pair the generator may link (lines and all tiers).
    var pairCount: Int { lines.count + (0..<Self.neighbourTiers.count).reduce(0) { $0 + pairs(tier: $1).count } }

    /// Directed link counts: a bidirectional spanning tree at least, every candidate pair both ways at most.
    var linkRange: ClosedRange<Int> { 2 * (nodes - 1)...max(2 * (nodes - 1), 2 * pairCount) }
}
