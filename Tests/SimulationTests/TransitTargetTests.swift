import CorridorTestSupport
import FlowFormulation
import FreightNetwork
import GLPK
import LinearProgramming
import Simulation
import Testing

/// Transit-time targets of a plan over years (``YearProgram``): a demand's flow-weighted days ≤ D from a year on,
/// solved by GLPK and checked by hand and against every build schedule.
@Suite("Investment plans over years: transit-time targets")
struct TransitTargetTests {
    typealias F = Fixtures
    let solver = GLPKSolver()

    /// A → Z, 100 TEU/yr at USD 0.1/TEU-day: FAST (A → Z, USD 50/TEU, 10 days, 40 TEU/yr) or the slow route
    /// A → M → Z (USD 5 + 5/TEU, 15 + 5 days, unlimited). Slow costs 10 + 0.1 × 20 = 12/TEU, fast 50 + 1 = 51.
    func years(_ count: Int = 3) throws -> [(year: PlanYear, scenario: PlanScenario)] {
        let network = try F.network(
            links: [
                F.link("A", "Z", cost: 50, time: 10, capacity: 40, id: "FAST"),
                F.link("A", "M", cost: 5, time: 15, id: "SLOW1"),
                F.link("M", "Z", cost: 5, time: 5, id: "SLOW2"),
            ],
            demands: [F.demand("A", "Z", teu: 100, vot: 0.1, id: "D")])
        return (0..<count).map { t in (PlanYear(year: 2025 + t), PlanScenario(name: "y\(2025 + t)", network: network, weight: 1)) }
    }

    @Test("Undelivered freight does not meet the target, and a demand sharing D's commodity does not count in it")
    func ownFreightOnly() throws {
        // D's unmet penalty is USD 1/TEU: without counting undelivered TEU against the target, leaving the 60 slow
        // TEU behind would meet it for USD 60/yr. E (A → M, same origin and value of time) would share D's commodity.
        let network = try F.network(
            links: [
                F.link("A", "Z", cost: 50, time: 10, capacity: 40, id: "FAST"),
                F.link("A", "M", cost: 5, time: 15, id: "SLOW1"),
                F.link("M", "Z", cost: 5, time: 5, id: "SLOW2"),
            ],
            demands: [F.demand("A", "Z", teu: 100, vot: 0.1, penalty: 1, id: "D"), F.demand("A", "M", teu: 50, vot: 0.1, id: "E")])
        let entries = (0..<3).map { t in (year: PlanYear(year: 2025 + t), scenario: PlanScenario(name: "y", network: network, weight: 1)) }
        let planner = YearPlanner(solver: solver, options: SolveOptions(mipGap: 0))
        var quiet = planner
        quiet.computesSensitivity = false
        let result = try quiet.plan(try quiet.years(entries, targets: [target(12)]), catalog(budget: 500), targets: [target(12)])
        for outcome in result.missed {
            #expect(outcome.unmetTEU == 0)
            #expect(isClose(try #require(outcome.transitDays), 16, tolerance: 1e-9), "D alone: 40 TEU at 10 days, 60 at 20")
            #expect(isClose(outcome.daysOver, 4, tolerance: 1e-9))
        }
        #expect(result.missed.count == 2)
    }

    @Test("A transit target on a demand the network does not have is an error, not a target left out")
    func unknownDemand() {
        let bad = PlanTarget.transit(TransitTarget(demand: "NOPE", maxDays: 12, byYear: 2026))
        #expect(throws: PlanError.self) { try plan(budget: 500, targets: [bad]) }
    }

    /// X: +60 TEU/yr on FAST (capex 1,000, no lead time); T: SLOW1 8 days faster (capex 2,000, lead 1 year).
    func catalog(budget: Double) -> InvestmentCatalog {
        InvestmentCatalog(
            investments: [
                Investment(id: "X", capexUSD: 1_000, effects: [.linkCapacity(Link.ID("FAST"), teu: 60)], lifetimeYears: 20,
                           leadTimeYears: 0),
                Investment(id: "T", capexUSD: 2_000, effects: [.upgradeLink(Link.ID("SLOW1"), costReductionUSDPerTEU: 0, timeReductionDays: 8)],
                           lifetimeYears: 20, leadTimeYears: 1),
            ],
            budgetUSD: budget, discountRate: 0.06)
    }

