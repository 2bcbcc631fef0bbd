import Foundation
import LodestoneCore
@testable import LodestoneStore
import LodestoneTestSupport
import Testing

/// The reader on the real MCS 2026 data release (../shared/data/usgs-mcs2026). Expected figures
/// are those of MCS2026_Commodities_Data.csv (doi:10.5066/P1WKQ63T), rows cited by line.
@Suite(.enabled(if: Fixtures.hasSharedData, Comment(rawValue: Fixtures.sharedDataReason))) struct USGSCommoditiesDataTests {
    static let path = Fixtures.sharedData("usgs-mcs2026/MCS2026_Commodities_Data.csv")
    static let release = Result { try USGSCommoditiesData(path: path, countries: Fixtures.bundledData.countries) }

    static let china = CountryCode(156), japan = CountryCode(392), russia = CountryCode(643), usa = CountryCode(842)
    static let congoKinshasa = CountryCode(180), congoBrazzaville = CountryCode(178), coteDIvoire = CountryCode(384)

    /// Tonnes agree to a part in 10⁹ (unit conversions multiply by 0.001, 1 or 1000).
    @Test func chinasLowPurityGalliumIsReadInTonnes() throws {
        let gallium = try Self.release.get().tonnes(commodity: "Gallium", statistic: "Primary production")
        // Lines 2551 and 2557: 839,000 kg in 2024, 900,000 kg in 2025.
        #expect(close(gallium[Self.china]?[2024], 839))
        #expect(close(gallium[Self.china]?[2025], 900))
        #expect(close(gallium[Self.japan]?[2025], 3))
        #expect(close(gallium[Self.russia]?[2025], 6))
        // "—" for the United States and the "Other countries" and "World total" rows make no record.
        #expect(gallium[Self.usa] == nil)
        #expect(Set(gallium.keys) == [Self.china, Self.japan, Self.russia])
    }

    @Test func copperRefineryProductionGoesToCongoKinshasaNotBrazzaville() throws {
        let refined = try Self.release.get().tonnes(commodity: "Copper", statistic: "Refinery production")
        // Thousand metric tons: Congo (Kinshasa) 2,560 in 2024, China 12,400.
        #expect(close(refined[Self.congoKinshasa]?[2024], 2_560_000))
        #expect(close(refined[Self.china]?[2024], 12_400_000))
        #expect(refined[Self.congoBrazzaville] == nil)
        #expect(refined.count == 17)
    }

    @Test func nonASCIICountryNamesAreDecodedFromWindows1252() throws {
        let release = try Self.release.get()
        #expect(release.encoding == "Windows-1252")
        // Line 4613: "Côte d’Ivoire" (bytes F4 and 92), manganese 350 thousand metric tons in 2025.
        let manganese = release.tonnes(commodity: "Manganese", statistic: "Mine production")
        #expect(close(manganese[Self.coteDIvoire]?[2025], 350_000))
        // Read as UTF-8 the same bytes lose both characters, and the name matches no country.
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.path))
        let lossy = String(decoding: data, as: UTF8.self)
        #expect(!lossy.contains("Côte d’Ivoire") && lossy.contains("C\u{FFFD}te d\u{FFFD}Ivoire"))
        #expect(CountryLookup(Fixtures.bundledData.countries).code(for: "C\u{FFFD}te d\u{FFFD}Ivoire") == nil)
    }

    @Test func countsMatchTheRelease() throws {
        let release = try Self.release.get()
        #expect(release.counts.rows == 8_886)
        // World production rows by country: 2,354 less 190 "World total" and 136 "Other countries".
        #expect(release.counts.productionRows == 2_028)
        #expect(release.counts.amounts == 1_806)
        #expect(release.counts.zeros == 115)
        #expect(release.counts.gaps == ["W": 28, "NA": 18, "s": 5])
        #expect(release.series.count == 107)
        #expect(release.years == [2024, 2025])
        #expect(release.edition == 2026)
    }

    @Test func withheldAndUnavailableFiguresAreGapsNotZeros() throws {
        let release = try Self.release.get()
        // Line 4236: United States lithium mine production 2024 is "W".
        #expect(release.tonnes(commodity: "Lithium", statistic: "Mine production")[Self.usa] == nil)
        // No figure anywhere is stored as zero or less.
        #expect(release.series.values.allSatisfy { $0.values.allSatisfy { $0.values.allSatisfy { $0 > 0 && $0.isFinite } } })
    }

    @Test func everyCountryIsKnownAndOnlyUnitsWithoutMassAreWarned() throws {
        let warnings = try Self.release.get().warnings
        #expect(!warnings.contains { $0.message.contains("country list") }, "\(warnings)")
        let units = warnings.filter { $0.message.contains("no mass conversion") }
        #expect(units.count == 6)  // industrial diamond, gemstones, helium, neon, krypton, xenon
        #expect(units.allSatisfy { $0.location.hasPrefix("MCS2026_Commodities_Data.csv:") })
        #expect(warnings.count == 7, "the six units and the summary of gaps: \(warnings)")
    }
}
