import FreightNetwork

extension Change {
    /// Reads one entry of `changes`, recording every syntax problem in `diagnostics`.
    ///
    /// The entry must be a mapping with exactly one key, the change type. References to ids are
    /// not checked here: they are checked against the network when the change is applied.
    /// - Returns: The change, or `nil` when anything in it is wrong.
    static func read(_ yaml: YAMLNode, file: String, path: String, into diagnostics: inout ScenarioDiagnostics) -> Self?
    {
        guard let entry = FieldReader(yaml, file: file, path: path, into: &diagnostics) else { return nil }
        var problems = entry.problems
        defer { diagnostics.append(contentsOf: problems) }
        let allKinds = Kind.allCases.map(\.rawValue)
        var found: [(kind: Kind, body: YAMLNode)] = []
        for (key, value) in entry.mapping {
            let name = key.scalar?.string ?? FieldReader.describe(key)
            guard let kind = Kind(rawValue: name) else {
                let hint =
                    Suggestions.hint(for: name, in: allKinds) ?? "expected one of \(allKinds.joined(separator: ", "))"
                problems.append(
                    ScenarioError(
                        at: entry.position(of: key), field: "\(path).\(name)", message: "unknown change type",
                        hint: hint)
                )
                continue
            }
            if let first = found.first {
                problems.append(
                    ScenarioError(
                        at: entry.position(of: key),
                        field: path,
                        message: "more than one change type in one entry ('\(first.kind.rawValue)' and '\(name)')",
                        hint: "write each change as its own list item"
                    )
                )
            }
            found.append((kind, value))
        }
        if entry.mapping.isEmpty {
            let message = "expected a change type (one of \(allKinds.joined(separator: ", "))), found an empty mapping"
            problems.append(ScenarioError(at: entry.position, field: path, message: message))
        }
        var actions: [(action: Action, scope: PeriodScope?, isValid: Bool)] = []
        for (kind, body) in found {
            if let action = readAction(kind, body, file: file, path: "\(path).\(kind.rawValue)", into: &diagnostics) {
                actions.append(action)
            }
        }
        guard problems.isEmpty, found.count == 1, actions.count == 1, let read = actions.first else { return nil }
        let amount = found[0].body.mapping?.first { $0.key.scalar?.string == "days" }?.value
        return Change(
            action: read.action, scope: read.scope, path: "\(path).\(found[0].kind.rawValue)", position: entry.position,
            isBroken: !read.isValid, amountPosition: amount.map { FieldReader.position(of: $0, in: file) })
    }

    /// Reads the body of one change type, with the periods it is limited to.
    ///
    /// A change whose selector could be read comes back even when something else in it is wrong,
    /// with `isValid` false, so that its ids are checked in the same pass.
    private static func readAction(
        _ kind: Kind,
        _ body: YAMLNode,
        file: String,
        path: String,
        into diagnostics: inout ScenarioDiagnostics
    ) -> (action: Action, scope: PeriodScope?, isValid: Bool)? {
        switch kind {
        case .addNode:
            return NodeRecord.read(body, file: file, path: path, into: &diagnostics).map { (.addNode($0), nil, true) }
        case .addLink:
            return LinkRecord.read(body, file: file, path: path, into: &diagnostics).map { (.addLink($0), nil, true) }
        case .addDemand:
            return DemandRecord.read(body, file: file, path: path, into: &diagnostics).map { (.addDemand($0), nil, true) }
        case .scaleDemand, .close, .scaleCapacity, .setCapacity, .addDelay, .addSurcharge, .addStorage, .scaleTime,
            .setTimeDays, .scaleDwell, .setDwellDays, .scaleCost, .avoidCountries, .scaleUnmetPenalty:
            guard var reader = FieldReader(body, file: file, path: path, into: &diagnostics) else { return nil }
            defer { diagnostics.append(contentsOf: reader.problems) }
            let (action, scope) = readBody(kind, &reader)
            return action.map { ($0, scope, reader.isValid) }
        }
    }

