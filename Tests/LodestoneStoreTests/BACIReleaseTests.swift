import Foundation
import LodestoneCore
@testable import LodestoneStore
import LodestoneTestSupport
import Testing

/// CEPII BACI release files: a former country's code that the release still uses for its
/// successor (Germany: BACI writes 280, the store's country list has 276 since 1991) is read as
/// the successor's, so Germany's HS17 trade is Germany's.
@Suite struct BACIReleaseTests {
    let countries = [
        Country(code: CountryCode(276), m49: 276, iso3: "DEU", name: "Germany"),
        Country(code: CountryCode(280), m49: 280, iso3: "DEU", name: "Fed. Rep. of Germany (...1990)", formerUntil: 1990),
        Country(code: CountryCode(156), m49: 156, iso3: "CHN", name: "China"),
    ]

    @Test func successorsPairFormerCodesWithTheCurrentCountryOfTheSameISO3() {
        let successors = BACIRelease.successors(in: countries)
        #expect(successors == [CountryCode(280): BACIRelease.Successor(code: CountryCode(276), after: 1990)])
    }

    @Test func flowsAfterTheFormerCountryEndedGoToItsSuccessor() throws {
        let file = Fixtures.temporaryDirectory().appendingPathComponent("BACI_HS17_Y2024_V202601.csv")
        try Data("t,i,j,k,v,q\n2024,156,280,811292,100,2.5\n2024,280,156,811292,10,0.5\n".utf8).write(to: file)
        let result = try BACIRelease.read(files: [file.path], codes: [811292], knownCountries: Set(countries.map(\.code)),
                                          successors: BACIRelease.successors(in: countries))
        #expect(result.flows.map(\.importer) == [CountryCode(276), CountryCode(156)])
        #expect(result.flows.map(\.exporter) == [CountryCode(156), CountryCode(276)])
        #expect(result.warnings.contains { $0.message.contains("code 280") && $0.message.contains("2 flows") })
        let unmapped = try BACIRelease.read(files: [file.path], codes: [811292], knownCountries: Set(countries.map(\.code)))
        #expect(unmapped.flows.map(\.importer) == [CountryCode(280), CountryCode(156)], "without successors the codes stay as written")
    }

    @Test func theBundledDataGiveGermanyItsHS17Imports() {
        let dataset = Fixtures.bundledDataset
        let germany = Importer(id: "DEU", name: "Germany", members: [CountryCode(276)])
        let gallium = try? dataset.importMix(for: germany, commodity: CommodityID("gallium:refined"), year: 2024)
        #expect((gallium?.totalTonnes ?? 0) > 10, "Germany imported about 51 t of unwrought gallium in 2024")
    }
}
