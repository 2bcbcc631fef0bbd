/// What a restriction scenario does, per commodity market and per importer.
public struct ScenarioOutcome: Hashable, Sendable, Codable {
    /// One commodity's market after the restriction, inside and outside the restricting countries.
    public struct Market: Hashable, Sendable, Codable {
        public var commodity: CommodityID
        public var supplyClass: Commodity.SupplyClass
        /// The years of trade and of production the market was built from (production falls back
        /// to the nearest year on record; `note` says so).
        public var tradeYear: Int
        public var productionYear: Int
        /// Severity applied to this commodity (the scenario's, or an observed effective one).
        public var severity: Double
        /// World apparent consumption before the restriction, tonnes over the duration.
        public var consumptionTonnes: Double
        /// Tonnes withheld from targets (directly, and through third countries), over the duration.
        public var withheldTonnes: Double
        /// Withheld tonnes that non-targeted countries take over instead: sold to them by the
        /// restricting countries (after the licensing delay), or used or sold on at once by third
        /// countries holding them under extraterritorial rules.
        public var divertedTonnes: Double
        /// Stocks built by buyers outside when the control is announced, tonnes (`precautionaryMonths`).
        public var precautionaryTonnes: Double
        /// Extra output from producers outside the restricting countries, tonnes (capped by spare capacity).
        public var supplyResponseTonnes: Double
        /// Consumption given up outside because of the higher price, tonnes.
        public var demandResponseTonnes: Double
        /// Excess demand left when the outside price reaches its cap, tonnes.
        public var unmetTonnes: Double
        /// Relative price change outside the restricting countries in the (first) year, e.g. 0.35 = +35 %.
        public var priceChangeOutside: Double
        public var priceCapped: Bool
        /// Supply kept in the restricting countries, tonnes, net of the imports they lose through
        /// third countries (replaced from it), and the part held in stock there. What third
        /// countries hold back under extraterritorial rules is not in it.
        public var keptAtHomeTonnes: Double
        public var stockpiledInsideTonnes: Double
        /// Of the withheld tonnes, those the restricting countries use to replace the imports they
        /// lose through third countries, over the duration (≥ 0): neither lost outside nor kept at
        /// home, so withheld = diverted + kept at home + this + held in third countries. 0 when
        /// none of what the targets lose would have reached the restricting countries (they import
        /// none of it from them).
        public var replacingOwnImportsTonnes: Double
        /// Under extraterritorial rules, what non-targeted third countries hold back and cannot
        /// place with other non-targets, over the duration: it stays in their stocks, outside the
        /// restricting countries (0 without such rules).
        public var heldInThirdCountriesTonnes: Double
        /// The restricting countries' own output change over the duration (a quota cut < 0), tonnes.
        public var insideOutputChangeTonnes: Double
        /// Relative price change inside the restricting countries (≤ 0 unless they cut their own output).
        public var priceChangeInside: Double
        public var insidePriceFloored: Bool
        /// For a disruption longer than a year, the price changes outside and inside in the later
        /// years, once the first year's frictions are over (`MarketParameters.Entry.afterFirstYear`);
        /// nil for a year or less.
        public var priceChangeOutsideLaterYears: Double?
        public var priceChangeInsideLaterYears: Double?
        /// Whether the later years' outside price sits at its cap and the inside price at its floor
        /// (`priceCapped` and `insidePriceFloored` are the first year's); nil for a year or less.
        public var priceCappedLaterYears: Bool?
        public var insidePriceFlooredLaterYears: Bool?
        /// Consumers' stocks outside drawn to soften shortfalls, tonnes.
        public var stockDrawTonnes: Double
        /// Pre-restriction world unit value of the traded commodity, USD/kg.
        public var priceUSDPerKg: Double
        public var parameters: MarketParameters.Entry
        /// Unrestricted producers best placed to fill the gap, best first; none for a stage listed
        /// at severity 0 (not controlled, only the restricting countries' output change).
        public var partners: [Partner]
        public var tradeBasis: Dataset.TradeBasis?
        public var note: String?
    }

    public struct Partner: Hashable, Sendable, Codable {
        public var country: CountryCode
        public var productionTonnes: Double
        /// Spare capacity over the duration, tonnes.
        public var spareTonnes: Double
        public var governanceScore: Double?
        /// Member of the partner group given to the run (or of the importer group).
        public var inPartnerGroup: Bool
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
        /// (direct + indirect) / consumption, 0...1; nil when it consumes none (a share of
        /// nothing is not assessable, not 0).
        public var lossShare: Double?
        /// What it cannot consume after the market's response and its own stocks, tonnes.
        public var shortfallTonnes: Double
        /// shortfall / consumption over the duration, 0...1; nil when it consumes none.
        public var shortfallShare: Double?
        /// Its stocks drawn over the duration, tonnes.
        public var stockDrawTonnes: Double
        /// The price change it pays in the (first) year: outside, inside (for a restricting
        /// country), or their consumption-weighted mean for a group spanning both.
        public var priceChange: Double
        /// The same in the later years of a disruption longer than a year; nil for a year or less.
        public var priceChangeLaterYears: Double?
        /// The value of its shortfall at the pre-restriction unit value times (1 + the price change
        /// of the year it falls in), USD: what `priorities` calls the economic loss.
        public var shortfallValueUSD: Double
        /// Extra spending on what it still buys at the new price, USD (negative: a saving).
        public var extraCostUSD: Double
    }

    public var scenario: RestrictionScenario
    public var year: Int
    public var markets: [Market]
    public var impacts: [Impact]
    /// Commodities the scenario names that the data cannot assess, with the reason.
    public var notAssessed: [NotAssessed]
}
