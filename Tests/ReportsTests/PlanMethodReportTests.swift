import Simulation
import Testing

@testable import Reports

/// The plan report's "Method:" line: which method produced the plan, and its fallbacks.
@Suite("Plan report: the method line")
struct PlanMethodReportTests {
    @Test("By decomposition, by arc, and by arc after the decomposition fell back")
    func methodLines() {
        let decomposition = PlanMethod(kind: .periodBranchAndBound, solves: 6, decompositionSolves: 6, nodes: 12)
        #expect(
            PlanReport.methodLine(decomposition, solver: "GLPK 5.0")
                == "Method: branch-and-bound with period decomposition (6 solves: 6 by it over 12 nodes, 0 fell back to "
                + "GLPK 5.0's whole MIP)\n")
        #expect(
            PlanReport.methodLine(PlanMethod(kind: .arc, solves: 1), solver: "GLPK 5.0")
                == "Method: arc, GLPK 5.0's branch-and-cut on the whole MIP (1 solve)\n")
        let fellBack = PlanMethod(kind: .arc, solves: 7, decompositionSolves: 4, fallbacks: 3, nodes: 4)
        #expect(
            PlanReport.methodLine(fellBack, solver: "GLPK 5.0")
                == "Method: arc, GLPK 5.0's branch-and-cut on the whole MIP, where the branch-and-bound with period "
                + "decomposition proved nothing (7 solves: 4 by that search over 4 nodes, 3 fell back)\n")
    }
}
