extension RestrictionRisk {
    /// The largest request `simulateRestrictionRisk` accepts, by `estimatedMemoryBytes`: 1 GiB.
    /// It, not a fixed cap on draws, bounds a request: with the 55 bundled default stages it is
    /// reached at about 12 million draws.
    public static let memoryLimitBytes = 1 << 30

    /// The most draws of `commodities` commodities whose `estimatedMemoryBytes` stays within
    /// `limit` (0 when even one draw does not fit).
    public static func maxDraws(commodities: Int, memoryLimitBytes limit: Int = memoryLimitBytes) -> Int {
        guard estimatedMemoryBytes(draws: 1, commodities: commodities) <= limit else { return 0 }
        var low = 1, high = 2
        while high < Int.max / 64, estimatedMemoryBytes(draws: high, commodities: commodities) <= limit { (low, high) = (high, high * 2) }
        // low fits, high does not (or is past any sensible request).
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if estimatedMemoryBytes(draws: middle, commodities: commodities) <= limit { low = middle } else { high = middle }
        }
        return low
    }

    /// Memory a simulation of `draws` years for `commodities` commodities allocates beyond the
    /// dataset, bytes, an upper bound:
    ///
    ///   8 · 3 · c · Σ_b kept(m_b)           tail buffers (3 measures per commodity, per block b)
    /// + 4 · 8 · Σ_b kept(m_b)               the pools of the 4 merges that run at once
    /// + 1024 · c · B + 4 MiB                per-block accumulators, shock tables, networks
    ///
    /// with B = 32 blocks, m_b the block's draws, cap(m) = min(m, ⌈m/20⌉ + ⌈6√(m/20)⌉ + 16) the
    /// tail values a block must keep and kept(m) = min(m, cap(m) + max(16, ⌊cap(m)/4⌋)) the most
    /// its `TopValues` buffer holds; Σ_b kept(m_b) ≈ 0.073·n at 10⁶ draws, 0.066·n at 10⁷. For the
    /// 51 default stages assessed for the USA in 2024: 93 MiB at 10⁶ draws, 791 MiB at 10⁷; the
    /// 1 GiB limit is passed at 10⁷ draws of 67 commodities. Values that overflow report `Int.max`.
    public static func estimatedMemoryBytes(draws: Int, commodities: Int) -> Int {
        let blocks = RestrictionRiskSimulation.blockCount
        guard draws >= 0, commodities >= 0, draws <= Int.max / blocks else { return .max }
        let kept = (0..<blocks).reduce(0) { sum, block in
            let m = RestrictionRiskSimulation.blockRange(block, draws: draws).count
            return sum + min(m, TopValues.limit(capacity: RestrictionRiskSimulation.tailCapacity(blockDraws: m)))
        }
        let perCommodity = 8 * 3 * kept + 1024 * blocks
        let (heaps, overflow) = perCommodity.multipliedReportingOverflow(by: commodities)
        let pools = RestrictionRiskSimulation.mergeLanes * 8 * kept
        guard !overflow, heaps <= Int.max - pools - (4 << 20) else { return .max }
        return heaps + pools + (4 << 20)
    }
}
