/// xoshiro256** (Blackman & Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS
/// 2021; reference code at prng.di.unimi.it): 256 bits of state, period 2²⁵⁶ − 1, and a `jump()`
/// that advances the state by exactly 2¹²⁸ outputs.
///
/// Parallel streams come from `streams(seed:count:)`: the master state is four successive
/// SplitMix64(seed) outputs (the seeding the authors recommend), and stream i is the master
/// jumped i times. The streams are therefore disjoint windows of one period, each 2¹²⁸ numbers
/// long: they cannot overlap unless a stream draws 2¹²⁸ numbers (a simulation draws under 2⁴⁰).
/// That is independence by construction, unlike seeding stream i with `seed + i·γ` for an
/// additive generator such as SplitMix64, which makes stream i stream 0 shifted by i numbers.
public struct Xoshiro256StarStar: RandomNumberGenerator, Hashable, Sendable {
    private var s0, s1, s2, s3: UInt64

    /// Seeds the state with four successive SplitMix64(seed) outputs, so that any 64-bit seed,
    /// 0 included, gives a well-mixed, non-zero state.
    public init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        s0 = seeder.next()
        s1 = seeder.next()
        s2 = seeder.next()
        s3 = seeder.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }  // the all-zero state is a fixed point; SplitMix64 never yields it in practice
    }

    /// A generator with this exact state (test vectors). The state must not be all zero.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        (s0, s1, s2, s3) = state
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = (s1 &* 5).rotatedLeft(7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3.rotatedLeft(45)
        return result
    }

    /// A uniform Double in [0, 1) from the top 53 bits.
    @inline(__always)
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Advances the state by 2¹²⁸ outputs (the reference `jump`).
    public mutating func jump() {
        let polynomial: [UInt64] = [0x180E_C6D3_3CFD_0ABA, 0xD5A6_1266_F0C9_392C, 0xA958_2618_E03F_C9AA, 0x39AB_DC45_29B1_661C]
        var j0: UInt64 = 0, j1: UInt64 = 0, j2: UInt64 = 0, j3: UInt64 = 0
        for word in polynomial {
            for bit in 0..<64 {
                if word & (1 << UInt64(bit)) != 0 {
                    j0 ^= s0
                    j1 ^= s1
                    j2 ^= s2
                    j3 ^= s3
                }
                _ = next()
            }
        }
        (s0, s1, s2, s3) = (j0, j1, j2, j3)
    }

    /// `count` non-overlapping streams for parallel blocks: stream i is the generator seeded with
    /// `seed`, jumped i times (see the type's documentation).
    public static func streams(seed: UInt64, count: Int) -> [Xoshiro256StarStar] {
        var generator = Xoshiro256StarStar(seed: seed)
        var streams: [Xoshiro256StarStar] = []
        streams.reserveCapacity(max(0, count))
        for _ in 0..<max(0, count) {
            streams.append(generator)
            generator.jump()
        }
        return streams
    }
}

extension UInt64 {
    @inline(__always)
    fileprivate func rotatedLeft(_ k: UInt64) -> UInt64 { (self << k) | (self >> (64 - k)) }
}
