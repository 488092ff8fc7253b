import CorridorTestSupport
import FlowFormulation
import FreightNetwork
import GLPK
import LinearProgramming
import Simulation
import Testing

/// `corridor`'s optimum on random networks against oracles that share none of its code:
/// a dense simplex over a per-demand LP written from docs/model.md, and successive shortest paths
/// on a node-split graph (no LP at all).
@Suite("Properties: optima against independent oracles")
struct OptimumPropertyTests {
    let simulator = Simulator(solver: GLPKSolver())

    @Test("Min-cost: flows are feasible, and the optimum equals a reference simplex on a per-demand LP")
    func minCostEqualsReferenceLP() async {
        var cases = (all: 0, binding: 0, unmet: 0, split: 0)
        await checkProperty(seed: 1, input: NetworkGen.networks(.multiCommodity)) { spec, label in
            let network = try spec.network()
            let result = try simulator.run(network, scenario: label)
            cases.all += 1
            if !result.binding.isEmpty { cases.binding += 1 }
            if result.unmetTEU > 0 && result.deliveredTEU > 0 { cases.unmet += 1 }
            if result.demands.contains(where: { $0.routes.count > 1 }) { cases.split += 1 }

            try #require(result.status == .optimal, "\(label): \(spec)")
            #expect(flowViolations(result, network) == [], "\(label): \(spec)")
            let reference = ReferenceFlowLP.minCost(network)
            guard case .optimal(let expected) = reference else {
                Issue.record("\(label): the reference LP says \(reference): \(spec)")
                return
            }
            let objective = try #require(result.objectiveValue)
            #expect(
                isClose(objective, expected, tolerance: 1e-6),
                "\(label): corridor \(objective), reference \(expected): \(spec)")
            let priced = routeCost(result, network)
            #expect(
                isClose(priced, objective, tolerance: 1e-6),
                "\(label): routes cost \(priced), objective \(objective): \(spec)")
        }
        // The generator must keep producing hard cases: binding capacities, partly met demand, split routes.
        #expect(
            cases.binding * 5 >= cases.all && cases.unmet * 10 >= cases.all && cases.split * 10 >= cases.all,
            "too few hard cases: \(cases)")
    }

    @Test("Min-cost, one origin and one value of time: the optimum equals a min-cost flow by successive shortest paths")
    func singleCommodityEqualsMinCostFlow() async {
        await checkProperty(seed: 2, input: NetworkGen.networks(.singleOrigin(sameValueOfTime: true))) { spec, label in
            let network = try spec.network()
            let result = try simulator.run(network, scenario: label)

            try #require(result.status == .optimal, "\(label): \(spec)")
            #expect(flowViolations(result, network) == [], "\(label): \(spec)")
            var graph = SplitGraph(network, vot: 50, includeUnmet: true)
            let sent = graph.minCostFlow(amount: result.demandTEU)
            let expected = try #require(sent, "\(label): \(spec)")
            let objective = try #require(result.objectiveValue)
            #expect(
                isClose(objective, expected, tolerance: 1e-7),
                "\(label): corridor \(objective), reference \(expected): \(spec)")
        }
    }

    @Test("Min-cost with capacities from 1 to 1e9 TEU/year and costs from 0.01 to 1e6 USD/TEU in one model")
    func wideRangeEqualsMinCostFlow() async {
        await checkProperty(count: 40, seed: 3, input: NetworkGen.networks(.wideRange)) { spec, label in
            let network = try spec.network()
            let result = try simulator.run(network, scenario: label)

            try #require(result.status == .optimal, "\(label): \(spec)")
            #expect(flowViolations(result, network) == [], "\(label): \(spec)")
            var graph = SplitGraph(network, vot: 50, includeUnmet: true)
            let sent = graph.minCostFlow(amount: result.demandTEU)
            let expected = try #require(sent, "\(label): \(spec)")
            let objective = try #require(result.objectiveValue)
            #expect(
                isClose(objective, expected, tolerance: 1e-6),
                "\(label): corridor \(objective), reference \(expected): \(spec)")
        }
    }

    @Test("Max throughput: flows are feasible, and the delivered TEU equal the reference simplex's maximum")
    func maxThroughputEqualsReferenceLP() async {
        await checkProperty(seed: 4, input: NetworkGen.networks(.multiCommodity)) { spec, label in
            let network = try spec.network()
            let result = try simulator.run(network, scenario: label, objective: .maxThroughput)

            try #require(result.status == .optimal, "\(label): \(spec)")
            #expect(flowViolations(result, network) == [], "\(label): \(spec)")
            let reference = ReferenceFlowLP.maxDelivered(network)
            guard case .optimal(let expected) = reference else {
                Issue.record("\(label): the reference LP says \(reference): \(spec)")
                return
            }
            #expect(
                isClose(result.deliveredTEU, expected, tolerance: 1e-7),
                "\(label): corridor \(result.deliveredTEU), reference \(expected): \(spec)")
        }
    }

    @Test("Min-cost with background traffic: the optimum equals the reference simplex, with freight reported apart")
    func backgroundEqualsReferenceLP() async {
        var withBackground = 0
        await checkProperty(seed: 5, input: NetworkGen.networks(.multiCommodity)) { spec, label in
            let network = try spec.network(backgroundEvery: 2)
            let result = try simulator.run(network, scenario: label)
            if !result.background.isEmpty { withBackground += 1 }

            try #require(result.status == .optimal, "\(label): \(spec)")
            #expect(flowViolations(result, network) == [], "\(label): \(spec)")
            // The reference knows nothing of background: to it, every demand is a demand.
            let reference = ReferenceFlowLP.minCost(network)
            guard case .optimal(let expected) = reference else {
                Issue.record("\(label): the reference LP says \(reference): \(spec)")
                return
            }
            let objective = try #require(result.objectiveValue)
            #expect(
                isClose(objective, expected, tolerance: 1e-6),
                "\(label): corridor \(objective), reference \(expected): \(spec)")
            let priced = routeCost(result, network)
            #expect(
                isClose(priced, objective, tolerance: 1e-6),
                "\(label): routes cost \(priced), objective \(objective): \(spec)")
            let freightTEU = network.freightDemands.reduce(0) { $0 + $1.teu }
            #expect(isClose(result.demandTEU, freightTEU, tolerance: 1e-9), "\(label): demand \(result.demandTEU)")
        }
        #expect(withBackground > 0, "no generated network had background traffic")
    }

    /// What the reported routes and unmet volumes cost: Σ route TEU × (its USD/TEU + value of
    /// time × its days) + Σ unmet × penalty, in USD/year.
    private func routeCost(_ result: FlowResult, _ network: Network) -> Double {
        let reported = Dictionary((result.demands + result.background).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return zip(network.demands.compactMap { reported[$0.id] }, network.demands).reduce(0) { total, pair in
            let (reported, demand) = pair
            let routes = reported.routes.reduce(0) {
                $0 + $1.teu * ($1.costUSDPerTEU + demand.valueOfTimeUSDPerTEUDay * $1.timeDays)
            }
            return total + routes + reported.unmetTEU * demand.unmetPenaltyUSDPerTEU
        }
    }
}
