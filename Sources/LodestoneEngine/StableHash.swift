import Foundation

/// FNV-1a, 64 bits: a hash that is the same on every run and machine (Swift's `Hasher` is
/// seeded per process), for ETags and data versions. Not for security.
package struct StableHash {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    package init() {}

    package mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            state ^= UInt64(byte)
            state = state &* 0x0000_0100_0000_01b3
        }
        // A separator so that ("ab", "c") and ("a", "bc") differ.
        state ^= 0xff
        state = state &* 0x0000_0100_0000_01b3
    }

    package mutating func add(_ text: String) { add(text.utf8) }

    package var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    package static func hex(of parts: [String]) -> String {
        var hash = StableHash()
        for part in parts { hash.add(part) }
        return hash.hex
    }
}
