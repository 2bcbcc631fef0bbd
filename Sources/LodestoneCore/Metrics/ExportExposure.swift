/// Where one exporter's exports of a stage go, and how much each importer depends on them: the
/// reverse of `ImportMix`, for "whom does a restriction by this country hit, and how hard?".
///
/// For each importer k of the exporter (or group) X in year y:
/// - tonnes Tₖ = Σ flows X → k (content tonnes, as every trade figure here);
/// - share of X's exports sₖ = Tₖ / Σⱼ Tⱼ;
/// - dependence dₖ = Tₖ / Iₖ, where Iₖ is k's imports of the stage from every partner: the share
///   of its imports that X could withhold. Flows without a usable quantity count by value only and
///   enter neither (an importer with nothing else has no dependence: nil, not 0).
public struct ExportExposure: Hashable, Sendable, Codable {
    public struct Importer: Hashable, Sendable, Codable {
        /// 1 for the importer taking the most tonnes.
        public var rank: Int = 0
        public var country: CountryCode
        /// Null when none of the flows has a usable quantity.
        @OrNull public var tonnes: Double?
        public var valueKUSD: Double
        /// Tₖ / Σ T: null when the importer's flows from X have no usable quantity.
        @OrNull public var shareOfExports: Double?
        /// Tₖ / Iₖ: null when the importer's flows from X have no usable quantity.
        @OrNull public var dependence: Double?
        /// Iₖ: the importer's imports of the stage from every partner, tonnes.
        public var importsTonnes: Double
    }

    public var exporter: String
    public var commodity: CommodityID
    public var year: Int
    public var totalTonnes: Double
    public var totalValueKUSD: Double
    /// Largest tonnes first.
    public var importers: [Importer]
    public var tradeBasis: Dataset.TradeBasis
}

extension Dataset {
    /// The exposure of every importer to `exporter` (a country, group or union; trade among its
    /// members is not export) for one stage and year.
    public func exportExposure(of exporter: Importer, commodity: CommodityID, year: Int) throws(LodestoneError) -> ExportExposure {
        guard let index = commodityIndex[commodity] else { throw .unknownCommodity(commodity.rawValue, suggestion: nil) }
        let info = commodities[index]
        let basis = try checkTrade(of: info, year: year)
        let members = Set(exporter.members.compactMap { countryIndex[$0] })
        var imports: [Int32: Double] = [:], tonnesFrom: [Int32: Double] = [:], valueFrom: [Int32: Double] = [:]
        forEachFlow(of: info, year: year) { from, to, value, tonnes in
            if !tonnes.isNaN { imports[to, default: 0] += tonnes }
            guard members.contains(from), !members.contains(to) else { return }
            valueFrom[to, default: 0] += value
            if !tonnes.isNaN { tonnesFrom[to, default: 0] += tonnes }
        }
        // Sums in a fixed order: the same question gives the same digits in every process.
        let buyers = valueFrom.keys.sorted()
        let totalTonnes = buyers.reduce(0) { $0 + (tonnesFrom[$1] ?? 0) }
        let totalValue = buyers.reduce(0) { $0 + (valueFrom[$1] ?? 0) }
        var rows = buyers.map { k in
            let tonnes = tonnesFrom[k], all = imports[k] ?? 0
            return ExportExposure.Importer(
                rank: 0, country: countries[Int(k)].code, tonnes: tonnes, valueKUSD: valueFrom[k] ?? 0,
                shareOfExports: tonnes.map { totalTonnes > 0 ? $0 / totalTonnes : 0 },
                dependence: tonnes.flatMap { all > 0 ? $0 / all : nil }, importsTonnes: all)
        }
        rows.sort { ($0.tonnes ?? -1, $0.valueKUSD, $1.country) > ($1.tonnes ?? -1, $1.valueKUSD, $0.country) }
        for index in rows.indices { rows[index].rank = index + 1 }
        return ExportExposure(exporter: exporter.id, commodity: commodity, year: year, totalTonnes: totalTonnes,
                              totalValueKUSD: totalValue, importers: rows, tradeBasis: basis)
    }
}
