import Scenarios
import Testing

/// What `periods` accepts, as error messages say it.
private let periodShapes = "expected 'months', 'weeks' or a list of { name, days }"

/// Bad `periods`, `seasonality` and period scopes, in scenarios extending `Fixtures/network.yaml`
/// (the body starts on line 4).
@Suite("Scenario periods: errors")
struct PeriodErrorTests {
    private func diagnostics(_ body: String) -> String {
        Fixtures.diagnostics(Fixtures.extendingNetwork(body), file: Fixtures.path("inline.yaml"))
    }

    @Test("Every problem with periods, weights and scopes is reported in one pass, each at its field")
    func allAtOnce() {
        let text = """
            periods:
              - { name: winter, days: 90 }
              - { name: spring, days: 0 }
              - { name: winter, days: 30 }
              - { name: summer, days: -5, month: 6 }
              - { days: 10 }
            """
        #expect(
            diagnostics(text) == """
                inline.yaml:6:27: error: periods[1].days: expected a number of days > 0, found '0'
                inline.yaml:7:13: error: periods[2].name: duplicate period name 'winter' (first defined at line 5)
                inline.yaml:8:27: error: periods[3].days: expected a number of days > 0, found '-5'
                inline.yaml:8:31: error: periods[3].month: unknown key
                inline.yaml:9:5: error: periods[4].name: required field is missing
                """)
    }

    @Test("Weights and scopes are checked against the periods, with the nearest name suggested")
    func namesAndScopes() {
        let text = """
            periods: months
            seasonality:
              demand: { jan: 1, fbe: 0.7, aug: -1, dec: lots }
              supply: { jan: 1 }
            changes:
              - scale_capacity: { link: AKT-BAK, factor: 0.5, periods: [nov, dex] }
              - close: { node: AKT, periods: [jan, jan] }
              - add_delay: { link: DOS-AKT, days: 3, from: nov }
              - add_delay: { link: DOS-AKT, days: 3, to: feb, periods: [jan] }
              - add_delay: { link: DOS-AKT, days: 3, from: nov, to: febr }
              - scale_demand: { factor: 1.15, periods: [] }
              - scale_capacity: { link: AKT-BAK, factor: -1, periods: [jan] }
              - set_capacity: { link: AKT-BAK, capacity_teu: 1000, periods: [jan] }
              - add_surcharge: { link: AKT-BAK, usd_per_teu: 10, from: jan, to: feb }
              - add_storage: { node: AKT, teu: 100, periods: [jan] }
              - add_storage: { country: KZ, teu: -1 }
              - close: { node: AKX, periods: [jun] }
            """
        #expect(
            diagnostics(text) == """
                inline.yaml:6:21: error: seasonality.demand.fbe: unknown period 'fbe' (did you mean 'feb'?)
                inline.yaml:6:36: error: seasonality.demand.aug: expected a number ≥ 0, found '-1'
                inline.yaml:6:45: error: seasonality.demand.dec: expected a number, found 'lots'
                inline.yaml:7:3: error: seasonality.supply: unknown key
                inline.yaml:9:66: error: changes[0].scale_capacity.periods[1]: unknown period 'dex' (did you mean 'dec'?)
                inline.yaml:10:40: error: changes[1].close.periods[1]: period 'jan' listed twice
                inline.yaml:11:16: error: changes[2].add_delay.to: 'from' needs 'to': a period range names its first and last period
                inline.yaml:12:16: error: changes[3].add_delay.from: 'to' needs 'from': a period range names its first and last period
                inline.yaml:12:51: error: changes[3].add_delay.periods: give either 'periods' or 'from'/'to', not both
                inline.yaml:13:57: error: changes[4].add_delay.to: unknown period 'febr' (did you mean 'feb'?)
                inline.yaml:14:19: error: changes[5].scale_demand.periods: expected at least one period name
                inline.yaml:15:46: error: changes[6].scale_capacity.factor: expected a number ≥ 0, found '-1'
                inline.yaml:16:56: error: changes[7].set_capacity.periods: set_capacity cannot be limited to periods \
                (capacities change by period through factors: use 'scale_capacity' with 'periods')
                inline.yaml:17:54: error: changes[8].add_surcharge.from: add_surcharge cannot be limited to periods \
                (costs do not vary by period)
                inline.yaml:17:65: error: changes[8].add_surcharge.to: add_surcharge cannot be limited to periods \
                (costs do not vary by period)
                inline.yaml:18:41: error: changes[9].add_storage.periods: add_storage cannot be limited to periods \
                (storage is there all year)
                inline.yaml:19:20: error: changes[10].add_storage.country: add_storage selects by node only
                inline.yaml:19:38: error: changes[10].add_storage.teu: expected a number ≥ 0, found '-1'
                inline.yaml:20:20: error: changes[11].close.node: unknown node 'AKX' (did you mean 'AKT'?)
                """)
    }

    @Test(
        "The shape of 'periods' and 'seasonality' is checked",
        arguments: [
            ("periods: monthly", "4:10: error: periods: \(periodShapes), found 'monthly' (did you mean 'months'?)"),
            ("periods: []", "4:10: error: periods: expected at least one period, found an empty list"),
            ("periods:", "4:1: error: periods: \(periodShapes), found nothing"),
            ("periods: { jan: 31 }", "4:10: error: periods: \(periodShapes), found a mapping"),
            ("periods: [jan]", "4:11: error: periods[0]: expected a mapping, found 'jan'"),
            ("periods: months\nseasonality: [1, 2]", "5:14: error: seasonality: expected a mapping, found a list"),
            (
                "periods: [{ name: a, days: 100 }, { name: b, days: 265 }]\nseasonality: { demand: { a: 0, b: 0 } }",
                "5:24: error: seasonality.demand: every period has a weight of 0: no demand would ever be released"
            ),
            (
                """
                periods: [{ name: a, days: 200 }, { name: b, days: 200 }]
                changes:
                  - close: { node: AKT, periods: [c] }
                """,
                """
                4:10: warning: periods: the periods add up to 400 days, more than a year \
                (periods divide one year, whose capacities and demands are annual)
                inline.yaml:6:35: error: changes[0].close.periods[0]: unknown period 'c' (the periods are a, b)
                """
            ),
        ]
    )
    func shapes(body: String, expected: String) {
        #expect(diagnostics(body) == "inline.yaml:" + expected)
    }

    @Test("A period scope or seasonality without periods is an error; the same change without a scope is not")
    func scopeWithoutPeriods() {
        let text = """
            seasonality:
              demand: { jan: 2 }
            changes:
              - close: { node: AKT, periods: [jan] }
              - add_delay: { link: DOS-AKT, days: 3, from: nov, to: feb }
              - close: { node: AKT }
            """
        let needs = "needs 'periods' (in this file or a file it extends)"
        #expect(
            diagnostics(text) == """
                inline.yaml:5:3: error: seasonality: seasonality \(needs) (add 'periods: months')
                inline.yaml:7:25: error: changes[0].close.periods: a change limited to periods \(needs) \
                (declare 'periods: months', or leave 'periods' out to change the whole year)
                inline.yaml:8:42: error: changes[1].add_delay.from: a change limited to periods \(needs) \
                (declare 'periods: months', or leave 'from' out to change the whole year)
                """)
    }

    @Test("Factors that repeated period-scoped scaling pushes past 1e15 are errors at their record")
    func limits() {
        let text = """
            periods: months
            changes:
              - scale_capacity: { link: AKT-BAK, factor: 1e15, periods: [jan] }
              - scale_capacity: { link: AKT-BAK, factor: 1e15, periods: [jan] }
              - scale_demand: { demand: XIA-DUI, factor: 1e15, periods: [feb] }
              - scale_demand: { demand: XIA-DUI, factor: 10, periods: [feb] }
            """
        #expect(
            diagnostics(text) == """
                network.yaml:35:11: error: links[5]: after the period-scoped changes, its capacity factor in jan \
                is 1e+30, expected at most 1e15 (check the scale factors applied to it)
                network.yaml:40:5: error: demands[0]: after the period-scoped changes, its demand factor in feb \
                is 1e+16, expected at most 1e15 (check the scale factors applied to it)
                """)
    }

    @Test("A file may not redeclare the periods it inherits")
    func redeclared() {
        #expect(
            Fixtures.diagnostics(ofFixture: "seasonal-redeclared.yaml") == """
                seasonal-redeclared.yaml:4:1: error: periods: periods are inherited from the file this one extends \
                (declared at seasonal-base.yaml:5:10) (remove 'periods' here)
                """)
    }
}
