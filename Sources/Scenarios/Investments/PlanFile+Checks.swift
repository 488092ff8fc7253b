public import FreightNetwork

extension PlanFile {
    /// Unknown or self references in `requires`/`excludes`, projects that can never be built because what
    /// they require (directly or through other projects) is excluded, and committed capex above the budget.
    func checkReferencesBetweenProjects(into diagnostics: inout ScenarioDiagnostics) {
        let investments = catalog.investments
        let ids = investments.map(\.id)
        /// Where investment i writes `field`, or the investment itself.
        func position(_ i: Int, _ field: String) -> SourcePosition {
            investmentFieldPositions[i][field] ?? investmentSites[i].position
        }
        for (i, investment) in investments.enumerated() {
            let path = investmentSites[i].path
            for (field, list) in [("requires", investment.requires), ("excludes", investment.excludes)] {
                let at = position(i, field)
                for other in list where !ids.contains(other) {
                    diagnostics.append(ScenarioError(at: at, field: "\(path).\(field)",
                                                     message: "unknown investment '\(other)'", hint: Suggestions.hint(for: other, in: ids)))
                }
                if list.contains(investment.id) {
                    diagnostics.append(ScenarioError(at: at, field: "\(path).\(field)",
                                                     message: "'\(investment.id)' names itself"))
                }
            }
        }
        // Unknown ids are left out of the requirements (reported above): the conflicts among the known ones
        // come in the same pass.
        for (i, investment) in investments.enumerated() {
            if let conflict = conflict(of: i) {
                let message = "'\(investment.id)' can never be built: \(conflict)"
                diagnostics.append(ScenarioError(at: position(i, "requires"), field: "investments[\(i)].requires",
                                                 message: message, hint: "conflicting prerequisites and exclusions; drop one of them"))
            }
        }
        for (i, investment) in investments.enumerated() where investment.minUnits > 0 {
            for required in closure(of: i) where investments[required].minUnits == 0 {
                diagnostics.append(ScenarioError(at: position(i, "min_units"), field: "investments[\(i)].min_units",
                                                 message: "'\(investment.id)' is committed but requires '\(investments[required].id)', which is not",
                                                 hint: "give '\(investments[required].id)' min_units: 1 as well"))
            }
        }
        let committed = catalog.committedCapexUSD
        if committed > catalog.budgetUSD * (1 + 1e-12) {
            let message = "the budget (USD \(FieldReader.format(catalog.budgetUSD))) is less than the committed projects' capex (USD \(FieldReader.format(committed))): no portfolio is feasible"
            diagnostics.append(ScenarioError(at: budgetPosition, field: "budget_usd", message: message,
                                             hint: "raise budget_usd or lower min_units"))
        }
    }

    /// Every project `i` requires, directly or through others (without `i`).
    func closure(of i: Int) -> [Int] {
        var seen: Set<Int> = [i]
        var stack = [i]
        while let n = stack.popLast() {
            for id in catalog.investments[n].requires {
                if let j = catalog.index(of: id), !seen.contains(j) {
                    seen.insert(j)
                    stack.append(j)
                }
            }
        }
        seen.remove(i)
        return seen.sorted()
    }

    /// Why project `i` can never be built, or nil.
    func conflict(of i: Int) -> String? {
        let investments = catalog.investments
        let group = [i] + closure(of: i)
        for a in group {
            for b in group where a != b {
                if investments[a].excludes.contains(investments[b].id) {
                    let (x, y) = (investments[a].id, investments[b].id)
                    if a == i { return "it excludes '\(y)', which it requires" }
                    if b == i { return "it requires '\(x)', which excludes it" }
                    return "it requires both '\(x)' and '\(y)', and '\(x)' excludes '\(y)'"
                }
            }
        }
        return nil
    }

