import CorridorTestSupport
import FreightNetwork
import GLPK
import Simulation
import Testing

@Suite("Backtest: measuring observations in solved years")
struct BacktestTests {
    typealias F = Fixtures
    let simulator = Simulator(solver: GLPKSolver())

    /// A→B by the cheap "north" link (10 USD, 2 days, capacity `north`) or by "middle" through port M (20 USD
    /// then 5 USD, 3 + 4 days, no limit); `teu` at no value of time.
    func network(north: Double, teu: Double) throws -> Network {
        try F.network(
            links: [
                F.link("A", "B", cost: 10, time: 2, capacity: north, corridor: "north", id: "N"),
                F.link("A", "M", cost: 20, time: 3, corridor: "middle", id: "M1"),
                F.link("M", "B", cost: 5, time: 4, corridor: "middle", id: "M2"),
            ],
            demands: [F.demand("A", "B", teu: teu, id: "D")])
    }

    func observation(
        _ id: String, year: Int, _ metric: Observation.Metric, _ published: Observation.Published, factor: Double = 1,
        relativeTo: Int? = nil, tolerance: Observation.Tolerance
    ) -> Observation {
        Observation(
            id: id, year: year, metric: metric, published: published, unit: "u", scopeFactor: factor,
            relativeToYear: relativeTo, tolerance: tolerance, source: "[S0]")
    }

    // By hand: year 1, 100 TEU with north capped at 60: north 60, middle 40 (through M), share of middle
    // 40 %, middle 7 days and 25 USD/TEU. Year 2, 150 TEU with north at 60: middle 90; north 60/60 = 1.
    @Test("Hand-checked: corridor, node and link volumes, shares, days, costs and ratios between years")
    func handChecked() throws {
        let one = try network(north: 60, teu: 100)
        let two = try network(north: 60, teu: 150)
        let r1 = try simulator.run(one, scenario: "y1")
        let r2 = try simulator.run(two, scenario: "y2")
        func value(_ metric: Observation.Metric, _ r: FlowResult, _ n: Network) throws -> Double {
            try Backtest.measure(metric, in: r, network: n).get()
        }
        #expect(isClose(try value(.corridorTEU("north"), r1, one), 60))
        #expect(isClose(try value(.corridorTEU("middle"), r1, one), 40))
        #expect(isClose(try value(.corridorTEU("absent"), r1, one), 0))
        #expect(isClose(try value(.corridorShare("middle"), r1, one), 40))
        #expect(isClose(try value(.corridorDays("middle"), r1, one), 7))
        #expect(isClose(try value(.corridorCost("middle"), r1, one), 25))
        #expect(isClose(try value(.nodeTEU("M"), r1, one), 40))
        #expect(isClose(try value(.linkTEU("M2"), r2, two), 90))
        #expect(isClose(try value(.demandDays("D"), r1, one), (60 * 2 + 40 * 7) / 100))
        // With a corridor: the demand's freight on that corridor only (north 2 days, middle 7).
        #expect(isClose(try value(.demandDays("D", corridor: "north"), r1, one), 2))
        #expect(isClose(try value(.demandDays("D", corridor: "middle"), r1, one), 7))
        guard case .failure(let none) = Backtest.measure(.demandDays("D", corridor: "absent"), in: r1, network: one) else {
            Issue.record("days of a demand on a corridor it does not use must be missing")
            return
        }
        #expect(none.reason == "D sends nothing on absent")
        guard case .failure = Backtest.measure(.corridorDays("absent"), in: r1, network: one) else {
            Issue.record("days of a corridor that carries nothing must be missing")
            return
        }

        let observations = [
            // 40 observed, ±10 %: 36–44 holds 40.
            observation("in", year: 1, .corridorTEU("middle"), .value(40), tolerance: .percent(10)),
            // 80 published × 0.25 = 20, ±50 %: 10–30 misses 40.
            observation("out", year: 1, .corridorTEU("middle"), .value(80), factor: 0.25, tolerance: .percent(50)),
            // 90 / 40 = 2.25 against 2 ± 0.3.
            observation("ratio", year: 2, .corridorTEU("middle"), .value(2), relativeTo: 1, tolerance: .absolute(0.3)),
            // A range 6–8 days with no tolerance holds 7.
            observation("range", year: 1, .corridorDays("middle"), .range(6, 8), tolerance: .none),
            // Year 3 was not solved.
            observation("unsolved", year: 3, .corridorTEU("north"), .value(60), tolerance: .percent(10)),
        ]
        let result = Backtest.evaluate(
            file: "t.yaml", name: nil, observations: observations,
            years: [(year: 1, file: "1.yaml", network: one, result: r1), (year: 2, file: "2.yaml", network: two, result: r2)])
        #expect(result.rows.map(\.isInside) == [true, false, true, true, false])
        #expect(result.insideCount == 3)
        #expect(isClose(result.insidePercent, 60))
        #expect(result.observedYears == [1, 2, 3])
        #expect(isClose(try #require(result.rows[1].deviationPercent), 100))
        #expect(isClose(try #require(result.rows[2].model), 2.25))
        #expect(result.rows[4].model == nil && result.rows[4].missing == "year 3 was not solved")
        #expect(result.years.map(\.year) == [1, 2])
        #expect(isClose(try #require(result.years[1].overlandSharePercent["middle"]), 60))

        // The same observations with "in" and "out" marked as checking a calibrated parameter: the validation
        // count leaves them out (ratio and range inside, unsolved outside: 2 of 3).
        var marked = observations
        marked[0].calibrates = "north's capacity"
        marked[1].calibrates = "north's capacity"
        let split = Backtest.evaluate(
            file: "t.yaml", name: nil, observations: marked,
            years: [(year: 1, file: "1.yaml", network: one, result: r1), (year: 2, file: "2.yaml", network: two, result: r2)])
        #expect(split.insideCount == 3 && split.validationRows.map(\.observation.id) == ["ratio", "range", "unsolved"])
        #expect(split.validationInsideCount == 2)
        #expect(isClose(split.validationInsidePercent, 200.0 / 3))
        #expect(result.validationInsideCount == 3 && result.validationRows.count == 5)
    }

