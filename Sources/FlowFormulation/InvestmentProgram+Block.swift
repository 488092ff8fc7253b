import FreightNetwork
import LinearProgramming

extension InvestmentProgram {
    /// A scenario's network with every candidate added, and which elements each project touches.
    struct Augmented {
        var network: Network
        /// Capacity added per unit, by link index: (project, TEU/year).
        var linkDelta: [Int: [(Int, Double)]] = [:]
        /// Capacity added per unit, by node index: (project, TEU/year).
        var nodeDelta: [Int: [(Int, Double)]] = [:]
        /// New links (index → project), and their per-unit capacity (nil: unlimited).
        var newLink: [Int: (investment: Int, capacity: Double?)] = [:]
        /// New nodes (index → project), and their per-unit capacity (nil: unlimited).
        var newNode: [Int: (investment: Int, capacity: Double?)] = [:]
        /// Parallel upgrade copies (index → project, upgraded link index).
        var upgradeOf: [Int: (investment: Int, link: Int)] = [:]
        /// Storage added per unit, by node index: (project, TEU).
        var storageDelta: [Int: [(Int, Double)]] = [:]
        /// The storage of a node with a storage candidate before any is built, TEU (its own storage or 0). In
        /// ``network`` such a node has this plus every candidate's largest size, so that the period program
        /// gives it stock columns; the storage rows use this base and the build terms.
        var baseStorage: [Int: Double] = [:]
    }

    /// The id of the parallel copy of `link` that project `investment` upgrades.
    public static func upgradeID(_ link: Link.ID, _ investment: String) -> Link.ID { Link.ID("\(link.rawValue)~\(investment)") }

    static func augment(_ network: Network, _ catalog: InvestmentCatalog) throws(NetworkError) -> Augmented {
        var nodes = network.nodes
        var links = network.links
        var newNodes: [(Int, Node)] = []
        var newLinks: [(Int, Link)] = []
        var upgrades: [(Int, Link, Link.ID)] = []
        for (i, investment) in catalog.investments.enumerated() {
            for effect in investment.effects {
                switch effect {
                case .newNode(let node):
                    newNodes.append((i, node))
                    nodes.append(node)
                case .newLink(let link):
                    newLinks.append((i, link))
                    links.append(link)
                case .upgradeLink(let id, let cost, let time):
                    for base in network.links where base.baseID == id || base.id == id {
                        var copy = base
                        copy.id = upgradeID(base.id, investment.id)
                        copy.baseID = copy.id
                        copy.capacityTEU = nil
                        copy.costUSDPerTEU = max(0, base.costUSDPerTEU - cost)
                        copy.timeDays = max(0, base.timeDays - time)
                        upgrades.append((i, copy, base.id))
                        links.append(copy)
                    }
                case .linkCapacity, .nodeCapacity, .storage, .service:
                    break
                }
            }
        }
        var baseStorage: [Int: Double] = [:]
        for investment in catalog.investments {
            for case .storage(let id, let teu, let holding) in investment.effects {
                guard let n = nodes.firstIndex(where: { $0.id == id }) else { continue }
                if baseStorage[n] == nil { baseStorage[n] = nodes[n].storageCapacityTEU ?? 0 }
                nodes[n].storageCapacityTEU = (nodes[n].storageCapacityTEU ?? 0) + teu * Double(investment.maxUnits)
                if let holding { nodes[n].holdingCostUSDPerTEUDay = holding }
            }
        }
        let augmentedNetwork = try network.rebuilt(nodes: nodes, links: links, demands: network.demands)
        var result = Augmented(network: augmentedNetwork)
        result.baseStorage = baseStorage
        for (i, node) in newNodes {
            if let n = augmentedNetwork.index(of: node.id) { result.newNode[n] = (i, node.capacityTEU) }
        }
        for (i, link) in newLinks {
            if let l = augmentedNetwork.index(of: link.id) { result.newLink[l] = (i, link.capacityTEU) }
        }
        for (i, copy, base) in upgrades {
            if let l = augmentedNetwork.index(of: copy.id), let b = augmentedNetwork.index(of: base) { result.upgradeOf[l] = (i, b) }
        }
        for (i, investment) in catalog.investments.enumerated() {
            for effect in investment.effects {
                switch effect {
                case .linkCapacity(let id, let teu):
                    for (l, link) in augmentedNetwork.links.enumerated() where link.baseID == id || link.id == id {
                        result.linkDelta[l, default: []].append((i, teu))
                    }
                case .nodeCapacity(let id, let teu):
                    if let n = augmentedNetwork.index(of: id) { result.nodeDelta[n, default: []].append((i, teu)) }
                case .newLink(let link):
                    if let l = augmentedNetwork.index(of: link.id), let capacity = link.capacityTEU {
                        result.linkDelta[l, default: []].append((i, capacity))
                    }
                case .newNode(let node):
                    if let n = augmentedNetwork.index(of: node.id), let capacity = node.capacityTEU {
                        result.nodeDelta[n, default: []].append((i, capacity))
                    }
                case .storage(let id, let teu, _):
                    if let n = augmentedNetwork.index(of: id) { result.storageDelta[n, default: []].append((i, teu)) }
                case .upgradeLink, .service:
                    break
                }
            }
        }
        return result
    }

