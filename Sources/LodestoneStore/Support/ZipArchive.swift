import CZlib
import Foundation

/// Reads entries of a zip file (a Python wheel) through its central directory. Supports stored
/// and deflated entries, which is what wheels use; not zip64, encryption or multi-disk archives.
///
/// Every offset and length read from the file is checked against the file before it is used, an
/// entry is never inflated past its declared size, and each entry's CRC-32 is verified, so a
/// damaged archive is an error (`StoreError.malformedSource`) and never a trap or changed data.
struct ZipArchive {
    struct Entry {
        var path: String
        var method: UInt16
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    let path: String
    private let bytes: Bytes
    let entries: [Entry]

    /// SHA-256 of the whole archive: what a package index (PyPI) publishes for it.
    var sha256: String { SHA256.hex(of: bytes.data) }

    init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw StoreError.sourceNotFound(path: path) }
        try self.init(data: data, name: path)
    }

    /// Reads an archive held in memory; `name` is used in messages.
    init(data: Data, name: String) throws {
        self.path = name
        self.bytes = Bytes(data: data.startIndex == 0 ? data : Data(data))
        self.entries = try Self.readCentralDirectory(bytes, name: name)
    }

    /// The entry's bytes, inflated and checked against its size and CRC-32.
    func extract(_ entry: Entry) throws -> Data {
        func bad(_ reason: String) -> StoreError { .malformedSource(location: "\(path):\(entry.path)", reason: reason) }
        let header = entry.localHeaderOffset
        guard let signature = bytes.u32(header), signature == 0x0403_4b50,
              let nameLength = bytes.u16(header + 26), let extraLength = bytes.u16(header + 28) else {
            throw bad("bad zip local header — the archive is damaged; download it again")
        }
        let start = header + 30 + Int(nameLength) + Int(extraLength)
        guard let body = bytes.slice(start, count: entry.compressedSize) else {
            throw bad("truncated zip entry — the archive is damaged; download it again")
        }
        let content: Data
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else { throw bad("stored entry with two different sizes") }
            content = body
        case 8:
            do {
                content = try Gzip.decompress(body, raw: true, expectedSize: entry.uncompressedSize, limit: entry.uncompressedSize)
            } catch {
                throw bad("cannot inflate (\(error)) — the archive is damaged; download it again")
            }
        default:
            throw bad("unsupported zip compression method \(entry.method)")
        }
        guard content.count == entry.uncompressedSize else {
            throw bad("inflates to \(content.count) bytes, the archive says \(entry.uncompressedSize) — the archive is damaged; download it again")
        }
        let found = Self.crc32(content)
        guard found == entry.crc32 else {
            throw bad(String(format: "CRC-32 mismatch (archive says %08x, data give %08x) — the archive is damaged; download it again", entry.crc32, found))
        }
        return content
    }

    static func crc32(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { raw -> UInt32 in
            var crc = CZlib.crc32(0, nil, 0)
            guard let base = raw.baseAddress?.assumingMemoryBound(to: Bytef.self) else { return UInt32(truncatingIfNeeded: crc) }
            var offset = 0
            while offset < raw.count {
                let count = min(raw.count - offset, 1 << 30)
                crc = CZlib.crc32(crc, base + offset, uInt(count))
                offset += count
            }
            return UInt32(truncatingIfNeeded: crc)
        }
    }

    private static func readCentralDirectory(_ bytes: Bytes, name: String) throws -> [Entry] {
        func bad(_ reason: String) -> StoreError { .malformedSource(location: name, reason: reason) }
        // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535.
        var end = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while end >= lowest, bytes.u32(end) != 0x0605_4b50 { end -= 1 }
        guard end >= lowest, let disk = bytes.u16(end + 4), let directoryDisk = bytes.u16(end + 6),
              let diskEntries = bytes.u16(end + 8), let count = bytes.u16(end + 10),
              let size = bytes.u32(end + 12), let start = bytes.u32(end + 16) else {
            throw bad("not a zip file (no end of central directory)")
        }
        guard disk == 0, directoryDisk == 0, diskEntries == count else { throw bad("multi-disk zip archives are not supported") }
        guard count != 0xFFFF, size != 0xFFFF_FFFF, start != 0xFFFF_FFFF else { throw bad("zip64 archives are not supported") }
        guard Int(start) + Int(size) <= end, Int(count) * 46 <= Int(size) else {
            throw bad("corrupt zip central directory (it does not fit in the file)")
        }
        let directoryEnd = Int(start) + Int(size)
        var offset = Int(start)
        var entries: [Entry] = []
        entries.reserveCapacity(Int(count))
        for _ in 0..<Int(count) {
            guard offset + 46 <= directoryEnd, bytes.u32(offset) == 0x0201_4b50,
                  let flags = bytes.u16(offset + 8), let method = bytes.u16(offset + 10), let crc = bytes.u32(offset + 16),
                  let compressed = bytes.u32(offset + 20), let uncompressed = bytes.u32(offset + 24),
                  let nameLength = bytes.u16(offset + 28), let extra = bytes.u16(offset + 30), let comment = bytes.u16(offset + 32),
                  let local = bytes.u32(offset + 42) else {
                throw bad("corrupt zip central directory")
            }
            let next = offset + 46 + Int(nameLength) + Int(extra) + Int(comment)
            guard next <= directoryEnd, let nameBytes = bytes.slice(offset + 46, count: Int(nameLength)) else {
                throw bad("corrupt zip central directory (an entry runs past its end)")
            }
            guard flags & 1 == 0 else { throw bad("encrypted zip entries are not supported") }
            guard Int(local) < Int(start) else { throw bad("corrupt zip central directory (an entry starts past the data)") }
            entries.append(Entry(path: String(decoding: nameBytes, as: UTF8.self), method: method, crc32: crc,
                                 compressedSize: Int(compressed), uncompressedSize: Int(uncompressed), localHeaderOffset: Int(local)))
            offset = next
        }
        return entries
    }

    /// Little-endian reads that return nil instead of reading outside the data.
    private struct Bytes {
        let data: Data
        var count: Int { data.count }

        func u16(_ at: Int) -> UInt16? {
            guard at >= 0, at <= data.count - 2 else { return nil }
            return UInt16(data[at]) | UInt16(data[at + 1]) << 8
        }

        func u32(_ at: Int) -> UInt32? {
            guard let low = u16(at), let high = u16(at + 2) else { return nil }
            return UInt32(low) | UInt32(high) << 16
        }

        func slice(_ start: Int, count: Int) -> Data? {
            guard start >= 0, count >= 0, start <= data.count - count else { return nil }
            return data.subdata(in: start..<start + count)
        }
    }
}
