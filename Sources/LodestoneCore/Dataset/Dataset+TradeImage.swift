/// The trade a Builder holds as one flat block of bytes, so a store can keep it in a cache file
/// and the next process reads it back in a few milliseconds instead of scanning a million rows.
///
/// Layout (native byte order; the cache is local to the machine): the magic "LSTI", a format
/// version, the number of countries the indices refer to and the number of slices; then per
/// slice its nomenclature, HS6 code, year and flow count, followed by the exporter and importer
/// indices (Int32), the values and tonnes (Double) and the typical unit value (Double); last, a
/// 64-bit checksum of everything before it. Every slice is written finished (sorted by importer,
/// typical unit value worked out). Reading checks the checksum, every count and index and each
/// slice's order, so a damaged image is refused (the caller then reads the store), never trusted.
/// The typical unit value is stored, not recomputed: a change to how it is worked out
/// (`TradeSlice.typicalUnitValue(values:tonnes:)`) needs a new `imageVersion`.
extension Dataset.Builder {
    static let imageMagic: [UInt8] = Array("LSTI".utf8)
    static let imageVersion: Int32 = 3
    /// Part of a cache file's name: a new layout never reads an old file.
    public static var imageVersionText: String { "LSTI\(imageVersion)" }

    /// The trade added so far, as bytes, every slice finished (call `finishTrade()` first to
    /// keep that work for `build()` as well).
    public func tradeImage() -> [UInt8] {
        var bytes = Self.imageMagic
        func put<T>(_ value: T) { withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) } }
        func put<T>(_ values: [T]) { values.withUnsafeBytes { bytes.append(contentsOf: $0) } }
        put(Self.imageVersion)
        put(Int32(countries.count))
        put(Int32(trade.count))
        let keys = trade.keys.sorted { ($0.nomenclature, $0.hs6, $0.year) < ($1.nomenclature, $1.hs6, $1.year) }
        for key in keys {
            var slice = trade[key]!
            slice.finish()
            put(Int32(Nomenclature.allCases.firstIndex(of: key.nomenclature)!))
            put(Int32(key.hs6))
            put(Int32(key.year))
            put(Int32(slice.count))
            put(slice.exporters)
            put(slice.importers)
            put(slice.valueKUSD)
            put(slice.tonnes)
            put(slice.typicalUnitValue)
        }
        put(Self.checksum(bytes[...]))
        return bytes
    }

    /// FNV-1a over 64-bit words (then the remaining bytes): a few milliseconds for the whole
    /// image; it catches torn writes and flipped bits, not deliberate tampering.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let prime: UInt64 = 0x0000_0100_0000_01b3
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for i in 0..<words { hash = (hash ^ raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) &* prime }
            for i in (words * 8)..<raw.count { hash = (hash ^ UInt64(raw[i])) &* prime }
        }
        return hash
    }

    /// Replaces the trade with an image made for the same countries; false (trade untouched)
    /// when the bytes are not a whole, consistent image.
    public mutating func loadTradeImage(_ bytes: [UInt8]) -> Bool {
        guard let slices = Self.readImage(bytes, countryCount: countries.count) else { return false }
        trade = slices
        return true
    }

    private static func readImage(_ bytes: [UInt8], countryCount: Int) -> [TradeKey: TradeSlice]? {
        var offset = 0
        func int32() -> Int32? {
            guard offset + 4 <= bytes.count else { return nil }
            defer { offset += 4 }
            return bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: Int32.self) }
        }
        func array<T>(_ count: Int, of _: T.Type) -> [T]? {
            let size = count * MemoryLayout<T>.stride
            guard count >= 0, offset + size <= bytes.count else { return nil }
            defer { offset += size }
            return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                bytes.withUnsafeBytes { source in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + size]))
                }
                initialized = count
            }
        }
        guard bytes.count >= 24, Array(bytes[0..<4]) == imageMagic else { return nil }
        let end = bytes.count - 8
        let stored = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: end, as: UInt64.self) }
        guard stored == checksum(bytes[..<end]) else { return nil }
        offset = 4
        guard int32() == imageVersion, int32() == Int32(countryCount), let sliceCount = int32(), sliceCount >= 0 else { return nil }
        var trade: [TradeKey: TradeSlice] = [:]
        trade.reserveCapacity(Int(sliceCount))
        for _ in 0..<sliceCount {
            guard let n = int32(), Nomenclature.allCases.indices.contains(Int(n)), let hs6 = int32(), Plausible.hs6.contains(Int(hs6)),
                  let year = int32(), Plausible.years.contains(Int(year)), let count = int32().map(Int.init), count >= 0,
                  let exporters = array(count, of: Int32.self), let importers = array(count, of: Int32.self),
                  let values = array(count, of: Double.self), let tonnes = array(count, of: Double.self),
                  let median = array(1, of: Double.self)?.first, median.isNaN || Plausible.isAmount(median)
            else { return nil }
            let valid = 0..<Int32(countryCount)
            guard exporters.allSatisfy(valid.contains), importers.allSatisfy(valid.contains) else { return nil }
            var slice = TradeSlice(exporters: exporters, importers: importers, valueKUSD: values, tonnes: tonnes)
            guard slice.isSortedByImporter else { return nil }
            (slice.typicalUnitValue, slice.isFinished) = (median, true)
            trade[TradeKey(nomenclature: Nomenclature.allCases[Int(n)], hs6: Int(hs6), year: Int(year))] = slice
        }
        return offset == end ? trade : nil
    }
}