    /// Reads the opened body of a change type that is not a record (all but `add_node`, `add_link` and
    /// `add_demand`), with the periods it is limited to; every problem stays in `reader`.
    static func readBody(_ kind: Kind, _ reader: inout FieldReader) -> (action: Action?, scope: PeriodScope?) {
        switch kind {
        case .scaleDemand:
            let scope = PeriodScope.read(&reader, range: false)
            return (readDemandFactor(&reader, Action.scaleDemand), scope)
        case .addStorage:
            let scope = readScope(kind, &reader)
            return (readAddStorage(&reader), scope)
        case .avoidCountries:
            let scope = readScope(kind, &reader)
            return (readAvoidCountries(&reader), scope)
        case .scaleUnmetPenalty:
            let scope = readScope(kind, &reader)
            return (readDemandFactor(&reader, Action.scaleUnmetPenalty), scope)
        default:
            let scope = readScope(kind, &reader)
            return (readSelecting(kind, &reader), scope)
        }
    }

    /// Reads the period scope of a change that takes a selector, or reports that `kind` takes none.
    private static func readScope(_ kind: Kind, _ reader: inout FieldReader) -> PeriodScope? {
        guard let refusal = kind.scopeRefusal else { return PeriodScope.read(&reader) }
        for key in reader.keys where kind.scopeKeys.contains(key.value) {
            let message = "\(kind.rawValue) cannot be limited to periods"
            let field = reader.fieldPath(key.value)
            reader.report(ScenarioError(at: key.position, field: field, message: message, hint: refusal))
        }
        return nil
    }

    /// Reads `add_storage`: a `node`, `teu` and optionally `holding_cost_usd_per_teu_day`.
    private static func readAddStorage(_ reader: inout FieldReader) -> Action? {
        let keys = ["node", "teu", "holding_cost_usd_per_teu_day"]
        reader.rejectUnknownKeys(allowed: Selector.Kind.allCases.map(\.rawValue) + keys + PeriodScope.keys)
        let selector = readSelector(.addStorage, &reader)
        let teu = reader.number("teu", required: true)
        let holding = reader.number("holding_cost_usd_per_teu_day")
        guard let selector else { return nil }
        return .addStorage(selector, teu: teu ?? 0, holdingCostUSDPerTEUDay: holding)
    }

    /// Reads a change that takes a selector and, except `close`, one amount.
    private static func readSelecting(_ kind: Kind, _ reader: inout FieldReader) -> Action? {
        let amountKey: String? =
            switch kind {
            case .scaleCapacity: "factor"
            case .setCapacity: "capacity_teu"
            case .addDelay: "days"
            case .addSurcharge: "usd_per_teu"
            case .scaleTime, .scaleDwell, .scaleCost: "factor"
            case .setTimeDays, .setDwellDays: "days"
            default: nil
            }
        let amountKeys = amountKey.map { [$0] } ?? []
        let allSelectors = Selector.Kind.allCases.map(\.rawValue)
        reader.rejectUnknownKeys(allowed: allSelectors + amountKeys + PeriodScope.keys)
        let selector = readSelector(kind, &reader)
        let amount: Double? =
            switch kind {
            case .setCapacity: reader.capacity("capacity_teu", required: true, zeroHint: "use a 'close' change to close it")
            case .addDelay: reader.days("days", required: true, rule: .finite)
            case .setTimeDays, .setDwellDays: reader.days("days", required: true)
            default: amountKey.flatMap { reader.number($0, required: true) }
            }
        guard let selector else { return nil }
        // A wrong amount (already reported) becomes 0: the change is then only checked, not applied.
        let value = amount ?? 0
        switch kind {
        case .close: return .close(selector)
        case .scaleCapacity: return .scaleCapacity(selector, factor: value)
        case .setCapacity: return .setCapacity(selector, capacityTEU: value)
        case .addDelay: return .addDelay(selector, days: value)
        case .addSurcharge: return .addSurcharge(selector, usdPerTEU: value)
        case .scaleTime: return .service(selector, .scaleTime(by: value), dwell: false)
        case .setTimeDays: return .service(selector, .setTime(days: value), dwell: false)
        case .scaleDwell: return .service(selector, .scaleTime(by: value), dwell: true)
        case .setDwellDays: return .service(selector, .setTime(days: value), dwell: true)
        case .scaleCost: return .service(selector, .scaleCost(by: value), dwell: false)
        default: return nil
        }
    }

