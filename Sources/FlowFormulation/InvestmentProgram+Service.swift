import FreightNetwork
import LinearProgramming

extension InvestmentProgram {
    /// The variants by which a block values the projects that change time or cost.
    ///
    /// Every link whose own time or cost, or whose head node's dwell or handling, some projects P change gets
    /// a parallel variant per non-empty set S ⊆ P: the link as it is with exactly S built (the effects of S
    /// applied in catalog order). A variant shares the link's capacity row and head node and is open only when
    /// exactly S is built; the link itself only when none of P is:
    ///
    ///     Σ flow(variant S) ≤ M·y[i]  (i ∈ S),   Σ flow(variant S) ≤ M·(1 − z[j])  (j ∈ P ∖ S),
    ///     Σ flow(link) ≤ M·(1 − z[i])  (i ∈ P)
    ///
    /// The origin's handling and dwell, which every delivered TEU of a demand pays, get the same treatment:
    /// columns o[d,S] (S ⊆ P, ∅ too) with Σ_S o[d,S] + u[d] = teu(d), each costing the change of the origin
    /// cost under S and gated like a variant. So the block costs exactly what the network with the built
    /// projects applied costs, whatever the sign of the changes (a cheaper but slower service too). In a
    /// seasonal block a variant takes the link's period factors and extra days, plus its head node's dwell
    /// change in every period; the origin columns split the year's shipped TEU.
    struct ServiceVariants {
        /// `variantOf[v]`: for a variant link v, the link it is a variant of and the projects built in it.
        var variantOf: [Int: (link: Int, projects: [Int])] = [:]
        /// `projectsOn[l]`: the projects that change link l or its head node (sorted).
        var projectsOn: [Int: [Int]] = [:]
        /// `projectsAt[n]`: the projects that change node n (sorted).
        var projectsAt: [Int: [Int]] = [:]
    }

    /// The id of `link`'s variant with `projects` built.
    public static func variantID(_ link: Link.ID, _ projects: [String]) -> Link.ID {
        Link.ID("\(link.rawValue)@\(projects.joined(separator: "+"))")
    }

    /// Appends a variant of every link that projects change (with its head node) to `augmented`'s network.
    static func addServiceVariants(_ augmented: inout Augmented, _ catalog: InvestmentCatalog) throws(NetworkError)
        -> ServiceVariants
    {
        var linkProjects: [Link.ID: Set<Int>] = [:]
        var nodeProjects: [Node.ID: Set<Int>] = [:]
        for (i, investment) in catalog.investments.enumerated() {
            for case .service(let target, _) in investment.effects {
                switch target {
                case .link(let id): linkProjects[id, default: []].insert(i)
                case .node(let id): nodeProjects[id, default: []].insert(i)
                }
            }
        }
        var result = ServiceVariants()
        guard !linkProjects.isEmpty || !nodeProjects.isEmpty else { return result }
        let network = augmented.network
        for (n, node) in network.nodes.enumerated() {
            if let projects = nodeProjects[node.id] { result.projectsAt[n] = projects.sorted() }
        }
        var links = network.links
        var pending: [(link: Int, projects: [Int], id: Link.ID)] = []
        for (l, link) in network.links.enumerated() where augmented.upgradeOf[l] == nil {
            let touching = (linkProjects[link.id] ?? []).union(linkProjects[link.baseID] ?? [])
                .union(nodeProjects[link.to] ?? [])
            guard !touching.isEmpty else { continue }
            let projects = touching.sorted()
            result.projectsOn[l] = projects
            for S in subsets(of: projects) where !S.isEmpty {
                var copy = changed(link, by: S, catalog)
                copy.id = variantID(link.id, S.map { catalog.investments[$0].id })
                copy.baseID = copy.id
                copy.capacityTEU = nil
                links.append(copy)
                pending.append((l, S, copy.id))
            }
        }
        let extended = try network.rebuilt(nodes: network.nodes, links: links, demands: network.demands)
        for (l, projects, id) in pending {
            if let v = extended.index(of: id) { result.variantOf[v] = (l, projects) }
        }
        augmented.network = extended
        return result
    }

