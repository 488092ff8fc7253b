import CorridorTestSupport
import Foundation
import Testing

/// `corridor plan` says which method produced the plan (issue 17): the branch-and-bound with period
/// decomposition for seasonal scenarios, GLPK's whole MIP (`arc`) with `--method arc`, and how often the
/// search fell back to the whole MIP.
@Suite("corridor plan: the method reported")
struct PlanMethodCommandTests {
    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    private func count(_ report: [String: Any], _ key: String) -> Int? { (report[key] as? NSNumber)?.intValue }

    @Test("The bundled seasonal plan: branch-and-bound with period decomposition, no fallback")
    func bundledSeasonalPlan() throws {
        let outcome = try CLI.run([
            "plan", "Scenarios/plans/caspian-warehouse-seasonal.yaml", "--no-values", "--no-sensitivity", "--format", "json",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try json(outcome.stdout)
        #expect(report["status"] as? String == "optimal")
        #expect(report["method"] as? String == "branch-and-bound with period decomposition")
        // The MIP, its relaxation, the plan without the yard and the budget +10 %.
        #expect(count(report, "solves") == 4)
        #expect(count(report, "decomposition_solves") == 4)
        #expect(count(report, "fallbacks") == 0)
        // The plan's MIP takes 3 nodes (the relaxation builds 0.31 of the yard; then 0 and 1 unit).
        #expect((count(report, "nodes") ?? 0) >= 3 + 3)
    }

    @Test("The seasonal closure by default and with --method arc: the method in the JSON and the text")
    func closureBothMethods() throws {
        let file = "Tests/CorridorEndToEndTests/Fixtures/plan/warehouse-closure.yaml"
        let fast = try json(try CLI.run(["plan", file, "--no-values", "--format", "json"]).stdout)
        #expect(fast["method"] as? String == "branch-and-bound with period decomposition")
        #expect(count(fast, "fallbacks") == 0)
        #expect(count(fast, "decomposition_solves") == count(fast, "solves"))

        let arc = try json(try CLI.run(["plan", file, "--no-values", "--method", "arc", "--format", "json"]).stdout)
        #expect(arc["method"] as? String == "arc")
        #expect(count(arc, "solves") == count(fast, "solves"))
        #expect(count(arc, "decomposition_solves") == 0)
        #expect(count(arc, "fallbacks") == 0)
        #expect(arc["nodes"] is NSNull)
        #expect(arc["objective_value"] as? NSNumber == fast["objective_value"] as? NSNumber)

        let table = try CLI.run(["plan", file, "--no-values", "--method", "arc"])
        #expect(table.status == 0)
        #expect(table.stdout.contains(" (branch-and-cut)\n"))
        #expect(table.stdout.contains("'s branch-and-cut on the whole MIP ("))
        #expect(table.stdout.contains("\nMethod: arc, GLPK "))
        let decomposed = try CLI.run(["plan", file, "--no-values"])
        #expect(decomposed.stdout.contains("\nMethod: branch-and-bound with period decomposition ("))
        #expect(decomposed.stdout.contains(", 0 fell back to GLPK "))
        #expect(!decomposed.stdout.contains("branch-and-cut"))
    }

    @Test("An annual plan reports arc: GLPK's whole MIP, no search")
    func annualPlan() throws {
        let report = try json(try CLI.run(["plan", "Tests/CorridorEndToEndTests/Fixtures/plan/small.yaml", "--format", "json"]).stdout)
        #expect(report["method"] as? String == "arc")
        #expect((count(report, "solves") ?? 0) > 0)
        #expect(count(report, "decomposition_solves") == 0)
        #expect(count(report, "fallbacks") == 0)
    }
}
