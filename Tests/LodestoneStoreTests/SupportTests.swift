import Foundation
@testable import LodestoneStore
import Testing

@Suite struct SupportTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256MatchesFIPSVectors(message: String, digest: String) {
        #expect(SHA256.hex(of: Data(message.utf8)) == digest)
    }

    @Test func sha256OfAMillionAs() {
        #expect(SHA256.hex(of: Data(repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func gzipRoundTrips() throws {
        let original = Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 * 7 % 251) })
        let compressed = try Gzip.compress(original)
        #expect(compressed.starts(with: [0x1f, 0x8b]))
        #expect(try Gzip.decompress(compressed) == original)
        #expect(throws: StoreError.self) { try Gzip.decompress(Data("not gzip at all".utf8)) }
    }

    @Test(arguments: [
        (SQLiteValue.text(" 1 234,5 "), SourceValue.Number.invalid(" 1 234,5 ")),
        (.text(" 1 234.5 "), .value(1234.5)), (.text("NA"), .missing), (.text("nan"), .missing), (.text("None"), .missing),
        (.null, .missing), (.int(7), .value(7)), (.double(2.5), .value(2.5)), (.text("abc"), .invalid("abc")),
    ])
    func sourceNumbersAreParsedExplicitly(input: SQLiteValue, expected: SourceValue.Number) {
        #expect(SourceValue.number(input) == expected)
    }
}

/// Finding 1 of issue 8: numbers outside Int's range in a source database are not whole numbers
/// to use, and never trap.
@Suite struct SourceValueRangeTests {
    @Test(arguments: [9.3e18, 1e19, -1e19, 0x1p63, -0x1p64, Double.infinity, -Double.infinity, Double.nan, 1.5])
    func realsThatAreNotIntsAreNil(value: Double) {
        #expect(SourceValue.integer(.double(value)) == nil)
    }

    @Test(arguments: [(2022.0, 2022), (-4.0, -4), (0x1p62, 4_611_686_018_427_387_904)])
    func wholeRealsAreInts(value: Double, expected: Int) {
        #expect(SourceValue.integer(.double(value)) == expected)
    }
}
