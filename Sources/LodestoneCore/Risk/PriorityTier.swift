/// Priority tiers from the probability-weighted loss (expected shortfall as a share of the
/// importer's consumption, per year): high ≥ 2 %, elevated ≥ 1 %, moderate ≥ 0.25 %, else limited.
public enum PriorityTier: String, Hashable, Sendable, Codable, CaseIterable {
    case high, elevated, moderate, limited

    public init(expectedShortfallShare share: Double) {
        self = switch share {
        case 0.02...: .high
        case 0.01...: .elevated
        case 0.0025...: .moderate
        default: .limited
        }
    }
}
