import Foundation
import LodestoneCore
@testable import LodestoneStore
import LodestoneTestSupport
import Testing

@Suite struct GeoPolRiskSourceTests {
    func importFake(omitTable: String? = nil) throws -> NormalisedData {
        let folder = Fixtures.temporaryDirectory()
        try FakeGeoPolRiskLibrary.write(to: folder, omitTable: omitTable)
        let location = try GeoPolRiskSource.locate(folder.path)
        return try GeoPolRiskSource.read(location, importedAt: "2026-11-24T00:00:00Z")
    }

    func hasWarning(_ data: NormalisedData, at location: String, containing text: String) -> Bool {
        data.warnings.contains { $0.location == location && $0.message.contains(text) }
    }

    @Test func countriesAreRepairedAndAnnotated() throws {
        let data = try importFake()
        let byCode = Dictionary(uniqueKeysWithValues: data.countries.map { ($0.code.rawValue, $0) })
        #expect(byCode[531]?.name == "Curaçao")
        #expect(byCode[490]?.iso3 == "TWN" && byCode[490]?.m49 == 158)
        #expect(byCode[842]?.m49 == 840)
        #expect(byCode[58]?.formerUntil == 1998)
        #expect(hasWarning(data, at: "baci.db:country_codes_V202401b row 4", containing: "repaired mis-encoded name"))
    }

    @Test func malformedProductionRowsAreSkippedWithTheirLocation() throws {
        let data = try importFake()
        let cobalt = data.production.filter { $0.commodity == "cobalt" }
        #expect(Set(cobalt.map(\.country.rawValue)) == [156, 842])
        #expect(cobalt.count == 3, "China 2021, 2022 and USA 2021; the NULL is 'no data', not zero")
        #expect(hasWarning(data, at: "world_mining_data.db:Cobalt row 3", containing: "not in the country list"))
        #expect(hasWarning(data, at: "world_mining_data.db:Cobalt row 4 column 2021", containing: "not a number"))
        #expect(hasWarning(data, at: "world_mining_data.db:Cobalt row 4 column 2022", containing: "negative"))
        #expect(hasWarning(data, at: "world_mining_data.db:Cobalt row 5", containing: "DELETE"))
    }

    @Test func unitsAreConvertedToTonnesKeepingThePublishedFigure() throws {
        let data = try importFake()
        let gas = try #require(data.production.first { $0.commodity == "natural-gas" })
        #expect(gas.publishedAmount == 1000 && gas.tonnes == 800_000)
        let commodity = try #require(data.commodities.first { $0.id == "natural-gas" })
        #expect(commodity.productionUnit == "Mio m3" && commodity.tonnesPerProductionUnit == 800)
    }

    @Test func commoditiesKeepHSCodesAndRecyclingRates() throws {
        let data = try importFake()
        let cobalt = try #require(data.commodities.first { $0.id == "cobalt" })
        #expect(cobalt.hs6 == [282200, 810510])
        #expect(cobalt.recyclingRate == 0.22 && cobalt.stage == .refined)
        let gallium = try #require(data.commodities.first { $0.id == "gallium" })
        #expect(gallium.hs6.isEmpty && !gallium.isTraded)
    }

    @Test func tradeQuirksAreHandledVisibly() throws {
        let data = try importFake()
        #expect(data.trade.count == 4)
        let spaced = try #require(data.trade.first { $0.exporter == CountryCode(4) })
        #expect(spaced.valueKUSD == 12.5 && spaced.tonnes == 1234)
        #expect(data.trade.filter { $0.tonnes == nil }.count == 2, "NULL and 'NA' quantities are kept as missing")
        #expect(hasWarning(data, at: "baci.db:baci_trade row 4", containing: "999"))
        #expect(hasWarning(data, at: "baci.db:baci_trade row 5", containing: "'lots'"))
        #expect(hasWarning(data, at: "baci.db:baci_trade row 6", containing: "not a whole number"))
    }

