import CZlib
import Foundation

/// gzip and raw-deflate streams through the system zlib.
enum Gzip {
    /// Compresses `data` as a gzip member (level 9).
    static func compress(_ data: Data) throws -> Data {
        var stream = z_stream()
        guard deflateInit2_(&stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw StoreError.io(path: "<memory>", reason: "zlib could not start compressing")
        }
        defer { deflateEnd(&stream) }
        return try pump(&stream, data, capacity: data.count / 2) { deflate(&$0, Z_FINISH) }
    }

    /// Compresses `data` as a raw deflate stream (a zip entry's body).
    static func deflateRaw(_ data: Data) throws -> Data {
        var stream = z_stream()
        guard deflateInit2_(&stream, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw StoreError.io(path: "<memory>", reason: "zlib could not start compressing")
        }
        defer { deflateEnd(&stream) }
        return try pump(&stream, data, capacity: data.count / 3) { deflate(&$0, Z_FINISH) }
    }

    /// The most a decompression may produce unless the caller says otherwise: 2 GiB, far above
    /// any real snapshot table, far below what a small "zip bomb" could ask for.
    static let defaultLimit = 1 << 31

    /// Decompresses a gzip file (`raw: false`) or a raw deflate stream (zip entries, `raw: true`).
    /// Output beyond `limit` bytes is an error, not an allocation.
    static func decompress(_ data: Data, raw: Bool = false, expectedSize: Int? = nil, limit: Int = defaultLimit) throws -> Data {
        var stream = z_stream()
        guard inflateInit2_(&stream, raw ? -15 : 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw StoreError.io(path: "<memory>", reason: "zlib could not start decompressing")
        }
        defer { inflateEnd(&stream) }
        let capacity = min(expectedSize ?? data.count.multipliedReportingOverflow(by: 4).partialValue, limit, 1 << 28)
        return try pump(&stream, data, capacity: max(0, capacity), limit: limit) { inflate(&$0, Z_NO_FLUSH) }
    }

    /// Feeds `input` through `step` (deflate or inflate) in 1 MiB output chunks until the stream ends.
    private static func pump(_ stream: inout z_stream, _ input: Data, capacity: Int, limit: Int = .max,
                             step: (inout z_stream) -> Int32) throws -> Data {
        var output = Data(capacity: capacity)
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        guard input.count <= Int(UInt32.max) else {
            throw StoreError.io(path: "<memory>", reason: "\(input.count) bytes is more than zlib takes in one piece (4 GiB)")
        }
        try input.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            stream.next_in = UnsafeMutablePointer(mutating: bytes.bindMemory(to: UInt8.self).baseAddress)
            stream.avail_in = uInt(bytes.count)
            var status: Int32 = Z_OK
            repeat {
                try buffer.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(chunk)
                    status = step(&stream)
                    // Z_BUF_ERROR only means "no progress this call"; input that ends early is caught below.
                    guard status == Z_OK || status == Z_STREAM_END || (status == Z_BUF_ERROR && stream.avail_in > 0) else {
                        throw StoreError.io(path: "<memory>", reason: "corrupt or truncated compressed data (zlib \(status))")
                    }
                    guard let produced = out.baseAddress else { return }
                    output.append(produced, count: chunk - Int(stream.avail_out))
                    guard output.count <= limit else {
                        throw StoreError.io(path: "<memory>", reason: "compressed data expand past \(limit) bytes")
                    }
                }
            } while status != Z_STREAM_END
        }
        return output
    }
}
