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

        /// Mean economic loss per year, USD: per shock, the value of the shortfall at the
        /// post-disruption price, shortfall × 1000 × unit value × (1 + price change the importer
        /// pays), at the event's severity (read off the scenario runs at the knots); shocks of one year add. Extra cost on what is
        /// still bought is `expectedCostUSD`, not included.
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
        /// Up to three exporters, by share of expected loss (then of expected shortfall).
        public var drivers: [Driver]
        /// Nomenclature, source, content basis and allocation of the trade the shocks come from.
        public var tradeBasis: Dataset.TradeBasis
        /// Why the expected loss is exactly 0, when it is: which exporters the risk model can make
        /// restrict, and why none of them costs the importer anything.
        public var zeroLossReason: String?
        /// When the ranking is by family: every consumed stage of the family that was assessed,
        /// the most exposed (this one) first.
        public var consumedStages: [CommodityID] = []
    }

    /// A selected commodity the simulation could not assess, and why (no trade code, no trade or
    /// no quantities in the year, no production, no consumption by the importer at this stage).
    public struct NotAssessed: Hashable, Sendable, Codable {
        public init(commodity: CommodityID, reason: String) {
            self.commodity = commodity
            self.reason = reason
        }

        public var commodity: CommodityID
        public var reason: String
    }

    public var importer: String
    public var year: Int
    public var draws: Int
    public var seed: UInt64
    /// Batch replicates (fixed; see `simulateRestrictionRisk`).
    public var blocks: Int
    /// In selection order; `ranked` orders them for a priority list.
    public var commodities: [Commodity]
    /// In selection order.
    public var notAssessed: [NotAssessed]

    /// The commodities by expected loss share, largest first (ties by id): the priority ranking.
    /// The share, not the loss in USD, ranks: USD would order commodities by the size of their
    /// market (crude oil, natural gas and copper first) rather than by how exposed the importer's
    /// spending on each is; the USD figure is reported beside it.
    public var ranked: [Commodity] {
        commodities.sorted { ($0.expectedLossShare, $1.commodity) > ($1.expectedLossShare, $0.commodity) }
    }
}

