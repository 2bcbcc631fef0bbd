import Foundation
@testable import LodestoneStore
import LodestoneTestSupport
import Testing

/// Finding 2 of issue 8: a damaged zip must be an error, never a trap or silently wrong data.
@Suite struct ZipArchiveTests {
    let payload = Data((0..<4_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })

    func write(_ data: Data) throws -> String {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("a.zip").path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    func isMalformed(_ error: any Error) -> Bool {
        if case StoreError.malformedSource = error { return true } else { return false }
    }

    @Test func readsEntriesItsOwnFixtureWrote() throws {
        let zip = ZipFixture.make([("a/one.bin", payload), ("two.txt", Data("hello".utf8))])
        let archive = try ZipArchive(path: try write(zip.data))
        #expect(archive.entries.map(\.path) == ["a/one.bin", "two.txt"])
        #expect(try archive.extract(archive.entries[0]) == payload)
    }

    /// Central-directory fields that point past the end of the file (name, extra and comment
    /// lengths, entry count, directory offset, local header offset) are errors, not traps.
    @Test(arguments: [(28, 0xFF), (29, 0xFF), (30, 0xFF), (31, 0xFF), (32, 0xFF), (33, 0xFF), (42, 0xFF), (45, 0x7F)])
    func aCentralDirectoryFieldRunningPastTheEndIsMalformed(offset: Int, value: UInt8) throws {
        var zip = ZipFixture.make([("one.bin", payload)])
        zip.data[zip.centralOffsets[0] + offset] = value
        #expect(throws: (any Error).self) {
            let archive = try ZipArchive(path: try write(zip.data))
            for entry in archive.entries { _ = try archive.extract(entry) }
        }
    }

    @Test func anEndRecordClaimingMoreEntriesThanExistIsMalformed() throws {
        var zip = ZipFixture.make([("one.bin", payload)])
        let end = zip.data.count - 22
        zip.data[end + 10] = 0xFF
        zip.data[end + 11] = 0xFF
        #expect { try ZipArchive(path: try write(zip.data)) } throws: { isMalformed($0) }
    }

    @Test func aTruncatedArchiveIsMalformed() throws {
        let zip = ZipFixture.make([("one.bin", payload)])
        for cut in [10, 30, 100, zip.data.count - 30] {
            #expect(throws: (any Error).self) {
                let archive = try ZipArchive(path: try write(zip.data.prefix(cut)))
                for entry in archive.entries { _ = try archive.extract(entry) }
            }
        }
    }

    /// A single flipped bit in an entry's data fails its CRC-32.
    @Test(arguments: [0, 1, 1_000, 3_999])
    func aFlippedBitFailsTheCRC(at index: Int) throws {
        var zip = ZipFixture.make([("one.bin", payload)])
        zip.data[zip.dataOffsets[0] + index] ^= 0x10
        let archive = try ZipArchive(path: try write(zip.data))
        #expect {
            try archive.extract(archive.entries[0])
        } throws: { error in
            isMalformed(error) && "\(error)".contains("CRC")
        }
    }
}
