import FreightNetwork
import Synchronization

/// Where the maps draw a sea or ferry link: straight when the straight line stays at sea, otherwise
/// the shortest way round the land on a half-degree grid of the basemap (``Basemap``), so that a
/// Singapore–Suez leg runs past Sri Lanka and through the Red Sea rather than over India and Arabia.
///
/// Land cells may be crossed at ``landPenalty`` times the cost of sea, so that a canal or strait
/// narrower than a cell (Suez, the Bosphorus, Gibraltar at this scale) and a port a little inland
/// are still reached. Routes are computed once per pair of endpoints and kept.
enum SeaLanes {
    /// Grid cell size, degrees.
    static let cell = 0.5
    static let west = -35.0, east = 140.0, south = -50.0, north = 75.0
    static let columns = Int((east - west) / cell), rows = Int((north - south) / cell)
    /// Cost of a land cell against a sea cell.
    static let landPenalty = 25.0

    /// Land cells (row-major from the south-west corner), by even-odd scanlines of the basemap rings.
    static let land: [Bool] = {
        var mask = [Bool](repeating: false, count: columns * rows)
        for row in 0..<rows {
            let lat = south + (Double(row) + 0.5) * cell
            var crossings: [Double] = []
            for ring in Basemap.rings where ring.count >= 3 {
                var previous = ring[ring.count - 1]
                for point in ring {
                    if (point.lat > lat) != (previous.lat > lat) {
                        crossings.append(previous.lon + (lat - previous.lat) * (point.lon - previous.lon) / (point.lat - previous.lat))
                    }
                    previous = point
                }
            }
            crossings.sort()
            var i = 0
            while i + 1 < crossings.count {
                let first = max(0, Int(((crossings[i] - west) / cell - 0.5).rounded(.up)))
                let last = min(columns - 1, Int(((crossings[i + 1] - west) / cell - 0.5).rounded(.down)))
                if first <= last { for column in first...last { mask[row * columns + column] = true } }
                i += 2
            }
        }
        return mask
    }()

    /// cos(latitude) of each grid row: how much shorter an east–west step is than a north–south one.
    static let shrink = (0..<rows).map { MapProjection.cosine((south + (Double($0) + 0.5) * cell) * .pi / 180) }

    private static let cache = Mutex<[Key: [Basemap.Point]]>([:])

    private struct Key: Hashable {
        var a: Basemap.Coordinates
        var b: Basemap.Coordinates
    }

    /// The points (degrees) a sea link from `a` to `b` is drawn through, `a` first and `b` last.
    static func route(from a: Basemap.Point, to b: Basemap.Point) -> [Basemap.Point] {
        let key = Key(a: .init(a), b: .init(b))
        if let known = cache.withLock({ $0[key] }) { return known }
        let route = isClear(a, b) ? [a, b] : search(a, b)
        cache.withLock { $0[key] = route }
        return route
    }

    static func index(_ p: Basemap.Point) -> (column: Int, row: Int)? {
        let column = Int(((p.lon - west) / cell).rounded(.down))
        let row = Int(((p.lat - south) / cell).rounded(.down))
        guard (0..<columns).contains(column), (0..<rows).contains(row) else { return nil }
        return (column, row)
    }

    /// True when the straight line from `a` to `b` crosses no land cell, away from the cells of its
    /// two ends (a port's own cell is often land at this scale).
    static func isClear(_ a: Basemap.Point, _ b: Basemap.Point) -> Bool {
        let length = max(abs(b.lon - a.lon), abs(b.lat - a.lat))
        let steps = Int((length / (cell / 2)).rounded(.up))
        guard steps > 1, let start = index(a), let end = index(b) else { return true }
        for step in 1..<steps {
            guard let at = index(at(Double(step) / Double(steps), from: a, to: b)) else { continue }
            let nearEnd = max(abs(at.column - start.column), abs(at.row - start.row)) <= 1
                || max(abs(at.column - end.column), abs(at.row - end.row)) <= 1
            if !nearEnd && land[at.row * columns + at.column] { return false }
        }
        return true
    }

