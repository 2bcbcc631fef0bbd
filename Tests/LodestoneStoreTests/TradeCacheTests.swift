import Foundation
import LodestoneCore
@testable import LodestoneStore
import LodestoneTestSupport
import Testing

/// The machine-local trade cache gives the same Dataset as a scan, follows every import, and is
/// ignored (then rebuilt) when damaged.
@Suite struct TradeCacheTests {
    func store(version: Int = 1) throws -> SQLiteStore {
        let store = try SQLiteStore(path: Fixtures.temporaryDirectory().appendingPathComponent("s.sqlite").path)
        try store.replaceAll(with: SmallWorld.normalised(version: version))
        return store
    }

    /// What a Dataset answers, for comparing two loads: every flow's digits and every score.
    func signature(_ dataset: Dataset) -> [String] {
        ["\(dataset.tradeFlowCount) \(dataset.tradeYears)"]
            + dataset.riskGrid(importers: dataset.allImporters).map { "\($0.importer) \($0.commodity) \($0.year) \($0.score) \($0.importTonnes)" }
    }

    func cacheFiles(_ cache: TradeCache) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache.folder)) ?? []).filter { $0.hasSuffix(".bin") }.sorted()
    }

    @Test func aCachedLoadEqualsAScan() throws {
        let store = try store()
        let cache = TradeCache(folder: Fixtures.temporaryDirectory().path)
        let scanned = try store.loadDataset()
        let first = try store.loadDataset(cache: cache)
        #expect(cacheFiles(cache).count == 1, "the first load writes the cache")
        let cached = try store.loadDataset(cache: cache)
        #expect(signature(scanned).count > 1)
        #expect(signature(first) == signature(scanned) && signature(cached) == signature(scanned))
    }

    @Test func anImportGivesANewCache() throws {
        let store = try store(version: 1)
        let cache = TradeCache(folder: Fixtures.temporaryDirectory().path)
        let before = signature(try store.loadDataset(cache: cache))
        try store.replaceAll(with: SmallWorld.normalised(version: 2))
        let after = try store.loadDataset(cache: cache)
        #expect(signature(after) == signature(try store.loadDataset()), "never the old data")
        #expect(signature(after) != before)
        #expect(cacheFiles(cache).count == 2)
    }

    /// A commit in WAL mode can leave the store file's size and time and the log's size as they
    /// were (here forced: both imports checkpointed, the file's time put back). The two states'
    /// provenance is the same too, so only the count each import writes tells them apart. Before it
    /// was in the name, this load returned version 1's trade under version 2's tables: CI saw a
    /// concurrent read print such a mixture once.
    @Test func anImportThatLeavesTheFilesAsTheyWereStillGivesANewCache() throws {
        let store = try store(version: 1)
        let cache = TradeCache(folder: Fixtures.temporaryDirectory().path)
        try store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        let before = signature(try store.loadDataset(cache: cache))
        let fingerprint = try #require(TradeCache.fingerprint(of: store.path))
        var info = stat()
        #expect(stat(store.path, &info) == 0)
        try store.replaceAll(with: SmallWorld.normalised(version: 2))
        try store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, store.path, &times, 0) == 0)
        try #require(TradeCache.fingerprint(of: store.path) == fingerprint, "the two states look alike to the file system")
        let after = signature(try store.loadDataset(cache: cache))
        #expect(after == signature(try store.loadDataset()), "never version 1's trade")
        #expect(after != before)
    }

    @Test(arguments: ["truncated", "flipped index", "garbage"])
    func aDamagedCacheIsIgnored(damage: String) throws {
        let store = try store()
        let cache = TradeCache(folder: Fixtures.temporaryDirectory().path)
        let scanned = signature(try store.loadDataset(cache: cache))
        let file = (cache.folder as NSString).appendingPathComponent(try #require(cacheFiles(cache).first))
        var bytes = try #require(FileManager.default.contents(atPath: file))
        switch damage {
        case "truncated": bytes = bytes.prefix(bytes.count - 3)
        case "flipped index": bytes[35] ^= 0x7f  // the high byte of the first slice's first exporter index
        default: bytes = Data(repeating: 0x41, count: 64)
        }
        try bytes.write(to: URL(fileURLWithPath: file))
        #expect(signature(try store.loadDataset(cache: cache)) == scanned)
    }

    @Test func theImageRoundTripsAndRefusesAnotherCountryList() throws {
        var builder = SmallWorld.records()
        let image = builder.tradeImage()
        var other = SmallWorld.records()
        let loaded = other.loadTradeImage(image)
        #expect(loaded)
        #expect(signature(other.build()) == signature(builder.build()))
        builder.add(Country(code: CountryCode(999), m49: 999, iso3: "XXX", name: "Elsewhere"))
        let refused = !builder.loadTradeImage(image)
        #expect(refused, "indices refer to a different country list")
    }

    /// Every byte is covered by the checksum: a flipped bit anywhere (a value, a tonnage, a
    /// slice's typical unit value) refuses the image, where the index checks alone would pass it.
    @Test(arguments: [0.25, 0.5, 0.99])
    func aFlippedBitAnywhereRefusesTheImage(at position: Double) throws {
        let image = SmallWorld.records().tradeImage()
        var damaged = image
        damaged[min(image.count - 9, Int(Double(image.count) * position))] ^= 0x01
        var builder = SmallWorld.records()
        let refused = !builder.loadTradeImage(damaged), accepted = builder.loadTradeImage(image)
        #expect(refused && accepted)
    }
}
