/// An observed price move after a real export restriction, as kept in the project's
/// observations file (Resources/Backtest/price-observations.csv), each with its source.
public struct PriceObservation: Hashable, Sendable, Codable {
    /// Which price moved: outside the restricting countries, inside them, or another model's
    /// result for the same event (compared at severity 1).
    public enum Market: String, Hashable, Sendable, Codable, CaseIterable {
        case outside, inside, model
    }

    /// Whether the observation calibrates the model (`fit`) or only checks it (`test`,
    /// `reference` for another model's result).
    public enum Role: String, Hashable, Sendable, Codable, CaseIterable {
        case fit, test, reference
    }

    /// The preset name of the event.
    public var event: String
    /// Commodity family ("gallium") or stage id ("rare-earth:component").
    public var commodity: String
    public var market: Market
    public var role: Role
    /// Months between the two prices.
    public var horizonMonths: Double
    public var dateBefore: String
    public var dateAfter: String
    public var priceBasis: String
    /// Observed relative change, e.g. 0.434 = +43.4 %.
    public var change: Double
    public var source: String
    public var url: String
    public var reliability: String
    public var note: String

    public init(event: String, commodity: String, market: Market, role: Role, horizonMonths: Double, dateBefore: String,
                dateAfter: String, priceBasis: String, change: Double, source: String, url: String, reliability: String, note: String = "") {
        self.event = event
        self.commodity = commodity
        self.market = market
        self.role = role
        self.horizonMonths = horizonMonths
        self.dateBefore = dateBefore
        self.dateAfter = dateAfter
        self.priceBasis = priceBasis
        self.change = change
        self.source = source
        self.url = url
        self.reliability = reliability
        self.note = note
    }
}