    @Test func governanceIsMatchedByCodeThenISO3() throws {
        let data = try importFake()
        let taiwan = data.governance.filter { $0.country == CountryCode(490) }
        #expect(taiwan.count == 2 && taiwan.allSatisfy { $0.match == .iso3 })
        #expect(!data.governance.contains { $0.country == CountryCode(842) && $0.year == 2021 }, "'nan' is no score")
        #expect(hasWarning(data, at: "wgi.db:Normalized row 4", containing: "Kosovo"))
        #expect(hasWarning(data, at: "wgi.db:Normalized row 5 column 2021", containing: "outside 0–1"))
    }

    @Test func provenanceRecordsChecksumsAndLicences() throws {
        let data = try importFake()
        let trade = try #require(data.provenance.first { $0.dataset == "trade" })
        #expect(trade.sha256.count == 64 && trade.licence.contains("Etalab") && trade.rows == 4)
        #expect(data.provenance.first { $0.dataset == "governance" }?.licence == "CC BY 4.0")
    }

    @Test func aMissingTableIsAnErrorNamingIt() {
        #expect {
            try importFake(omitTable: "baci_trade")
        } throws: { error in
            guard case StoreError.sourceMissingTable(let file, let table) = error else { return false }
            return file == "baci.db" && table == "baci_trade"
        }
    }

    @Test func aPathWithoutTheDatabasesIsRejected() {
        let empty = Fixtures.temporaryDirectory()
        #expect(throws: StoreError.self) { try GeoPolRiskSource.locate(empty.path) }
        let notAWheel = empty.appendingPathComponent("x.whl")
        FileManager.default.createFile(atPath: notAWheel.path, contents: Data("not a zip".utf8))
        #expect(throws: StoreError.self) { try GeoPolRiskSource.locate(notAWheel.path) }
    }
}

/// Finding 1 of issue 8: out-of-range numbers in the wheel's databases are skipped with a warning.
@Suite struct GeoPolRiskSourceRangeTests {
    @Test func outOfRangeNumbersAreSkippedWithWarnings() throws {
        let folder = Fixtures.temporaryDirectory()
        try FakeGeoPolRiskLibrary.write(to: folder)
        try SQLiteDatabase(path: folder.appendingPathComponent("baci.db").path).execute("""
            INSERT INTO baci_trade VALUES ('2022', '156', '842', 1e19, '1', '1');
            INSERT INTO baci_trade VALUES ('2022', '156', '842', 1e999, '1', '1');
            INSERT INTO baci_trade VALUES ('2022', '156', '842', -1e999, '1', '1');
            INSERT INTO baci_trade VALUES ('9000000000000000000', '156', '842', 282200, '1', '1');
            INSERT INTO baci_trade VALUES ('30000000', '156', '842', 282200, '1', '1');
            INSERT INTO baci_trade VALUES ('2022', '156', '842', 5, '1', '1');
            """)
        try SQLiteDatabase(path: folder.appendingPathComponent("wgi.db").path).execute("""
            ALTER TABLE Normalized ADD COLUMN "30000000" TEXT;
            UPDATE Normalized SET "30000000" = '0.5';
            """)
        try SQLiteDatabase(path: folder.appendingPathComponent("world_mining_data.db").path).execute("""
            ALTER TABLE "Cobalt" ADD COLUMN "9000000000000000000" INTEGER;
            UPDATE "Cobalt" SET "9000000000000000000" = 7;
            """)
        let location = try GeoPolRiskSource.locate(folder.path)
        let data = try GeoPolRiskSource.read(location, importedAt: "2026-11-24T00:00:00Z")
        #expect(data.trade.count == 4, "only the four good flows of the fake library")
        #expect(data.trade.allSatisfy { (1900...2100).contains($0.year) && (10000...999999).contains($0.hs6) })
        for row in 8...13 {
            #expect(data.warnings.contains { $0.location == "baci.db:baci_trade row \(row)" }, "row \(row) is reported")
        }
        #expect(data.governance.allSatisfy { (1900...2100).contains($0.year) })
        #expect(data.production.allSatisfy { (1900...2100).contains($0.year) })
        #expect(data.warnings.contains { $0.location.hasPrefix("wgi.db") && $0.message.contains("30000000") })
        #expect(data.warnings.contains { $0.location.hasPrefix("world_mining_data.db") && $0.message.contains("9000000000000000000") })
    }
}
