/// SplitMix64 (Steele, Lea & Flood 2014): a small, fast, seedable generator. Same seed, same
/// stream on every platform, so simulations reproduce byte for byte.
///
/// Its state only ever adds γ = 0x9E3779B97F4A7C15, so `SplitMix64(seed: s + i·γ)` is
/// `SplitMix64(seed: s)` shifted by i outputs: never derive parallel streams that way. It seeds
/// `Xoshiro256StarStar`, whose `streams(seed:count:)` gives non-overlapping block streams.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform Double in [0, 1) from the top 53 bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
