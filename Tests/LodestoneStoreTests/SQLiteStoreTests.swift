import Foundation
import LodestoneCore
@testable import LodestoneStore
import LodestoneTestSupport
import Testing

@Suite struct SQLiteStoreTests {
    func smallData() -> NormalisedData {
        var data = NormalisedData()
        let world = SmallWorld.records().build()
        data.countries = world.countries
        data.commodities = world.commodities
        data.groups = world.groups
        data.production = [ProductionRecord(commodity: SmallWorld.ore, country: SmallWorld.a, year: 2020, tonnes: 60, publishedAmount: 60)]
        data.trade = [TradeFlow(year: 2020, exporter: SmallWorld.a, importer: SmallWorld.d, hs6: 111111, valueKUSD: 20, tonnes: 10),
                      TradeFlow(year: 2020, exporter: SmallWorld.c, importer: SmallWorld.d, hs6: 111111, valueKUSD: 5, tonnes: nil)]
        data.governance = [GovernanceScore(country: SmallWorld.a, year: 2020, score: 0.2, match: .iso3)]
        data.provenance = [Provenance(dataset: "trade", source: "test", version: "1", sha256: "x", licence: "CC0", url: "", importedAt: "now", rows: 2)]
        return data
    }

    @Test func roundTripsEveryRecord() throws {
        let store = try SQLiteStore(path: Fixtures.temporaryDirectory().appendingPathComponent("s.sqlite").path)
        #expect(try store.isEmpty())
        let data = smallData()
        try store.replaceAll(with: data)
        let back = try store.exportAll()
        #expect(back.countries == data.countries)
        #expect(back.commodities == data.commodities)
        #expect(back.production == data.production)
        #expect(back.trade == data.trade)
        #expect(back.governance == data.governance)
        #expect(back.groups == data.groups)
        #expect(back.provenance == data.provenance)
        let dataset = try store.loadDataset()
        #expect(dataset.tradeFlowCount == 2 && dataset.governanceScore(of: SmallWorld.a, year: 2020)?.match == .iso3)
        // The schema is the last migration in the list's order, not the name that sorts last.
        #expect(try store.info().schemaVersion == Migrations.all.last?.name)
    }

    @Test func officialImportSharesRoundTrip() throws {
        let store = try SQLiteStore(path: Fixtures.temporaryDirectory().appendingPathComponent("s.sqlite").path)
        var data = smallData()
        data.official = [OfficialStatistic(country: SmallWorld.d, commodity: SmallWorld.ore, year: 2020, measure: .importShare, amount: 0.31,
                                           published: "31 percent of imports, 2020–21", series: "Ore: Import sources", source: "test",
                                           partner: SmallWorld.a)]
        try store.replaceAll(with: data)
        #expect(try store.exportAll().official == data.official)
    }

    @Test func aFailedImportLeavesTheStoreAsItWas() throws {
        let store = try SQLiteStore(path: Fixtures.temporaryDirectory().appendingPathComponent("s.sqlite").path)
        try store.replaceAll(with: smallData())
        var bad = smallData()
        bad.production = []
        bad.trade.append(TradeFlow(year: 2021, exporter: CountryCode(999), importer: SmallWorld.d, hs6: 111111, valueKUSD: 1, tonnes: 1))
        #expect(throws: StoreError.self) { try store.replaceAll(with: bad) }
        let after = try store.exportAll()
        #expect(after.trade == smallData().trade)
        #expect(after.production.count == 1)
    }

    @Test func refusesAFileThatIsNotAStore() throws {
        let folder = Fixtures.temporaryDirectory()
        let foreign = folder.appendingPathComponent("other.sqlite").path
        try SQLiteDatabase(path: foreign).execute("CREATE TABLE t (x)")
        #expect(throws: StoreError.self) { try SQLiteStore(path: foreign) }
        let text = folder.appendingPathComponent("text.sqlite").path
        FileManager.default.createFile(atPath: text, contents: Data(String(repeating: "not a database ", count: 100).utf8))
        #expect(throws: StoreError.self) { try SQLiteStore(path: text) }
    }

    @Test func refusesAStoreFromANewerLodestone() throws {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("s.sqlite").path
        _ = try SQLiteStore(path: path)
        try SQLiteDatabase(path: path).execute("INSERT INTO lodestone_migration VALUES ('2099-01-01-future', 'now')")
        #expect {
            try SQLiteStore(path: path)
        } throws: { error in
            if case StoreError.newerSchema = error { return true } else { return false }
        }
    }
}

/// Finding 10 of issue 8: warnings are bounded in size and number, whatever the source holds.
@Suite struct ImportWarningBoundsTests {
    @Test func aWarningKeepsABoundedExcerpt() {
        let warning = ImportWarning(location: String(repeating: "l", count: 10_000), message: "bad cell '" + String(repeating: "x", count: 100_000) + "'")
        #expect(warning.location.count <= ImportWarning.maxLocationLength && warning.message.count <= ImportWarning.maxMessageLength)
        #expect(warning.message.hasPrefix("bad cell 'xxx") && warning.message.hasSuffix("…"))
        #expect(ImportWarning(location: "a", message: "short").message == "short")
    }

    @Test func theStoreKeepsAtMostTenThousandWarnings() throws {
        let store = try SQLiteStore(path: Fixtures.temporaryDirectory().appendingPathComponent("s.sqlite").path)
        var data = SQLiteStoreTests().smallData()
        data.warnings = (0..<10_050).map { ImportWarning(location: "row \($0)", message: "skipped") }
        try store.replaceAll(with: data)
        let info = try store.info()
        #expect(info.warningCount == 10_001)
        #expect(info.warnings.last?.message.contains("50 more warnings") == true)
    }
}

/// Finding 10 of issue 8: what a killed store builder leaves behind is removed by the next one.
@Suite struct StoreCreationTests {
    @Test func aKilledBuildersPartialFileIsRemovedByTheNextBuilder() throws {
        let folder = Fixtures.temporaryDirectory()
        let stale = folder.appendingPathComponent(".s.sqlite.partial-0000").path
        FileManager.default.createFile(atPath: stale, contents: Data(repeating: 7, count: 4096))
        _ = try SQLiteStore(path: folder.appendingPathComponent("s.sqlite").path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["s.sqlite"])
    }
}
