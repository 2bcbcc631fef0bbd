import Foundation
import LodestoneCore
@testable import LodestoneStore
import LodestoneTestSupport
import Testing

/// The MCS commodities-data reader on small hand-made files: bad rows are located warnings,
/// a file of another layout is refused, gaps never become zeros.
@Suite struct USGSCommoditiesDataMalformedTests {
    static let header = "MCS chapter,Section,Commodity,Country,Statistics,Statistics_detail,Unit,Year,Value,Notes,Is critical mineral 2025,Other notes"
    static let china = CountryCode(156), coteDIvoire = CountryCode(384)

    /// A world-production row of the release's layout.
    static func row(_ country: String = "China", value: String = "900,000", unit: String = "kilograms", year: String = "2025",
                    commodity: String = "Gallium", statistic: String = "Primary production",
                    section: String = "World Low-Purity Production and Production Capacity", statistics: String = "Production") -> String {
        CSVTable.line(["GALLIUM", section, commodity, country, statistics, statistic, unit, year, value, "", "Yes", ""])
    }

    /// The text as the USGS writes it: Windows-1252 (only the characters these tests use).
    static func windows1252(_ text: String) -> Data {
        let special: [Unicode.Scalar: UInt8] = ["’": 0x92, "—": 0x97, "–": 0x96]
        return Data(text.unicodeScalars.map { scalar in special[scalar] ?? UInt8(truncatingIfNeeded: scalar.value) })
    }

    /// Tonnes agree to a part in 10⁹ (unit conversions multiply by 0.001 or 1000).
    static func read(_ data: Data) throws -> USGSCommoditiesData {
        try USGSCommoditiesData(data: data, file: "mcs.csv", countries: Fixtures.bundledData.countries)
    }

    static func read(_ lines: [String]) throws -> USGSCommoditiesData {
        try read(windows1252(([header] + lines).joined(separator: "\r\n") + "\r\n"))
    }

    static func refusal(_ body: () throws -> USGSCommoditiesData) -> String? {
        do { _ = try body() } catch let error as StoreError {
            guard case .malformedSource = error else { return "wrong case: \(error)" }
            return error.description
        } catch { return "not a StoreError: \(error)" }
        return nil
    }

    @Test func aFileOfAnotherLayoutIsRefusedWithWhatToGive() throws {
        let worldData = "SOURCE,COMMODITY,COUNTRY,TYPE,UNIT_MEAS,PROD_2023,PROD_EST_ 2024\nMCS2025,Gallium ,China,Primary production,kilograms,750000,750000\n"
        let message = try #require(Self.refusal { try Self.read(Data(worldData.utf8)) })
        #expect(message.hasPrefix("mcs.csv:1: "))
        #expect(message.contains("no column Section, Statistics, Statistics_detail, Unit, Year, Value"))
        #expect(message.contains("MCS2026_Commodities_Data.csv") && message.contains("10.5066/P1WKQ63T"))
    }

    @Test func anEmptyFileAndOneWithoutWorldProductionAreRefused() throws {
        #expect(try #require(Self.refusal { try Self.read(Data()) }).contains("empty file"))
        let salient = Self.row("United States", section: "Salient Statistics—United States")
        #expect(try #require(Self.refusal { try Self.read([salient]) }).contains("no world production rows"))
    }

    @Test func shortRowsAndBadEncodingBytesAreLocatedWarnings() throws {
        var bad = Self.windows1252(([Self.header, Self.row(), "GALLIUM,World,Gallium,Japan,Production", Self.row("Jap\u{81}n", year: "2024")]
            .joined(separator: "\n")) + "\n")
        // The five bytes Windows-1252 leaves undefined: 0x81 stands here for any of them.
        #expect(bad.contains(0x81))
        bad.append(contentsOf: Array((Self.row("Russia", value: "6,000") + "\n").utf8))
        let release = try Self.read(bad)
        #expect(release.warnings.contains { $0.location == "mcs.csv:3" && $0.message.contains("expected 12 fields, found 5") })
        #expect(release.warnings.contains { $0.location == "mcs.csv:4" && $0.message.contains("not Windows-1252") })
        let gallium = release.tonnes(commodity: "Gallium", statistic: "Primary production")
        #expect(gallium.count == 2, "China and Russia read, the damaged row skipped")
        #expect(close(gallium[Self.china]?[2025], 900))
    }