    /// Every subset of `items` (∅ first), each in the order of `items`.
    static func subsets(of items: [Int]) -> [[Int]] {
        (0..<(1 << items.count)).map { mask in items.indices.filter { mask & (1 << $0) != 0 }.map { items[$0] } }
    }

    /// `link` with the link effects of `projects` applied, in catalog order.
    static func changed(_ link: Link, by projects: [Int], _ catalog: InvestmentCatalog) -> Link {
        var nodes: [Node] = []
        var links = [link]
        var demands: [Demand] = []
        for i in projects {
            for case .service(.link(let id), let change) in catalog.investments[i].effects
            where id == link.id || id == link.baseID {
                change.edit(.link(0)).apply(to: &nodes, &links, &demands)
            }
        }
        return links[0]
    }

    /// `node` with the node effects of `projects` applied, in catalog order.
    static func changed(_ node: Node, by projects: [Int], _ catalog: InvestmentCatalog) -> Node {
        var nodes = [node]
        var links: [Link] = []
        var demands: [Demand] = []
        for i in projects {
            for case .service(.node(let id), let change) in catalog.investments[i].effects where id == node.id {
                change.edit(.node(0)).apply(to: &nodes, &links, &demands)
            }
        }
        return nodes[0]
    }
}

/// Prices and gates the service variants of one annual block (see ``InvestmentProgram/ServiceVariants``).
struct ServiceBlockRows {
    let s: Int
    let network: Network
    let variants: InvestmentProgram.ServiceVariants
    let catalog: InvestmentCatalog
    /// Origin columns in the block's own program: the column, its demand, the projects built in it and the
    /// most TEU/year it can carry (the gates' M).
    private(set) var origins: [(variable: LinearProgram.Variable, demand: Int, projects: [Int], bound: Double)] = []

    init(s: Int, network: Network, variants: InvestmentProgram.ServiceVariants, catalog: InvestmentCatalog) {
        self.s = s
        self.network = network
        self.variants = variants
        self.catalog = catalog
    }

    /// Link `l` and its head node as they are with its variant's projects built (`l` itself when it is none).
    func changed(_ l: Int) -> (link: Link, head: Node) {
        let info = variants.variantOf[l] ?? (l, [])
        let link = InvestmentProgram.changed(network.links[info.link], by: info.projects, catalog)
        let head = InvestmentProgram.changed(network.nodes[network.linkEnds[l].to], by: info.projects, catalog)
        return (link, head)
    }

    /// Annual blocks: sets each variant column's cost to its link's generalised cost with its projects built,
    /// and adds the origin columns (Σ_S o[d,S] + u[d] = teu(d)), in the block's own program `local`.
    mutating func price(_ local: inout LinearProgram, flow: FlowProgram) {
        for (k, columns) in flow.flow.enumerated() {
            let vot = flow.commodities[k].valueOfTimeUSDPerTEUDay
            for column in columns where variants.variantOf[column.link] != nil {
                let (link, head) = changed(column.link)
                let cost = link.costUSDPerTEU + vot * link.timeDays + head.handlingCostUSDPerTEU + vot * head.dwellDays
                local.setCost(column.variable, cost)
            }
        }
        for (d, demand) in network.demands.enumerated() {
            addOrigins(&local, d, terms: [.init(flow.unmet[d], 1)], total: demand.teu, bound: demand.teu)
        }
    }

    /// Seasonal blocks: a variant's head-node dwell change is in its extra days (``extraDays(_:)``); this adds
    /// its handling change to the cost of its columns, and the origin columns (Σ_S o[d,S] = Σ_p shipped[d,p]).
    mutating func price(_ local: inout LinearProgram, period: PeriodProgram) {
        for columns in period.flow {
            for column in columns where variants.variantOf[column.link] != nil {
                let head = network.nodes[network.linkEnds[column.link].to]
                let handling = changed(column.link).head.handlingCostUSDPerTEU - head.handlingCostUSDPerTEU
                local.setCost(column.variable, column.unitCost + handling)
            }
        }
        for d in network.demands.indices {
            let shipped = period.shipped[d].map { LinearProgram.Term($0, -1) }
            addOrigins(&local, d, terms: shipped, total: 0, bound: period.due[d].reduce(0, +))
        }
    }