    /// Errors for effects that name links or nodes the network does not have, or add ids it already has;
    /// warnings for storage in a scenario without periods (unused) and for a storage holding cost that
    /// differs from that of the node's own storage (the plan prices all stock there at the candidate's).
    public func check(against network: Network, scenarioFile: String, hasPeriods: Bool = false) -> [ScenarioError] {
        var errors: [ScenarioError] = []
        var added: Set<String> = []
        var addedNodes: Set<String> = []
        for case .newNode(let node) in effectSites.map(\.effect) { addedNodes.insert(node.id.rawValue) }
        var addedLinks: Set<String> = []
        for case .newLink(let link) in effectSites.map(\.effect) { addedLinks.insert(link.id.rawValue) }
        let linkIDs = network.links.map(\.baseID.rawValue)
        let nodeIDs = network.nodes.map(\.id.rawValue)
        for entry in effectSites {
            let (effect, at, field) = (entry.effect, entry.site.position, entry.site.path)
            func fail(_ message: String, _ hint: String? = nil) {
                errors.append(ScenarioError(at: at, field: field, message: "\(message) (in \(scenarioFile))", hint: hint))
            }
            switch effect {
            case .linkCapacity(let id, _), .upgradeLink(let id, _, _):
                if network.index(of: id) == nil, !linkIDs.contains(id.rawValue) {
                    fail("unknown link '\(id.rawValue)'", Suggestions.hint(for: id.rawValue, in: linkIDs))
                }
            case .nodeCapacity(let id, _):
                if network.index(of: id) == nil, !addedNodes.contains(id.rawValue) {
                    fail("unknown node '\(id.rawValue)'", Suggestions.hint(for: id.rawValue, in: nodeIDs))
                }
            case .newLink(let link):
                if network.index(of: link.id) != nil || !added.insert(link.id.rawValue).inserted {
                    fail("link '\(link.id.rawValue)' already exists")
                }
                for end in [link.from, link.to] where network.index(of: end) == nil && !addedNodes.contains(end.rawValue) {
                    fail("unknown node '\(end.rawValue)'", Suggestions.hint(for: end.rawValue, in: nodeIDs))
                }
            case .newNode(let node):
                if network.index(of: node.id) != nil { fail("node '\(node.id.rawValue)' already exists") }
            case .service(let target, let change):
                switch target {
                case .link(let id):
                    let links = network.links.filter { $0.id == id || $0.baseID == id }
                    if links.isEmpty, !addedLinks.contains(id.rawValue) {
                        fail("unknown link '\(id.rawValue)'", Suggestions.hint(for: id.rawValue, in: linkIDs))
                    }
                    for link in links where change.applied(to: link.timeDays) < 0 && change.changesTime {
                        let days = FieldReader.format(link.timeDays)
                        let what = "link '\(link.id.rawValue)' has (time_days \(days))"
                        fail("cuts more days than \(what): expected a result ≥ 0 days")
                    }
                case .node(let id):
                    let node = network.node(id)
                    if node == nil, !addedNodes.contains(id.rawValue) {
                        fail("unknown node '\(id.rawValue)'", Suggestions.hint(for: id.rawValue, in: nodeIDs))
                    }
                    if let node, change.changesTime, change.applied(to: node.dwellDays) < 0 {
                        let days = FieldReader.format(node.dwellDays)
                        let what = "node '\(id.rawValue)' has (dwell_days \(days))"
                        fail("cuts more days than \(what): expected a result ≥ 0 days")
                    }
                }
            case .storage(let id, _, let holding):
                let own = network.node(id)
                if own == nil, !addedNodes.contains(id.rawValue) {
                    fail("unknown node '\(id.rawValue)'", Suggestions.hint(for: id.rawValue, in: nodeIDs))
                } else if !hasPeriods {
                    errors.append(ScenarioError(.warning, at: at, field: "\(field).add_storage",
                                                message: "unused in a scenario without periods (the annual model has no storage) (in \(scenarioFile))"))
                } else if let own, let holding, (own.storageCapacityTEU ?? 0) > 0, holding != own.holdingCostUSDPerTEUDay {
                    errors.append(ScenarioError(.warning, at: at, field: "\(field).add_storage.holding_cost_usd_per_teu_day",
                                                message: "differs from the node's own storage (USD \(FieldReader.format(own.holdingCostUSDPerTEUDay))/TEU/day); the plan prices all stock at '\(id.rawValue)' at USD \(FieldReader.format(holding)) (in \(scenarioFile))"))
                }
            }
        }
        return errors + serviceVariantErrors(against: network, scenarioFile: scenarioFile)
    }

    /// Most projects whose effects on time or cost reach one link (through the link or its head node) or one
    /// origin: the plan's MIP gives each such link a variant per set of them built (2^n − 1).
    public static let maximumServiceProjects = 4

    /// An error for each link or origin node that more than ``maximumServiceProjects`` projects change the
    /// time or cost of.
    func serviceVariantErrors(against network: Network, scenarioFile: String) -> [ScenarioError] {
        var onNode: [String: Set<Int>] = [:]
        var onLink: [String: Set<Int>] = [:]
        for (i, investment) in catalog.investments.enumerated() {
            for case .service(let target, _) in investment.effects {
                switch target {
                case .node(let id): onNode[id.rawValue, default: []].insert(i)
                case .link(let id): onLink[id.rawValue, default: []].insert(i)
                }
            }
        }
        var errors: [ScenarioError] = []
        var reported: Set<String> = []
        func fail(_ projects: Set<Int>, _ what: String) {
            guard let first = projects.min() else { return }
            let message = "\(projects.count) projects change the time or cost of \(what); at most "
                + "\(Self.maximumServiceProjects) may (in \(scenarioFile))"
            let site = investmentSites[first]
            errors.append(ScenarioError(at: site.position, field: site.path, message: message,
                                        hint: "merge some of these projects into one"))
        }
        for link in network.links {
            let projects = (onLink[link.id.rawValue] ?? []).union(onLink[link.baseID.rawValue] ?? [])
                .union(onNode[link.to.rawValue] ?? [])
            let many = projects.count > Self.maximumServiceProjects
            guard many, reported.insert(link.baseID.rawValue).inserted else { continue }
            fail(projects, "link '\(link.baseID.rawValue)' or the node it enters")
        }
        for demand in network.demands {
            let projects = onNode[demand.from.rawValue] ?? []
            let many = projects.count > Self.maximumServiceProjects
            guard many, reported.insert("node:\(demand.from)").inserted else { continue }
            fail(projects, "origin '\(demand.from.rawValue)'")
        }
        // An upgrade's parallel copy keeps the link's other values: it cannot take these effects as well.
        for (i, investment) in catalog.investments.enumerated() {
            for case .upgradeLink(let id, _, _) in investment.effects {
                for link in network.links where link.id == id || link.baseID == id {
                    let projects = (onLink[link.id.rawValue] ?? []).union(onLink[link.baseID.rawValue] ?? [])
                        .union(onNode[link.to.rawValue] ?? [])
                    let first = reported.insert("upgrade:\(link.baseID)").inserted
                    guard let other = projects.min(), first else { continue }
                    let message = "upgrades link '\(link.baseID.rawValue)', whose time or cost (or that of the node it "
                        + "enters) '\(catalog.investments[other].id)' also changes: the plan cannot value both "
                        + "(in \(scenarioFile))"
                    let hint = "write the upgrade as add_delay / scale_cost effects on the link"
                    let site = investmentSites[i]
                    errors.append(ScenarioError(at: site.position, field: site.path, message: message, hint: hint))
                }
            }
        }
        return errors
    }
}
