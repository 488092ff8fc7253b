public import FreightNetwork
import LinearProgramming

extension InvestmentProgram {
    /// `schedule`, built for `base`, sized for `network`: `base` with nodes and links added (by
    /// ``apply(_:of:to:)`` or the candidates of a plan). Elements of `base` keep their rows (matched by id);
    /// a parallel upgrade copy (`copies[l]`: the upgraded link's index in `network`) takes the upgraded
    /// link's factors and extra days; other new links and nodes have factor 1 and no extra days.
    public static func extended(
        _ schedule: PeriodSchedule, from base: Network, to network: Network, copies: [Int: Int] = [:]
    ) -> PeriodSchedule {
        var result = PeriodSchedule(periods: schedule.periods, for: network)
        result.demandShare = schedule.demandShare
        for (l, link) in network.links.enumerated() {
            let source = base.index(of: link.id) ?? copies[l].flatMap { base.index(of: network.links[$0].id) }
            guard let source else { continue }
            result.linkCapacityFactor[l] = schedule.linkCapacityFactor[source]
            result.linkExtraDays[l] = schedule.linkExtraDays[source]
        }
        for (n, node) in network.nodes.enumerated() {
            if let source = base.index(of: node.id) { result.nodeCapacityFactor[n] = schedule.nodeCapacityFactor[source] }
        }
        return result
    }

    /// A seasonal scenario's block: a copy of ``PeriodProgram``'s min-cost program on the scenario's network
    /// with every candidate added, with the build terms on its capacity and storage rows (see the type's
    /// documentation).
    static func addPeriodBlock(
        _ lp: inout LinearProgram, s: Int, _ scenario: PlanScenario, schedule: PeriodSchedule, weight: Double,
        catalog: InvestmentCatalog, build: [LinearProgram.Variable], built: [LinearProgram.Variable], objective: PlanObjective,
        worst: LinearProgram.Variable?
    ) throws(NetworkError) -> Block {
        var augmented = try augment(scenario.network, catalog)
        let variants = try addServiceVariants(&augmented, catalog)
        var service = ServiceBlockRows(s: s, network: augmented.network, variants: variants, catalog: catalog)
        var copies = augmented.upgradeOf.mapValues(\.link)
        for (v, info) in variants.variantOf { copies[v] = info.link }
        var local = extended(schedule, from: scenario.network, to: augmented.network, copies: copies)
        for v in variants.variantOf.keys.sorted() {
            let extra = service.extraDays(v)
            if extra != 0 { local.linkExtraDays[v] = local.linkExtraDays[v].map { $0 + extra } }
        }
        // Pruning by cost is exact here: the candidates only lower the cheapest routes it bounds with (not
        // with service variants, whose handling changes its bound does not see).
        let prune = objective != .maxThroughput && variants.variantOf.isEmpty
        let period = PeriodProgram(network: augmented.network, schedule: local, objective: .minCost, pruneByCost: prune)
        var program = period.program
        service.price(&program, period: period)
        let offset = lp.columnCount
        let dueTEU = period.due.reduce(0) { $0 + $1.reduce(0, +) }
        let rows = PeriodBlockRows(
            s: s, augmented: augmented, period: period, offset: offset, build: build, built: built,
            bigM: max(dueTEU, 1), variants: variants.variantOf.mapValues(\.link))
        copyColumns(of: program, into: &lp, s: s, weight: weight, objective: objective,
                    unmet: period.lost.flatMap { $0 }.map(rows.mapped), demandTEU: dueTEU)
        // addCapacityRows copies the program's rows in order: its row r is the MIP's row rowOffset + r.
        let rowOffset = lp.rowCount
        rows.addCapacityRows(&lp, program)
        rows.addSharedRows(&lp)
        rows.addGates(&lp)
        let P = period.periodCount
        let yearly = augmented.network.links.indices.map { l in (0..<P).flatMap { rows.columnsOnLink[l * P + $0] } }
        service.addGates(
            &lp, columnsOnLink: yearly, mapped: rows.mapped, build: build, built: built, bigM: max(dueTEU, 1))
        if let worst { addWorstRow(of: program, at: offset, into: &lp, s: s, worst: worst) }
        var block = Block(
            scenario: scenario, network: augmented.network, flow: nil, periods: period, columnOffset: offset,
            upgradeOf: augmented.upgradeOf, demandTEU: dueTEU)
        block.balanceRows = period.balanceRows.map { LinearProgram.Constraint(index: rowOffset + $0.index) }
        if program.columnCount != period.program.columnCount || !variants.variantOf.isEmpty { block.priced = program }
        return block
    }
}