    /// Days a seasonal variant's transit gains in every period: its head node's dwell change.
    func extraDays(_ v: Int) -> Double {
        changed(v).head.dwellDays - network.nodes[network.linkEnds[v].to].dwellDays
    }

    /// The origin columns of demand `d` when projects change its origin: one per set S of them, costing the
    /// change of the origin's handling and dwell under S, with the row `terms` + Σ_S o[d,S] = `total`.
    private mutating func addOrigins(
        _ local: inout LinearProgram, _ d: Int, terms: [LinearProgram.Term], total: Double, bound: Double
    ) {
        let demand = network.demands[d]
        guard let n = network.index(of: demand.from), let projects = variants.projectsAt[n] else { return }
        let origin = network.nodes[n]
        let vot = demand.valueOfTimeUSDPerTEUDay
        var row = terms
        for S in InvestmentProgram.subsets(of: projects) {
            let node = InvestmentProgram.changed(origin, by: S, catalog)
            let handling = node.handlingCostUSDPerTEU - origin.handlingCostUSDPerTEU
            let change = handling + vot * (node.dwellDays - origin.dwellDays)
            let o = local.addVariable(
                FlowProgram.clipped("o_\(demand.id.rawValue)_\(label(S))"), bounds: .range(0, bound), cost: change)
            origins.append((o, d, S, bound))
            row.append(.init(o, 1))
        }
        local.addConstraint(FlowProgram.clipped("origin_\(demand.id.rawValue)"), row, bounds: .fixed(total))
    }

    /// `A+B` for a set of projects, `none` for the empty set.
    private func label(_ projects: [Int]) -> String {
        projects.isEmpty ? "none" : projects.map { catalog.investments[$0].id }.joined(separator: "+")
    }

    /// The gates in the plan's program: a variant (or origin column) open only when exactly its projects are
    /// built, a changed link only when none of its projects is. `columnsOnLink[l]` (every period's) and
    /// `mapped` are in `lp`.
    func addGates(
        _ lp: inout LinearProgram, columnsOnLink: [[LinearProgram.Variable]],
        mapped: (LinearProgram.Variable) -> LinearProgram.Variable,
        build: [LinearProgram.Variable], built: [LinearProgram.Variable], bigM: Double
    ) {
        func gate(_ name: String, _ columns: [LinearProgram.Variable], projects: [Int], all: [Int], bound: Double) {
            guard !columns.isEmpty else { return }
            let flow = columns.map { LinearProgram.Term($0, 1) }
            for i in projects {
                let id = catalog.investments[i].id
                lp.addConstraint(
                    FlowProgram.clipped("s\(s)_gate_\(name)_\(id)"), flow + [.init(build[i], -bound)], bounds: .upper(0)
                )
            }
            for j in all where !projects.contains(j) {
                let id = catalog.investments[j].id
                lp.addConstraint(
                    FlowProgram.clipped("s\(s)_gate_\(name)_not_\(id)"), flow + [.init(built[j], bound)],
                    bounds: .upper(bound))
            }
        }
        for (l, projects) in variants.projectsOn.sorted(by: { $0.key < $1.key }) {
            gate(network.links[l].id.rawValue, columnsOnLink[l], projects: [], all: projects, bound: bigM)
        }
        for (v, info) in variants.variantOf.sorted(by: { $0.key < $1.key }) {
            let all = variants.projectsOn[info.link] ?? []
            gate(network.links[v].id.rawValue, columnsOnLink[v], projects: info.projects, all: all, bound: bigM)
        }
        for origin in origins {
            let demand = network.demands[origin.demand]
            guard let n = network.index(of: demand.from), let all = variants.projectsAt[n] else { continue }
            let name = "o_\(demand.id.rawValue)_\(label(origin.projects))"
            gate(name, [mapped(origin.variable)], projects: origin.projects, all: all, bound: origin.bound)
        }
    }
}
