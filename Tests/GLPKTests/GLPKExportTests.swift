import Foundation
import GLPK
import LinearProgramming
import Testing

@Suite("GLPK LP and MPS export", .tags(.glpk))
struct GLPKExportTests {
    /// Programs whose exported text glpsol must solve to the objective GLPKSolver finds.
    static let programs: [(name: String, program: LinearProgram)] = [
        ("textbook with constant", Programs.textbook(constant: 5)),
        ("min-cost flow", Programs.minCostFlow().program),
        ("knapsack MIP", Programs.knapsack()),
        ("transportation", Programs.transportation(size: 4)),
    ]

    @Test("glpsol solves the exported text to the same optimum", arguments: programs.indices, ["--lp", "--freemps"])
    func roundTripThroughGLPSol(index: Int, formatFlag: String) throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/glpsol"), "install glpk-utils")
        let (name, program) = Self.programs[index]
        let solver = GLPKSolver()
        let expected = try #require(try solver.solve(program).objective)

        let text = formatFlag == "--lp" ? try solver.exportCPLEXLP(program) : try solver.exportMPS(program)
        let senseArguments = formatFlag == "--freemps" && program.sense == .maximize ? ["--max"] : []
        let objective = try glpsolObjective(of: text, formatFlag: formatFlag, extraArguments: senseArguments)

        #expect(isClose(objective, expected), "\(name) \(formatFlag): glpsol said \(String(describing: objective))")
    }

    @Test("Exported names are sanitised, readable and unique")
    func readableNames() throws {
        var lp = LinearProgram(name: "corridor plan: base", sense: .minimize)
        let a = lp.addVariable("flow Moscow->Berlin", cost: 1)
        let b = lp.addVariable("x[1]", cost: 2)
        let c = lp.addVariable("x 1", cost: 3)
        let d = lp.addVariable("2nd", cost: 1)
        let e = lp.addVariable("e1", cost: 1)
        let f = lp.addVariable("bounds", cost: 1)
        let g = lp.addVariable("", cost: 1)
        let h = lp.addVariable("Łódź+cap^2*3", cost: 1)
        lp.addConstraint("cap:edge<=", [(a, 1), (b, 1), (c, 1), (d, 1)], bounds: .lower(1))
        lp.addConstraint("obj", [(e, 1), (f, 1), (g, 1), (h, 1)], bounds: .lower(1))
        lp.addConstraint("cap edge<=", [(a, 1), (c, 1)], bounds: .upper(10))

        let text = try GLPKSolver().exportCPLEXLP(lp)
        let mps = try GLPKSolver().exportMPS(lp)

        for name in [
            "flow_Moscow__Berlin", "x_1_", "x_1", "_2nd", "_e1", "_bounds", "x7", "__d__cap_2_3",
            "cap_edge__:", "obj_2:", "cap_edge___2:", "\\* Problem: corridor_plan__base *\\",
        ] {
            #expect(text.contains(name), "LP text lacks \(name):\n\(text)")
        }
        #expect(mps.contains("flow_Moscow__Berlin"))
        #expect(mps.contains("cap_edge___2"))
        #expect(!text.contains("->") && !text.contains("["))
        #expect(isClose(try glpsolObjective(of: text, formatFlag: "--lp"), 2))
        #expect(isClose(try glpsolObjective(of: mps, formatFlag: "--freemps"), 2))
    }

    @Test("The objective constant becomes a fixed column, the sense a comment in MPS")
    func constantAndSense() throws {
        let lp = Programs.textbook(constant: 5)

        let text = try GLPKSolver().exportCPLEXLP(lp)
        let mps = try GLPKSolver().exportMPS(lp)

        #expect(text.contains("Maximize"))
        #expect(text.contains("objective_constant = 1"))
        #expect(mps.hasPrefix("* Objective sense: MAXIMIZE"))
        #expect(mps.contains("objective_constant"))
    }
}
