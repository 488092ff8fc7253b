import FreightNetwork

/// Nodes, links and demands under construction, before they become a ``Network``.
///
/// Records are added with their duplicate and reference checks. A record with any error is left
/// out, and ``isSound`` turns false, so no `Network` is built from a draft with problems;
/// changes still run over the rest to report their own problems.
struct NetworkDraft {
    /// The valid nodes, in file order.
    var nodes: [FreightNetwork.Node] = []
    /// The valid directed links, in file order (a bidirectional link's reverse follows it).
    var links: [Link] = []
    /// The valid demands, in file order.
    var demands: [Demand] = []
    /// Where each of ``nodes`` was written (its record's path and position), index for index.
    var nodeSources: [RecordSource] = []
    /// Where each of ``links`` was written, index for index (both directions of a bidirectional link
    /// share their record).
    var linkSources: [RecordSource] = []
    /// Where each of ``demands`` was written, index for index.
    var demandSources: [RecordSource] = []
    /// The ids of ``nodes``, for checking references in constant time.
    private(set) var validNodeIDs: Set<String> = []
    /// Node ids and where they were defined.
    var nodeIDs = IDRegistry(kind: "node")
    /// Link ids as written in files (the `baseID`s) and where they were defined.
    var linkIDs = IDRegistry(kind: "link")
    /// Demand ids and where they were defined.
    var demandIDs = IDRegistry(kind: "demand")
    /// False once any record had an error; the draft then cannot become a network.
    ///
    /// A record whose id cannot be read at all still leaves the id registries complete: a
    /// reference to what it meant to define is then reported as unknown, which is a fair message.
    var isSound = true
    /// The periods and per-period factors, for a scenario with `periods` (here or in a base).
    var periods: PeriodDraft?
    /// The file's (or the nearest base's) `tonnes_per_teu`: the mass of a TEU for demands without their own.
    var tonnesPerTEU: Double?
    /// The file's (or the nearest base's) `teu_per_train`: TEU per train on rail links without their own.
    var teuPerTrain: Double?
    /// False when a base or this file's `periods` could not be read: whether the scenario has
    /// periods, and which, is unknown, so period scopes are not checked against them.
    var periodsAreKnown = true
    /// Fields that only matter with periods (node storage, late penalties), by what they were set
    /// on: `node <index>` or `demand <index>`, with where they were written. Without periods each
    /// gets an "unused" warning.
    var periodOnlyFields: [String: RecordSource] = [:]
    /// Ids of the nodes and links written with `congestion: none`: no default curve for them.
    var congestionOff: Set<String> = []
    /// False when a file of the chain says `default_congestion: false`: no element gets a default curve.
    var defaultCongestion = true
    /// The file's (or the nearest base's) `congestion_value_of_time_usd_per_teu_day`: USD per TEU-day
    /// that prices congestion waits; nil for the TEU-weighted mean over the demands.
    var congestionValueOfTime: Double?

    /// A draft that stands for a base file that could not be read: nothing is known about it.
    /// A demand's direction: the one written, or from its ends' longitudes (westbound when the origin is
    /// east of the destination or level with it; westbound when an end is unknown).
    func direction(of demand: Demand) -> Direction {
        if let written = demand.direction { return written }
        guard let from = nodes.first(where: { $0.id == demand.from }),
            let to = nodes.first(where: { $0.id == demand.to })
        else { return .westbound }
        return Direction.of(fromLongitude: from.longitude, toLongitude: to.longitude)
    }

    static var unknown: NetworkDraft {
        var draft = NetworkDraft()
        draft.nodeIDs.isComplete = false
        draft.linkIDs.isComplete = false
        draft.demandIDs.isComplete = false
        draft.isSound = false
        draft.periodsAreKnown = false
        return draft
    }

    /// Adds a node after checking its id is new.
    mutating func add(_ record: NodeRecord, into diagnostics: inout ScenarioDiagnostics) {
        let isNew = Self.register(record.id, in: &nodeIDs, path: record.path, into: &diagnostics)
        guard isNew, let node = record.node else {
            isSound = false
            return
        }
        notePeriodOnly(record.periodOnlyField, of: record.path, as: "node \(nodes.count)")
        nodes.append(node)
        if record.congestion == .off { congestionOff.insert(node.id.rawValue) }
        validNodeIDs.insert(node.id.rawValue)
        nodeSources.append(RecordSource(path: record.path, position: record.id?.position ?? record.position))
        periods?.appendNode()
    }

    /// Adds a link (both directions when bidirectional) after checking its id and its nodes.
    mutating func add(_ record: LinkRecord, into diagnostics: inout ScenarioDiagnostics) {
        let isNew = Self.register(record.id, in: &linkIDs, path: record.path, into: &diagnostics)
        let endsExist = checkEnds(record.from, record.to, of: record.path, into: &diagnostics)
        guard isNew, endsExist, let expanded = record.links else {
            isSound = false
            return
        }
        links += expanded
        if record.congestion == .off { congestionOff.formUnion(expanded.map(\.id.rawValue)) }
        let source = RecordSource(path: record.path, position: record.id?.position ?? record.position)
        for _ in expanded {
            periods?.appendLink()
            linkSources.append(source)
        }
    }

