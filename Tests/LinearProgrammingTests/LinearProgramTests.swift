import LinearProgramming
import Testing

@Suite("Linear program")
struct LinearProgramTests {
    @Test func duplicateTermsAreMerged() {
        var lp = LinearProgram(sense: .minimize)
        let x = lp.addVariable("x")
        let y = lp.addVariable("y")

        let row = lp.addConstraint("r", [(x, 1), (y, 2), (x, 3)], bounds: .upper(4))

        #expect(lp[row].terms == [.init(x, 4), .init(y, 2)])
        #expect(lp.nonZeroCount == 2)
    }

    @Test func validProgramHasNoProblems() {
        var lp = LinearProgram(sense: .maximize)
        let x = lp.addVariable("x", bounds: .range(0, 3), cost: 3)
        lp.addConstraint("a", [(x, 1)], bounds: .upper(4))
        #expect(lp.validationProblems().isEmpty)
    }

    @Test("Malformed programs are described before any solver sees them")
    func problems() {
        var lp = LinearProgram(sense: .minimize)
        let x = lp.addVariable("x", bounds: .range(2, 1), cost: .nan)
        lp.addConstraint("r", [(x, .infinity), (LinearProgram.Variable(index: 7), 1)], bounds: .lower(.nan))
        lp.addVariable(String(repeating: "n", count: 300))

        let problems = lp.validationProblems()

        #expect(problems.count == 6)
        #expect(problems.contains("column 0 'x': lower bound 2.0 exceeds upper bound 1.0"))
        #expect(problems.contains("row 0 'r': column 7 out of range"))
        #expect(problems.contains("column 1: name longer than 255 bytes"))
    }

    @Test func boundsValues() {
        #expect(Bounds.free.lowerValue == -.infinity)
        #expect(Bounds.fixed(2).upperValue == 2)
        #expect(Bounds.range(1, 2).problem == nil)
        #expect(Bounds.upper(.infinity).problem != nil)
    }
}