    // By hand: 100 TEU of D and 50 of its split part D.avoid-XX (as an `avoid_countries` change names it), A→B,
    // north (2 days) capped at 60: 60 TEU take 2 days and 90 take 7, whichever demand they belong to. The
    // demand's days are those of the whole: (60·2 + 90·7) / 150 = 5.
    @Test("Hand-checked: a demand's days count the parts an avoid_countries change split from it")
    func splitDemandDays() throws {
        let network = try F.network(
            links: [
                F.link("A", "B", cost: 10, time: 2, capacity: 60, corridor: "north", id: "N"),
                F.link("A", "M", cost: 20, time: 3, corridor: "middle", id: "M1"),
                F.link("M", "B", cost: 5, time: 4, corridor: "middle", id: "M2"),
            ],
            demands: [F.demand("A", "B", teu: 100, id: "D"), F.demand("A", "B", teu: 50, id: "D.avoid-XX")])
        let result = try simulator.run(network, scenario: "split")
        #expect(isClose(try Backtest.measure(.demandDays("D"), in: result, network: network).get(), 5))
    }

    @Test("Accepted ranges: a value widened by a percentage, a range by an absolute margin, scope factors first")
    func acceptedRanges() {
        let a = observation("a", year: 1, .corridorTEU("x"), .value(200), factor: 0.5, tolerance: .percent(25))
        #expect(a.observed == 100 && a.acceptedRange == 75...125)
        let b = observation("b", year: 1, .corridorDays("x"), .range(20, 10), tolerance: .absolute(1))
        #expect(b.observed == 15 && b.acceptedRange == 9...21)
        let c = observation("c", year: 1, .corridorTEU("x"), .value(-10), tolerance: .percent(10))
        #expect(c.acceptedRange == -11 ... -9)
    }
}
