/// One year of a multi-year plan (a plan file's `years:` entry), without its network.
public struct PlanYear: Sendable, Hashable {
    /// The calendar year, e.g. 2027.
    public var year: Int
    /// The factor the year's China–Europe (freight) demands are multiplied by; background traffic is kept.
    public var demandGrowth: Double
    /// The year's weight in the objective before discounting (1: the year counts once).
    public var weight: Double
    /// Most capex that may start in this year, USD; nil: only the plan's total budget binds.
    public var budgetUSD: Double?

    public init(year: Int, demandGrowth: Double = 1, weight: Double = 1, budgetUSD: Double? = nil) {
        self.year = year
        self.demandGrowth = demandGrowth
        self.weight = weight
        self.budgetUSD = budgetUSD
    }

    /// `weight` discounted to `firstYear` at `rate`: weight / (1 + rate)^(year − firstYear).
    public func discountedWeight(rate: Double, firstYear: Int) -> Double {
        var factor = 1.0
        for _ in 0..<max(0, year - firstYear) { factor *= 1 + rate }
        return weight / factor
    }
}

/// A capacity target of a multi-year plan: a corridor's capacity (its maximum flow, as `corridor capacity`
/// measures it, TEU/year) must reach `minimumTEU` in every plan year from `byYear` on.
public struct CapacityTarget: Sendable, Hashable {
    /// The corridor as written (`middle`, or tags joined by commas).
    public var corridor: String
    /// The corridor tags whose links (with `shared` ones) carry the maximum flow.
    public var tags: [String]
    /// The capacity to reach, TEU/year.
    public var minimumTEU: Double
    /// The first year the target holds.
    public var byYear: Int

    public init(corridor: String, tags: [String], minimumTEU: Double, byYear: Int) {
        self.corridor = corridor
        self.tags = tags
        self.minimumTEU = minimumTEU
        self.byYear = byYear
    }

    /// `middle ≥ 200,000 TEU/yr by 2030`, in plain ASCII digits.
    public var label: String {
        "\(corridor) capacity >= \(Int(minimumTEU.rounded())) TEU/yr by \(byYear)"
    }
}

/// A transit-time target of a multi-year plan: the freight of one demand must be delivered, in every plan year
/// from `byYear` on, in at most `maxDays` on average (flow-weighted over its delivered TEU; link times plus the
/// dwell at every node handled, origin included, as `corridor run` reports a demand's days without congestion
/// wait). Freight left undelivered counts against the target.
public struct TransitTarget: Sendable, Hashable {
    /// The demand's id.
    public var demand: String
    /// The most average transit days allowed.
    public var maxDays: Double
    /// The first year the target holds.
    public var byYear: Int

    public init(demand: String, maxDays: Double, byYear: Int) {
        self.demand = demand
        self.maxDays = maxDays
        self.byYear = byYear
    }

    /// `X-CKG-DUI transit <= 15 days by 2030`, in plain ASCII.
    public var label: String {
        let days = maxDays == maxDays.rounded() ? String(Int(maxDays)) : String(maxDays)
        return "\(demand) transit <= \(days) days by \(byYear)"
    }
}

/// A target of a multi-year plan: a corridor's capacity or a demand's transit time.
public enum PlanTarget: Sendable, Hashable {
    case capacity(CapacityTarget)
    case transit(TransitTarget)

    /// The first year the target holds.
    public var byYear: Int {
        switch self {
        case .capacity(let target): target.byYear
        case .transit(let target): target.byYear
        }
    }

    /// The target in words (``CapacityTarget/label`` or ``TransitTarget/label``).
    public var label: String {
        switch self {
        case .capacity(let target): target.label
        case .transit(let target): target.label
        }
    }

    /// The capacity target, or nil for a transit target.
    public var capacity: CapacityTarget? {
        if case .capacity(let target) = self { return target }
        return nil
    }

    /// The transit target, or nil for a capacity target.
    public var transit: TransitTarget? {
        if case .transit(let target) = self { return target }
        return nil
    }
}