    @Test func aUnitWithoutMassConversionIsOneWarningWithItsFirstLineAndCount() throws {
        let release = try Self.read([Self.row(), Self.row("Japan", unit: "troy ounces"), Self.row("Russia", unit: "troy ounces")])
        let warning = try #require(release.warnings.first { $0.message.contains("no mass conversion") })
        #expect(warning.location == "mcs.csv:3")
        #expect(warning.message.contains("'troy ounces'") && warning.message.contains("2 rows skipped"))
        #expect(release.tonnes(commodity: "Gallium", statistic: "Primary production").count == 1)
    }

    @Test func gapsAndZerosMakeNoRecord() throws {
        let values = ["W", "NA", "s", "XX", "E", "", "—", "–"]
        let release = try Self.read(values.enumerated().map { Self.row(["China", "Japan", "Russia", "Kazakhstan", "Germany", "Hungary", "Ukraine", "India"][$0.offset], value: $0.element) })
        #expect(release.series.isEmpty)
        #expect(release.counts.amounts == 0 && release.counts.zeros == 2)
        #expect(release.counts.gaps == ["W": 1, "NA": 1, "s": 1, "XX": 1, "E": 1, "": 1])
        #expect(!release.warnings.contains { $0.location.contains(":") }, "gaps are not row warnings: \(release.warnings)")
    }

    @Test func boundsRangesAndTextAreSkippedWithTheirLine() throws {
        let release = try Self.read([Self.row(value: ">75"), Self.row("Japan", value: "330 - 390"), Self.row("Russia", value: "about 6")])
        #expect(release.series.isEmpty)
        #expect(release.warnings.contains { $0.location == "mcs.csv:2" && $0.message.contains("'>75' is a bound or range") })
        #expect(release.warnings.contains { $0.location == "mcs.csv:3" && $0.message.contains("'330 - 390' is a bound or range") })
        #expect(release.warnings.contains { $0.location == "mcs.csv:4" && $0.message.contains("'about 6' is not a figure") })
    }

    @Test func unitsConvertToTonnes() throws {
        let release = try Self.read([
            Self.row(value: "900,000", unit: "kilograms"),
            Self.row(value: "12,400", unit: "thousand metric tons", commodity: "Copper", statistic: "Refinery production", section: "World Mine and Refinery Production and Reserves"),
            Self.row(value: "1.5", unit: "million metric tons", commodity: "Iron And Steel", statistic: "Raw steel", section: "World Production"),
            Self.row(value: "2,100e", unit: "metric tons", commodity: "Antimony", statistic: "Mine production", section: "World Mine Production and Reserves"),
        ])
        #expect(close(release.tonnes(commodity: "Gallium", statistic: "Primary production")[Self.china]?[2025], 900))
        #expect(close(release.tonnes(commodity: "Copper", statistic: "Refinery production")[Self.china]?[2025], 12_400_000))
        #expect(close(release.tonnes(commodity: "Iron And Steel", statistic: "Raw steel")[Self.china]?[2025], 1_500_000))
        #expect(close(release.tonnes(commodity: "Antimony", statistic: "Mine production")[Self.china]?[2025], 2_100), "a trailing e marks an estimate")
    }

    @Test func unknownCountriesTotalsAndOtherCountriesAreNotRecords() throws {
        let release = try Self.read([Self.row("Atlantis"), Self.row("Atlantis", year: "2024"), Self.row("World total"), Self.row("Other countries"),
                                     Self.row("Côte d’Ivoire", value: "350")])
        let warning = try #require(release.warnings.first { $0.message.contains("country list") })
        #expect(warning.location == "mcs.csv:2" && warning.message.contains("'Atlantis'") && warning.message.contains("2 rows skipped"))
        #expect(release.counts.productionRows == 3)
        #expect(Set(release.tonnes(commodity: "Gallium", statistic: "Primary production").keys) == [Self.coteDIvoire])
    }

    @Test func aSecondFigureForTheSameCellIsWarnedAndTheFirstKept() throws {
        let release = try Self.read([Self.row(value: "900,000"), Self.row(value: "1,000")])
        #expect(close(release.tonnes(commodity: "Gallium", statistic: "Primary production")[Self.china]?[2025], 900))
        #expect(release.warnings.contains { $0.location == "mcs.csv:3" && $0.message.contains("second figure") })
    }

    @Test func aYearThatIsNotAYearIsARowWarning() throws {
        let release = try Self.read([Self.row(year: "2021–24"), Self.row("Japan", value: "3,000")])
        #expect(release.warnings.contains { $0.location == "mcs.csv:2" && $0.message.contains("is not a year") })
        #expect(release.counts.amounts == 1)
    }

