import Foundation
@testable import LodestoneStore
import Testing

@Suite struct ZipWriterTests {
    /// What the writer writes, the reader (which checks every offset and CRC) reads back.
    @Test func roundTrip() throws {
        var writer = ZipWriter()
        let big = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 / 7) })
        try writer.add("a.txt", Data("hello".utf8))
        try writer.add("folder/b.bin", big)
        try writer.add("empty", Data())
        let archive = try ZipArchive(data: writer.finish(), name: "test.zip")
        #expect(archive.entries.map(\.path) == ["a.txt", "folder/b.bin", "empty"])
        #expect(try archive.extract(archive.entries[0]) == Data("hello".utf8))
        #expect(try archive.extract(archive.entries[1]) == big)
        #expect(try archive.extract(archive.entries[2]).isEmpty)
        #expect(archive.entries[1].compressedSize < big.count)   // deflated
    }
}
