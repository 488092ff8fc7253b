import FreightNetwork

/// SplitMix64 (Steele, Lea and Flood 2014): a tiny, fast, seedable generator, identical on every platform.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double in 0..<1 from the top 53 bits (no dependence on the standard library's sampling).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A double in `range`.
    mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// An integer in 0..<`bound` (modulo bias is irrelevant here and keeps the sequence portable).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

/// A deterministic, corridor-like synthetic network for benchmarks.
///
/// Nodes sit on a grid `rows` high and `columns` wide, laid over Eurasia: column 0 is the west
/// (Europe, the destinations), the last column the east (China, the origins). Every node links to
/// its east/west and north/south neighbours in both directions, and random diagonal chords
/// (both directions) bring the total to exactly 4 × nodes directed links. Two columns, at a
/// third and two thirds of the way, are border crossings (gauge changes): handling cost, dwell
/// time, and a throughput capacity on about half of them. About 30 % of links have a capacity.
/// Ten origin hubs in the two easternmost columns send the demands to nodes in the two
/// westernmost columns, with values of time drawn from three classes.
enum SyntheticCorridor {
    struct Size: Sendable {
        var label: String
        var nodes: Int
        var demands: Int
        /// How many value-of-time classes demands are drawn from (commodities ≈ origins × classes).
        var valueOfTimeClasses: Int = 1
    }

    static let small = Size(label: "S", nodes: 100, demands: 20)
    static let medium = Size(label: "M", nodes: 1_000, demands: 100)

    static let originHubs = 10
    static let valuesOfTime: [Double] = [50, 20, 120]