    /// Reads exactly one selector among those `kind` accepts.
    private static func readSelector(_ kind: Kind, _ reader: inout FieldReader) -> Selector? {
        if reader.isDescribing {
            Selector.describe(kind.selectorKinds, in: &reader)
            reader.describeMapping(.requiring(anyOf: kind.selectorKinds.map(\.rawValue), exactlyOne: true))
            return nil
        }
        let written = reader.keys.compactMap { key in Selector.Kind(rawValue: key.value).map { (key, $0) } }
        let allowed = kind.selectorKinds
        let allowedList = allowed.map(\.rawValue).joined(separator: ", ")
        guard let (firstKey, selectorKind) = written.first else {
            // A misspelt selector (`contry`) was already reported as an unknown key.
            guard reader.suggestedKeys.isDisjoint(with: allowed.map(\.rawValue)) else { return nil }
            reader.report(
                ScenarioError(
                    at: reader.position,
                    field: reader.path,
                    message: "expected a selector: one of \(allowedList)"
                )
            )
            return nil
        }
        for (key, _) in written.dropFirst() {
            let message = "only one selector allowed; this change already selects by '\(firstKey.value)'"
            reader.report(ScenarioError(at: key.position, field: reader.fieldPath(key.value), message: message))
        }
        for (key, other) in written where !allowed.contains(other) {
            let message = "\(kind.rawValue) selects by \(allowed.map(\.rawValue).joined(separator: " or ")) only"
            reader.report(ScenarioError(at: key.position, field: reader.fieldPath(key.value), message: message))
        }
        guard let value = reader.word(selectorKind.rawValue, required: true) else { return nil }
        if selectorKind == .mode, Mode(rawValue: value.value) == nil {
            let field = reader.fieldPath("mode")
            reader.report(FieldReader.choiceError(value, field: field, allowed: Mode.allCases.map(\.rawValue)))
            return nil
        }
        return Selector(kind: selectorKind, value: value, field: reader.fieldPath(selectorKind.rawValue))
    }

    /// Reads `scale_demand` or `scale_unmet_penalty`: a `factor` and optionally `demand`, or `from`, `to`
    /// and/or `direction`; `make` builds the action.
    private static func readDemandFactor(
        _ reader: inout FieldReader, _ make: (Double, DemandFilter) -> Action
    ) -> Action? {
        reader.rejectUnknownKeys(allowed: ["factor", "demand", "from", "to", "direction", "periods"])
        let factor = reader.number("factor", required: true)
        return make(factor ?? 0, readDemandFilter(&reader))
    }

    /// Reads `avoid_countries`: `countries` (a list of country codes), optionally a `share` (0–1, default 1)
    /// and the demands as `scale_demand` picks them (`demand`, or `from`, `to` and/or `direction`).
    private static func readAvoidCountries(_ reader: inout FieldReader) -> Action? {
        reader.rejectUnknownKeys(
            allowed: ["countries", "share", "demand", "from", "to", "direction", "periods"])
        let countries = DemandRecord.readCountries(&reader, key: "countries", required: true)
        let share = reader.number("share", rule: .range(0...1, name: "a share (a fraction: 0.4 for 40 %)"))
        if !reader.isDescribing, reader.value("countries") != nil, countries.isEmpty, reader.isValid {
            let message = "expected at least one country code"
            reader.report(ScenarioError(at: reader.position, field: reader.fieldPath("countries"), message: message))
        }
        return .avoidCountries(countries, share: share ?? 1, readDemandFilter(&reader))
    }

    /// Reads which demands a change picks: `demand`, or `from`, `to` and/or `direction`, or none (all).
    private static func readDemandFilter(_ reader: inout FieldReader) -> DemandFilter {
        let demand = reader.word("demand")
        let from = reader.word("from")
        let to = reader.word("to")
        let direction = reader.choice("direction", as: Direction.self, required: false).map {
            Located(value: $0, position: reader.position(of: reader.value("direction")!))
        }
        if let demand, from != nil || to != nil || direction != nil {
            let message = "give either 'demand' or 'from'/'to'/'direction', not both"
            reader.report(ScenarioError(at: demand.position, field: reader.fieldPath("demand"), message: message))
        }
        if let demand { return .id(demand) }
        if from != nil || to != nil || direction != nil { return .route(from: from, to: to, direction: direction) }
        return .all
    }
}