    /// Adds a demand after checking its id is new and its nodes exist.
    mutating func add(_ record: DemandRecord, into diagnostics: inout ScenarioDiagnostics) {
        let isNew = Self.register(
            record.id, in: &demandIDs, path: record.path, note: record.hasExplicitID ? nil : "the default FROM-TO",
            hint: record.hasExplicitID ? nil : "give one of them an 'id'", into: &diagnostics)
        let endsExist = checkEnds(record.from, record.to, of: record.path, into: &diagnostics)
        let avoidable = endsExist && checkAvoided(record, into: &diagnostics)
        guard isNew, endsExist, avoidable, let demand = record.demand else {
            isSound = false
            return
        }
        notePeriodOnly(record.periodOnlyField, of: record.path, as: "demand \(demands.count)")
        demands.append(demand)
        demandSources.append(RecordSource(path: record.path, position: record.position))
        periods?.appendDemand()
    }

    /// Appends a demand a change made from demand `original` (its id already registered), with where the
    /// change is; in periods it keeps the original's seasonal factors.
    mutating func appendDerived(_ demand: Demand, from original: Int, source: RecordSource) {
        demands.append(demand)
        demandSources.append(source)
        if let factors = periods?.demandFactor[original] { periods?.demandFactor.append(factors) }
    }

    /// True when every country a demand avoids is some node's and neither of its ends lies in one (each
    /// problem reported).
    private func checkAvoided(_ record: DemandRecord, into diagnostics: inout ScenarioDiagnostics) -> Bool {
        guard !record.avoidCountries.isEmpty else { return true }
        var ok = checkCountries(record.avoidCountries, field: "\(record.path).avoid_countries", into: &diagnostics)
        let avoided = Set(record.avoidCountries.map(\.value))
        for (end, key) in [(record.from, "from"), (record.to, "to")] {
            guard let end, let node = nodes.first(where: { $0.id.rawValue == end.value }),
                let country = node.countries.first(where: avoided.contains)
            else { continue }
            ok = false
            diagnostics.append(
                ScenarioError(
                    at: end.position, field: "\(record.path).\(key)",
                    message: "node '\(end.value)' lies in \(country), a country this demand avoids"))
        }
        return ok
    }

    /// True when each of `countries` is some node's; each one that is not is reported at `field[i]`, with the
    /// nearest country.
    func checkCountries(
        _ countries: [Located<String>], field: String, into diagnostics: inout ScenarioDiagnostics
    ) -> Bool {
        let known = Set(nodes.flatMap(\.countries))
        var ok = true
        for (index, country) in countries.enumerated() where !known.contains(country.value) {
            ok = false
            diagnostics.append(
                ScenarioError(
                    at: country.position, field: "\(field)[\(index)]",
                    message: "unknown country '\(country.value)': no node lies in it",
                    hint: Suggestions.hint(for: country.value, in: known.sorted())))
        }
        return ok
    }

    /// Registers a record's id (when it could be read) in `registry`; false, with the error, when another
    /// record has it.
    private static func register(
        _ id: Located<String>?, in registry: inout IDRegistry, path: String, note: String? = nil, hint: String? = nil,
        into diagnostics: inout ScenarioDiagnostics
    ) -> Bool {
        guard let id, var duplicate = registry.register(id, field: "\(path).id", note: note) else { return true }
        if let hint { duplicate.hint = hint }
        diagnostics.append(duplicate)
        return false
    }

    /// True when both ends of a link or demand name valid nodes (both are checked, each reported).
    private func checkEnds(
        _ from: Located<String>?, _ to: Located<String>?, of path: String, into diagnostics: inout ScenarioDiagnostics
    ) -> Bool {
        let fromExists = checkNode(from, field: "\(path).from", into: &diagnostics)
        let toExists = checkNode(to, field: "\(path).to", into: &diagnostics)
        return fromExists && toExists
    }

    /// Remembers where a field that only matters with periods was set, for the "unused" warning.
    private mutating func notePeriodOnly(_ field: Located<String>?, of path: String, as key: String) {
        guard let field else { return }
        periodOnlyFields[key] = RecordSource(path: "\(path).\(field.value)", position: field.position)
    }