    static func addBlock(
        _ lp: inout LinearProgram, s: Int, _ scenario: PlanScenario, weight: Double, catalog: InvestmentCatalog,
        build: [LinearProgram.Variable], built: [LinearProgram.Variable], objective: PlanObjective,
        worst: LinearProgram.Variable?, separate: Set<Int> = []
    ) throws(NetworkError) -> Block {
        var augmented = try augment(scenario.network, catalog)
        let variants = try addServiceVariants(&augmented, catalog)
        let network = augmented.network
        let flow = FlowProgram(network: network, objective: .minCost, separateDemands: separate)
        var program = flow.program
        var service = ServiceBlockRows(s: s, network: network, variants: variants, catalog: catalog)
        service.price(&program, flow: flow)
        let offset = lp.columnCount
        let demandTEU = network.demands.reduce(0) { $0 + $1.teu }
        let bigM = max(demandTEU, 1)
        func mapped(_ v: LinearProgram.Variable) -> LinearProgram.Variable { LinearProgram.Variable(index: offset + v.index) }

        // Columns, with this scenario's share of the objective.
        copyColumns(of: program, into: &lp, s: s, weight: weight, objective: objective,
                    unmet: flow.unmet.map(mapped), demandTEU: demandTEU)

        // Rows: capacity rows get the build terms, and the upgrade copies' flow.
        var linkOfRow: [Int: Int] = [:]
        var nodeOfRow: [Int: Int] = [:]
        for (l, row) in flow.linkCapacity.enumerated() { if let row { linkOfRow[row.index] = l } }
        for (n, row) in flow.nodeCapacity.enumerated() { if let row { nodeOfRow[row.index] = n } }
        var columnsOnLink = [[LinearProgram.Variable]](repeating: [], count: network.links.count)
        for columns in flow.flow { for c in columns { columnsOnLink[c.link].append(mapped(c.variable)) } }
        var sharing: [Int: [Int]] = [:]
        for (copy, info) in augmented.upgradeOf { sharing[info.link, default: []].append(copy) }
        for (v, info) in variants.variantOf.sorted(by: { $0.key < $1.key }) {
            sharing[info.link, default: []].append(v)
        }

        for (r, row) in program.rows.enumerated() {
            var terms = row.terms.map { LinearProgram.Term(mapped($0.variable), $0.coefficient) }
            var bounds = row.bounds
            if let l = linkOfRow[r] {
                for (i, teu) in augmented.linkDelta[l] ?? [] { terms.append(.init(build[i], -teu)) }
                for copy in sharing[l] ?? [] { for v in columnsOnLink[copy] { terms.append(.init(v, 1)) } }
                if let info = augmented.newLink[l], let capacity = info.capacity { bounds = .upper(bounds.upperValue - capacity) }
            } else if let n = nodeOfRow[r] {
                for (i, teu) in augmented.nodeDelta[n] ?? [] { terms.append(.init(build[i], -teu)) }
                if let info = augmented.newNode[n], let capacity = info.capacity { bounds = .upper(bounds.upperValue - capacity) }
            }
            lp.addConstraint(FlowProgram.clipped("s\(s)_\(row.name)"), terms, bounds: bounds)
        }

        // Gates: unlimited new links and nodes, upgrade copies.
        func gate(_ name: String, _ columns: [LinearProgram.Variable], _ investment: Int) {
            guard !columns.isEmpty else { return }
            let terms = columns.map { LinearProgram.Term($0, 1) } + [.init(build[investment], -bigM)]
            lp.addConstraint(FlowProgram.clipped("s\(s)_gate_\(name)"), terms, bounds: .upper(0))
        }
        for (l, info) in augmented.newLink.sorted(by: { $0.key < $1.key }) where info.capacity == nil {
            let variantColumns = variants.variantOf.keys.sorted().filter { variants.variantOf[$0]?.link == l }
            let columns = columnsOnLink[l] + variantColumns.flatMap { columnsOnLink[$0] }
            gate(network.links[l].id.rawValue, columns, info.investment)
        }
        for (l, info) in augmented.upgradeOf.sorted(by: { $0.key < $1.key }) {
            gate(network.links[l].id.rawValue, columnsOnLink[l], info.investment)
        }
        for (n, info) in augmented.newNode.sorted(by: { $0.key < $1.key }) where info.capacity == nil {
            for l in network.incoming[n] + network.outgoing[n] {
                gate("\(network.nodes[n].id.rawValue)_\(network.links[l].id.rawValue)", columnsOnLink[l], info.investment)
            }
        }
        service.addGates(&lp, columnsOnLink: columnsOnLink, mapped: mapped, build: build, built: built, bigM: bigM)
        if let worst { addWorstRow(of: program, at: offset, into: &lp, s: s, worst: worst) }
        var block = Block(scenario: scenario, network: network, flow: flow, periods: nil, columnOffset: offset,
                          upgradeOf: augmented.upgradeOf, demandTEU: demandTEU)
        if program.columnCount != flow.program.columnCount || !variants.variantOf.isEmpty { block.priced = program }
        for d in separate.sorted() { block.transit[d] = service.transitDays(of: d, flow: flow, mapped: mapped) }
        return block
    }

