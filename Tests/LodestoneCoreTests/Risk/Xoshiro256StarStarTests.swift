import LodestoneCore
import Testing

@Suite struct Xoshiro256StarStarTests {
    /// From the reference C code (prng.di.unimi.it/xoshiro256starstar.c, `next` and `jump`),
    /// state {1, 2, 3, 4}. Regenerate: compile that file with
    ///   int main(void) { s[0]=1; s[1]=2; s[2]=3; s[3]=4; for (int i=0;i<3;i++) printf("%llx\n", next());
    ///                    s[0]=1; s[1]=2; s[2]=3; s[3]=4; jump(); for (int i=0;i<3;i++) printf("%llx\n", next()); }
    @Test func matchesTheReferenceImplementation() {
        var g = Xoshiro256StarStar(state: (1, 2, 3, 4))
        #expect([g.next(), g.next(), g.next()] == [0x2D00, 0, 0x5A00_7080])
        var jumped = Xoshiro256StarStar(state: (1, 2, 3, 4))
        jumped.jump()
        #expect([jumped.next(), jumped.next(), jumped.next()] == [0xBBD2_F312_2984_43D8, 0x62E5_7DB2_D570_6577, 0x34D1_8903_74A6_D72B])
    }

    @Test func sameSeedSameStreamDifferentSeedDifferentStream() {
        var a = Xoshiro256StarStar(seed: 42), b = Xoshiro256StarStar(seed: 42), c = Xoshiro256StarStar(seed: 43)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
        var zero = Xoshiro256StarStar(seed: 0)
        #expect((0..<4).map { _ in zero.next() }.contains { $0 != 0 }, "seed 0 is a usable seed")
        var u = Xoshiro256StarStar(seed: 1)
        #expect((0..<10_000).allSatisfy { _ in (0..<1).contains(u.unit()) })
    }

    /// The 32 block streams share no value among their first 20,000 outputs each, so none is a
    /// shifted copy of another within that window (a shift by d < 20,000 would repeat values).
    @Test(arguments: [UInt64(0), 2025, .max])
    func blockStreamsDoNotOverlap(seed: UInt64) {
        let n = 20_000
        var seen = Set<UInt64>()
        for var stream in Xoshiro256StarStar.streams(seed: seed, count: 32) {
            for _ in 0..<n { seen.insert(stream.next()) }
        }
        #expect(seen.count == 32 * n)
    }

    /// Stream b must be neither stream 0 shifted by b outputs (the bug of seeding SplitMix64 with
    /// seed + b·γ, shown below for contrast) nor any other short shift of it.
    @Test func blockStreamsAreNotShiftedCopies() {
        let streams = Xoshiro256StarStar.streams(seed: 7, count: 32)
        var reference = streams[0]
        let window = (0..<100_000).map { _ in reference.next() }
        let index = Dictionary(window.enumerated().map { ($1, $0) }, uniquingKeysWith: min)
        for var stream in streams.dropFirst() {
            let head = (0..<4).map { _ in stream.next() }
            #expect(head.allSatisfy { index[$0] == nil })
        }

        let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15
        var block0 = SplitMix64(seed: 7), block1 = SplitMix64(seed: 7 &+ gamma)
        _ = block0.next()
        #expect(block0.next() == block1.next(), "the old scheme: block 1 is block 0 shifted by one")
    }
}
