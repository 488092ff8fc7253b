public import FreightNetwork

extension PlanFile {
    /// One `years:` entry: the year, the scenario file it is solved on, and where it was written.
    public struct YearEntry: Sendable {
        public var year: PlanYear
        /// The scenario file, resolved against the plan file's directory; the plan file itself when not given.
        public var file: String
        var site: Site
    }

    /// One `targets:` entry and where it was written (a capacity target's `CapacityTarget/tags` are the
    /// corridor's words; a transit target names a demand).
    public struct TargetEntry: Sendable {
        public var target: PlanTarget
        var site: Site
    }

    /// The keys of a `years:` entry.
    static let yearKeys = ["year", "file", "demand_growth", "weight", "budget_usd"]
    /// The keys of a `targets:` entry.
    static let targetKeys = ["corridor", "min_capacity_teu", "by_year", "demand", "max_days"]

    /// Reads `years:` and `targets:` (after `scenarios`, `discount_rate` and the investments).
    mutating func readYears(_ top: inout FieldReader, into diagnostics: inout ScenarioDiagnostics) {
        if top.contains("years") {
            if listsScenarios {
                top.report(ScenarioError(at: top.position, field: "years", message: "a plan has either `years` or `scenarios`, not both",
                                         hint: "give each year its scenario file in `years`"))
            }
            if !declaresDiscountRate {
                top.report(ScenarioError(at: top.position, field: "years", message: "a plan over years needs a discount_rate",
                                         hint: "add discount_rate: 0.06 (say) and lifetime_years to every investment"))
            }
            let list = top.list("years") ?? []
            if top.list("years")?.isEmpty == true {
                top.report(ScenarioError(at: top.position, field: "years", message: "lists no year"))
            }
            for (i, entry) in list.enumerated() { readYear(entry, path: "years[\(i)]", into: &diagnostics) }
            checkYearOrder(into: &diagnostics)
        }
        guard top.contains("targets") else { return }
        if !top.contains("years") {
            top.report(ScenarioError(at: top.position, field: "targets", message: "targets need `years` (each target holds from its by_year)",
                                     hint: "for a plan of one year use corridor plan --min-capacity NAME=TEU"))
        }
        for (i, entry) in (top.list("targets") ?? []).enumerated() { readTarget(entry, path: "targets[\(i)]", into: &diagnostics) }
    }

    private mutating func readYear(_ yaml: YAMLNode, path: String, into diagnostics: inout ScenarioDiagnostics) {
        guard var reader = FieldReader(yaml, file: file, path: path, into: &diagnostics) else { return }
        let (entry, scenario) = Self.readYear(&reader)
        diagnostics.append(contentsOf: reader.problems)
        guard let entry else { return }
        years.append(YearEntry(year: entry, file: scenario.map { Self.resolve($0.value, against: file) } ?? file,
                               site: Site(path: path, position: reader.position)))
    }

    /// Reads one `years:` entry from its opened mapping: the year (nil when wrong) and its scenario file, if given.
    static func readYear(_ reader: inout FieldReader) -> (year: PlanYear?, file: Located<String>?) {
        reader.rejectUnknownKeys(allowed: Self.yearKeys)
        let year = Self.calendarYear(&reader, "year")
        let scenario = reader.word("file")
        let growth = reader.number("demand_growth", rule: .range(0.01...100, name: "a demand growth factor"))
        let weight = reader.number("weight", rule: .range(0...1000, name: "a weight"))
        let budget = reader.number("budget_usd")
        guard let year else { return (nil, scenario) }
        return (PlanYear(year: year, demandGrowth: growth ?? 1, weight: weight ?? 1, budgetUSD: budget), scenario)
    }

    /// A whole calendar year between 1900 and 2200, or nil (reported).
    private static func calendarYear(_ reader: inout FieldReader, _ key: String) -> Int? {
        reader.describe(key, .object([("minimum", 1900), ("maximum", 2200)]))
        guard let value = reader.integer(key, required: true) else { return nil }
        guard (1900...2200).contains(value.value) else {
            reader.report(ScenarioError(at: value.position, field: reader.fieldPath(key),
                                        message: "expected a calendar year between 1900 and 2200, found \(value.value)"))
            return nil
        }
        return value.value
    }

    /// Years must grow strictly from entry to entry.
    private func checkYearOrder(into diagnostics: inout ScenarioDiagnostics) {
        for (previous, entry) in zip(years, years.dropFirst()) where entry.year.year <= previous.year.year {
            let message = entry.year.year == previous.year.year
                ? "year \(entry.year.year) is listed twice" : "year \(entry.year.year) comes after \(previous.year.year)"
            diagnostics.append(ScenarioError(at: entry.site.position, field: "\(entry.site.path).year", message: message,
                                             hint: "list the years once each, in increasing order"))
        }
    }

    private mutating func readTarget(_ yaml: YAMLNode, path: String, into diagnostics: inout ScenarioDiagnostics) {
        guard var reader = FieldReader(yaml, file: file, path: path, into: &diagnostics) else { return }
        readTarget(fields: &reader)
        diagnostics.append(contentsOf: reader.problems)
    }