    /// Appends the columns of a scenario's own program (`local`) to the plan's program `lp`, with the
    /// scenario's share of the objective: its weighted cost (expected cost), nothing (worst case, whose
    /// row ``addWorstRow(of:at:into:s:worst:)`` adds), or minus its weighted unmet TEU (max throughput;
    /// `unmet`: the unmet or lost columns, already mapped into `lp`).
    static func copyColumns(
        of local: LinearProgram, into lp: inout LinearProgram, s: Int, weight: Double, objective: PlanObjective,
        unmet: [LinearProgram.Variable], demandTEU: Double
    ) {
        for column in local.columns {
            let cost = objective == .expectedCost ? weight * column.cost : 0
            lp.addVariable(FlowProgram.clipped("s\(s)_\(column.name)"), bounds: column.bounds, cost: cost)
        }
        switch objective {
        case .expectedCost:
            lp.objectiveConstant += weight * local.objectiveConstant
        case .maxThroughput:
            for u in unmet { lp.setCost(u, -weight) }
            lp.objectiveConstant += weight * demandTEU
        case .worstCase, .maxCapacity:
            break
        }
    }

    /// The worst-case row of a scenario whose program `local` starts at column `offset` of `lp`:
    /// its annual cost ≤ `worst`.
    static func addWorstRow(
        of local: LinearProgram, at offset: Int, into lp: inout LinearProgram, s: Int, worst: LinearProgram.Variable
    ) {
        var terms = local.columns.enumerated().compactMap { j, column in
            column.cost == 0 ? nil : LinearProgram.Term(LinearProgram.Variable(index: offset + j), column.cost)
        }
        terms.append(.init(worst, -1))
        lp.addConstraint("s\(s)_worst", terms, bounds: .upper(-local.objectiveConstant))
    }
}
