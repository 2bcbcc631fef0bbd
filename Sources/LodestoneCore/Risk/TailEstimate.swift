/// The 95th percentile and CVaR95 of a sample of n values:
///
///   k = ⌈n / 20⌉ = n − ⌊0.95·n⌋,  P95 = the k-th largest value,  CVaR95 = mean of the k largest,
///
/// so P95 ≤ CVaR95 and mean ≤ CVaR95 always (n = 0 gives 0 for both). In the units of the sample.
package struct TailEstimate: Hashable, Sendable {
    package var p95: Double
    package var cvar95: Double

    package init(p95: Double, cvar95: Double) {
        self.p95 = p95
        self.cvar95 = cvar95
    }

    /// k = ⌈n/20⌉, in integer arithmetic (no rounding of 0.95·n).
    package static func tailCount(draws n: Int) -> Int { n / 20 + (n % 20 == 0 ? 0 : 1) }

    /// How many of its largest values a block of m draws keeps so that, but with probability
    /// about 10⁻⁹, it holds every one of its values in the pooled 5 % tail: the expected m/20
    /// plus six standard deviations √(m/20), plus 16; never more than m.
    package static func blockTailCount(draws m: Int) -> Int {
        min(m, tailCount(draws: m) + Int((6 * (Double(m) / 20).squareRoot()).rounded(.up)) + 16)
    }

    /// Exact, by sorting the whole sample: O(n) memory. The reference the bounded path is tested against.
    package init(sorting sample: [Double]) {
        let k = Self.tailCount(draws: sample.count)
        guard k > 0 else { self.init(p95: 0, cvar95: 0); return }
        let tail = sample.sorted().suffix(k)
        self.init(p95: tail.first ?? 0, cvar95: tail.reduce(0, +) / Double(k))
    }

    /// The tail of `draws` values ≥ 0 that were split into blocks, each block having offered its
    /// non-zero values to its own `TopValues` (all other draws being 0).
    ///
    /// The k largest of the buffers' union (padded with zeros) are the sample's k largest exactly
    /// if no buffer turned away a value above the union's k-th largest t, i.e. if every
    /// `largestDropped` ≤ t. `incomplete` lists the blocks for which that fails: refill them
    /// keeping min(block draws, k) values with `insert(_:)` (which always passes) and merge
    /// again. Cost O(Σ buffer sizes).
    package static func merging(_ blocks: [TopValues], draws: Int) -> (estimate: TailEstimate, incomplete: [Int]) {
        let k = tailCount(draws: draws)
        guard k > 0 else { return (TailEstimate(p95: 0, cvar95: 0), []) }
        var pool: [Double] = []
        pool.reserveCapacity(blocks.reduce(0) { $0 + $1.values.count })
        for block in blocks { pool += block.values }
        let estimate: TailEstimate
        if pool.count <= k {
            // Fewer non-zero values than the tail holds: the rest of the tail is zeros.
            estimate = TailEstimate(p95: pool.count == k ? pool.min() ?? 0 : 0, cvar95: pool.reduce(0, +) / Double(k))
        } else {
            selectLargest(&pool, count: k)
            let top = pool[..<k]
            estimate = TailEstimate(p95: top.min() ?? 0, cvar95: top.reduce(0, +) / Double(k))
        }
        let incomplete = blocks.indices.filter { blocks[$0].largestDropped > estimate.p95 }
        return (estimate, incomplete)
    }

    /// Reorders `values` so that its first `count` elements are its `count` largest: quickselect
    /// with median-of-three pivots and a three-way partition (ties are common: equal shocks at
    /// equal severity). Deterministic, expected O(n).
    package static func selectLargest(_ values: inout [Double], count k: Int) {
        guard k > 0, k < values.count else { return }
        values.withUnsafeMutableBufferPointer { v in
            var low = 0, high = v.count  // the boundary k lies in low...high
            while high - low > 1 {
                let a = v[low], b = v[low + (high - low) / 2], c = v[high - 1]
                let pivot = max(min(a, b), min(max(a, b), c))
                // [low, greater) > pivot, [greater, i) == pivot, [less, high) < pivot.
                var greater = low, i = low, less = high
                while i < less {
                    if v[i] > pivot {
                        v.swapAt(greater, i)
                        greater += 1
                        i += 1
                    } else if v[i] < pivot {
                        less -= 1
                        v.swapAt(i, less)
                    } else {
                        i += 1
                    }
                }
                if k < greater {
                    high = greater
                } else if k <= less {
                    return
                } else {
                    low = less
                }
            }
        }
    }
}
