public import FreightNetwork

/// One observation against the model.
public struct BacktestRow: Sendable, Hashable {
    public var observation: Observation
    /// The model's value in the observation's unit (a ratio for one relative to another year); nil when the
    /// model has none (no freight on the corridor, an unsolved year).
    public var model: Double?
    /// Whether ``model`` lies in the observation's accepted range.
    public var isInside: Bool
    /// (model − observed) / observed, in percent; nil without a model value or for an observed 0.
    public var deviationPercent: Double?
    /// Why there is no model value.
    public var missing: String?
}

/// One year's corridors, as the backtest solved them.
public struct BacktestYear: Sendable, Hashable {
    public var year: Int
    public var scenarioFile: String
    public var scenarioName: String
    public var status: SolveStatus
    /// Delivered China–Europe TEU/yr, average days and cost per corridor, in the result's corridor order.
    public var corridors: [CorridorSummary]
    /// Each overland corridor's percentage of the overland freight (sea and shared left out).
    public var overlandSharePercent: [String: Double]
    public var unmetTEU: Double
}

/// The model against every observation of an observations file.
public struct BacktestResult: Sendable, Hashable {
    /// The observations file.
    public var file: String
    public var name: String?
    public var years: [BacktestYear]
    public var rows: [BacktestRow]

    /// Observations inside tolerance.
    public var insideCount: Int { rows.count { $0.isInside } }
    /// The years observed.
    public var observedYears: [Int] { Array(Set(rows.map(\.observation.year))).sorted() }
    /// Percentage of observations inside tolerance.
    public var insidePercent: Double { rows.isEmpty ? 0 : Double(insideCount) / Double(rows.count) * 100 }
    /// The observations whose source sets no parameter (`Observation/calibrates` is nil): the model's test.
    public var validationRows: [BacktestRow] { rows.filter { $0.observation.calibrates == nil } }
    /// Of ``validationRows``, those inside tolerance.
    public var validationInsideCount: Int { validationRows.count { $0.isInside } }
    /// Percentage of ``validationRows`` inside tolerance.
    public var validationInsidePercent: Double {
        let rows = validationRows
        return rows.isEmpty ? 0 : Double(validationInsideCount) / Double(rows.count) * 100
    }
}

/// Measures observations in solved years (``BacktestResult``).
public enum Backtest {
    /// Corridor tags that are not overland routes: left out of `Observation/Metric/corridorShare(_:)`'s total.
    public static let nonOverlandTags: Set<String> = ["sea", "shared"]

