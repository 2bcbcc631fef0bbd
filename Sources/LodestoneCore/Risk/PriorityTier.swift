/// Priority tiers from a probability-weighted annual loss as a share of what the importer
/// consumes: high ≥ 2 %, elevated ≥ 1 %, moderate ≥ 0.25 %, limited below (negative, zero or
/// NaN shares are limited). The thresholds are assumptions of this tool, not a published scale.
///
/// `RestrictionRisk` ranks by the economic share, `init(expectedLossShare:)`: expected loss (USD
/// per year) / consumption value (consumption tonnes × unit value, USD per year). The physical
/// share, `init(expectedShortfallShare:)`, uses the same thresholds.
public enum PriorityTier: String, Hashable, Sendable, Codable, CaseIterable {
    case high, elevated, moderate, limited

    /// The lower bound of each tier but `limited`, as a share (0.02 = 2 %).
    public static let thresholds: [(tier: PriorityTier, minimumShare: Double)] = [(.high, 0.02), (.elevated, 0.01), (.moderate, 0.0025)]

    /// The tier of an expected loss share, expectedLossUSD / consumptionValueUSD.
    public init(expectedLossShare share: Double) {
        self = Self.thresholds.first { share >= $0.minimumShare }?.tier ?? .limited
    }

    /// The tier of an expected shortfall share, expected shortfall tonnes / consumption tonnes.
    public init(expectedShortfallShare share: Double) {
        self.init(expectedLossShare: share)
    }
}
