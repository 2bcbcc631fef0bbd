import Foundation

/// Reads entries of a zip file (a Python wheel) through its central directory.
/// Supports stored and deflated entries, which is what wheels use.
struct ZipArchive {
    struct Entry {
        var path: String
        var method: UInt16
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    let path: String
    private let data: Data
    let entries: [Entry]

    init(path: String) throws {
        self.path = path
        guard let data = FileManager.default.contents(atPath: path) else { throw StoreError.sourceNotFound(path: path) }
        self.data = data
        self.entries = try Self.readCentralDirectory(data, path: path)
    }

    func extract(_ entry: Entry) throws -> Data {
        let header = entry.localHeaderOffset
        guard header + 30 <= data.count, u32(header) == 0x0403_4b50 else {
            throw StoreError.malformedSource(location: "\(path):\(entry.path)", reason: "bad zip local header")
        }
        let start = header + 30 + Int(u16(header + 26)) + Int(u16(header + 28))
        guard start + entry.compressedSize <= data.count else {
            throw StoreError.malformedSource(location: "\(path):\(entry.path)", reason: "truncated zip entry")
        }
        let body = data.subdata(in: start..<start + entry.compressedSize)
        switch entry.method {
        case 0: return body
        case 8: return try Gzip.decompress(body, raw: true, expectedSize: entry.uncompressedSize)
        default: throw StoreError.malformedSource(location: "\(path):\(entry.path)", reason: "unsupported zip compression method \(entry.method)")
        }
    }

    private static func readCentralDirectory(_ data: Data, path: String) throws -> [Entry] {
        let reader = ZipArchive.Bytes(data: data)
        var end = data.count - 22
        while end >= max(0, data.count - 65_557), reader.u32(end) != 0x0605_4b50 { end -= 1 }
        guard end >= 0, reader.u32(end) == 0x0605_4b50 else {
            throw StoreError.malformedSource(location: path, reason: "not a zip file (no end of central directory)")
        }
        let count = Int(reader.u16(end + 10))
        var offset = Int(reader.u32(end + 16))
        var entries: [Entry] = []
        for _ in 0..<count {
            guard offset + 46 <= data.count, reader.u32(offset) == 0x0201_4b50 else {
                throw StoreError.malformedSource(location: path, reason: "corrupt zip central directory")
            }
            let nameLength = Int(reader.u16(offset + 28)), extra = Int(reader.u16(offset + 30)), comment = Int(reader.u16(offset + 32))
            let name = String(decoding: data[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            entries.append(Entry(path: name, method: reader.u16(offset + 10), compressedSize: Int(reader.u32(offset + 20)),
                                 uncompressedSize: Int(reader.u32(offset + 24)), localHeaderOffset: Int(reader.u32(offset + 42))))
            offset += 46 + nameLength + extra + comment
        }
        return entries
    }

    private func u16(_ at: Int) -> UInt16 { Bytes(data: data).u16(at) }
    private func u32(_ at: Int) -> UInt32 { Bytes(data: data).u32(at) }

    private struct Bytes {
        let data: Data
        func u16(_ at: Int) -> UInt16 { UInt16(data[data.startIndex + at]) | UInt16(data[data.startIndex + at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
    }
}
