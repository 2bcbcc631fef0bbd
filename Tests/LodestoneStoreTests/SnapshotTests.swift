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
        #expect(Set(data.provenance.map(\.dataset)) == ["countries", "trade", "trade:HS17", "commodities", "production", "production:USGS",
                                                        "production:BGS", "catalogue", "governance", "groups"])
        #expect(!data.warnings.contains { $0.location.hasPrefix("consistency") }, "no import exceeds world production on the same basis")
    }

    @Test func csvQuotesFieldsThatNeedIt() throws {
        let line = CSVTable.line(["a,b", "say \"hi\"", "plain"])
        #expect(line == "\"a,b\",\"say \"\"hi\"\"\",plain")
        #expect(try CSVTable.parse(Data((line + "\n").utf8), file: "t") == [["a,b", "say \"hi\"", "plain"]])
        #expect(throws: StoreError.self) { try CSVTable.parse(Data("\"open\n".utf8), file: "t") }
    }
}