/// The rows of a seasonal scenario's block in the investment MIP: the period program's rows with the build
/// terms, the rows upgrade copies share with a pruned link, and the gates of the candidates.
private struct PeriodBlockRows {
    let s: Int
    let augmented: InvestmentProgram.Augmented
    let period: PeriodProgram
    /// The block's first column in the MIP.
    let offset: Int
    let build: [LinearProgram.Variable]
    let built: [LinearProgram.Variable]
    let bigM: Double
    /// `columnsOnLink[l * P + p]`: the block's flow columns on link l in period p (MIP indices).
    let columnsOnLink: [[LinearProgram.Variable]]
    /// `sharing[l]`: the upgrade copies and service variants of link l.
    let sharing: [Int: [Int]]

    var network: Network { augmented.network }
    var schedule: PeriodSchedule { period.schedule }
    var P: Int { schedule.periods.count }

    init(
        s: Int, augmented: InvestmentProgram.Augmented, period: PeriodProgram, offset: Int,
        build: [LinearProgram.Variable], built: [LinearProgram.Variable], bigM: Double, variants: [Int: Int] = [:]
    ) {
        self.s = s
        self.augmented = augmented
        self.period = period
        self.offset = offset
        self.build = build
        self.built = built
        self.bigM = bigM
        let P = period.schedule.periods.count
        var columnsOnLink = [[LinearProgram.Variable]](repeating: [], count: augmented.network.links.count * P)
        for columns in period.flow {
            for c in columns { columnsOnLink[c.link * P + c.period].append(LinearProgram.Variable(index: offset + c.variable.index)) }
        }
        self.columnsOnLink = columnsOnLink
        var sharing: [Int: [Int]] = [:]
        for (copy, info) in augmented.upgradeOf { sharing[info.link, default: []].append(copy) }
        for (variant, link) in variants { sharing[link, default: []].append(variant) }
        self.sharing = sharing
    }

    func mapped(_ v: LinearProgram.Variable) -> LinearProgram.Variable { LinearProgram.Variable(index: offset + v.index) }

    func share(_ p: Int, _ factor: Double) -> Double {
        PeriodProgram.periodCapacity(1, days: schedule.periods[p].days, factor: factor)
    }

    /// Build and upgrade-copy terms of link l's capacity row in period p.
    func linkTerms(_ l: Int, _ p: Int) -> [LinearProgram.Term] {
        let f = share(p, schedule.linkCapacityFactor[l][p])
        var terms = (augmented.linkDelta[l] ?? []).map { LinearProgram.Term(build[$0.0], -$0.1 * f) }
        for copy in (sharing[l] ?? []).sorted() { terms += columnsOnLink[copy * P + p].map { .init($0, 1) } }
        return terms
    }