    @Test func aQuotedLineBreakKeepsLaterLinesRight() throws {
        let multiline = CSVTable.line(["GALLIUM", "World Low-Purity Production and Production Capacity", "Gallium", "Japan", "Production",
                                       "Primary production", "kilograms", "2025", "3,000", "Estimated.\nSee note.", "Yes", ""])
        let release = try Self.read([multiline, Self.row(value: ">5")])
        #expect(release.counts.amounts == 1)
        #expect(release.warnings.contains { $0.location == "mcs.csv:4" && $0.message.contains("bound") })
    }

    @Test func aCopyResavedAsUTF8ReadsTheSame() throws {
        let lines = [Self.header, Self.row("Côte d’Ivoire", value: "350"), Self.row("Japan", value: "—")]
        let text = lines.joined(separator: "\n") + "\n"
        let asPublished = try Self.read(Self.windows1252(text))
        let resaved = try Self.read(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8))
        #expect(asPublished.encoding == "Windows-1252" && resaved.encoding == "UTF-8")
        #expect(close(asPublished.series[USGSCommoditiesData.Key(commodity: "Gallium", statistic: "Primary production")]?[Self.coteDIvoire]?[2025], 0.35))
        #expect(resaved.tonnes(commodity: "Gallium", statistic: "Primary production") == asPublished.tonnes(commodity: "Gallium", statistic: "Primary production"))
        #expect(resaved.counts == asPublished.counts)
    }

    @Test(arguments: [
        ("4,780", MCSValue.amount(4780)), ("0.5", .amount(0.5)), ("1200e", .amount(1200)), (" 12 ", .amount(12)),
        ("W", .gap(.withheld)), ("NA", .gap(.notAvailable)), ("s", .gap(.small)), ("XX", .gap(.notCalculable)), ("E", .gap(.netExporter)),
        ("", .gap(.empty)), ("—", .zero), ("–", .zero), (">75", .bound(">75")), ("<200,000", .bound("<200,000")),
        ("330 - 390", .bound("330 - 390")), ("-5", .invalid("-5")), ("1e5", .invalid("1e5")), ("nan", .invalid("nan")),
        ("inf", .invalid("inf")), ("Large", .invalid("Large")), ("4,780e5", .invalid("4,780e5")),
    ])
    func valuesAreReadByTheReleaseKey(text: String, expected: MCSValue) {
        #expect(MCSValue(text) == expected)
    }
}

/// `--usgs` tells the two USGS layouts apart by their header and refuses anything else.
@Suite struct USGSReleaseDetectionTests {
    static func importing(_ files: [(name: String, text: String)]) -> String? {
        let folder = Fixtures.temporaryDirectory()
        var paths: [String] = []
        for file in files {
            let url = folder.appendingPathComponent(file.name)
            FileManager.default.createFile(atPath: url.path, contents: Data(file.text.utf8))
            paths.append(url.path)
        }
        var data = NormalisedData()
        data.countries = Fixtures.bundledData.countries
        do { try SourceSet(usgs: paths).add(to: &data, importedAt: "now") } catch let error as StoreError { return error.description } catch {
            return "not a StoreError: \(error)"
        }
        return nil
    }

    @Test func aFileOfNeitherLayoutIsRefusedNamingBoth() throws {
        let message = try #require(Self.importing([("BACI_HS17_Y2024_V202601.csv", "t,i,j,k,v,q\n2024,4,8,250490,1.5,NA\n")]))
        #expect(message.hasPrefix("BACI_HS17_Y2024_V202601.csv:1: not a USGS MCS data-release table"))
        #expect(message.contains("MCS2025_World_Data.csv") && message.contains("MCS2026_Commodities_Data.csv"))
    }

    @Test func twoFilesOfOneLayoutAreRefused() throws {
        let header = USGSCommoditiesDataMalformedTests.header
        let file = header + "\n" + USGSCommoditiesDataMalformedTests.row() + "\n"
        let message = try #require(Self.importing([("a.csv", file), ("b.csv", file)]))
        #expect(message.contains("b.csv") && message.contains("a second MCS commodities-data file"))
    }

    @Test func aMissingFileSaysWhichFileWasExpected() throws {
        var data = NormalisedData()
        #expect {
            try SourceSet(usgs: ["/nonexistent/MCS2026_Commodities_Data.csv"]).add(to: &data, importedAt: "now")
        } throws: { error in
            "\(error)".contains("no such file") && "\(error)".contains("MCS2026_Commodities_Data.csv")
        }
    }
}
