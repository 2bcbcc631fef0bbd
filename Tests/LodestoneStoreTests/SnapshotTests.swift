import Foundation
import LodestoneCore
@testable import LodestoneStore
import LodestoneTestSupport
import Testing

@Suite struct SnapshotTests {
    @Test func writesAndReadsBackTheSameData() throws {
        var data = Fixtures.bundledData
        data.trade = Array(data.trade.prefix(5_000))
        data.warnings = []
        let folder = Fixtures.temporaryDirectory().path
        try Snapshot.write(data, to: folder, createdAt: "2026-11-24T00:00:00Z")
        let back = try Snapshot.read(from: folder)
        #expect(back.countries == data.countries)
        #expect(back.commodities == data.commodities)
        #expect(back.production == data.production)
        #expect(back.trade == data.trade)
        #expect(back.governance == data.governance)
        #expect(back.groups == data.groups)
    }

    @Test func aCorruptedFileFailsItsChecksum() throws {
        var data = NormalisedData()
        data.countries = [Country(code: CountryCode(1), m49: 1, iso3: "AAA", name: "Alpha, the first")]
        let folder = Fixtures.temporaryDirectory().path
        try Snapshot.write(data, to: folder, createdAt: "now")
        let file = (folder as NSString).appendingPathComponent("countries.csv.gz")
        try Gzip.compress(Data("code,m49\n".utf8)).write(to: URL(fileURLWithPath: file))
        #expect {
            try Snapshot.read(from: folder)
        } throws: { error in
            "\(error)".contains("checksum")
        }
    }

    @Test func theBundledSnapshotHoldsTheWholeSource() {
        let data = Fixtures.bundledData
        #expect(data.trade.filter { $0.nomenclature == .hs92 }.count == 1_264_888)
        #expect(data.trade.filter { $0.nomenclature == .hs17 }.count > 20_000, "BACI HS17 extract, 2024 and 2022")
        #expect(data.commodities.filter(\.isReference).count == 65)
        #expect(data.commodities.contains { $0.id == "gallium:refined" && $0.tradeCodes.first?.nomenclature == .hs17 })
        #expect(data.countries.count == 239)
        #expect(Set(data.provenance.map(\.dataset)) == ["countries", "trade", "trade:HS17", "commodities", "production", "archive",
                                                        "production:USGS-MCS2025", "production:USGS-MCS2026", "production:BGS", "catalogue", "official:USGS-MCS2025",
                                                        "governance", "groups", "names:NaturalEarth"])
        #expect(data.countryNames.count >= 500, "Natural Earth names in Japanese, Arabic and Chinese")
        #expect(!data.warnings.contains { $0.location.hasPrefix("consistency") }, "no import exceeds world production on the same basis")
    }

    @Test func csvQuotesFieldsThatNeedIt() throws {
        let line = CSVTable.line(["a,b", "say \"hi\"", "plain"])
        #expect(line == "\"a,b\",\"say \"\"hi\"\"\",plain")
        #expect(try CSVTable.parse(Data((line + "\n").utf8), file: "t") == [["a,b", "say \"hi\"", "plain"]])
        #expect(throws: StoreError.self) { try CSVTable.parse(Data("\"open\n".utf8), file: "t") }
    }
}

/// Finding 4 of issue 8: a snapshot whose checksums are valid but whose values are out of range
/// is refused with the file and line, before anything reaches the store.
@Suite struct SnapshotRangeTests {
    static func small() -> NormalisedData {
        var data = SQLiteStoreTests().smallData()
        data.warnings = []
        return data
    }

    static let poisons: [(String, @Sendable (inout NormalisedData) -> Void)] = [
        ("governance.csv.gz", { $0.governance[0].year = 9_000_000_000_000_000_000 }),
        ("governance.csv.gz", { $0.governance[0].year = 30_000_000 }),
        ("governance.csv.gz", { $0.governance[0].year = 3_000_000 }),
        ("governance.csv.gz", { $0.governance[0].year = -9_000_000_000_000_000_000 }),
        ("governance.csv.gz", { $0.governance[0].score = 7 }),
        ("governance.csv.gz", { $0.governance[0].country = CountryCode(999) }),
        ("trade.csv.gz", { $0.trade[0].year = 9_000_000_000_000_000_000 }),
        ("trade.csv.gz", { $0.trade[0].hs6 = 5 }),
        ("trade.csv.gz", { $0.trade[0].valueKUSD = -1 }),
        ("trade.csv.gz", { $0.trade[0].tonnes = -1 }),
        ("trade.csv.gz", { $0.trade[0].importer = CountryCode(999) }),
        ("production.csv.gz", { $0.production[0].year = 30_000_000 }),
        ("production.csv.gz", { $0.production[0].tonnes = -5 }),
        ("production.csv.gz", { $0.production[0].commodity = "no-such" }),
        ("countries.csv.gz", { $0.countries[0].formerUntil = 9_000_000_000_000_000_000 }),
        ("countries.csv.gz", { $0.countries[1].code = $0.countries[0].code }),
        ("countries.csv.gz", { $0.countries[0].code = CountryCode(-5) }),
        ("commodities.csv.gz", { $0.commodities[0].recyclingRate = 3 }),
        ("commodities.csv.gz", { $0.commodities[1].id = $0.commodities[0].id }),
        ("groups.csv.gz", { $0.groups[0].members.append(CountryCode(999)) }),
    ]

    @Test(arguments: poisons.indices)
    func outOfRangeValuesAreRefusedWithTheirLine(index: Int) throws {
        let (file, poison) = Self.poisons[index]
        var data = Self.small()
        poison(&data)
        let folder = Fixtures.temporaryDirectory().path
        try Snapshot.write(data, to: folder, createdAt: "now")
        #expect {
            try Snapshot.read(from: folder)
        } throws: { error in
            guard case StoreError.malformedSnapshot(let location, _) = error else { return false }
            return location.hasPrefix(file + ":")
        }
    }

    @Test func anIntactSmallSnapshotReads() throws {
        let folder = Fixtures.temporaryDirectory().path
        try Snapshot.write(Self.small(), to: folder, createdAt: "now")
        #expect(try Snapshot.read(from: folder).trade.count == 2)
    }
}
