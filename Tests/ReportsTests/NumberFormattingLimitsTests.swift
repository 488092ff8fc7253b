import Reports
import Testing

@Suite("Number formatting limits")
struct NumberFormattingLimitsTests {
    @Test("Values beyond Int64 do not trap; normal values keep their grouping")
    func hugeValues() {
        #expect(NumberFormatting.grouped(1e30) == "1e+30")
        #expect(NumberFormatting.fixed(-2e20, 1) == "-2e+20")
        #expect(NumberFormatting.grouped(1_234_567.8) == "1,234,568")
        #expect(NumberFormatting.fixed(3.14159, 2) == "3.14")
    }
}
