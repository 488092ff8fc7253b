import FreightNetwork
import LinearProgramming

extension InvestmentProgram {
    /// The TEU-days of one demand's delivered freight in a block, as linear terms of the plan's columns:
    ///
    ///     TEU-days(d) = Σ_a days_a·x[d,a] + dwell(o_d)·(teu(d) − u[d]) + Σ_S (dwell_S(o_d) − dwell(o_d))·o[d,S]
    ///
    /// with days_a the link's time plus its head node's dwell as they are with the link's projects built (an
    /// upgrade copy's or a service variant's), and o[d,S] the origin columns of projects that change the origin's
    /// dwell. Divided by the delivered TEU (teu − u) this is the flow-weighted transit `corridor run` reports for
    /// the demand, without congestion wait (which is not linear in one demand's flow).
    public struct TransitDays: Sendable {
        /// The terms in the plan's columns (flow, unmet and origin columns).
        public var terms: [LinearProgram.Term]
        /// The constant part, TEU-days/year: dwell(o_d) · teu(d).
        public var constant: Double
        /// The demand's unmet column in the plan's program.
        public var unmet: LinearProgram.Variable
        /// The demand's TEU/year in the block.
        public var teu: Double
        /// An upper bound on the days of any route of the demand without a cycle: the origin's longest dwell plus
        /// the days of every link its commodity may use.
        public var longestDays: Double

        /// The delivered freight's TEU-days/year in a solution.
        public func teuDays(_ solution: LPSolution) -> Double {
            terms.reduce(constant) { $0 + $1.coefficient * solution[$1.variable] }
        }

        /// The delivered TEU/year in a solution.
        public func delivered(_ solution: LPSolution) -> Double { max(0, teu - solution[unmet]) }
    }
}

extension ServiceBlockRows {
    /// The TEU-days terms of demand `d`, whose commodity in `flow` must hold `d` alone; nil when it does not.
    /// - Parameters:
    ///   - d: The demand's index in the block's network.
    ///   - flow: The block's flow program.
    ///   - mapped: Maps a column of the block's own program to the plan's.
    func transitDays(of d: Int, flow: FlowProgram, mapped: (LinearProgram.Variable) -> LinearProgram.Variable)
        -> InvestmentProgram.TransitDays?
    {
        guard let k = flow.commodities.firstIndex(where: { $0.demands == [d] }),
            let n = network.index(of: network.demands[d].from)
        else { return nil }
        let demand = network.demands[d]
        let dwell = network.nodes[n].dwellDays
        var terms: [LinearProgram.Term] = [.init(mapped(flow.unmet[d]), -dwell)]
        var longest = 0.0
        for column in flow.flow[k] {
            let (link, head) = changed(column.link)
            let days = link.timeDays + head.dwellDays
            terms.append(.init(mapped(column.variable), days))
            longest += max(0, days)
        }
        var originDwell = dwell
        for origin in origins where origin.demand == d {
            let changedDwell = InvestmentProgram.changed(network.nodes[n], by: origin.projects, catalog).dwellDays
            if changedDwell != dwell { terms.append(.init(mapped(origin.variable), changedDwell - dwell)) }
            originDwell = max(originDwell, changedDwell)
        }
        return InvestmentProgram.TransitDays(terms: terms, constant: dwell * demand.teu, unmet: mapped(flow.unmet[d]),
                                             teu: demand.teu, longestDays: longest + originDwell)
    }
}
