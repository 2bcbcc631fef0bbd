/// The whole normalised data set in memory: immutable, `Sendable`, indexed by dense integer ids.
///
/// Built once from the store (or from records in tests) by `Dataset.Builder`; every metric is a
/// pure function of a Dataset and its parameters.
public struct Dataset: Sendable {
    public let countries: [Country]
    public let commodities: [Commodity]
    public let groups: [CountryGroup]
    public let provenance: [Provenance]
    /// Years with any production data, ascending.
    public let productionYears: [Int]
    /// Years with any trade data, ascending.
    public let tradeYears: [Int]

    let countryIndex: [CountryCode: Int32]
    let commodityIndex: [CommodityID: Int]
    /// What each commodity answers to by name (`nameKeys(of:)`), worked out once: resolving a
    /// preset's commodities would otherwise redo it for every commodity each time.
    let commodityNameKeys: [[String]]
    let production: [ProductionKey: ProductionSlice]
    let trade: [TradeKey: TradeSlice]
    let governance: GovernanceTable
    /// Official statistics by (country, stage, year), each measure once.
    let official: [OfficialKey: [OfficialStatistic.Measure: OfficialStatistic]]
    /// Bilateral official exports (tonnes) by (exporter, stage, year) and partner (dense index).
    let officialExportsByPartner: [OfficialKey: [Int32: Double]]
    /// Official import shares by (importer, stage, year) and source (dense index): `Dataset+ImportSources`.
    let officialImportShares: [OfficialKey: [Int32: Double]]
    /// Names in other languages, by country and language (`CountryName.languages`).
    let localNames: [CountryCode: [String: String]]
    /// Where official totals stand in for trade-derived ones (`computeAnchors`), set once by the builder.
    var anchors: [AnchorKey: [Int32: Anchor]] = [:]
    /// How each code shared by several stages is split per exporter (`computeBaskets`), set once by the builder.
    var baskets: [TradeKey: BasketSplit] = [:]
    /// The stages carried inside another's codes (`carriedStages`), by index, set once by the builder.
    var carriedStageIndices: Set<Int> = []
    /// Per stage carried inside another's codes and year, each exporter's coverage (`computeCarriedContent`), set once by the builder.
    var carried: [AnchorKey: [Double]] = [:]
    /// Flows of stages without trade codes, from official import sources (`computeSourcedFlows`), set once by the builder.
    var sourced: [AnchorKey: SourcedTrade] = [:]

    init(
        countries: [Country], commodities: [Commodity], groups: [CountryGroup], provenance: [Provenance],
        production: [ProductionKey: ProductionSlice], trade: [TradeKey: TradeSlice], governance: GovernanceTable,
        official: [OfficialStatistic] = [], names: [CountryName] = []
    ) {
        var localNames: [CountryCode: [String: String]] = [:]
        for name in names { localNames[name.country, default: [:]][name.language] = name.name }
        self.localNames = localNames
        self.countries = countries
        self.commodities = commodities
        self.groups = groups
        self.provenance = provenance
        self.production = production
        self.trade = trade
        self.governance = governance
        var officialIndex: [OfficialKey: [OfficialStatistic.Measure: OfficialStatistic]] = [:]
        var byPartner: [OfficialKey: [Int32: Double]] = [:], importShares: [OfficialKey: [Int32: Double]] = [:]
        var countryIndex: [CountryCode: Int32] = [:]
        for (index, country) in countries.enumerated() { countryIndex[country.code] = Int32(index) }
        for statistic in official {
            let key = OfficialKey(country: statistic.country, commodity: statistic.commodity, year: statistic.year)
            if let partner = statistic.partner {
                guard let amount = statistic.amount, let index = countryIndex[partner] else { continue }
                if statistic.measure == .exports { byPartner[key, default: [:]][index] = amount }
                if statistic.measure == .importShare { importShares[key, default: [:]][index] = amount }
                continue
            }
            officialIndex[OfficialKey(country: statistic.country, commodity: statistic.commodity, year: statistic.year), default: [:]][statistic.measure] = statistic
        }
        self.official = officialIndex
        self.officialExportsByPartner = byPartner
        self.officialImportShares = importShares
        self.countryIndex = countryIndex
        var commodityIndex: [CommodityID: Int] = [:]
        for (index, commodity) in commodities.enumerated() { commodityIndex[commodity.id] = index }
        self.commodityIndex = commodityIndex
        commodityNameKeys = commodities.map(Self.nameKeys(of:))
        self.productionYears = Set(production.keys.map(\.year)).sorted()
        self.tradeYears = Set(trade.keys.map(\.year)).sorted()
    }

    /// The country's name in `language` ("ja", "ar", "zh"), or nil where none is held.
    public func localName(of code: CountryCode, language: String) -> String? {
        localNames[code]?[language]
    }

    /// Every name in another language, in (country, language) order.
    public var countryNames: [CountryName] {
        localNames.flatMap { code, names in names.map { CountryName(country: code, language: $0.key, name: $0.value) } }
            .sorted { ($0.country.rawValue, $0.language) < ($1.country.rawValue, $1.language) }
    }

    public func country(_ code: CountryCode) -> Country? {
        countryIndex[code].map { countries[Int($0)] }
    }

    public func commodity(_ id: CommodityID) -> Commodity? {
        commodityIndex[id].map { commodities[$0] }
    }

    public func group(_ id: String) -> CountryGroup? {
        groups.first { $0.id.caseInsensitiveCompare(id) == .orderedSame }
    }

    /// Number of trade flows held (all products and years).
    public var tradeFlowCount: Int { trade.values.reduce(0) { $0 + $1.count } }

    /// Every official statistic held, in (commodity, country, year, measure) order.
    public var officialStatistics: [OfficialStatistic] {
        official.values.flatMap(\.values).sorted {
            ($0.commodity.rawValue, $0.country.rawValue, $0.year, $0.measure) < ($1.commodity.rawValue, $1.country.rawValue, $1.year, $1.measure)
        }
    }

    /// The official statistics of a country's stage in a year, by measure (empty where none).
    public func officialStatistics(of country: CountryCode, commodity: CommodityID, year: Int) -> [OfficialStatistic.Measure: OfficialStatistic] {
        official[OfficialKey(country: country, commodity: commodity, year: year)] ?? [:]
    }

    /// Number of production records held.
    public var productionRecordCount: Int { production.values.reduce(0) { $0 + $1.countries.count } }

    /// Number of governance scores held, and the years that have any, ascending.
    public var governanceSummary: (count: Int, years: [Int]) { governance.summary }

    /// The latest year with both production and trade data: the default year of a question that
    /// needs both (risk, priorities). Production can run a year ahead of trade — the USGS MCS
    /// estimates the year just ended, BACI follows a year later — and that year has no imports
    /// to assess.
    public var latestAssessableYear: Int? { productionYears.last(where: tradeYears.contains) }

    /// Years in which a commodity has production data.
    public func productionYears(of commodity: CommodityID) -> [Int] {
        guard let index = commodityIndex[commodity] else { return [] }
        return productionYears.filter { production[ProductionKey(commodity: index, year: $0)] != nil }
    }

    /// The governance score of a country in a year, or nil where the source has none.
    public func governanceScore(of country: CountryCode, year: Int) -> GovernanceScore? {
        guard let index = countryIndex[country], let entry = governance.entry(country: index, year: year) else { return nil }
        return GovernanceScore(country: country, year: year, score: entry.score, match: entry.match)
    }
}
