import FreightNetwork
import Testing

/// The discounted-cash-flow arithmetic of `corridor plan`'s economics, checked by hand.
@Suite("Appraisal: CRF, NPV, BCR and payback")
struct AppraisalTests {
    private func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool { abs(a - b) <= tolerance * max(1, abs(b)) }

    @Test("CRF and annuity factor at 6 % over 30 years, and at 0 %")
    func factors() {
        // 1.06^30 = 5.743491; CRF = 0.06 × 5.743491 / 4.743491 = 0.072649; AF = 1/CRF = 13.764831.
        #expect(close(Appraisal.capitalRecoveryFactor(rate: 0.06, years: 30), 0.072649, 1e-5))
        #expect(close(Appraisal.annuityFactor(rate: 0.06, years: 30), 13.764831, 1e-7))
        // r = 0: capex is spread evenly, CRF = 1/n, AF = n.
        #expect(Appraisal.capitalRecoveryFactor(rate: 0, years: 20) == 0.05)
        #expect(Appraisal.annuityFactor(rate: 0, years: 20) == 20)
        // One year at 10 %: repay 1.10 per USD.
        #expect(close(Appraisal.capitalRecoveryFactor(rate: 0.1, years: 1), 1.1))
    }

    @Test("A project at 6 % over 30 years: capex 100, opex 1/yr, benefit 10/yr")
    func project() throws {
        let a = Appraisal(capexUSD: 100, opexUSDPerYear: 1, lifetimeYears: 30, benefitUSDPerYear: 10, discountRate: 0.06)
        #expect(close(a.annualisedCostUSDPerYear, 8.264891))  // 100 × 0.0726489 + 1
        #expect(close(a.presentValueBenefitsUSD, 137.648312))  // 10 × 13.764831
        #expect(close(a.presentValueCostsUSD, 113.764831))  // 100 + 1 × 13.764831
        #expect(close(a.netPresentValueUSD, 23.883480))  // (10 − 1) × 13.764831 − 100
        #expect(close(try #require(a.benefitCostRatio), 1.209937))  // 137.648312 / 113.764831
        #expect(close(try #require(a.paybackYears), 100.0 / 9))  // 100 / (10 − 1)
    }

    @Test("At 0 %: capex 100, opex 1/yr, benefit 10/yr over 20 years; a loss-maker has no payback")
    func zeroRate() throws {
        let a = Appraisal(capexUSD: 100, opexUSDPerYear: 1, lifetimeYears: 20, benefitUSDPerYear: 10, discountRate: 0)
        #expect(a.annualisedCostUSDPerYear == 6)  // 100 / 20 + 1
        #expect(a.netPresentValueUSD == 80)  // 9 × 20 − 100
        #expect(close(try #require(a.benefitCostRatio), 200.0 / 120))
        let loser = Appraisal(capexUSD: 100, opexUSDPerYear: 5, lifetimeYears: 20, benefitUSDPerYear: 4, discountRate: 0.06)
        #expect(loser.paybackYears == nil)
        #expect(loser.netPresentValueUSD < 0)
        #expect(try #require(loser.benefitCostRatio) < 1)
    }

    @Test("BCR ≥ 1 exactly when the benefit covers the annualised cost (and NPV ≥ 0)")
    func equivalence() throws {
        for benefit in stride(from: 0.0, through: 20, by: 0.5) {
            let a = Appraisal(capexUSD: 100, opexUSDPerYear: 1, lifetimeYears: 30, benefitUSDPerYear: benefit, discountRate: 0.06)
            let ratio = try #require(a.benefitCostRatio)
            #expect((ratio >= 1) == (benefit >= a.annualisedCostUSDPerYear))
            #expect((a.netPresentValueUSD >= 0) == (ratio >= 1))
        }
    }

    @Test("A portfolio of parts with different lifetimes: BCR = benefit / Σ annualised cost")
    func portfolio() throws {
        // Part 1: capex 100, opex 1, 30 yr → a1 = 8.264891, AF 13.764831. Part 2: capex 200, 40 yr → CRF 0.0664615,
        // a2 = 13.292307, AF 15.046297. Benefit 30/yr: BCR = 30 / 21.557198 = 1.391647;
        // PV costs = 100 + 13.764831 + 200 = 313.764831; PV benefits = BCR × PV costs = 436.649735; NPV = 122.884904.
        let parts = [
            Appraisal.Part(capexUSD: 100, opexUSDPerYear: 1, lifetimeYears: 30),
            Appraisal.Part(capexUSD: 200, opexUSDPerYear: 0, lifetimeYears: 40),
        ]
        let a = Appraisal(parts: parts, benefitUSDPerYear: 30, discountRate: 0.06)
        #expect(close(a.annualisedCostUSDPerYear, 21.557198))
        #expect(close(try #require(a.benefitCostRatio), 1.391647))
        #expect(close(a.presentValueCostsUSD, 313.764831))
        #expect(close(a.netPresentValueUSD, 122.884904))
        #expect(close(try #require(a.paybackYears), 300.0 / 29))
        // Parts of one lifetime are one project.
        let same = Appraisal(parts: [parts[0], Appraisal.Part(capexUSD: 50, opexUSDPerYear: 2, lifetimeYears: 30)],
                             benefitUSDPerYear: 30, discountRate: 0.06)
        let one = Appraisal(capexUSD: 150, opexUSDPerYear: 3, lifetimeYears: 30, benefitUSDPerYear: 30, discountRate: 0.06)
        #expect(close(same.netPresentValueUSD, one.netPresentValueUSD))
        #expect(close(try #require(same.benefitCostRatio), try #require(one.benefitCostRatio)))
    }
}