    /// Reads one `targets:` entry from its opened mapping; every problem stays in `reader`.
    mutating func readTarget(fields reader: inout FieldReader) {
        let path = reader.path
        reader.rejectUnknownKeys(allowed: Self.targetKeys)
        let transit = reader.contains("demand") || reader.contains("max_days")
        if transit {
            for key in ["corridor", "min_capacity_teu"] where reader.contains(key) {
                reader.report(ScenarioError(at: reader.position, field: reader.fieldPath(key),
                                            message: "a target is either a capacity (corridor, min_capacity_teu) or a transit time "
                                                + "(demand, max_days), not both",
                                            hint: "write two targets"))
            }
        }
        if reader.isDescribing {
            // A target is a capacity or a transit time: exactly one of the two pairs of keys.
            reader.describeMapping(.object([("oneOf", .array([
                .object([("required", .array([.string("corridor"), .string("min_capacity_teu")]))]),
                .object([("required", .array([.string("demand"), .string("max_days")]))]),
            ]))]))
        }
        let capacityKind = reader.isDescribing || !transit
        let transitKind = reader.isDescribing || transit
        let corridor = capacityKind ? reader.word("corridor", required: !reader.isDescribing) : nil
        reader.describe("min_capacity_teu", .object([("exclusiveMinimum", 0)]))
        let minimum = capacityKind ? reader.number("min_capacity_teu", required: !reader.isDescribing) : nil
        if let minimum, !(minimum > 0), let node = reader.value("min_capacity_teu") {
            reader.report(at: node, field: reader.fieldPath("min_capacity_teu"), "expected a capacity above 0 TEU/yr, found \(FieldReader.format(minimum))")
        }
        let demand = transitKind ? reader.word("demand", required: !reader.isDescribing) : nil
        reader.describe("max_days", .object([("exclusiveMinimum", 0)]))
        let days = transitKind ? reader.number("max_days", required: !reader.isDescribing) : nil
        if let days, !(days > 0), let node = reader.value("max_days") {
            reader.report(at: node, field: reader.fieldPath("max_days"), "expected a transit time above 0 days, found \(FieldReader.format(days))")
        }
        let year = Self.calendarYear(&reader, "by_year")
        if let year, let last = years.map(\.year.year).max(), year > last, let node = reader.value("by_year") {
            reader.report(at: node, field: reader.fieldPath("by_year"), "\(year) is after the plan's last year (\(last))",
                          hint: "add a `years` entry for \(year) or later")
        }
        guard let year else { return }
        if let demand, let days, days > 0 {
            targets.append(TargetEntry(target: .transit(TransitTarget(demand: demand.value, maxDays: days, byYear: year)),
                                       site: Site(path: "\(path).demand", position: demand.position)))
        }
        guard let corridor, let minimum, minimum > 0 else { return }
        let tags = corridor.value.split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
        let target = CapacityTarget(corridor: corridor.value, tags: tags, minimumTEU: minimum, byYear: year)
        targets.append(TargetEntry(target: .capacity(target), site: Site(path: "\(path).corridor", position: corridor.position)))
    }

    /// The target corridors and demands that `network` (the scenario of a year, in `scenarioFile`) does not have.
    func checkTargets(against network: Network, scenarioFile: String) -> [ScenarioError] {
        let known = Set(network.links.map(\.corridor)).subtracting(["shared"])
        let demands = network.demands.filter { !$0.isBackground }.map(\.id.rawValue)
        return targets.flatMap { entry -> [ScenarioError] in
            switch entry.target {
            case .capacity(let target):
                return target.tags.filter { !known.contains($0) }.map { tag in
                    ScenarioError(at: entry.site.position, field: entry.site.path, message: "no corridor '\(tag)' in \(scenarioFile)",
                                  hint: Suggestions.hint(for: tag, in: known.sorted()) ?? "expected one of \(known.sorted().joined(separator: ", "))")
                }
            case .transit(let target):
                guard !demands.contains(target.demand) else { return [] }
                let background = network.demands.contains { $0.isBackground && $0.id.rawValue == target.demand }
                let message = background
                    ? "demand '\(target.demand)' in \(scenarioFile) is background traffic, which a transit target cannot hold"
                    : "no demand '\(target.demand)' in \(scenarioFile)"
                return [ScenarioError(at: entry.site.position, field: entry.site.path, message: message,
                                      hint: Suggestions.hint(for: target.demand, in: demands) ?? "expected a China–Europe demand id")]
            }
        }
    }
}

extension PlanFile {
    /// An empty plan, for reading a `targets:` entry in describe mode (see `FileSchema`).
    static var blank: PlanFile {
        PlanFile(
            file: "", name: nil, catalog: InvestmentCatalog(investments: [], budgetUSD: 0, discountRate: nil),
            scenarios: [], budgetPosition: SourcePosition(file: "", line: 0, column: 0))
    }
}
