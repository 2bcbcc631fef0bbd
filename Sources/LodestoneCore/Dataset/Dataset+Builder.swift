extension Dataset {
    /// Collects records and builds the columnar Dataset. Unknown countries or commodities in a
    /// record are a programming error upstream (the store validates them), so they trap.
    public struct Builder {
        public var countries: [Country] = []
        public var commodities: [Commodity] = []
        public var groups: [CountryGroup] = []
        public var provenance: [Provenance] = []
        private var countryIndex: [CountryCode: Int32] = [:]
        private var commodityIndex: [CommodityID: Int] = [:]
        private var production: [ProductionKey: ProductionSlice] = [:]
        private var trade: [TradeKey: TradeSlice] = [:]
        private var governance: [GovernanceScore] = []

        public init() {}

        public mutating func add(_ country: Country) {
            precondition(countryIndex[country.code] == nil, "duplicate country \(country.code)")
            countryIndex[country.code] = Int32(countries.count)
            countries.append(country)
        }

        public mutating func add(_ commodity: Commodity) {
            precondition(commodityIndex[commodity.id] == nil, "duplicate commodity \(commodity.id)")
            commodityIndex[commodity.id] = commodities.count
            commodities.append(commodity)
        }

        public mutating func add(_ record: ProductionRecord) {
            let key = ProductionKey(commodity: commodityIndex[record.commodity]!, year: record.year)
            production[key, default: ProductionSlice()].countries.append(countryIndex[record.country]!)
            production[key]!.tonnes.append(record.tonnes)
            production[key]!.publishedAmounts.append(record.publishedAmount)
        }

        public mutating func add(_ flow: TradeFlow) {
            addTrade(year: flow.year, exporter: flow.exporter, importer: flow.importer, hs6: flow.hs6,
                     valueKUSD: flow.valueKUSD, tonnes: flow.tonnes ?? .nan, nomenclature: flow.nomenclature)
        }

        /// The bulk path used by the store loader: no intermediate `TradeFlow` per row.
        public mutating func addTrade(year: Int, exporter: CountryCode, importer: CountryCode, hs6: Int, valueKUSD: Double, tonnes: Double,
                                      nomenclature: Nomenclature = .hs92) {
            trade[TradeKey(nomenclature: nomenclature, hs6: hs6, year: year), default: TradeSlice()].append(
                exporter: countryIndex[exporter]!, importer: countryIndex[importer]!, valueKUSD: valueKUSD, tonnes: tonnes)
        }

        public mutating func add(_ score: GovernanceScore) { governance.append(score) }

        public func hasCountry(_ code: CountryCode) -> Bool { countryIndex[code] != nil }

        public func build() -> Dataset {
            var sortedTrade = trade
            for key in sortedTrade.keys { sortedTrade[key]!.sortByImporter() }
            let years = governance.map(\.year)
            var table = GovernanceTable(countryCount: countries.count, years: years.min().map { $0...years.max()! })
            for score in governance {
                table.set(country: countryIndex[score.country]!, year: score.year, score: score.score, match: score.match)
            }
            return Dataset(countries: countries, commodities: commodities, groups: groups, provenance: provenance,
                           production: production, trade: sortedTrade, governance: table)
        }
    }
}