    /// The cheapest grid path from `a` to `b` (A*, eight neighbours, east–west steps shortened by the
    /// cosine of the latitude), straightened by string-pulling; the straight line when either end is off the grid.
    static func search(_ a: Basemap.Point, _ b: Basemap.Point) -> [Basemap.Point] {
        guard let start = index(a), let goal = index(b) else { return [a, b] }
        let count = columns * rows
        let startCell = start.row * columns + start.column
        let goalCell = goal.row * columns + goal.column
        func estimate(_ c: Int) -> Double {
            let (row, column) = c.quotientAndRemainder(dividingBy: columns)
            let dx = Double(abs(column - goal.column)) * min(shrink[row], shrink[goal.row])
            let dy = Double(abs(row - goal.row))
            return (dx * dx + dy * dy).squareRoot()
        }
        var cost = [Double](repeating: .infinity, count: count)
        var from = [Int](repeating: -1, count: count)
        var heap = MinHeap()
        cost[startCell] = 0
        heap.push(estimate(startCell), startCell)
        while let (priority, c) = heap.pop() {
            if c == goalCell { break }
            guard priority <= cost[c] + estimate(c) + 1e-9 else { continue }  // a stale entry
            let (row, column) = c.quotientAndRemainder(dividingBy: columns)
            for dr in -1...1 {
                for dc in -1...1 where dr != 0 || dc != 0 {
                    let (r, k) = (row + dr, column + dc)
                    guard (0..<rows).contains(r), (0..<columns).contains(k) else { continue }
                    let next = r * columns + k
                    let dx = Double(dc) * shrink[row]
                    let step = (dx * dx + Double(dr * dr)).squareRoot() * (land[next] && next != goalCell ? landPenalty : 1)
                    guard cost[c] + step < cost[next] else { continue }
                    cost[next] = cost[c] + step
                    from[next] = c
                    heap.push(cost[next] + estimate(next), next)
                }
            }
        }
        guard from[goalCell] >= 0 || goalCell == startCell else { return [a, b] }
        var cells: [Int] = []
        var c = goalCell
        while c != startCell {
            cells.append(c)
            c = from[c]
        }
        let path = [startCell] + cells.reversed()
        let crossed = Set(path.filter { land[$0] })
        let centres = path.map { c -> Basemap.Point in
            let (row, column) = c.quotientAndRemainder(dividingBy: columns)
            return (west + (Double(column) + 0.5) * cell, south + (Double(row) + 0.5) * cell)
        }
        // String-pulling: from each kept point, straight on to the farthest grid point the line reaches
        // over sea (or over the land cells the grid path itself had to cross).
        var points = [a]
        var i = 0
        while i < centres.count - 1 {
            var j = centres.count - 1
            while j > i + 1 && !isOpen(centres[i], centres[j], allowing: crossed) { j -= 1 }
            points.append(centres[j])
            i = j
        }
        points[points.count - 1] = b
        return points
    }

    /// The point a fraction `t` of the way along the straight line from `a` to `b` (degrees).
    static func at(_ t: Double, from a: Basemap.Point, to b: Basemap.Point) -> Basemap.Point {
        (a.lon + (b.lon - a.lon) * t, a.lat + (b.lat - a.lat) * t)
    }

    /// True when every cell the straight line from `a` to `b` samples is sea or in `allowed`.
    static func isOpen(_ a: Basemap.Point, _ b: Basemap.Point, allowing allowed: Set<Int>) -> Bool {
        let length = max(abs(b.lon - a.lon), abs(b.lat - a.lat))
        let steps = max(1, Int((length / (cell / 3)).rounded(.up)))
        for step in 0...steps {
            guard let at = index(at(Double(step) / Double(steps), from: a, to: b)) else { return false }
            let c = at.row * columns + at.column
            if land[c] && !allowed.contains(c) { return false }
        }
        return true
    }
}

extension Basemap {
    /// A hashable copy of a point, to key the route cache.
    struct Coordinates: Hashable {
        var lon: Double
        var lat: Double
        init(_ p: Point) { (lon, lat) = (p.lon, p.lat) }
    }
}
