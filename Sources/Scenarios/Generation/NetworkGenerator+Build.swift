import FreightNetwork

/// Nodes, links and demands of a generated network.
///
/// Ranges follow the corridor data sheet (`corridor-data.md` §2 and §4): rail 0.20–0.40 USD/TEU-km at
/// 600–1,100 km/day, road ≈ 1 USD/TEU-km, deep sea ≈ 0.04 USD/TEU-km at ≈ 600 km/day, Caspian-type
/// ferries dear and capacity-limited, border crossings ≈ 215 USD and 1.7 days (CAREC).
extension NetworkGenerator {
    /// Country codes by band (west to east) and row third (south, middle, north).
    static let countries: [[String]] = [
        ["ES", "DE", "NL"], ["HU", "PL", "LT"], ["TR", "UA", "BY"], ["GE", "KZ", "RU"], ["UZ", "KZ", "RU"],
        ["CN", "CN", "MN"],
    ]
    static let corridors = ["southern", "middle", "northern"]

    /// The country band of node `i`: 0 (the western hubs) … 5 (the eastern hubs).
    func band(_ i: Int) -> Int {
        if i < layout.hubCount { return 0 }
        if i >= layout.nodes - layout.hubCount { return 5 }
        return min(4, max(1, layout.column(i) * 6 / max(1, layout.columns)))
    }
    func third(_ row: Int) -> Int { layout.rows >= 3 ? row * 3 / layout.rows : 1 }
    /// The Caspian-like crossing: ferries between this column and the next (wide networks only).
    var ferryColumn: Int? { layout.columns >= 4 ? layout.columns / 2 : nil }
    var hasCoast: Bool { layout.rows >= 3 }

    func kind(of i: Int) -> NodeKind {
        let column = layout.column(i)
        let borders: Set<Int> = layout.columns >= 6 ? [layout.columns / 3, 2 * layout.columns / 3] : []
        if i < layout.hubCount || i >= layout.nodes - layout.hubCount { return .hub }
        if borders.contains(column) { return .border }
        if hasCoast && layout.row(i) == 0 { return .port }
        if let ferry = ferryColumn, column == ferry || column == ferry + 1 { return .port }
        return .terminal
    }

    func makeNodes(_ rng: inout SplitMix64) -> [Node] {
        (0..<layout.nodes).map { i in
            let row = layout.row(i)
            let column = layout.column(i)
            let kind = kind(of: i)
            let west = Double(column) / Double(max(1, layout.columns - 1))
            let south = layout.rows == 1 ? 0.6 : Double(row) / Double(layout.rows - 1)
            var country = Self.countries[band(i)][third(row)]
            if kind == .border {
                let east = Self.countries[band(layout.index(row: row, column: column + 1) ?? i)][third(row)]
                if east != country { country += "/" + east }
            }
            let capacity: Double?
            let handling: Double
            let dwell: Double
            switch kind {
            case .border:
                handling = rng.uniform(150...280)
                dwell = rng.uniform(0.5...2.5)
                capacity = rng.unit() < 0.5 ? rng.uniform(40_000...300_000) : nil
            case .port:
                handling = rng.uniform(60...160)
                dwell = rng.uniform(0.5...3)
                capacity = rng.unit() < 0.6 ? rng.uniform(50_000...400_000) : nil
            case .hub:
                handling = rng.uniform(20...60)
                dwell = rng.uniform(0.2...1)
                capacity = nil
            case .terminal, .waypoint:
                handling = rng.uniform(0...40)
                dwell = rng.uniform(0...0.5)
                capacity = nil
            }
            return Node(
                id: Node.ID("N\(i)"),
                name: "N\(i)",
                country: country,
                kind: kind,
                latitude: Self.round(30 + 25 * south + rng.uniform(-0.3...0.3), places: 3),
                longitude: Self.round(-5 + 125 * west + rng.uniform(-0.3...0.3), places: 3),
                capacityTEU: capacity.map { Self.round($0 / 1_000, places: 0) * 1_000 },
                handlingCostUSDPerTEU: handling.rounded(),
                dwellDays: Self.round(dwell, places: 2)
            )
        }
    }

    /// The node pairs to link, in file order, and which one (if any) is one-way.
    func pairs(_ rng: inout SplitMix64) -> (pairs: [(a: Int, b: Int)], oneWay: Int?) {
        var tree = layout.lines
        var used = Set<Int>()
        for row in 0..<max(0, layout.rows - 1) {
            let candidates = (0..<layout.columns).filter {
                layout.index(row: row, column: $0) != nil && layout.index(row: row + 1, column: $0) != nil
            }
            let column = candidates[rng.below(candidates.count)]
            let a = layout.index(row: row, column: column)!
            tree.append((a, layout.index(row: row + 1, column: column)!))
            used.insert(a)
        }
        let needed = (parameters.links + 1) / 2
        var extra: [(a: Int, b: Int)] = []
        for tier in 0..<GridLayout.neighbourTiers.count where tree.count + extra.count < needed {
            let candidates = layout.pairs(tier: tier).filter { tier != 0 || !used.contains($0.a) }
            extra += rng.shuffled(candidates).prefix(needed - tree.count - extra.count)
        }
        let all = (tree + extra).enumerated().sorted { ($0.element.a, $0.element.b) < ($1.element.a, $1.element.b) }
        let oneWay = parameters.links % 2 == 1 ? all.firstIndex { $0.offset == tree.count + extra.count - 1 } : nil
        return (all.map(\.element), oneWay)
    }

