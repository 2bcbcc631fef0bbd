/// Probability-weighted restriction risk of one importer, per commodity, from a Monte Carlo
/// simulation of many years of restriction events (`Dataset.simulateRestrictionRisk`).
///
/// Every expected value comes with its standard error, √(s²/n) from the streaming sample
/// variance s² of the n simulated years (years are independent, so no batch correction is
/// needed; 0 when n = 1). P95 is the ⌈n/20⌉-th largest year, CVaR95 the mean of the ⌈n/20⌉
/// largest (`TailEstimate`), exact, from bounded per-block buffers (`TopValues`).
public struct RestrictionRisk: Hashable, Sendable, Codable {
    public struct Driver: Hashable, Sendable, Codable {
        public var exporter: CountryCode
        /// Annual probability that this exporter restricts this commodity.
        public var annualProbability: Double
        /// Share of the commodity's expected shortfall caused by this exporter, 0...1.
        public var shareOfExpectedShortfall: Double
        /// Share of the commodity's expected economic loss caused by this exporter, 0...1.
        public var shareOfExpectedLoss: Double
        /// Share of this exporter's impact that arrives through third countries, 0...1.
        public var viaThirdCountries: Double
    }

    public struct Commodity: Hashable, Sendable, Codable {
        public var commodity: CommodityID
        /// The importer's apparent consumption in the base year, tonnes.
        public var consumptionTonnes: Double
        /// World unit value of the traded commodity (value / tonnes of all flows), USD/kg.
        public var unitValueUSDPerKg: Double
        /// consumptionTonnes × 1000 × unitValueUSDPerKg, USD per year: the loss share's denominator.
        public var consumptionValueUSD: Double
        /// Probability that at least one restriction hits the commodity in a year, 1 − Πₑ(1 − p(e,c)).
        public var annualProbability: Double

        /// Mean shortfall per year, tonnes (≥ 0).
        public var expectedShortfallTonnes: Double
        public var expectedShortfallTonnesStandardError: Double
        /// expectedShortfallTonnes / consumptionTonnes, the physical loss (0 without consumption).
        public var expectedShortfallShare: Double
        public var expectedShortfallShareStandardError: Double
        public var p95ShortfallTonnes: Double
        public var cvar95ShortfallTonnes: Double

        /// Mean extra spending on what is still bought, USD per year.
        public var expectedCostUSD: Double
        public var expectedCostUSDStandardError: Double
        public var p95CostUSD: Double
        public var cvar95CostUSD: Double

        /// Mean economic loss per year, USD: per shock, shortfall × 1000 × unit value × (1 + price
        /// change) + extra cost, scaled by the event's severity; shocks of one year add.
        public var expectedLossUSD: Double
        public var expectedLossUSDStandardError: Double
        public var p95LossUSD: Double
        public var cvar95LossUSD: Double
        /// expectedLossUSD / consumptionValueUSD: the ranking measure (0 without consumption value).
        public var expectedLossShare: Double
        public var expectedLossShareStandardError: Double

        /// `PriorityTier(expectedLossShare:)` of the pooled estimate.
        public var tier: PriorityTier
        /// Share of the simulation's non-empty blocks (independent batch replicates) whose own
        /// estimate of expectedLossShare gives the same tier, 0...1 in steps of 1/blocks.
        public var tierConfidence: Double
        /// Up to three exporters, by share of expected shortfall.
        public var drivers: [Driver]
    }

    public var importer: String
    public var year: Int
    public var draws: Int
    public var seed: UInt64
    /// Batch replicates (fixed; see `simulateRestrictionRisk`).
    public var blocks: Int
    public var commodities: [Commodity]
}

extension RestrictionRisk {
    /// The largest request `simulateRestrictionRisk` accepts, by `estimatedMemoryBytes`: 1 GiB.
    public static let memoryLimitBytes = 1 << 30

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
    /// 53 bundled traded commodities: 96 MiB at 10⁶ draws, 821 MiB at 10⁷; the 1 GiB limit is
    /// passed at 10⁷ draws of 67 commodities. Values that overflow report `Int.max`.
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
