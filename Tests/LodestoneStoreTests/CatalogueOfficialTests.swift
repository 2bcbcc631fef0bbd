import Foundation
import LodestoneCore
@testable import LodestoneStore
import LodestoneTestSupport
import Testing

/// The US salient statistics of the real MCS 2026 data release (../shared/data/usgs-mcs2026),
/// read by the reader and put on each stage's basis by the catalogue's `official` mapping.
@Suite(.enabled(if: Fixtures.hasSharedData, Comment(rawValue: Fixtures.sharedDataReason))) struct CatalogueOfficialTests {
    static let applied = CatalogueUSGSTests.applied
    static let usa = CountryCode(842)

    static func statistic(_ data: NormalisedData, _ id: CommodityID, _ year: Int, _ measure: OfficialStatistic.Measure) -> OfficialStatistic? {
        data.official.first { $0.commodity == id && $0.country == usa && $0.year == year && $0.measure == measure }
    }

    @Test func salientFiguresAreReadWithTheirUnitsAndGaps() throws {
        let release = try USGSCommoditiesDataTests.release.get()
        let imports = try #require(release.salient[.init(commodity: "Gallium", statistic: "Imports for consumption: Metal")])
        #expect(imports[2024]?.amount == 11 && imports[2024]?.published == "11,000 kilograms")   // kilograms → tonnes
        let reliance = try #require(release.salient[.init(commodity: "Germanium", statistic: "Net import reliance as a percentage of estimated consumption")])
        #expect(reliance[2024]?.amount == nil && reliance[2024]?.published == ">50 percent")    // a bound is no amount
        let exports = try #require(release.salient[.init(commodity: "Gallium", statistic: "Exports")])
        #expect(exports[2024]?.amount == nil)                                                   // NA
        let copper = try #require(release.salient[.init(commodity: "Copper", statistic: "Imports for consumption: Refined")])
        #expect(copper[2024]?.amount == 903_000)                                                // thousand metric tons
        let sources = try #require(release.importSources[.init(commodity: "Germanium", statistic: "Combined total")])
        #expect(Set(sources.compactMap(\.country)) == [CountryCode(56), CountryCode(156), CountryCode(124), CountryCode(276)])
    }

    @Test func theMappingPutsFiguresOnTheStagesBasis() throws {
        let data = try Self.applied.get()
        #expect(Self.statistic(data, "gallium:refined", 2024, .imports)?.amount == 11)
        #expect(Self.statistic(data, "gallium:refined", 2024, .consumption)?.amount == 18.7)
        // Two series summed: compounds plus rare-earth metals and alloys, REO.
        #expect(Self.statistic(data, "rare-earth:refined", 2024, .imports)?.amount == 8_216)
        #expect(Self.statistic(data, "rare-earth:refined", 2024, .production)?.amount == 4_300)
        // Lithium content × 2.153 gives the stage's Li2O.
        let lithium = try #require(Self.statistic(data, "lithium:refined", 2024, .imports)?.amount)
        #expect(abs(lithium - 3_020 * 2.153) < 1e-6)
        let reliance = try #require(Self.statistic(data, "rare-earth:refined", 2024, .netImportReliance))
        #expect(reliance.amount == 0.53 && reliance.comparable)
        // Every form of cobalt is not the cobalt-oxide stage: shown, never used in its place.
        #expect(Self.statistic(data, "cobalt:refined", 2024, .imports)?.comparable == false)
        #expect(data.warnings.allSatisfy { !$0.message.contains("no US salient statistic") })
        #expect(Set(data.official.map(\.commodity)).count == 35)
        // Import sources: one share per named partner and year of 2021–24; "Other countries" is the remainder.
        let tin = data.official.filter { $0.commodity == "tin:refined" && $0.measure == .importShare && $0.year == 2024 }
        #expect(tin.count == 4 && abs(tin.reduce(0) { $0 + ($1.amount ?? 0) } - 0.83) < 1e-12)
        #expect(tin.first { $0.partner == CountryCode(604) }?.amount == 0.31)   // Peru
        #expect(Set(data.official.filter { $0.measure == .importShare }.map(\.year)) == [2021, 2022, 2023, 2024])
        #expect(Catalogue.years(ofPeriod: "2021–24") == [2021, 2022, 2023, 2024] && Catalogue.years(ofPeriod: "n/a").isEmpty)
        // Every source partner of the mapped stages is a country of the store, every period a span of years.
        #expect(data.warnings.allSatisfy { !$0.message.contains("import source") }, "\(data.warnings.filter { $0.message.contains("import source") })")
    }
}

/// The MCS 2025 salient tables (../shared/data/usgs-mcs2025/salient_commodity) beside the MCS 2026
/// edition: 2020 comes from them, and the newer edition wins the years both give.
@Suite(.enabled(if: Fixtures.hasSharedData, Comment(rawValue: Fixtures.sharedDataReason))) struct SalientTables2025Tests {
    static let folder = Fixtures.sharedData("usgs-mcs2025/salient_commodity")
    static let applied: Result<NormalisedData, any Error> = Result {
        var data = Fixtures.bundledData
        data.warnings = []
        var sources = CatalogueSources(usgsCommodities: try USGSCommoditiesData(path: Fixtures.sharedData("usgs-mcs2026/MCS2026_Commodities_Data.csv"),
                                                                                 countries: data.countries))
        try SourceSet.readUSGS(folder, into: &sources, data: &data, importedAt: "test")
        try Catalogue.bundled().apply(to: &data, sources: sources)
        return data
    }

    @Test func everyTableIsReadWithItsUnits() throws {
        var tables = USGSSalientTables()
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter({ $0.hasSuffix("_salient.csv") }) {
            try tables.add(data: try #require(FileManager.default.contents(atPath: Self.folder + "/" + name)), file: name)
        }
        #expect(tables.files.count == 85)                                   // bauxite's header says "Source": read too
        #expect(tables.figures[.init(commodity: "Gallium", column: "Imports_Metal_kg")]?[2020]?.amount == 4.43)
        #expect(tables.figures[.init(commodity: "Copper", column: "Imports_Refined_kt")]?[2024]?.amount == 810_000)
        let reliance = try #require(tables.figures[.init(commodity: "Germanium", column: "NIR_ct")]?[2024])
        #expect(reliance.amount == nil && reliance.isShare)                 // ">50": a bound, no amount
        #expect(tables.figures[.init(commodity: "Gallium", column: "Price_High-purity_dkg")] == nil)   // prices are not quantities
    }

    @Test func theNewerEditionWinsAndTheOlderAdds2020() throws {
        let data = try Self.applied.get()
        func figure(_ id: CommodityID, _ year: Int, _ measure: OfficialStatistic.Measure) -> OfficialStatistic? {
            data.official.first { $0.commodity == id && $0.year == year && $0.measure == measure }
        }
        #expect(figure("gallium:refined", 2020, .imports)?.amount == 4.43)
        #expect(figure("gallium:refined", 2020, .imports)?.source == "USGS MCS 2025 data release")
        // 2024 rare-earth compounds and metals: MCS 2025 said 1,300 t, MCS 2026 revised it to 4,300 t.
        #expect(figure("rare-earth:refined", 2024, .production)?.amount == 4_300)
        #expect(figure("rare-earth:refined", 2024, .production)?.source == "USGS MCS 2026 data release")
        #expect(data.warnings.allSatisfy { !$0.message.contains("MCS 2025 salient tables") })
    }
}
