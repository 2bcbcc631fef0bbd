import Foundation
import LodestoneCore
@testable import LodestoneStore
import LodestoneTestSupport
import Testing

/// The catalogue's stages on both real USGS releases (MCS 2025 world data, MCS 2026 commodities
/// data): which edition supplies which year, and where MCS 2026 may extend World Mining Data.
@Suite(.enabled(if: Fixtures.hasSharedData, Comment(rawValue: Fixtures.sharedDataReason))) struct CatalogueUSGSTests {
    static let applied: Result<NormalisedData, any Error> = Result {
        var data = Fixtures.bundledData
        data.warnings = []
        let countries = data.countries
        let world2025 = try USGSWorldData(path: Fixtures.sharedData("usgs-mcs2025/world_data/MCS2025_World_Data.csv"), countries: countries)
        let mcs2026 = try USGSCommoditiesData(path: Fixtures.sharedData("usgs-mcs2026/MCS2026_Commodities_Data.csv"), countries: countries)
        try Catalogue.bundled().apply(to: &data, sources: CatalogueSources(usgs: world2025, usgsCommodities: mcs2026))
        return data
    }

    static let china = CountryCode(156), congoKinshasa = CountryCode(180), congoBrazzaville = CountryCode(178)

    static func tonnes(_ data: NormalisedData, _ id: CommodityID, _ year: Int) -> [CountryCode: Double] {
        Dictionary(data.production.filter { $0.commodity == id && $0.year == year }.map { ($0.country, $0.tonnes) }, uniquingKeysWith: +)
    }

    @Test func galliumTakes2023FromMCS2025AndLaterYearsFromMCS2026() throws {
        let data = try Self.applied.get()
        // China: 621 t in MCS 2025 for 2023 (750 t for 2024, revised to 839 t by MCS 2026); 900 t estimated for 2025.
        #expect(close(Self.tonnes(data, "gallium:refined", 2023)[Self.china], 621))
        #expect(close(Self.tonnes(data, "gallium:refined", 2024)[Self.china], 839))
        #expect(close(Self.tonnes(data, "gallium:refined", 2025)[Self.china], 900))
        let gallium = try #require(data.commodities.first { $0.id == "gallium:refined" })
        #expect(gallium.productionSeries == "USGS MCS 2025: Gallium, Primary production (2023); USGS MCS 2026: Gallium, Primary production (2024–2025)")
    }

    @Test func tantalumFromCongoKinshasaIsNotCreditedToCongoBrazzaville() throws {
        let data = try Self.applied.get()
        for year in [2023, 2024, 2025] {
            let tantalum = Self.tonnes(data, "tantalum:metal", year)
            #expect(tantalum[Self.congoKinshasa] ?? 0 > 0, "\(year)")
            #expect(tantalum[Self.congoBrazzaville] == nil, "\(year)")
        }
    }

    @Test func worldMiningDataKeepsItsYearsAndIsExtendedWhereTheSourcesAgree() throws {
        let data = try Self.applied.get()
        // Tellurium: World Mining Data to 2024 unchanged, USGS MCS 2026 refinery production for 2025.
        let reference = Dictionary(data.production.filter { $0.commodity == "tellurium" && $0.year == 2024 }.map { ($0.country, $0.tonnes) }, uniquingKeysWith: +)
        #expect(Self.tonnes(data, "tellurium:refined", 2024) == reference)
        #expect(close(Self.tonnes(data, "tellurium:refined", 2025)[Self.china], 800))
        let tellurium = try #require(data.commodities.first { $0.id == "tellurium:refined" })
        #expect(tellurium.productionSeries.contains("World Mining Data: Tellurium (2018–2024); USGS MCS 2026: Tellurium, Refinery production (2025)"))
        // A stand-in follows its stage: tungsten metal borrows tungsten mine production, 2025 included.
        #expect(Self.tonnes(data, "tungsten:metal", 2025) == Self.tonnes(data, "tungsten:mine", 2025))
        #expect(!Self.tonnes(data, "tungsten:mine", 2025).isEmpty)
    }

    @Test func seriesThatDisagreeWithWorldMiningDataAreLeftAtItsLastYearWithAWarning() throws {
        let data = try Self.applied.get()
        for id in ["antimony:mine", "copper:mine", "gold:mine", "selenium:refined"] {
            #expect(Self.tonnes(data, CommodityID(id), 2025).isEmpty, "\(id)")
            #expect(data.warnings.contains { $0.location == "catalogue \(id)" && $0.message.contains("not joined") }, "\(id)")
        }
    }

    @Test func referenceStagesAreExtendedInTheirOwnUnit() throws {
        let data = try Self.applied.get()
        let aluminium = data.production.filter { $0.commodity == "aluminium:refined" && $0.year == 2025 }
        // MCS 2026: China's smelter production 2025 is 45,000 thousand metric tons (estimated).
        #expect(close(aluminium.first { $0.country == Self.china }?.tonnes, 45_000_000))
        #expect(aluminium.allSatisfy { close($0.publishedAmount, $0.tonnes) }, "aluminium is published in metric tonnes")
        // World Mining Data's own years stay record for record, zero figures included.
        for id in ["aluminium", "selenium"] {
            let reference = data.production.filter { $0.commodity.rawValue == id }
            let stage = data.production.filter { $0.commodity.rawValue == "\(id):refined" && $0.year <= 2024 }
            #expect(stage.count == reference.count && reference.contains { $0.tonnes == 0 }, "\(id)")
        }
    }

    @Test func theCatalogueRefusesJoinsItCannotMake() throws {
        let bundled = try Catalogue.bundled()
        try bundled.validate()
        let series = Catalogue.ProductionSource.USGSCommodities(commodity: "Nickel", statistic: "Mine production")
        var withShares = bundled
        let family = try #require(withShares.families.firstIndex { $0.family == "nickel" })
        let stage = try #require(withShares.families[family].stages.firstIndex { $0.production?.bgs != nil })
        withShares.families[family].stages[stage].production?.usgsCommodities = series
        #expect(throws: StoreError.self) { try withShares.validate() }
        var coveredReference = bundled
        coveredReference.referenceStages = ["nickel": Catalogue.ProductionSource(usgsCommodities: series)]
        #expect(throws: StoreError.self) { try coveredReference.validate() }
    }

    @Test func noImportExceedsWorldProductionOnTheSameBasis() throws {
        let data = try Self.applied.get()
        #expect(!data.warnings.contains { $0.location.hasPrefix("consistency") }, "\(data.warnings.filter { $0.location.hasPrefix("consistency") }.prefix(5))")
    }
}
