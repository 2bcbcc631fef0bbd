import Foundation

/// Writes a zip archive (deflated entries, no zip64): what an Office Open XML workbook is.
/// Entries are written in the order added, with a fixed timestamp so the same content gives the
/// same bytes.
public struct ZipWriter {
    private var body = Data()
    private var directory = Data()
    private var count = 0

    public init() {}

    /// Adds a file; `path` uses '/' and no leading slash.
    public mutating func add(_ path: String, _ content: Data) throws {
        let name = Data(path.utf8)
        let packed = try Gzip.deflateRaw(content)
        guard body.count < Int(UInt32.max) - packed.count - 30 - name.count, content.count < Int(UInt32.max), count < 0xFFFF else {
            throw StoreError.io(path: path, reason: "a workbook over 4 GiB or 65,535 entries needs zip64, which Lodestone does not write")
        }
        let crc = ZipArchive.crc32(content)
        let offset = UInt32(body.count)
        // 1980-01-01 00:00, the zip epoch: reproducible bytes.
        let time: UInt16 = 0, date: UInt16 = (0 << 9) | (1 << 5) | 1
        var local = Data()
        local.u32(0x0403_4b50); local.u16(20); local.u16(0x0800); local.u16(8); local.u16(time); local.u16(date)
        local.u32(crc); local.u32(UInt32(packed.count)); local.u32(UInt32(content.count)); local.u16(UInt16(name.count)); local.u16(0)
        body.append(local); body.append(name); body.append(packed)
        var central = Data()
        central.u32(0x0201_4b50); central.u16(20); central.u16(20); central.u16(0x0800); central.u16(8); central.u16(time); central.u16(date)
        central.u32(crc); central.u32(UInt32(packed.count)); central.u32(UInt32(content.count)); central.u16(UInt16(name.count))
        central.u16(0); central.u16(0); central.u16(0); central.u16(0); central.u32(0); central.u32(offset)
        directory.append(central); directory.append(name)
        count += 1
    }

    /// The archive's bytes: the entries, their central directory and its end record.
    public func finish() -> Data {
        var out = body
        out.append(directory)
        var end = Data()
        end.u32(0x0605_4b50); end.u16(0); end.u16(0); end.u16(UInt16(count)); end.u16(UInt16(count))
        end.u32(UInt32(directory.count)); end.u32(UInt32(body.count)); end.u16(0)
        out.append(end)
        return out
    }
}

private extension Data {
    mutating func u16(_ v: UInt16) { append(contentsOf: [UInt8(v & 0xFF), UInt8(v >> 8)]) }
    mutating func u32(_ v: UInt32) { append(contentsOf: (0..<4).map { UInt8(v >> ($0 * 8) & 0xFF) }) }
}
