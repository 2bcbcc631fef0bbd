extension Dataset {
    /// Collects records and builds the columnar Dataset.
    ///
    /// The builder never traps on what it is given: a record that names an unknown country or
    /// commodity, repeats a country or commodity, or carries a year outside `Plausible.years`
    /// or a number that is not finite is left out and described in `problems`. Importers
    /// validate before the store, so a store whose rows produce problems is damaged, and the
    /// store reports it as such instead of building from what is left.
    public struct Builder {
        public var countries: [Country] = []
        public var commodities: [Commodity] = []
        public var groups: [CountryGroup] = []
        public var provenance: [Provenance] = []
        /// What was left out and why, the first `problemLimit` of them; `problemCount` counts all.
        public private(set) var problems: [String] = []
        public private(set) var problemCount = 0
        private var countryIndex: [CountryCode: Int32] = [:]
        private var commodityIndex: [CommodityID: Int] = [:]
        private var production: [ProductionKey: ProductionSlice] = [:]
        var trade: [TradeKey: TradeSlice] = [:]
        private var governance: [GovernanceScore] = []
        private var official: [OfficialStatistic] = []
        private var names: [CountryName] = []

        static let problemLimit = 20

        public init() {}

        private mutating func problem(_ text: @autoclosure () -> String) {
            problemCount += 1
            if problems.count < Self.problemLimit { problems.append(text()) }
        }

        public mutating func add(_ country: Country) {
            guard countryIndex[country.code] == nil else { return problem("duplicate country \(country.code)") }
            guard countries.count < Int(Int32.max) else { return problem("too many countries") }
            countryIndex[country.code] = Int32(countries.count)
            countries.append(country)
        }

        public mutating func add(_ commodity: Commodity) {
            guard commodityIndex[commodity.id] == nil else { return problem("duplicate commodity \(commodity.id)") }
            commodityIndex[commodity.id] = commodities.count
            commodities.append(commodity)
        }

        public mutating func add(_ record: ProductionRecord) {
            guard let commodity = commodityIndex[record.commodity] else {
                return problem("production of unknown commodity '\(record.commodity)'")
            }
            guard let country = countryIndex[record.country] else { return problem("production in unknown country \(record.country)") }
            guard Plausible.years.contains(record.year) else { return problem("production year \(record.year) outside \(Plausible.years)") }
            guard Plausible.isAmount(record.tonnes), record.publishedAmount.isFinite else {
                return problem("production of \(record.tonnes) t is not a finite amount")
            }
            let key = ProductionKey(commodity: commodity, year: record.year)
            production[key, default: ProductionSlice()].countries.append(country)
            production[key, default: ProductionSlice()].tonnes.append(record.tonnes)
            production[key, default: ProductionSlice()].publishedAmounts.append(record.publishedAmount)
        }

        public mutating func add(_ flow: TradeFlow) {
            addTrade(year: flow.year, exporter: flow.exporter, importer: flow.importer, hs6: flow.hs6,
                     valueKUSD: flow.valueKUSD, tonnes: flow.tonnes ?? .nan, nomenclature: flow.nomenclature)
        }

        /// The bulk path used by the store loader: no intermediate `TradeFlow` per row. A NaN
        /// `tonnes` means "no quantity".
        public mutating func addTrade(year: Int, exporter: CountryCode, importer: CountryCode, hs6: Int, valueKUSD: Double, tonnes: Double,
                                      nomenclature: Nomenclature = .hs92) {
            guard let from = countryIndex[exporter], let to = countryIndex[importer] else {
                return problem("trade between unknown countries \(exporter) → \(importer)")
            }
            guard Plausible.years.contains(year) else { return problem("trade year \(year) outside \(Plausible.years)") }
            guard Plausible.hs6.contains(hs6) else { return problem("trade in '\(hs6)', not a six-digit HS code") }
            guard Plausible.isAmount(valueKUSD), tonnes.isNaN || Plausible.isAmount(tonnes) else {
                return problem("trade of \(valueKUSD) kUSD, \(tonnes) t is not a finite amount")
            }
            trade[TradeKey(nomenclature: nomenclature, hs6: hs6, year: year), default: TradeSlice()].append(
                exporter: from, importer: to, valueKUSD: valueKUSD, tonnes: tonnes)
        }

        public mutating func add(_ score: GovernanceScore) {
            guard countryIndex[score.country] != nil else { return problem("governance score of unknown country \(score.country)") }
            guard Plausible.years.contains(score.year) else { return problem("governance year \(score.year) outside \(Plausible.years)") }
            guard Plausible.isShare(score.score) else { return problem("governance score \(score.score) outside 0–1") }
            governance.append(score)
        }

        public mutating func add(_ name: CountryName) {
            guard countryIndex[name.country] != nil else { return problem("name of unknown country \(name.country)") }
            guard CountryName.languages.contains(name.language), !name.name.isEmpty else {
                return problem("name '\(name.name.prefix(30))' in language '\(name.language.prefix(8))'")
            }
            names.append(name)
        }

        public mutating func add(_ statistic: OfficialStatistic) {
            guard countryIndex[statistic.country] != nil else { return problem("official statistic of unknown country \(statistic.country)") }
            if let partner = statistic.partner, countryIndex[partner] == nil { return problem("official statistic of unknown partner \(partner)") }
            guard commodityIndex[statistic.commodity] != nil else { return problem("official statistic of unknown commodity '\(statistic.commodity)'") }
            guard Plausible.years.contains(statistic.year) else { return problem("official statistic year \(statistic.year) outside \(Plausible.years)") }
            if let amount = statistic.amount {
                guard statistic.measure.isTonnes ? Plausible.isAmount(amount) : amount.isFinite && amount >= 0 && amount <= 1 else {
                    return problem("official \(statistic.measure.rawValue) of \(amount) is out of range")
                }
            }
            official.append(statistic)
        }

        public func hasCountry(_ code: CountryCode) -> Bool { countryIndex[code] != nil }

        /// Sorts every trade slice and works out its typical unit value now, so that a trade
        /// image taken afterwards carries them and `build()` has nothing left to do.
        public mutating func finishTrade() {
            for key in trade.keys { trade[key]?.finish() }
        }

        /// Builds from the records that were accepted (see `problems` for those that were not).
        /// Group members that are not countries of the data are left out of their group.
        public func build() -> Dataset {
            var sortedTrade = trade
            for key in sortedTrade.keys { sortedTrade[key]?.finish() }
            let years = governance.map(\.year)
            var range: ClosedRange<Int>?
            if let first = years.min(), let last = years.max() { range = first...last }
            var table = GovernanceTable(countryCount: countries.count, years: range)
            for score in governance {
                guard let country = countryIndex[score.country] else { continue }
                table.set(country: country, year: score.year, score: score.score, match: score.match)
            }
            let knownGroups = groups.map { group in
                var group = group
                group.members = group.members.filter { countryIndex[$0] != nil }
                return group
            }
            var dataset = Dataset(countries: countries, commodities: commodities, groups: knownGroups, provenance: provenance,
                                  production: production, trade: sortedTrade, governance: table, official: official, names: names)
            dataset.baskets = dataset.computeBaskets()
            dataset.carriedStageIndices = dataset.carriedStages()
            dataset.carried = dataset.computeCarriedContent()
            dataset.anchors = dataset.computeAnchors()
            let sourced = dataset.computeSourcedFlows()
            dataset.sourced = sourced.trade
            for (key, byCountry) in sourced.anchors { dataset.anchors[key, default: [:]].merge(byCountry) { _, new in new } }
            return dataset
        }

        /// Records a problem for every group member that is not a country of the data (call
        /// after adding countries and setting `groups`).
        public mutating func checkGroups() {
            for group in groups {
                for member in group.members where countryIndex[member] == nil {
                    problem("group '\(group.id)' has unknown member \(member)")
                }
            }
        }
    }
}
