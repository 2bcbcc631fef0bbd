import Foundation

/// Text files from public releases that are not UTF-8. The USGS publishes its MCS data-release
/// CSVs in Windows-1252 ("Côte d’Ivoire" is the bytes 43 F4 74 65 20 64 92 49 …): read as UTF-8
/// those bytes become replacement characters and the name no longer matches any country.
enum SourceText {
    enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case windows1252 = "Windows-1252"
    }

    /// The file's bytes as UTF-8: unchanged (less a byte-order mark) when they already are valid
    /// UTF-8 — a copy re-saved by a spreadsheet, or plain ASCII — otherwise transcoded from
    /// Windows-1252. The five bytes Windows-1252 leaves undefined (81, 8D, 8F, 90, 9D) become
    /// U+FFFD, so a reader can point at the row that holds one.
    static func utf8(fromWindows1252OrUTF8 data: Data) -> (bytes: Data, encoding: Encoding) {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let body = data.starts(with: bom) ? data.dropFirst(bom.count) : data[...]
        if String(validating: body, as: UTF8.self) != nil { return (Data(body), .utf8) }
        var out = [UInt8]()
        out.reserveCapacity(body.count + body.count / 8)
        for byte in body {
            if byte < 0x80 {
                out.append(byte)
            } else {
                UTF8.encode(windows1252Scalar(byte) ?? "\u{FFFD}") { out.append($0) }
            }
        }
        return (Data(out), .windows1252)
    }

    /// The character a Windows-1252 byte ≥ 0x80 stands for; nil for the five undefined bytes.
    /// 0xA0–0xFF are the Latin-1 characters of the same number; 0x80–0x9F are listed in
    /// Unicode's mapping table for code page 1252 (bestfit1252 / CP1252.TXT).
    static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar? {
        guard byte >= 0x80 else { return Unicode.Scalar(byte) }
        guard byte < 0xA0 else { return Unicode.Scalar(UInt32(byte)) }
        let value = highControlRange[Int(byte - 0x80)]
        return value == 0 ? nil : Unicode.Scalar(value)
    }

    /// 0x80…0x9F; 0 where the code page defines no character.
    private static let highControlRange: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}
