/// What a restriction scenario does, per commodity market and per importer.
public struct ScenarioOutcome: Hashable, Sendable, Codable {
    /// The world market of one commodity after the restriction.
    public struct Market: Hashable, Sendable, Codable {
        public var commodity: CommodityID
        /// World apparent consumption before the restriction, tonnes per year.
        public var consumptionTonnes: Double
        /// Tonnes withheld from targets (directly, and through third countries), over the duration.
        public var withheldTonnes: Double
        /// Extra output from unrestricted producers, tonnes (capped by their spare capacity).
        public var supplyResponseTonnes: Double
        /// Consumption given up worldwide because of the higher price, tonnes.
        public var demandResponseTonnes: Double
        /// Excess demand left when the price reaches its cap, tonnes.
        public var unmetTonnes: Double
        /// Relative world price change, e.g. 0.35 = +35 %.
        public var priceChange: Double
        public var priceCapped: Bool
        /// Pre-restriction world unit value of the traded commodity, USD/kg.
        public var priceUSDPerKg: Double
        public var parameters: MarketParameters.Entry
        /// Unrestricted producers best placed to fill the gap, best first.
        public var partners: [Partner]
    }

    public struct Partner: Hashable, Sendable, Codable {
        public var country: CountryCode
        public var productionTonnes: Double
        /// Spare capacity over the duration, tonnes.
        public var spareTonnes: Double
        public var governanceScore: Double?
        /// Member of the allies group given to the run (or of the importer group).
        public var ally: Bool
    }

    /// The effect on one importer and commodity.
    public struct Impact: Hashable, Sendable, Codable {
        public var importer: String
        public var commodity: CommodityID
        /// Apparent consumption (production + imports − exports) over the duration, tonnes.
        public var consumptionTonnes: Double
        /// Supply withheld from this importer directly by the restricting countries, tonnes.
        public var directLossTonnes: Double
        /// Supply lost because the restricted material no longer reaches it through third countries.
        public var indirectLossTonnes: Double
        /// (direct + indirect) / consumption, 0...1.
        public var lossShare: Double
        /// What it cannot consume after the market's response, tonnes.
        public var shortfallTonnes: Double
        public var shortfallShare: Double
        public var priceChange: Double
        /// Extra spending on what it still buys at the new price, USD.
        public var extraCostUSD: Double
    }

    public var scenario: RestrictionScenario
    public var year: Int
    public var markets: [Market]
    public var impacts: [Impact]
    /// Commodities the scenario names that the data cannot assess, with the reason.
    public var notAssessed: [String: String]
}
