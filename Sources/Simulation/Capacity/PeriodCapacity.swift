public import FreightNetwork

extension Network {
    /// The network as it stands in period `p` of `schedule`, at annual rates: each link's and node's
    /// capacity times its factor in that period (TEU/year); a factor of 0 closes it, also when
    /// unlimited (the rule of ``PeriodSchedule``, see ``PeriodSchedule/edits(inPeriod:)``).
    public func inPeriod(_ p: Int, of schedule: PeriodSchedule) -> Network {
        do {
            return try applying(schedule.edits(inPeriod: p))
        } catch {
            preconditionFailure("a period's copy of a valid network is valid: \(error)")
        }
    }
}

/// One corridor's capacity in each period of a seasonal scenario: the maximum flow of the period's
/// network at annual rates (TEU/year equivalent) and the TEU that rate carries in the period's days.
public struct PeriodCapacity: Sendable, Hashable {
    public struct Period: Sendable, Hashable {
        public var name: String
        public var days: Double
        /// The period's maximum flow and cut at annual rates (TEU/year equivalent).
        public var capacity: CorridorCapacity
        /// TEU the corridor can carry in the period: the rate × days / 365; nil when unlimited.
        public var teu: Double? { capacity.capacityTEU.map { $0 * days / 365 } }
    }

    public var periods: [Period]

    /// The period with the lowest rate (the first of equals); nil when every period is unlimited.
    public var lowest: Int? {
        var best: Int?
        for (i, period) in periods.enumerated() {
            guard let rate = period.capacity.capacityTEU else { continue }
            if best.map({ rate < periods[$0].capacity.capacityTEU! }) ?? true { best = i }
        }
        return best
    }

    /// TEU the corridor can carry over all the periods; nil when any period is unlimited.
    public var yearTEU: Double? {
        var total = 0.0
        for period in periods {
            guard let teu = period.teu else { return nil }
            total += teu
        }
        return total
    }

    /// The capacity of `selection` in every period of `schedule`, between `analysis`' sources and sinks
    /// (those still open in the period).
    public init(_ selection: CorridorSelection, analysis: CapacityAnalysis, schedule: PeriodSchedule)
        throws(CapacityError)
    {
        let network = analysis.network
        let ends = (
            analysis.sources.map { network.nodes[$0].id.rawValue }, analysis.sinks.map { network.nodes[$0].id.rawValue }
        )
        periods = []
        for (p, period) in schedule.periods.enumerated() {
            let capacity = try CapacitySweep.capacity(network.inPeriod(p, of: schedule), selection, ends)
            periods.append(Period(name: period.name, days: period.days, capacity: capacity))
        }
    }
}