    /// The period program's rows (`program`: the period program's, with any origin rows of service
    /// variants), its capacity and storage rows with the build terms.
    func addCapacityRows(_ lp: inout LinearProgram, _ program: LinearProgram) {
        var linkOfRow: [Int: (link: Int, period: Int)] = [:]
        var nodeOfRow: [Int: (node: Int, period: Int)] = [:]
        var storeOfRow: [Int: Int] = [:]
        for (l, rows) in period.linkCapacity.enumerated() {
            for (p, row) in rows.enumerated() { if let row { linkOfRow[row.index] = (l, p) } }
        }
        for (n, rows) in period.nodeCapacity.enumerated() {
            for (p, row) in rows.enumerated() { if let row { nodeOfRow[row.index] = (n, p) } }
        }
        for (n, rows) in period.storageCapacity.enumerated() { for row in rows { if let row { storeOfRow[row.index] = n } } }
        for (r, row) in program.rows.enumerated() {
            var terms = row.terms.map { LinearProgram.Term(mapped($0.variable), $0.coefficient) }
            var bounds = row.bounds
            if let at = linkOfRow[r] {
                let (l, p) = at
                terms += linkTerms(l, p)
                if let info = augmented.newLink[l], let capacity = info.capacity {
                    bounds = .upper(bounds.upperValue - capacity * share(p, schedule.linkCapacityFactor[l][p]))
                }
            } else if let at = nodeOfRow[r] {
                let (n, p) = at
                let f = share(p, schedule.nodeCapacityFactor[n][p])
                for (i, teu) in augmented.nodeDelta[n] ?? [] { terms.append(.init(build[i], -teu * f)) }
                if let info = augmented.newNode[n], let capacity = info.capacity {
                    bounds = .upper(bounds.upperValue - capacity * f)
                }
            } else if let n = storeOfRow[r], let base = augmented.baseStorage[n] {
                for (i, teu) in augmented.storageDelta[n] ?? [] { terms.append(.init(build[i], -teu)) }
                bounds = .upper(base)
            }
            lp.addConstraint(FlowProgram.clipped("s\(s)_\(row.name)"), terms, bounds: bounds)
        }
    }

    /// A limited link whose own columns were all pruned (or closed) has no row; its upgrade copies still
    /// share its capacity.
    func addSharedRows(_ lp: inout LinearProgram) {
        for (l, copies) in sharing.sorted(by: { $0.key < $1.key }) {
            guard let annual = network.links[l].capacityTEU else { continue }
            for p in 0..<P where period.linkCapacity[l][p] == nil && copies.contains(where: { !columnsOnLink[$0 * P + p].isEmpty }) {
                let capacity = PeriodProgram.periodCapacity(
                    annual, days: schedule.periods[p].days, factor: schedule.linkCapacityFactor[l][p])
                lp.addConstraint(
                    FlowProgram.clipped("s\(s)_cap_link_\(network.links[l].id.rawValue)_\(schedule.periods[p].name)_shared"),
                    linkTerms(l, p), bounds: .upper(capacity))
            }
        }
    }

    /// Gates over the year (unlimited new links and nodes, upgrade copies) and the rows by which a built
    /// upgrade replaces the service it upgrades (z[i] = 1 closes the old one).
    func addGates(_ lp: inout LinearProgram) {
        func gate(_ name: String, _ l: Int, _ investment: Int) {
            let columns = (0..<P).flatMap { columnsOnLink[l * P + $0] }
            guard !columns.isEmpty else { return }
            let terms = columns.map { LinearProgram.Term($0, 1) } + [.init(build[investment], -bigM)]
            lp.addConstraint(FlowProgram.clipped("s\(s)_gate_\(name)"), terms, bounds: .upper(0))
        }
        for (l, info) in augmented.newLink.sorted(by: { $0.key < $1.key }) where info.capacity == nil {
            gate(network.links[l].id.rawValue, l, info.investment)
        }
        for (l, info) in augmented.upgradeOf.sorted(by: { $0.key < $1.key }) {
            gate(network.links[l].id.rawValue, l, info.investment)
        }
        for (l, info) in augmented.upgradeOf.sorted(by: { $0.key < $1.key }) {
            let columns = (0..<P).flatMap { columnsOnLink[info.link * P + $0] }
            guard !columns.isEmpty else { continue }
            let terms = columns.map { LinearProgram.Term($0, 1) } + [.init(built[info.investment], bigM)]
            lp.addConstraint(FlowProgram.clipped("s\(s)_replaced_\(network.links[l].id.rawValue)"), terms, bounds: .upper(bigM))
        }
        for (n, info) in augmented.newNode.sorted(by: { $0.key < $1.key }) where info.capacity == nil {
            for l in network.incoming[n] + network.outgoing[n] {
                gate("\(network.nodes[n].id.rawValue)_\(network.links[l].id.rawValue)", l, info.investment)
            }
        }
    }
}