    func makeLinks(_ nodes: [Node], _ rng: inout SplitMix64) -> [Link] {
        let (pairs, oneWay) = pairs(&rng)
        var links: [Link] = []
        links.reserveCapacity(parameters.links)
        for (k, pair) in pairs.enumerated() {
            var link = makeLink(id: Link.ID("L\(k)"), pair.a, pair.b, nodes, &rng)
            if k == oneWay {
                // The one-way link of an odd count runs westbound, the way the freight goes.
                swap(&link.from, &link.to)
                links.append(link)
            } else {
                var reverse = link
                reverse.id = Link.reverseID(of: link.id)
                reverse.from = link.to
                reverse.to = link.from
                links += [link, reverse]
            }
        }
        return links
    }

    private func makeLink(id: Link.ID, _ a: Int, _ b: Int, _ nodes: [Node], _ rng: inout SplitMix64) -> Link {
        let (rowA, columnA) = (layout.row(a), layout.column(a))
        let (rowB, columnB) = (layout.row(b), layout.column(b))
        let mode: Mode =
            if let ferry = ferryColumn, rowA == rowB, columnA == ferry, columnB == ferry + 1, !(hasCoast && rowA == 0) {
                .ferry
            } else if hasCoast && rowA == 0 && rowB == 0 {
                .sea
            } else if columnA == columnB {
                rng.unit() < 0.4 ? .rail : .road
            } else if rowA == rowB && columnB - columnA == 2 {
                .rail
            } else {
                rng.unit() < (rowA == rowB ? 0.8 : 0.7) ? .rail : .road
            }
        let (detour, tariff, speed, capacity):
            (ClosedRange<Double>, ClosedRange<Double>, ClosedRange<Double>, Double?) =
                switch mode {
                case .rail:
                    (1.1...1.3, 0.20...0.40, 600...1_100, rng.unit() < 0.3 ? rng.uniform(50_000...300_000) : nil)
                case .road: (1.1...1.3, 0.8...1.2, 300...600, rng.unit() < 0.3 ? rng.uniform(10_000...60_000) : nil)
                case .sea: (1.3...1.6, 0.03...0.06, 500...700, nil)
                case .ferry: (1.05...1.15, 0.4...0.8, 400...500, rng.uniform(20_000...120_000))
                }
        let distance = max(1, (Self.distanceKm(nodes[a], nodes[b]) * rng.uniform(detour)).rounded())
        let bandA = band(a)
        let corridor =
            mode == .sea
            ? "sea"
            : bandA == band(b) && (bandA == 0 || bandA == 5)
                ? "shared" : Self.corridors[third(min(rowA, rowB))]
        return Link(
            id: id,
            from: nodes[a].id,
            to: nodes[b].id,
            mode: mode,
            corridor: corridor,
            gaugeMM: mode == .rail ? ((2...4).contains(bandA) ? 1_520 : 1_435) : nil,
            distanceKm: distance,
            capacityTEU: capacity.map { Self.round($0 / 1_000, places: 0) * 1_000 },
            costUSDPerTEU: (distance * rng.uniform(tariff)).rounded(),
            timeDays: max(0.01, Self.round(distance / rng.uniform(speed), places: 2))
        )
    }

    func makeDemands(_ nodes: [Node], _ rng: inout SplitMix64) -> [Demand] {
        let origins = Array(rng.shuffled(layout.eastern).prefix(self.origins))
        let western = layout.western
        let classes = parameters.valueOfTimeClasses
        return (0..<parameters.demands).map { k in
            let destination = western[rng.below(western.count)]
            let teu = (rng.uniform(2_000...25_000) / 100).rounded() * 100
            let value = Self.valuesOfTimeUSDPerTEUDay[classes == 1 ? 0 : rng.below(classes)]
            return Demand(
                id: Demand.ID("D\(k)"),
                from: nodes[origins[k % origins.count]].id,
                to: nodes[destination].id,
                teu: teu,
                valueOfTimeUSDPerTEUDay: value
            )
        }
    }

    /// `value` rounded to `places` decimals (IEEE only, so the same on every platform).
    static func round(_ value: Double, places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (value * scale).rounded() / scale
    }

    /// Equirectangular distance in kilometres; plenty for synthetic data.
    static func distanceKm(_ a: Node, _ b: Node) -> Double {
        let radians = Double.pi / 180
        let meanLatitude = (a.latitude + b.latitude) / 2 * radians
        let x = (b.longitude - a.longitude) * radians * cosine(meanLatitude)
        let y = (b.latitude - a.latitude) * radians
        return 6_371 * (x * x + y * y).squareRoot()
    }

    /// cos(x) for |x| ≤ π/2 by its Taylor series, using only +, × and ÷ (libms differ in the last bit).
    static func cosine(_ x: Double) -> Double {
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