    func target(_ days: Double, by year: Int = 2026) -> PlanTarget { .transit(TransitTarget(demand: "D", maxDays: days, byYear: year)) }

    func plan(budget: Double, targets: [PlanTarget], sensitivity: Bool = false) throws -> YearPlanResult {
        var planner = YearPlanner(solver: solver, options: SolveOptions(mipGap: 0))
        planner.computesSensitivity = sensitivity
        return try planner.plan(try planner.years(try years(), targets: targets), catalog(budget: budget), targets: targets)
    }

    let crf = Appraisal.capitalRecoveryFactor(rate: 0.06, years: 20)
    let later = 1 / 1.06 + 1 / (1.06 * 1.06)

    @Test("A 12-day target met by building T in 2025 (lead 1): everything on the cut slow route, 12.0 days; BCR < 1 reported")
    func metByBuilding() throws {
        let free = try plan(budget: 10_000, targets: [])
        #expect(free.projects.map(\.buildYear) == [nil, nil], "neither project pays for itself")
        let result = try plan(budget: 10_000, targets: [target(12)])
        #expect(result.status == .optimal)
        #expect(result.projects.map(\.buildYear) == [nil, 2025])
        #expect(result.targets.map(\.year) == [2026, 2027])
        for outcome in result.targets {
            #expect(outcome.met && outcome.unmetTEU == 0 && outcome.daysOver == 0)
            #expect(isClose(try #require(outcome.transitDays), 12, tolerance: 1e-9))
        }
        // T costs 2,000 × CRF(6 %, 20) = 174.37/yr from 2025 and saves 8 days × 100 TEU × 0.1 = 80/yr from 2026.
        let cost = 2_000 * crf * (1 + later)
        let benefit = 80 * later
        #expect(isClose(try #require(result.objectiveValue), try #require(free.objectiveValue) + cost - benefit, tolerance: 1e-9))
        #expect(isClose(try #require(result.benefitCostRatio), benefit / cost, tolerance: 1e-9),
                "\(result.years.map { ($0.generalisedCostUSD, $0.generalisedCostWithoutUSD, $0.annualisedCapexUSD, $0.opexUSD) })")
        #expect(try #require(result.benefitCostRatio) < 1)
        #expect(result.shortfallPenaltyUSD == 0)
        // Each year without projects: all 100 TEU on the slow route at 12/TEU (read from the no-project solve's own
        // columns, which the target rows of earlier years do not shift).
        #expect(result.years.map(\.generalisedCostWithoutUSD) == [1_200, 1_200, 1_200])
    }

    @Test("An unreachable target: with no project affordable the best is 40 TEU at 10 days and 60 at 20, 16 days: 4 days over")
    func unreachable() throws {
        let result = try plan(budget: 500, targets: [target(12)])
        #expect(result.status == .optimal, "a missed target is an outcome, not an infeasible MIP")
        #expect(result.projects.map(\.buildYear) == [nil, nil])
        #expect(result.missed.map(\.year) == [2026, 2027])
        for outcome in result.missed {
            #expect(isClose(try #require(outcome.transitDays), 16, tolerance: 1e-9))
            #expect(isClose(outcome.daysOver, 4, tolerance: 1e-9))
            #expect(isClose(outcome.overTEUDays, 400, tolerance: 1e-9))
            #expect(outcome.unmetTEU == 0, "leaving slow freight behind does not meet a transit target")
        }
        #expect(isClose(result.shortfallPenaltyUSD, 800 * YearProgram.transitPenaltyUSDPerTEUDay, tolerance: 1e-9))
        #expect(result.missed.first?.target.label == "D transit <= 12 days by 2026")
    }

    @Test("Marginal value of the target: 13 days costs nothing less; 11 days needs X in 2026 too, 50 TEU on FAST")
    func marginalValue() throws {
        let result = try plan(budget: 10_000, targets: [target(12)], sensitivity: true)
        let base = try #require(result.objectiveValue)
        let row = try #require(result.sensitivity?.targets.first)
        #expect(row.map(\.value) == [13, 11])
        #expect(row.map(\.parameter) == [.transitTarget(0), .transitTarget(0)])
        #expect(row[0].buildYears == [nil, 2025])
        let looser = try #require(row[0].slope(from: base))
        #expect(abs(looser) < 1e-9)
        // At 11 days with T: 10f + 12(100 − f) ≤ 1,100 → f = 50 TEU on FAST at 51 − 11.2 = 39.8 more each, X's
        // annualised 87.18, in 2026 and 2027.
        #expect(row[1].buildYears == [2026, 2025] && row[1].missed == 0)
        let extra = (1_000 * crf + 50 * 39.8) * later
        #expect(isClose(try #require(row[1].objective) - base, extra, tolerance: 1e-9))
        #expect(isClose(try #require(row[1].slope(from: base)), -extra, tolerance: 1e-9), "USD per day of target")
    }

    @Test("A missed target is re-solved with no budget limit: 12 days is met by T (capex 2,000); 9 days is met by nothing")
    func whatItTakes() throws {
        let reachable = try plan(budget: 500, targets: [target(12)], sensitivity: true)
        let meeting = try #require(reachable.sensitivity?.unlimitedBudget)
        #expect(meeting.missedTargets.isEmpty && meeting.capexUSD == 2_000 && meeting.buildYears == [nil, 2025])
        #expect(meeting.value == 3_000, "the budget lifted to every candidate's capex")
        // Both projects in service (2027 only: T's lead time) give 100 TEU on FAST at 10 days at best: 9 is out of reach.
        let unreachable = try plan(budget: 500, targets: [target(9)], sensitivity: true)
        let never = try #require(unreachable.sensitivity?.unlimitedBudget)
        #expect(never.missedTargets == ["D transit <= 9 days by 2026"])
        let met = try plan(budget: 10_000, targets: [target(12)], sensitivity: true)
        #expect(met.sensitivity?.unlimitedBudget == nil, "no such re-solve when every target is met")
    }

    /// One year's cost of the min-cost flow with `fastCapacity` and the slow route at `slowDays`, and (when
    /// `maxDays` holds that year) the penalty on the TEU-days beyond it: the cost is convex and piecewise linear in
    /// the TEU on FAST, so its minimum is at 0, at the most FAST carries, or where the average meets the target.
    func yearCost(fastCapacity: Double, slowDays: Double, maxDays: Double?) -> Double {
        let slowUnit = 10 + 0.1 * slowDays
        let most = min(fastCapacity, 100)
        var candidates = [0, most]
        if let maxDays, slowDays > 10 { candidates.append(min(most, max(0, 100 * (slowDays - maxDays) / (slowDays - 10)))) }
        return candidates.map { f in
            let over = maxDays.map { max(0, 10 * f + slowDays * (100 - f) - $0 * 100) } ?? 0
            return f * 51 + (100 - f) * slowUnit + over * YearProgram.transitPenaltyUSDPerTEUDay
        }.min() ?? .infinity
    }

    @Test("An 11-day target by 2026 over three years: the MIP's optimum equals the best of all 16 build schedules")
    func bruteForce() throws {
        let result = try plan(budget: 10_000, targets: [target(11)])
        var best = Double.infinity
        let starts: [Int?] = [nil, 0, 1, 2]
        for x in starts {
            for t in starts {
                var total = 0.0
                for year in 0..<3 {
                    let w = [1, 1 / 1.06, 1 / (1.06 * 1.06)][year]
                    let capital = (x.map { $0 <= year } == true ? 1_000 * crf : 0) + (t.map { $0 <= year } == true ? 2_000 * crf : 0)
                    let cost = yearCost(fastCapacity: x.map { $0 <= year } == true ? 100 : 40,
                                        slowDays: t.map { $0 + 1 <= year } == true ? 12 : 20, maxDays: year >= 1 ? 11 : nil)
                    total += w * (capital + cost)
                }
                best = min(best, total)
            }
        }
        #expect(result.missed.isEmpty)
        #expect(isClose(try #require(result.objectiveValue), best, tolerance: 1e-9), "MIP \(String(describing: result.objectiveValue)), brute force \(best)")
    }
}