    /// The backtest of `observations` against each year's solved `results` on its `networks`.
    public static func evaluate(
        file: String, name: String?, observations: [Observation], years: [(year: Int, file: String, network: Network, result: FlowResult)]
    ) -> BacktestResult {
        let byYear = Dictionary(years.map { ($0.year, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = observations.map { observation -> BacktestRow in
            func measured(_ year: Int) -> Result<Double, Missing> {
                guard let entry = byYear[year] else { return .failure(Missing("year \(year) was not solved")) }
                guard entry.result.status.hasSolution else {
                    return .failure(Missing("\(year): the scenario has no optimum (\(entry.result.status.rawValue))"))
                }
                return measure(observation.metric, in: entry.result, network: entry.network, background: observation.includesBackground)
            }
            var value = measured(observation.year)
            if let reference = observation.relativeToYear {
                value = value.flatMap { numerator in
                    measured(reference).flatMap { denominator in
                        denominator != 0 ? .success(numerator / denominator) : .failure(Missing("it is 0 in \(reference)"))
                    }
                }
            }
            return row(observation, value)
        }
        let summaries = years.map { entry in
            let corridors = entry.result.status.hasSolution ? entry.result.corridorSummaries : []
            let overland = corridors.filter { !nonOverlandTags.contains($0.corridor) }
            let total = overland.reduce(0) { $0 + $1.teu }
            return BacktestYear(
                year: entry.year, scenarioFile: entry.file, scenarioName: entry.result.scenario, status: entry.result.status,
                corridors: corridors,
                overlandSharePercent: Dictionary(uniqueKeysWithValues: overland.map { ($0.corridor, total > 0 ? $0.teu / total * 100 : 0) }),
                unmetTEU: entry.result.unmetTEU)
        }
        return BacktestResult(file: file, name: name, years: summaries, rows: rows)
    }

    /// Why a metric has no value.
    public struct Missing: Error, Sendable {
        public var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// The value of `metric` in `result` on `network` (`background`: node and link metrics count background traffic).
    public static func measure(
        _ metric: Observation.Metric, in result: FlowResult, network: Network, background: Bool = false
    ) -> Result<Double, Missing> {
        let summaries = { result.corridorSummaries }
        func corridor(_ tag: String) -> CorridorSummary? { summaries().first { $0.corridor == tag } }
        let routes = result.demands.flatMap(\.routes) + (background ? result.background.flatMap(\.routes) : [])
        switch metric {
        case .corridorTEU(let tag):
            return .success(corridor(tag)?.teu ?? 0)
        case .corridorShare(let tag):
            let overland = summaries().filter { !nonOverlandTags.contains($0.corridor) }.reduce(0) { $0 + $1.teu }
            guard overland > 0 else { return .failure(Missing("no freight goes overland")) }
            return .success((corridor(tag)?.teu ?? 0) / overland * 100)
        case .corridorDays(let tag):
            guard let c = corridor(tag), c.teu > 0 else { return .failure(Missing("no freight on \(tag)")) }
            return .success(c.avgTimeDays)
        case .corridorCost(let tag):
            guard let c = corridor(tag), c.teu > 0 else { return .failure(Missing("no freight on \(tag)")) }
            return .success(c.avgCostUSDPerTEU)
        case .nodeTEU(let node):
            return .success(routes.reduce(0) { $0 + ($1.nodes.contains(node) ? $1.teu : 0) })
        case .linkTEU(let link):
            let ids = Set(network.links.filter { $0.baseID == link }.map(\.id))
            return .success(routes.reduce(0) { $0 + ($1.links.contains(where: ids.contains) ? $1.teu : 0) })
        case .nodeCongestionDays(let node):
            return .success(result.nodes.first { $0.id == node }?.congestionDays ?? 0)
        case .demandDays(let demand, let corridor):
            // The demand with the parts an `avoid_countries` change split from it (`ID.avoid-…`), weighted by
            // delivered TEU: the observation is of the whole flow (with a corridor, of its routes there).
            let parts = result.demands.filter { Demand.isSame($0.id, orPartOf: demand) }
            if let corridor {
                let routes = parts.flatMap(\.routes).filter { $0.corridor == corridor && $0.teu > 0 }
                let teu = routes.reduce(0) { $0 + $1.teu }
                guard teu > 0 else { return .failure(Missing("\(demand) sends nothing on \(corridor)")) }
                return .success(routes.reduce(0) { $0 + $1.timeDays * $1.teu } / teu)
            }
            let delivered = parts.reduce(0) { $0 + ($1.avgTimeDays == nil ? 0 : $1.deliveredTEU) }
            guard delivered > 0 else { return .failure(Missing("\(demand) delivers nothing")) }
            return .success(parts.reduce(0) { $0 + ($1.avgTimeDays ?? 0) * $1.deliveredTEU } / delivered)
        }
    }

    private static func row(_ observation: Observation, _ value: Result<Double, Missing>) -> BacktestRow {
        switch value {
        case .success(let model):
            let observed = observation.observed
            return BacktestRow(
                observation: observation, model: model, isInside: observation.acceptedRange.contains(model),
                deviationPercent: observed != 0 ? (model - observed) / abs(observed) * 100 : nil, missing: nil)
        case .failure(let missing):
            return BacktestRow(observation: observation, model: nil, isInside: false, deviationPercent: nil, missing: missing.reason)
        }
    }
}
