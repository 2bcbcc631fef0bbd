/// Priority tiers from the expected annual economic loss of restrictions as a share of what the
/// importer spends on the commodity, `RestrictionRisk.Commodity.expectedLossShare`
/// (expected loss, USD per year / consumption value, USD per year):
///
/// | tier     | expected loss share | the expected loss alone pays for holding |
/// |----------|---------------------|------------------------------------------|
/// | high     | ≥ 6 %               | a six-month buffer stock                 |
/// | elevated | ≥ 3 %               | a three-month buffer stock               |
/// | moderate | ≥ 1 %               | a one-month buffer stock                 |
/// | limited  | < 1 %               | less than a one-month stock              |
///
/// Rationale: a buffer stock of k months of consumption costs about r·k/12 of a year's spend
/// per year to hold, with r the annual carrying cost of inventory. With r = 12 % (about 1 % of
/// the stock's value a month: cost of capital plus storage, insurance and handling, an
/// assumption of this tool, not a published figure), a loss share of 6 % means restrictions cost
/// the importer, on average, as much as keeping six months of stock would. The cuts are where
/// precaution starts to pay for itself by that yardstick, not a fit to any list (the README gives
/// how many commodities each tier holds for the USA and the EU). Negative, zero or NaN shares are limited. Every share's tier comes with a confidence
/// (`RestrictionRisk.Commodity.tierConfidence`), since shares near a cut can fall either side.
public enum PriorityTier: String, Hashable, Sendable, Codable, CaseIterable {
    case high, elevated, moderate, limited

    /// The annual carrying cost of a buffer stock assumed by the thresholds, share of its value.
    public static let annualCarryingCost = 0.12

    /// The lower bound of each tier but `limited`, as an expected loss share (0.06 = 6 %):
    /// `annualCarryingCost` × 6, 3 and 1 months / 12.
    public static let thresholds: [(tier: PriorityTier, minimumShare: Double)] = [(.high, 0.06), (.elevated, 0.03), (.moderate, 0.01)]

    /// The tier of an expected loss share, expectedLossUSD / consumptionValueUSD.
    public init(expectedLossShare share: Double) {
        self = Self.thresholds.first { share >= $0.minimumShare }?.tier ?? .limited
    }

    /// Whether the tier is one of the two that make a priority list (high, elevated).
    public var isTop: Bool { self == .high || self == .elevated }
}