    /// The network of `size`; the same seed always gives the same network.
    static func network(_ size: Size, seed: UInt64 = 0xC0FF_EE00_2021) -> Network {
        var rng = SplitMix64(seed: seed ^ UInt64(size.nodes))
        let n = size.nodes
        // Wider than high, as the corridors are: rows ≈ √(n/4).
        let rows = max(3, Int((Double(n) / 4).squareRoot().rounded()))
        let columns = (n + rows - 1) / rows
        let borderColumns: Set<Int> = [columns / 3, (2 * columns) / 3]

        func position(_ i: Int) -> (row: Int, column: Int) { (i % rows, i / rows) }
        func index(row: Int, column: Int) -> Int? {
            guard row >= 0, row < rows, column >= 0, column < columns else { return nil }
            let i = column * rows + row
            return i < n ? i : nil
        }

        var nodes: [Node] = []
        nodes.reserveCapacity(n)
        for i in 0..<n {
            let (row, column) = position(i)
            let longitude = -5 + 125 * Double(column) / Double(max(1, columns - 1)) + rng.uniform(-0.3...0.3)
            let latitude = 25 + 30 * Double(row) / Double(max(1, rows - 1)) + rng.uniform(-0.3...0.3)
            let isBorder = borderColumns.contains(column)
            let kind: NodeKind =
                isBorder ? .border : column >= columns - 2 || column <= 1 ? .hub : rng.unit() < 0.2 ? .port : .terminal
            let capacity: Double? = isBorder && rng.unit() < 0.5 ? rng.uniform(20_000...80_000).rounded() : nil
            nodes.append(
                Node(
                    id: Node.ID("N\(i)"),
                    name: "Node \(i)",
                    country: isBorder ? "KZ/CN" : column < columns / 2 ? "EU" : "AS",
                    kind: kind,
                    latitude: latitude,
                    longitude: longitude,
                    capacityTEU: capacity,
                    handlingCostUSDPerTEU: isBorder ? rng.uniform(80...200).rounded() : rng.uniform(0...40).rounded(),
                    dwellDays: isBorder ? rng.uniform(0.5...2.5) : rng.uniform(0...0.3)
                )
            )
        }

        var links: [Link] = []
        links.reserveCapacity(4 * n)
        func addPair(_ a: Int, _ b: Int, mode: Mode) {
            let (rowA, _) = position(a)
            let corridor = rowA < rows / 3 ? "southern" : rowA < (2 * rows) / 3 ? "middle" : "northern"
            let distance = distanceKm(nodes[a], nodes[b]) * rng.uniform(1.05...1.3)
            let (tariffPerKm, kmPerDay): (Double, Double) =
                switch mode {
                case .rail: (rng.uniform(0.35...0.6), rng.uniform(700...1_000))
                case .road: (rng.uniform(0.9...1.4), rng.uniform(500...700))
                case .sea, .ferry: (rng.uniform(0.08...0.15), rng.uniform(350...500))
                }
            let hasCapacity = rng.unit() < 0.3
            let capacity = rng.uniform(5_000...60_000).rounded()
            let base = Link.ID("L\(links.count / 2)")
            for (from, to, id) in [(a, b, base), (b, a, Link.reverseID(of: base))] {
                links.append(
                    Link(
                        id: id,
                        baseID: base,
                        from: nodes[from].id,
                        to: nodes[to].id,
                        mode: mode,
                        corridor: corridor,
                        gaugeMM: mode == .rail ? 1_435 : nil,
                        distanceKm: distance.rounded(),
                        capacityTEU: hasCapacity ? capacity : nil,
                        costUSDPerTEU: (distance * tariffPerKm).rounded(),
                        timeDays: distance / kmPerDay
                    )
                )
            }
        }
        // Grid: east–west mostly rail, north–south road.
        for i in 0..<n {
            let (row, column) = position(i)
            if let east = index(row: row, column: column + 1) {
                addPair(i, east, mode: rng.unit() < 0.8 ? .rail : .road)
            }
            if let north = index(row: row + 1, column: column) { addPair(i, north, mode: .road) }
        }
        // Diagonal chords (rail, or a sea/ferry leg on the southern edge) up to exactly 4n directed links.
        while links.count + 2 <= 4 * n {
            let i = rng.below(n)
            let (row, column) = position(i)
            let step = rng.unit() < 0.5 ? -1 : 1
            guard let j = index(row: row + step, column: column + 1) else { continue }
            addPair(i, j, mode: row == 0 || row + step == 0 ? .sea : .rail)
        }

        // Origins: ten hubs in the two easternmost columns; destinations: the two westernmost columns.
        let eastern = (0..<n).filter { position($0).column >= columns - 2 }
        let western = (0..<n).filter { position($0).column <= 1 }
        var origins: [Int] = []
        var pool = eastern
        for _ in 0..<min(originHubs, pool.count) { origins.append(pool.remove(at: rng.below(pool.count))) }
        var demands: [Demand] = []
        demands.reserveCapacity(size.demands)
        for k in 0..<size.demands {
            let origin = origins[k % origins.count]
            let destination = western[rng.below(western.count)]
            demands.append(
                Demand(
                    id: Demand.ID("D\(k)"),
                    from: nodes[origin].id,
                    to: nodes[destination].id,
                    teu: rng.uniform(2_000...25_000).rounded(),
                    valueOfTimeUSDPerTEUDay: valuesOfTime[rng.below(min(size.valueOfTimeClasses, valuesOfTime.count))]
                )
            )
        }
        do {
            return try Network(nodes: nodes, links: links, demands: demands)
        } catch {
            fatalError("synthetic corridor \(size.label) is invalid: \(error)")
        }
    }

    /// Equirectangular distance in kilometres; plenty for synthetic data.
    private static func distanceKm(_ a: Node, _ b: Node) -> Double {
        let radians = Double.pi / 180
        let meanLatitude = (a.latitude + b.latitude) / 2 * radians
        let x = (b.longitude - a.longitude) * radians * cosine(meanLatitude)
        let y = (b.latitude - a.latitude) * radians
        return 6_371 * (x * x + y * y).squareRoot()
    }

    /// cos(x) for |x| ≤ π/2 by its Taylor series, using only +, × and ÷.
    ///
    /// The platform's `cos` may differ in the last bit between libms; this keeps the network, and so the
    /// simplex path and every count, identical on Linux and macOS.
    private static func cosine(_ x: Double) -> Double {
        let x2 = x * x
        var term = 1.0
        var sum = 1.0
        for k in stride(from: 2, through: 30, by: 2) {
            term *= -x2 / Double((k - 1) * k)
            sum += term
        }
        return sum
    }
}