    /// Drops every demand (`background` false) or every background flow (true), before a file's own
    /// `demands` or `background` replace its base's; the others keep their order and their ids.
    mutating func removeDemands(background: Bool) {
        let keep = demands.indices.filter { demands[$0].isBackground != background }
        var registry = IDRegistry(kind: "demand")
        var fields: [String: RecordSource] = periodOnlyFields.filter { !$0.key.hasPrefix("demand ") }
        for (new, old) in keep.enumerated() {
            let id = Located(value: demands[old].id.rawValue, position: demandSources[old].position)
            _ = registry.register(id, field: demandSources[old].path)
            if let field = periodOnlyFields["demand \(old)"] { fields["demand \(new)"] = field }
        }
        registry.isComplete = demandIDs.isComplete
        demands = keep.map { demands[$0] }
        demandSources = keep.map { demandSources[$0] }
        demandIDs = registry
        periods?.keepDemands(keep)
        periodOnlyFields = fields
    }

    /// True when `reference` names a valid node; records "unknown node" when it names none.
    ///
    /// A reference that could not be read, or names a node whose record had errors, is not valid
    /// but is not reported again.
    func checkNode(
        _ reference: Located<String>?, field: @autoclosure () -> String, into diagnostics: inout ScenarioDiagnostics
    ) -> Bool {
        guard let reference else { return false }
        if validNodeIDs.contains(reference.value) { return true }  // A valid node's id is registered too.
        if let unknown = nodeIDs.check(reference, field: field()) { diagnostics.append(unknown) }
        return false
    }

    /// Applies network edits (indices into ``nodes``, ``links`` and ``demands``), as on a network.
    mutating func apply(_ edits: [NetworkEdit]) {
        for edit in edits { edit.apply(to: &nodes, &links, &demands) }
    }

    /// Builds the network; only called on a sound draft, whose records were all checked. Demands without
    /// their own `tonnes_per_teu` get the file's, rail links without their own `teu_per_train` the file's.
    ///
    /// Every capacity-limited node and link with no curve of its own and no `congestion: none` gets its
    /// kind's default curve (``CongestionDefaults``), unless `default_congestion: false`. The network
    /// carries the chain's `congestion_value_of_time_usd_per_teu_day`.
    func network() throws(NetworkError) -> Network {
        var network = try curvedNetwork()
        network.congestionValueOfTime = congestionValueOfTime
        return network
    }

    /// The network with the default curves (see ``network()``).
    private func curvedNetwork() throws(NetworkError) -> Network {
        var demands = demands
        var nodes = nodes
        var links = links
        for d in demands.indices where demands[d].tonnesPerTEU == nil { demands[d].tonnesPerTEU = tonnesPerTEU }
        for l in links.indices where links[l].teuPerTrain == nil && links[l].mode == .rail {
            links[l].teuPerTrain = teuPerTrain
        }
        guard defaultCongestion else { return try Network(nodes: nodes, links: links, demands: demands) }
        for n in nodes.indices where nodes[n].congestion == nil && nodes[n].capacityTEU != nil {
            guard !congestionOff.contains(nodes[n].id.rawValue) else { continue }
            nodes[n].congestion = CongestionDefaults.curve(for: nodes[n].kind)
        }
        for l in links.indices where links[l].congestion == nil && links[l].capacityTEU != nil {
            guard !congestionOff.contains(links[l].id.rawValue) else { continue }
            links[l].congestion = CongestionDefaults.curve(for: links[l].mode)
        }
        return try Network(nodes: nodes, links: links, demands: demands)
    }
}

extension NetworkDraft {
    /// Makes room for `count` more records of the list under `key` (`nodes`, `links`, `demands`, `background`).
    mutating func reserve(_ count: Int, for key: String) {
        switch key {
        case "nodes":
            nodes.reserveCapacity(nodes.count + count)
            nodeSources.reserveCapacity(nodeSources.count + count)
            validNodeIDs.reserveCapacity(validNodeIDs.count + count)
            nodeIDs.reserve(count)
        case "links":
            links.reserveCapacity(links.count + 2 * count)
            linkSources.reserveCapacity(linkSources.count + 2 * count)
            linkIDs.reserve(count)
        case "demands", "background":
            demands.reserveCapacity(demands.count + count)
            demandSources.reserveCapacity(demandSources.count + count)
            demandIDs.reserve(count)
        default: break
        }
    }

    /// Marks the ids under a top-level `key` (`nodes`, `links`, `demands`, `background`) as not all known.
    ///
    /// Used when a list or one of its entries could not be read at all, so that references to
    /// what it may have defined are not reported as unknown.
    mutating func forgetIDs(of key: String) {
        switch key {
        case "nodes": nodeIDs.isComplete = false
        case "links": linkIDs.isComplete = false
        case "demands", "background": demandIDs.isComplete = false
        default: break
        }
        isSound = false
    }
}

/// Where a record was written: its dotted path (`links[3]`, `changes[2].add_link`) and position.
struct RecordSource: Sendable, Hashable {
    /// The record's dotted path.
    var path: String
    /// Where its id (or, without one, its mapping) starts.
    var position: SourcePosition
}
