import LodestoneCore
import Testing

@Suite struct TailEstimateTests {
    @Test(arguments: [(0, 0), (1, 1), (19, 1), (20, 1), (21, 2), (100, 5), (1_000_001, 50_001)])
    func tailCountIsCeilingOfATwentieth(draws: Int, expected: Int) {
        #expect(TailEstimate.tailCount(draws: draws) == expected)
    }

    @Test func exactTailOfASmallSample() {
        // 40 values 1...40: k = 2, P95 = 39, CVaR95 = 39.5.
        let tail = TailEstimate(sorting: (1...40).map(Double.init).shuffled())
        #expect(tail.p95 == 39)
        #expect(abs(tail.cvar95 - 39.5) < 1e-12)
    }

    /// A zero-inflated sample with ties, split into blocks like the simulation's.
    func sample(_ n: Int, seed: UInt64, nonZero: Double) -> [Double] {
        var rng = Xoshiro256StarStar(seed: seed)
        return (0..<n).map { _ in
            guard rng.unit() < nonZero else { return 0 }
            return rng.unit() < 0.3 ? 250 : (1000 * rng.unit()).rounded()  // rounding makes ties
        }
    }

    func merge(_ values: [Double], blocks: Int, running: Bool = false, capacity: (Int) -> Int) -> (TailEstimate, [Int], [[Double]]) {
        let parts = (0..<blocks).map { b in Array(values[(values.count * b / blocks)..<(values.count * (b + 1) / blocks)]) }
        let heaps = parts.map { part in
            var top = TopValues(capacity: capacity(part.count))
            for (draw, x) in part.enumerated() where x > 0 { top.insert(x, afterDraws: running ? draw + 1 : nil) }
            return top
        }
        let merged = TailEstimate.merging(heaps, draws: values.count)
        return (merged.estimate, merged.incomplete, parts)
    }

    @Test(arguments: [(20_000, 0.9), (20_000, 0.2), (20_000, 0.03), (37, 0.5), (5, 1.0)])
    func boundedSelectionEqualsTheFullSort(n: Int, nonZero: Double) {
        let values = sample(n, seed: UInt64(n) &* 31 &+ UInt64(nonZero * 100), nonZero: nonZero)
        let exact = TailEstimate(sorting: values)
        for running in [false, true] {
            let (bounded, incomplete, _) = merge(values, blocks: 32, running: running, capacity: TailEstimate.blockTailCount(draws:))
            #expect(incomplete.isEmpty)
            #expect(bounded.p95 == exact.p95)
            #expect(abs(bounded.cvar95 - exact.cvar95) <= 1e-12 * max(1, exact.cvar95))
        }
    }

    /// Heaps far too small: the merge must flag the blocks, and refilling them at min(m, k) makes it exact.
    @Test func tooSmallHeapsAreFlaggedAndRefillingMakesThemExact() {
        let values = sample(20_000, seed: 9, nonZero: 0.4)
        let exact = TailEstimate(sorting: values)
        let (_, incomplete, parts) = merge(values, blocks: 32) { _ in 3 }
        #expect(!incomplete.isEmpty)
        let k = TailEstimate.tailCount(draws: values.count)
        let heaps = parts.enumerated().map { b, part in
            part.reduce(into: TopValues(capacity: incomplete.contains(b) ? min(part.count, k) : 3)) { heap, x in if x > 0 { heap.insert(x) } }
        }
        let refilled = TailEstimate.merging(heaps, draws: values.count)
        #expect(refilled.incomplete.isEmpty)
        #expect(refilled.estimate.p95 == exact.p95)
        #expect(abs(refilled.estimate.cvar95 - exact.cvar95) <= 1e-12 * exact.cvar95)
    }

    @Test func selectLargestPutsTheTopFirst() {
        var rng = Xoshiro256StarStar(seed: 3)
        for n in [1, 2, 17, 1000] {
            let values = (0..<n).map { _ in (10 * rng.unit()).rounded() }
            for k in Set([0, 1, n / 2, n - 1, n]) {
                var selected = values
                TailEstimate.selectLargest(&selected, count: k)
                #expect(selected.sorted() == values.sorted(), "a permutation")
                #expect(selected[..<k].sorted(by: >) == Array(values.sorted(by: >).prefix(k)))
            }
        }
    }

    @Test(arguments: [1, 4, 100, 1000])
    func topValuesKeepsTheLargestInBoundedMemory(capacity: Int) {
        var rng = Xoshiro256StarStar(seed: UInt64(capacity))
        let offered = (0..<20_000).map { _ in (1000 * rng.unit()).rounded() }
        var top = TopValues(capacity: capacity)
        for x in offered { top.insert(x) }
        #expect(top.values.count <= top.limit && top.limit == capacity + max(16, capacity / 4))
        #expect(top.values.sorted(by: >).prefix(capacity) == offered.sorted(by: >).prefix(capacity))
        #expect(top.largestDropped > -.infinity)
        let kept = top.values.sorted(by: >)
        var remaining = offered.sorted(by: >)
        for x in kept { remaining.remove(at: remaining.firstIndex(of: x)!) }
        #expect(remaining.max() == top.largestDropped, "largestDropped is the largest value not kept")
        #expect(top.largestDropped <= top.minimum!)
    }

    @Test func topValuesEdgeCases() {
        var few = TopValues(capacity: 4)
        for x in [5.0, 1, 9] { few.insert(x) }
        #expect(few.values.sorted() == [1, 5, 9] && few.largestDropped == -.infinity && few.minimum == 1)
        var none = TopValues(capacity: 0)
        none.insert(1)
        #expect(none.values.isEmpty && none.largestDropped == 1 && none.minimum == nil)
    }
}
