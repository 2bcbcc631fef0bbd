/// Official totals standing in for trade-derived ones.
///
/// For a country, stage and year with an official statistic whose series measures the stage's
/// own forms (`OfficialStatistic.comparable`): where the trade-derived imports, exports or
/// production differ from the official amount by more than `officialTolerance` (either way),
/// the official total is used and trade keeps only the split across partners. Each of the
/// country's inbound (outbound) flows is scaled by official ÷ trade-derived, value and tonnes
/// alike, so unit values stay as traded; production is replaced. Every computation that reads
/// a stage's flows (`forEachFlow`) or a network's production sees the anchored figures; the
/// check (`officialCheck`) shows both.
///
/// Then, where an official consumption exists and the consumption those figures give (P + M − E)
/// still misses it by more than the tolerance, production is set so that they meet (domestic
/// supply the production series does not count: secondary refining, stock draws).
///
/// Exports without an official amount are scaled with the imports where those are anchored (the
/// country re-exports out of a smaller pool).
///
/// Not anchored: a measure without an official amount (a gap, a bound), a country whose trade
/// records less than 1 % of an official import or export total (too little to split it over),
/// and the geopolrisk-py reference definitions.
extension Dataset {
    /// Official and trade-derived figures agree when the larger is at most 1.5 times the smaller.
    public static let officialTolerance = 1.5

    /// How one country's figures of one stage-year are anchored.
    struct Anchor: Sendable, Hashable {
        /// Official ÷ trade-derived imports (1: not anchored).
        var importScale = 1.0
        var exportScale = 1.0
        /// Exports without an official figure scaled with the imports: a country re-exports out
        /// of its pool, and an official import total smaller than trade's is a smaller pool.
        var exportsFollowImports = false
        /// The official production where it replaces the production series' figure.
        var production: Double?
        /// Production set so that apparent consumption matches an official consumption that the
        /// figures used would otherwise miss by more than the tolerance: domestic supply the
        /// production series does not count (secondary refining, stock draws).
        var productionFromConsumption = false
    }

    struct AnchorKey: Hashable, Sendable {
        var commodity: Int
        var year: Int
    }

    /// The smallest share of an official total that trade must record for its split across
    /// partners to carry the total: below it, a handful of flows would be blown up to stand for it.
    public static let minimumTradeShareToSplit = 0.01

    /// Whether trade-derived tonnes can carry an official total (some flows, at least 1 % of it).
    static func canSplit(_ trade: Double, over official: Double) -> Bool {
        trade > 0 && trade >= official * minimumTradeShareToSplit
    }

    /// Whether `a` and `b` agree within `officialTolerance` (two zeros agree; zero and a positive do not).
    public static func agrees(_ a: Double, _ b: Double) -> Bool {
        if a == 0 || b == 0 { return a == b }
        return max(a, b) / min(a, b) <= officialTolerance
    }

    /// Trade-derived imports and exports of one country (dense index) for a stage and year,
    /// content tonnes over the flows with a usable quantity, before anchoring.
    func tradeTotals(of info: Commodity, country: Int32, year: Int) -> (imports: Double, exports: Double) {
        var imports = 0.0, exports = 0.0
        forEachFlow(of: info, year: year, anchored: false) { exporter, importer, _, tonnes in
            guard !tonnes.isNaN, exporter != importer else { return }
            if importer == country { imports += tonnes }
            if exporter == country { exports += tonnes }
        }
        return (imports, exports)
    }

    /// The production series' figure for a country (dense index): nil when the series has no
    /// data that year, 0 when it has data but none for this country.
    func seriesProduction(commodity index: Int, country: Int32, year: Int) -> Double? {
        guard let slice = production[ProductionKey(commodity: index, year: year)] else { return nil }
        guard let position = slice.countries.firstIndex(of: country) else { return 0 }
        return slice.tonnes[position]
    }

    /// The anchors of every stage-year with official statistics (built once with the Dataset).
    func computeAnchors() -> [AnchorKey: [Int32: Anchor]] {
        var result: [AnchorKey: [Int32: Anchor]] = [:]
        for (key, measures) in official {
            guard let index = commodityIndex[key.commodity], let country = countryIndex[key.country] else { continue }
            let info = commodities[index]
            guard !info.isReference else { continue }
            var anchor = Anchor()
            let totals = info.isTraded && tradeNomenclature(of: info, year: key.year) != nil
                ? tradeTotals(of: info, country: country, year: key.year) : nil
            if let totals {
                if let official = measures[.imports], official.comparable, let amount = official.amount, Self.canSplit(totals.imports, over: amount),
                   !Self.agrees(totals.imports, amount) {
                    anchor.importScale = amount / totals.imports
                }
                if let official = measures[.exports], official.comparable, let amount = official.amount, Self.canSplit(totals.exports, over: amount),
                   !Self.agrees(totals.exports, amount) {
                    anchor.exportScale = amount / totals.exports
                }
            }
            // Only a smaller pool re-exports less: exports on record are not scaled up.
            if anchor.importScale < 1, anchor.exportScale == 1, measures[.exports]?.amount == nil || measures[.exports]?.comparable == false {
                anchor.exportScale = anchor.importScale
                anchor.exportsFollowImports = true
            }
            if let official = measures[.production], official.comparable, let amount = official.amount,
               let series = seriesProduction(commodity: index, country: country, year: key.year), !Self.agrees(series, amount) {
                anchor.production = amount
            }
            // Consumption last: what production would make P + M − E meet the official consumption.
            if let totals, let official = measures[.consumption], official.comparable, let target = official.amount, target > 0 {
                let imports = totals.imports * anchor.importScale, exports = totals.exports * anchor.exportScale
                let produced = anchor.production ?? seriesProduction(commodity: index, country: country, year: key.year) ?? 0
                let needed = target - imports + exports
                if !Self.agrees(max(0, produced + imports - exports), target), needed >= 0 {
                    anchor.production = needed
                    anchor.productionFromConsumption = true
                }
            }
            if anchor != Anchor() { result[AnchorKey(commodity: index, year: key.year), default: [:]][country] = anchor }
        }
        return result
    }

    /// A country's production of a stage as the answers use it: the official figure where it
    /// anchors, else the production series' (0 where the series has none for the country).
    func anchoredProduction(commodity index: Int, country: Int32, year: Int, series: Double) -> Double {
        anchors[AnchorKey(commodity: index, year: year)]?[country]?.production ?? series
    }
}
