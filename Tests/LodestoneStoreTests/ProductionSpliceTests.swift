import Foundation
import LodestoneCore
@testable import LodestoneStore
import Testing

/// Joining two sources' production year by year: a year comes whole from one source.
@Suite struct ProductionSpliceTests {
    static let a = CountryCode(1), b = CountryCode(2), c = CountryCode(3)

    @Test func aNewerEditionSupersedesEveryYearItPublishes() {
        let older: ProductionSplice.Years = [2023: [Self.a: 10, Self.b: 5], 2024: [Self.a: 12, Self.b: 6, Self.c: 1]]
        let newer: ProductionSplice.Years = [2024: [Self.a: 14, Self.b: 7], 2025: [Self.a: 15]]
        let joined = ProductionSplice.supersede(older, with: newer)
        #expect(joined[2023] == older[2023])
        // C is in the older 2024 only: the year is the newer edition's, whole.
        #expect(joined[2024] == [Self.a: 14, Self.b: 7])
        #expect(joined[2025] == [Self.a: 15])
    }

    @Test func anotherCompilerExtendsOnlyPastTheLastYearWhenTheyAgree() throws {
        let primary: ProductionSplice.Years = [2023: [Self.a: 60, Self.b: 40], 2024: [Self.a: 62, Self.b: 38]]
        let addition: ProductionSplice.Years = [2024: [Self.a: 60, Self.b: 36, Self.c: 2], 2025: [Self.a: 65, Self.b: 35]]
        guard case .extended(let joined, let added, let agreement) = ProductionSplice.extend(primary, with: addition) else {
            Issue.record("expected an extension")
            return
        }
        #expect(added == [2025])
        #expect(joined[2024] == primary[2024], "the primary source keeps every year it has")
        #expect(joined[2025] == addition[2025])
        #expect(agreement.year == 2024)
        #expect(abs(agreement.totalRatio - 0.98) < 1e-12)
        // Shares 2024: primary A .62 B .38; addition A .6122 B .3673 C .0204 → ½(.0078 + .0127 + .0204).
        #expect(abs(agreement.shareDistance - 0.020_408) < 1e-5)
    }

    @Test(arguments: [
        ([2024: [a: 80.0, b: 40.0]] as ProductionSplice.Years, "totals differ by 20 %"),
        ([2024: [a: 40.0, b: 60.0]] as ProductionSplice.Years, "same total, shares differ by 22 %"),
    ])
    func seriesThatDisagreeInTheSharedYearAreNotJoined(overlap: ProductionSplice.Years, why: String) {
        let primary: ProductionSplice.Years = [2024: [Self.a: 62, Self.b: 38]]
        var addition = overlap
        addition[2025] = [Self.a: 70, Self.b: 40]
        guard case .disagree(let agreement) = ProductionSplice.extend(primary, with: addition) else {
            Issue.record("expected disagreement: \(why)")
            return
        }
        #expect(!agreement.holds && agreement.year == 2024)
    }

    @Test func noSharedYearOrNothingLaterIsNotAnExtension() {
        let primary: ProductionSplice.Years = [2023: [Self.a: 10]]
        if case .noSharedYear = ProductionSplice.extend(primary, with: [2025: [Self.a: 10]]) {} else { Issue.record("expected noSharedYear") }
        if case .nothingToAdd = ProductionSplice.extend(primary, with: [2022: [Self.a: 10], 2023: [Self.a: 10]]) {} else { Issue.record("expected nothingToAdd") }
        if case .noSharedYear = ProductionSplice.extend([:], with: [2025: [Self.a: 10]]) {} else { Issue.record("expected noSharedYear for an empty primary") }
    }

    @Test(arguments: [([2018, 2019, 2020, 2024], "2018–2020, 2024"), ([2025], "2025"), ([2023, 2025], "2023, 2025"), ([], "")])
    func yearsAreWrittenAsRuns(years: [Int], text: String) {
        #expect(ProductionSplice.yearsText(years) == text)
    }
}
