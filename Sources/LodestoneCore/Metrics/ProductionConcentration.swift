/// How concentrated one commodity's production is in one year.
///
/// - `hhi` = Σ sᵢ² over producing countries, where sᵢ = tonnesᵢ / Σ tonnes: 0 (atomistic) to 1
///   (one producer). Unitless; the share scale 0...1 (not 0...10,000).
/// - `top1Share`, `top3Share`: shares of the largest and three largest producers, 0...1.
/// Producers with zero or missing output are left out. Where the series is cited shares of a cited
/// world total (`Commodity.productionBasis`), tonnes the source attributes to no country count in
/// the total (`unattributedTonnes`) as many small producers: shares are of the world total, and
/// the remainder adds nothing to the HHI.
public struct ProductionConcentration: Hashable, Sendable, Codable {
    public struct Producer: Hashable, Sendable, Codable {
        public var country: CountryCode
        public var tonnes: Double
        /// Share of world production, 0...1.
        public var share: Double
    }

    public var commodity: CommodityID
    public var year: Int
    public var totalTonnes: Double
    /// What the series measures (the stage's own output, mine output standing in, cited shares).
    public var productionBasis: Commodity.ProductionBasis
    /// World output the source does not attribute to a country (cited shares only), tonnes.
    public var unattributedTonnes: Double
    public var hhi: Double
    public var top1Share: Double
    public var top3Share: Double
    /// Producers, largest first (ties by country code).
    public var producers: [Producer]
}

extension Dataset {
    /// Production concentration of `commodity` in `year`.
    /// Throws `noProduction` when the year has no positive production for the commodity.
    public func concentration(of commodity: CommodityID, year: Int) throws(LodestoneError) -> ProductionConcentration {
        guard let index = commodityIndex[commodity] else { throw .unknownCommodity(commodity.rawValue, suggestion: nil) }
        let name = commodities[index].name
        guard let slice = production[ProductionKey(commodity: index, year: year)] else {
            throw .noProduction(commodity: name, year: year, available: productionYears(of: commodity))
        }
        var rows: [(country: CountryCode, tonnes: Double)] = []
        for (country, tonnes) in zip(slice.countries, slice.tonnes) where tonnes > 0 {
            rows.append((countries[Int(country)].code, tonnes))
        }
        let named = rows.reduce(0) { $0 + $1.tonnes }
        let info = commodities[index]
        let total = info.productionBasis == .citedShares ? max(named, info.productionWorldTonnes ?? 0) : named
        guard total > 0 else { throw .noProduction(commodity: name, year: year, available: productionYears(of: commodity)) }
        rows.sort { $0.tonnes != $1.tonnes ? $0.tonnes > $1.tonnes : $0.country < $1.country }
        let producers = rows.map { ProductionConcentration.Producer(country: $0.country, tonnes: $0.tonnes, share: $0.tonnes / total) }
        let hhi = producers.reduce(0) { $0 + $1.share * $1.share }
        return ProductionConcentration(
            commodity: commodity, year: year, totalTonnes: total, productionBasis: info.productionBasis, unattributedTonnes: total - named, hhi: hhi,
            top1Share: producers.first?.share ?? 0,
            top3Share: producers.prefix(3).reduce(0) { $0 + $1.share },
            producers: producers)
    }
}
